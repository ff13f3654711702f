package dev.tracelens.traceback;

import java.time.Instant;
import java.util.List;

/**
 * A traceback (stack trace) rebuilt from archive rows, with the rows that preceded it.
 *
 * @param id               Papertrail id of the row that ends the traceback (its last row)
 * @param firstId          Papertrail id of the header row
 * @param ordinal          0-based position among the tracebacks whose header is in the same row
 *                         (0 for nearly all); {@code (firstId, ordinal)} is unique
 * @param timestamp        generated_at of the header row
 * @param language         the runtime that printed it, a {@link Language#id()} ({@code python})
 * @param exceptionType    the final exception's type as printed ({@code queue.Empty}); empty when cut off before it
 * @param message          the final exception's message (may span several lines)
 * @param frames           the final exception's frames, outermost first
 * @param causes           exceptions printed before the final one, in printed order
 * @param text             the traceback as the runtime printed it, lines joined with {@code \n}
 * @param lineKinds        what each line of {@code text} is, one per line (see {@link LineKinds#lines})
 * @param context          up to N rows the same source logged before the header, oldest first
 * @param fingerprint      the group key
 * @param fingerprintParts what the fingerprint was made of, so a user can see why two were grouped
 * @param truncated        cut off by the end of the input (or by other output of the same source)
 * @param archive          file name of the archive holding the header row
 * @param row              1-based row of the header in that archive
 */
public record Traceback(long id, long firstId, int ordinal, Instant timestamp, String host, String program,
                        String language, String exceptionType, String message, List<Frame> frames,
                        List<ChainedException> causes, String text, List<LineKind> lineKinds,
                        List<ContextLine> context, String fingerprint, List<String> fingerprintParts,
                        boolean truncated, String archive, long row) {
    public Traceback {
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal must be >= 0: " + ordinal);
        }
        language = language == null ? "" : language;
        frames = List.copyOf(frames);
        causes = List.copyOf(causes);
        lineKinds = lineKinds == null ? List.of() : List.copyOf(lineKinds);
        context = List.copyOf(context);
        fingerprintParts = List.copyOf(fingerprintParts);
    }

    /** The same traceback with other context rows (the store keeps them apart). */
    public Traceback withContext(List<ContextLine> rows) {
        return new Traceback(id, firstId, ordinal, timestamp, host, program, language, exceptionType, message,
                frames, causes, text, lineKinds, rows, fingerprint, fingerprintParts, truncated, archive, row);
    }

    /** The same traceback under another group key (grouping rules, a changed fingerprint). */
    public Traceback withFingerprint(String key, List<String> parts) {
        return new Traceback(id, firstId, ordinal, timestamp, host, program, language, exceptionType, message,
                frames, causes, text, lineKinds, context, key, parts, truncated, archive, row);
    }

    /** The printed lines of {@link #text()}, each with its kind ({@link LineKind#OTHER} where none was recorded). */
    public List<TextLine> lines() {
        List<String> lines = LineKinds.lines(text);
        List<TextLine> out = new java.util.ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            out.add(new TextLine(i < lineKinds.size() ? lineKinds.get(i) : LineKind.OTHER, lines.get(i)));
        }
        return out;
    }

    /** One printed line of a traceback and what it is. */
    public record TextLine(LineKind kind, String text) {
    }
}
