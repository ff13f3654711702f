package dev.tracelens.ui.groups;

import javafx.collections.ObservableList;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the search field offers: the field names a query may name ({@code host:}, {@code
 * exceptionType:} …) in a help popup and as completion while typing a field's first letters, and
 * after {@code host:}, {@code program:} or {@code exceptionType:} the values the store holds.
 */
public final class SearchHelp {
    /** A field of the store's query syntax and what it matches. */
    public record Field(String name, String what, String example) {
    }

    public static final List<Field> FIELDS = List.of(
            new Field("exceptionType", "the exception's type, exact", "exceptionType:KeyError"),
            new Field("host", "the machine, exact", "host:web-1"),
            new Field("program", "the program, exact", "program:app-worker"),
            new Field("archive", "the archive file's name, exact", "archive:2026-11-20-03.tsv.gz"),
            new Field("fingerprint", "the group's fingerprint", "fingerprint:3f2a…"));

    public static final String TOOLTIP = """
            Words of the traceback text; all must occur. Case-sensitive: KeyError is not keyerror.
            "two words" for a phrase, OR / NOT / ( ), * and ? as wildcards.
            Fields: exceptionType:, host:, program:, archive:, fingerprint: (press ? for the list).
            Enter applies, Esc clears.""";

    private static final int MAX_VALUES = 12;

    private final GroupsViewModel model;
    /** Made on first use: a popup needs the toolkit, the completions do not. */
    private ContextMenu popup;

    public SearchHelp(GroupsViewModel model) {
        this.model = model;
    }

    public boolean isShowing() {
        return popup != null && popup.isShowing();
    }

    private ContextMenu popup() {
        if (popup == null) {
            popup = new ContextMenu();
            popup.setId("search-help-popup");
            popup.setAutoHide(true);
        }
        return popup;
    }

    /** Completes field names and values as the user types. */
    public void install(TextField search) {
        search.caretPositionProperty().addListener((o, a, b) -> {
            if (search.isFocused()) {
                complete(search);
            }
        });
        search.textProperty().addListener((o, a, b) -> {
            if (search.isFocused()) {
                complete(search);
            }
        });
    }

    /** The field names with what they match; picking one puts it into the search. */
    public void showFields(TextField search) {
        ContextMenu popup = popup();
        popup.getItems().clear();
        Label title = new Label("Name a field to search it; the rest is the traceback text (case-sensitive).");
        title.getStyleClass().add("text-muted");
        CustomMenuItem head = new CustomMenuItem(title, false);
        head.setDisable(true);
        popup.getItems().addAll(head, new SeparatorMenuItem());
        for (Field f : FIELDS) {
            MenuItem item = new MenuItem(f.name() + ":   " + f.what() + " — e.g. " + f.example());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> insert(search, wordStart(search), f.name() + ":"));
            popup.getItems().add(item);
        }
        popup.show(search, Side.BOTTOM, 0, 0);
    }

    /** Field names that start with the word at the caret, or known values after a field name. */
    public List<String> completions(String text, int caret) {
        int start = wordStart(text, caret);
        String word = text.substring(start, caret);
        int colon = word.indexOf(':');
        List<String> out = new ArrayList<>();
        if (colon < 0) {
            if (word.length() < 2) {
                return out;
            }
            for (Field f : FIELDS) {
                if (f.name().toLowerCase(Locale.ROOT).startsWith(word.toLowerCase(Locale.ROOT))
                        && !f.name().equals(word)) {
                    out.add(f.name() + ":");
                }
            }
            return out;
        }
        String field = word.substring(0, colon);
        String prefix = word.substring(colon + 1).replace("\"", "");
        ObservableList<String> values = switch (field) {
            case "host" -> model.hosts();
            case "program" -> model.programs();
            case "exceptionType" -> model.types();
            default -> null;
        };
        if (values == null) {
            return out;
        }
        for (String v : values) {
            if (v.startsWith(prefix) && !v.equals(prefix) && out.size() < MAX_VALUES) {
                out.add(field + ":" + quoteIfNeeded(v));
            }
        }
        return out;
    }

    private void complete(TextField search) {
        int caret = search.getCaretPosition();
        String text = search.getText() == null ? "" : search.getText();
        if (caret > text.length()) {
            return;
        }
        List<String> options = completions(text, caret);
        if (options.isEmpty()) {
            if (popup != null) {
                popup.hide();
            }
            return;
        }
        ContextMenu popup = popup();
        int start = wordStart(text, caret);
        popup.getItems().clear();
        for (String option : options) {
            MenuItem item = new MenuItem(option);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> insert(search, start, option));
            popup.getItems().add(item);
        }
        if (!popup.isShowing()) {
            popup.show(search, Side.BOTTOM, 0, 0);
        }
    }

    private static void insert(TextField search, int start, String replacement) {
        String text = search.getText() == null ? "" : search.getText();
        int caret = Math.min(search.getCaretPosition(), text.length());
        int from = Math.min(start, caret);
        String next = text.substring(0, from) + replacement + text.substring(caret);
        search.setText(next);
        search.requestFocus();
        search.positionCaret(from + replacement.length());
    }

    private static int wordStart(TextField search) {
        String text = search.getText() == null ? "" : search.getText();
        return wordStart(text, Math.min(search.getCaretPosition(), text.length()));
    }

    private static int wordStart(String text, int caret) {
        int i = caret;
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1)) && text.charAt(i - 1) != '(') {
            i--;
        }
        return i;
    }

    private static String quoteIfNeeded(String v) {
        return v.chars().anyMatch(c -> Character.isWhitespace(c) || c == ':' || c == '(' || c == ')' || c == '/')
                ? "\"" + v + "\"" : v;
    }
}
