package dev.tracelens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays out the help so that it wraps only between words. picocli wraps its columns with a
 * line {@link java.text.BreakIterator}, which also breaks after punctuation inside a token:
 * {@code 2016-08-12T03:} / {@code 00}, {@code ~/.} / {@code local/share}, {@code [--type=TYPE[,}
 * / {@code TYPE...]]}; a user who copies such a value gets it wrong. So picocli renders each
 * section on one line per row (a very wide usage width), and this class wraps each line at
 * {@link #WIDTH} at spaces only, continuing under the column the line's text starts in. A token
 * longer than the room left stays whole on a line of its own.
 */
final class HelpLayout {
    static final int WIDTH = 80;
    /** Wide enough that picocli never wraps a row itself. */
    private static final int UNWRAPPED = 2_000;

    private HelpLayout() {
    }

    /** Applies the layout to a command and all its subcommands. */
    static void apply(CommandLine cli) {
        UsageMessageSpec usage = cli.getCommandSpec().usageMessage();
        usage.width(UNWRAPPED);
        Map<String, CommandLine.IHelpSectionRenderer> sections = cli.getHelpSectionMap();
        for (Map.Entry<String, CommandLine.IHelpSectionRenderer> e : sections.entrySet()) {
            CommandLine.IHelpSectionRenderer original = e.getValue();
            if (e.getKey().equals(UsageMessageSpec.SECTION_KEY_SYNOPSIS)) {
                // Continued under the first option, after "Usage: tracelens groups ".
                e.setValue(help -> {
                    // The heading ("Usage: ") is printed before the synopsis, on its first line.
                    int heading = help.synopsisHeading().length();
                    String wrapped = wrap(" ".repeat(heading) + original.render(help),
                            heading + help.commandSpec().qualifiedName().length() + 1);
                    return wrapped.substring(heading);
                });
            } else {
                e.setValue(help -> wrap(original.render(help), -1));
            }
        }
        cli.setHelpSectionMap(sections);
        for (CommandLine sub : cli.getSubcommands().values()) {
            apply(sub);
        }
    }

    /**
     * Every line of {@code text} wrapped at {@link #WIDTH}, at spaces only.
     *
     * @param synopsisIndent where the lines of a synopsis go on (its first line follows the
     *                       heading), or -1 for the layout each line's own shape tells
     */
    static String wrap(String text, int synopsisIndent) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            wrapLine(line, synopsisIndent, out);
            if (i < lines.length - 1) {
                out.append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    private static void wrapLine(String line, int synopsisIndent, StringBuilder out) {
        if (stripEnd(line).length() <= WIDTH) {
            out.append(line); // as it is: a heading such as "Usage: " keeps its trailing space
            return;
        }
        int[] layout = synopsisIndent >= 0 ? new int[] {leadingSpaces(line), synopsisIndent} : layout(line);
        int textStart = layout[0];
        String pad = " ".repeat(layout[1]);
        StringBuilder current = new StringBuilder(line.substring(0, textStart));
        boolean empty = true;
        for (String w : line.substring(textStart).split(" +")) {
            if (w.isEmpty()) {
                continue;
            }
            if (!empty && current.length() + 1 + w.length() > WIDTH) {
                out.append(stripEnd(current.toString())).append(System.lineSeparator());
                current.setLength(0);
                current.append(pad);
                empty = true;
            }
            if (!empty) {
                current.append(' ');
            }
            current.append(w);
            empty = false;
        }
        out.append(stripEnd(current.toString()));
    }

    /**
     * Where a long line's words start, and where its continuation lines start: in the text column of a two-column
     * row (an option or a command and its description; continued two further in, as picocli
     * does); else at the line's own start (a description row continued two further in, a
     * paragraph at the margin).
     */
    static int[] layout(String line) {
        int lead = leadingSpaces(line);
        if (lead == 0) {
            return new int[] {0, 0};
        }
        int gap = line.indexOf("  ", lead);
        if (gap > lead) {
            int text = gap;
            while (text < line.length() && line.charAt(text) == ' ') {
                text++;
            }
            if (text < line.length() && text <= WIDTH / 2) {
                return new int[] {text, text + 2};
            }
        }
        return new int[] {lead, lead + 2};
    }

    private static int leadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
