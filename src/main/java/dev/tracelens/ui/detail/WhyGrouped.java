package dev.tracelens.ui.detail;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts a traceback's fingerprint was made of, in words for the detail view: its type, its
 * cause types, its own frames (or its masked message when it has none, with the same
 * placeholders as the CLI), and the grouping rules applied. The parts come from the engine as
 * the store keeps them; nothing is parsed from the traceback text.
 */
public final class WhyGrouped {
    private WhyGrouped() {
    }

    /** One line per kind of part, e.g. {@code Type: KeyError}, {@code Frames: a/views.py:get → ...}. */
    public static List<String> lines(List<String> parts) {
        List<String> types = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        List<String> frames = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String p : parts) {
            int colon = p.indexOf(':');
            String kind = colon < 0 ? p : p.substring(0, colon);
            String value = colon < 0 ? "" : p.substring(colon + 1);
            switch (kind) {
                case "type" -> types.add(value.isEmpty() ? "(none: cut off before its exception line)" : value);
                case "cause", "group" -> causes.add(value);
                case "frame" -> frames.add(value);
                case "message" -> messages.add(value);
                case "rule" -> rules.add(value);
                case "rules-from" -> { } // the key before the rules: the rules say what they did
                default -> other.add(p);
            }
        }
        List<String> out = new ArrayList<>();
        types.forEach(t -> out.add("Type: " + t));
        if (!causes.isEmpty()) {
            out.add("Cause types: " + String.join(", ", causes));
        }
        if (!frames.isEmpty()) {
            out.add("Frames: " + String.join(" → ", frames));
        }
        messages.forEach(m -> out.add("Message (no own frame): " + m));
        rules.forEach(r -> out.add("Rule " + r));
        other.forEach(o -> out.add(o));
        return out;
    }
}
