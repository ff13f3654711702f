package dev.tracelens.sync;

import dev.tracelens.archive.FieldMapping;
import dev.tracelens.archive.InputFormat;
import dev.tracelens.archive.ReaderOptions;

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
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record PrefixFormat(String prefix, String layout, String inputFormat, String fields) {

    public PrefixFormat {
        prefix = SyncSettings.normalizePrefix(Objects.requireNonNull(prefix, "prefix"));
        layout = blankToNull(layout);
        inputFormat = blankToNull(inputFormat);
        fields = blankToNull(fields);
        if (layout != null) {
            new KeyLayout(layout); // refuses a bad template now, not at the next sync
        }
        if (inputFormat != null) {
            inputFormat = InputFormat.parse(inputFormat).label();
        }
        if (fields != null) {
            FieldMapping.parse(fields);
        }
    }

    /** Papertrail's layout, formats told by content. */
    public static PrefixFormat defaults(String prefix) {
        return new PrefixFormat(prefix, null, null, null);
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
        return fields == null ? o : o.withFields(FieldMapping.parse(fields));
    }

    /** {@code jsonl}, or {@code auto (told per file)}: what {@code sync --list} shows per key. */
    public String formatLabel() {
        return inputFormat == null || inputFormat.equals("auto") ? "auto" : inputFormat;
    }

    /** This entry with every non-null argument taking precedence. */
    public PrefixFormat overriddenBy(String layout, String inputFormat, String fields) {
        return new PrefixFormat(prefix, layout != null ? layout : this.layout,
                inputFormat != null ? inputFormat : this.inputFormat, fields != null ? fields : this.fields);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
