package dev.tracelens.sync;

import dev.tracelens.archive.FieldMapping;
import dev.tracelens.archive.InputFormat;
import dev.tracelens.archive.ReaderOptions;
import dev.tracelens.archive.TextPattern;

import java.util.Objects;

/**
 * How the keys under one prefix of a bucket are laid out and what they hold, kept in the sync
 * settings so that one bucket's prefixes (JSON lines here, plain text there) each sync and import
 * their own way.
 *
 * @param prefix      the key prefix (normalized like {@link SyncSettings#prefix()})
 * @param layout      the key template ({@link KeyLayout}); null for Papertrail's {@code dt=} folders
 * @param inputFormat {@code auto}, {@code papertrail}, {@code jsonl} or {@code text}; null for auto
 * @param fields      a JSON field mapping ({@code time=ts,host=h}); null for the common names
 * @param textPattern the layout of plain-text lines ({@link TextPattern}: a Python {@code logging}
 *                    format string or a regex with named groups); null for the usual layouts
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record PrefixFormat(String prefix, String layout, String inputFormat, String fields, String textPattern) {

    public PrefixFormat {
        prefix = SyncSettings.normalizePrefix(Objects.requireNonNull(prefix, "prefix"));
        layout = blankToNull(layout);
        inputFormat = blankToNull(inputFormat);
        fields = blankToNull(fields);
        textPattern = textPattern == null || textPattern.isBlank() ? null : textPattern; // its spaces may matter
        if (layout != null) {
            new KeyLayout(layout); // refuses a bad template now, not at the next sync
        }
        if (inputFormat != null) {
            InputFormat f = InputFormat.parse(inputFormat);
            inputFormat = f == InputFormat.AUTO ? null : f.label(); // auto is the default: no entry needed for it
        }
        if (fields != null) {
            FieldMapping.parse(fields);
        }
        if (textPattern != null) {
            TextPattern.parse(textPattern);
        }
    }

    public PrefixFormat(String prefix, String layout, String inputFormat, String fields) {
        this(prefix, layout, inputFormat, fields, null);
    }

    /** Papertrail's layout, formats told by content. */
    public static PrefixFormat defaults(String prefix) {
        return new PrefixFormat(prefix, null, null, null, null);
    }

    public KeyLayout keyLayout() {
        return layout == null ? KeyLayout.papertrail() : new KeyLayout(layout);
    }

    /** How the synced files of this prefix are read. */
    public ReaderOptions readerOptions() {
        ReaderOptions o = ReaderOptions.defaults();
        if (inputFormat != null) {
            o = o.withInputFormat(InputFormat.parse(inputFormat));
        }
        if (fields != null) {
            o = o.withFields(FieldMapping.parse(fields));
        }
        return textPattern == null ? o : o.withTextPattern(TextPattern.parse(textPattern));
    }

    /** {@code jsonl}, or {@code auto (told per file)}: what {@code sync --list} shows per key. */
    public String formatLabel() {
        return inputFormat == null || inputFormat.equals("auto") ? "auto" : inputFormat;
    }

    /**
     * What {@code sync --list} and the app's Sync window show as a key's format: the forced one
     * ({@code jsonl}), or with auto detection what a synced file's own bytes hold
     * ({@code auto:text}), else {@code auto}. Reads the first 64 KiB of a synced file: not for the
     * UI thread.
     */
    public String formatShown(PlannedArchive archive) {
        String format = formatLabel();
        if (!format.equals("auto") || archive.status() != PlannedArchive.Status.SYNCED) {
            return format;
        }
        return formatOfFile(archive.localFile());
    }

    /** {@link #formatLabel()}, or with auto detection {@code auto:<what the file holds>}. */
    public String formatOfFile(java.nio.file.Path localFile) {
        String format = formatLabel();
        if (!format.equals("auto")) {
            return format;
        }
        return dev.tracelens.archive.ArchiveReader.formatOf(localFile).map(f -> "auto:" + f.label()).orElse(format);
    }

    /** This entry with every non-null argument taking precedence. */
    public PrefixFormat overriddenBy(String layout, String inputFormat, String fields) {
        return overriddenBy(layout, inputFormat, fields, null);
    }

    /** This entry with every non-null argument taking precedence. */
    public PrefixFormat overriddenBy(String layout, String inputFormat, String fields, String textPattern) {
        return new PrefixFormat(prefix, layout != null ? layout : this.layout,
                inputFormat != null ? inputFormat : this.inputFormat, fields != null ? fields : this.fields,
                textPattern != null ? textPattern : this.textPattern);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
