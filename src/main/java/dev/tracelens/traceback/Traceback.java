package dev.tracelens.traceback;

import java.time.Instant;
import java.util.List;

/**
 * A Python traceback rebuilt from archive rows, with the rows that preceded it.
 *
 * @param id               Papertrail id of the row that ends the traceback (its last row)
 * @param firstId          Papertrail id of the header row
 * @param timestamp        generated_at of the header row
 * @param exceptionType    the final exception's type as printed ({@code queue.Empty}); empty when cut off before it
 * @param message          the final exception's message (may span several lines)
 * @param frames           the final exception's frames, outermost first
 * @param causes           exceptions printed before the final one, in printed order
 * @param text             the traceback as Python printed it, lines joined with {@code \n}
 * @param context          up to N rows the same source logged before the header, oldest first
 * @param fingerprint      the group key
 * @param fingerprintParts what the fingerprint was made of, so a user can see why two were grouped
 * @param truncated        cut off by the end of the input (or by other output of the same source)
 * @param archive          file name of the archive holding the header row
 * @param row              1-based row of the header in that archive
 */
public record Traceback(long id, long firstId, Instant timestamp, String host, String program,
                        String exceptionType, String message, List<Frame> frames,
                        List<ChainedException> causes, String text, List<ContextLine> context,
                        String fingerprint, List<String> fingerprintParts, boolean truncated,
                        String archive, long row) {
    public Traceback {
        frames = List.copyOf(frames);
        causes = List.copyOf(causes);
        context = List.copyOf(context);
        fingerprintParts = List.copyOf(fingerprintParts);
    }
}
