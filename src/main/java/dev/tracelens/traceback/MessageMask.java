package dev.tracelens.traceback;

import java.util.regex.Pattern;

/**
 * A message with its values replaced by placeholders, so that {@code user 4711 not found} and
 * {@code user 12 not found} read alike: {@code <uuid>}, {@code <hex>} ({@code 0x7f3a},
 * {@code deadbeef12}), {@code <str>} (a quoted value), {@code <path>}, {@code <id>} (a word of
 * letters and at least three digits such as {@code req_8f3k2j9}, {@code i-0abc123}), {@code <num>}. Fingerprints
 * ({@code message:...}) and everything that shows them (CLI text, the app, reports) use these
 * same placeholders. Applied in that order, so a UUID is never read as hex or numbers.
 */
public final class MessageMask {
    private static final int MAX = 500;
    private static final Pattern UUID = Pattern.compile(
            "(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");
    private static final Pattern HEX = Pattern.compile("(?i)\\b0x[0-9a-f]+\\b|\\b(?=[0-9a-f]*\\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\\b");
    private static final Pattern PATH = Pattern.compile("(?<![\\w<])(?:[A-Za-z]:)?(?:[/\\\\][\\w.~-]+){2,}[/\\\\]?|(?<![\\w<])~?/[\\w.~-]+\\.\\w+");
    private static final Pattern ID = Pattern.compile("\\b(?=(?:[\\w-]*?\\d){3})(?=[\\w-]*[A-Za-z])[A-Za-z0-9][\\w-]{5,}\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w<])[-+]?\\d+(?:[.,]\\d+)*(?![\\w>])");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private MessageMask() {
    }

    /** The message (its first 500 characters) with placeholders for its values, spaces collapsed. */
    public static String of(String message) {
        if (message == null || message.isEmpty()) {
            return "";
        }
        String m = message.length() > MAX ? message.substring(0, MAX) : message;
        m = UUID.matcher(m).replaceAll("<uuid>");
        m = QUOTED.matcher(m).replaceAll("<str>");
        m = HEX.matcher(m).replaceAll("<hex>");
        m = PATH.matcher(m).replaceAll("<path>");
        m = ID.matcher(m).replaceAll("<id>");
        m = NUMBER.matcher(m).replaceAll("<num>");
        return SPACES.matcher(m.strip()).replaceAll(" ");
    }
}
