package dev.tracelens.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escaping for Markdown (CommonMark/GitHub) and Jira wiki markup. Log text never gets to start
 * a line of the document (writers put their own prefix first), so only inline markup needs
 * escaping in running text; code blocks are fenced so that nothing inside can end them.
 */
final class MarkdownText {
    /** Characters with an inline meaning in GitHub Markdown; all may be backslash-escaped (CommonMark 2.4). */
    private static final String MARKDOWN_SPECIAL = "\\`*_[]<>#!|~&@$";
    /**
     * Characters with a meaning in Jira wiki markup, escaped with a backslash there too. Not
     * {@code -}, {@code +} and parentheses: their effects (strike-through, underline, emoticons)
     * cannot hide or inject anything, and escaping them would litter host names and dates.
     */
    private static final String JIRA_SPECIAL = "\\*_^~?{}[]|!#";
    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Pattern NOFORMAT = Pattern.compile("\\{(noformat)", Pattern.CASE_INSENSITIVE);

    private MarkdownText() {
    }

    /** One line of text for a heading, list item or table cell, cut to {@code max} characters. */
    static String inline(String text, int max, MarkdownReportWriter.Flavor flavor) {
        String line = LogText.oneLine(text, max);
        String special = flavor == MarkdownReportWriter.Flavor.JIRA ? JIRA_SPECIAL : MARKDOWN_SPECIAL;
        StringBuilder sb = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (special.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * A fence of backticks longer than any run of backticks in {@code text}: CommonMark closes a
     * fenced block only at a fence at least as long as the opening one, so the text cannot.
     */
    static String fenceFor(String text) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.end() - m.start());
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    /**
     * Text for a Jira {@code {noformat}} block, which ends at the first {@code {noformat}}
     * whatever comes before it: a backslash after the brace keeps the words readable but
     * stops them from closing (or opening) a block.
     */
    static String noformat(String text) {
        return NOFORMAT.matcher(text).replaceAll("{\\\\$1");
    }
}
