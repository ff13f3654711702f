package dev.tracelens.ui.imports;

import dev.tracelens.archive.FieldMapping;
import dev.tracelens.archive.InputFormat;
import dev.tracelens.archive.ReaderOptions;
import dev.tracelens.archive.TextPattern;

/**
 * What File → Open as… asks for, as the command line's {@code --input-format}, {@code --field}
 * and {@code --text-pattern} take it: a format to force (or auto), a JSON field mapping
 * ({@code time=ts,message=m,traceback=trace}) and a text pattern (a Python {@code logging} format
 * string or a regex with named groups). Blank fields mean the defaults.
 */
public record OpenAsOptions(String inputFormat, String fields, String textPattern) {

    public OpenAsOptions {
        inputFormat = inputFormat == null || inputFormat.isBlank() ? "auto" : inputFormat.strip();
        fields = fields == null ? "" : fields.strip();
        textPattern = textPattern == null ? "" : textPattern;
    }

    /** Told per file, common names, usual layouts. */
    public static OpenAsOptions defaults() {
        return new OpenAsOptions("auto", "", "");
    }

    /**
     * The reader options these give.
     *
     * @throws IllegalArgumentException with a message for the user naming the bad field
     */
    public ReaderOptions readerOptions() {
        ReaderOptions o = ReaderOptions.defaults();
        try {
            o = o.withInputFormat(InputFormat.parse(inputFormat));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Format: " + e.getMessage(), e);
        }
        if (!fields.isEmpty()) {
            try {
                o = o.withFields(FieldMapping.parse(fields));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Fields: " + e.getMessage(), e);
            }
        }
        if (!textPattern.isBlank()) {
            try {
                o = o.withTextPattern(TextPattern.parse(textPattern));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Text pattern: " + e.getMessage(), e);
            }
        }
        return o;
    }

    /** Null when these are valid, else what is wrong, for the dialog to show. */
    public String error() {
        try {
            readerOptions();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
