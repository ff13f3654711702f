package dev.tracelens.report;

/**
 * Escaping for HTML text and attribute values. The output is also well-formed XML (only the
 * five predefined entities, no control characters), so a strict XML parser accepts the report.
 */
final class Html {
    private Html() {
    }

    /** Log text inside a {@code pre} block or a pre-wrapped cell: newlines and tabs kept. */
    static String block(String text) {
        return escape(LogText.visible(text, true));
    }

    /** Text on one line (titles, cells, attributes): newlines become visible too. */
    static String text(String text) {
        return escape(LogText.visible(text, false));
    }

    /** The first line of {@code text}, cut to {@code max} characters, escaped. */
    static String oneLine(String text, int max) {
        return escape(LogText.oneLine(text, max));
    }

    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
