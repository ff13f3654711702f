package dev.tracelens.traceback;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the process id a log line names, in the forms our services and common loggers write:
 * {@code 20286/MainThread}, {@code app[20286]:} or {@code [20286] }, {@code pid=20286},
 * {@code pid 20286}, and a number right after a leading timestamp
 * ({@code 2014-04-16 21:48:04.492 17878 TRACE ...}, as OpenStack writes). The earliest match
 * in the line wins, because log prefixes come first and messages may quote other numbers.
 */
public final class ProcessId {
    private static final Pattern PID = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?\\s+(\\d{1,10})\\s"
                    + "|(?<![\\w/.:-])(\\d{1,10})/(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/)[A-Za-z_][\\w-]*"
                    + "|\\[(\\d{1,10})\\]"
                    + "|(?i:\\bpid)(?:=|:|\\s)\\s*(\\d{1,10})\\b");

    private ProcessId() {
    }

    /** The process id the text names, or null when it names none. */
    public static String find(CharSequence text) {
        if (text == null) {
            return null;
        }
        Matcher m = PID.matcher(text);
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return stripLeadingZeros(m.group(g));
            }
        }
        return null;
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
