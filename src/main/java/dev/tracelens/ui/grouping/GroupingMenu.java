package dev.tracelens.ui.grouping;

import dev.tracelens.engine.GroupRow;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

import java.util.List;

/**
 * The groups table's context menu for steering the grouping: select groups → Merge; on a group →
 * Split by host, program, a frame pattern or a message pattern; Undo. Ctrl/Cmd- or Shift-clicks
 * select several rows for the merge.
 */
public final class GroupingMenu {
    private GroupingMenu() {
    }

    public static void install(TableView<GroupRow> table, GroupingViewModel model) {
        // Several rows only while the user asks for them (Ctrl/Cmd or Shift click): a plain click,
        // the keyboard and the app's own selection of a group keep the one-group selection the
        // detail view follows.
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.isShortcutDown() || e.isShiftDown()) {
                table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
            } else if (e.getButton() == MouseButton.PRIMARY) {
                table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
            }
        });
        MenuItem merge = item("Merge selected groups", "merge-groups",
                () -> model.merge(selected(table)));
        MenuItem byHost = item("Split by host", "split-by-host", () -> split(table, model, "host"));
        MenuItem byProgram = item("Split by program", "split-by-program", () -> split(table, model, "program"));
        MenuItem byFrame = item("Split by frame…", "split-by-frame", () -> split(table, model, "frame"));
        MenuItem byMessage = item("Split by message…", "split-by-message", () -> split(table, model, "message"));
        MenuItem undo = item("Undo last grouping change", "undo-grouping", model::undo);
        // The table may have a menu of its own (triage): the grouping actions go first in it.
        ContextMenu menu = table.getContextMenu() == null ? new ContextMenu() : table.getContextMenu();
        if (!menu.getItems().isEmpty()) {
            menu.getItems().addFirst(new SeparatorMenuItem());
        }
        menu.getItems().addAll(0, List.of(merge, new SeparatorMenuItem(), byHost, byProgram, byFrame, byMessage,
                new SeparatorMenuItem(), undo));
        menu.setId("grouping-menu");
        menu.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> {
            int n = table.getSelectionModel().getSelectedItems().size();
            merge.setDisable(n < 2 || !model.available());
            for (MenuItem split : List.of(byHost, byProgram, byFrame, byMessage)) {
                split.setDisable(n != 1 || !model.available());
            }
            undo.setDisable(!model.available());
        });
        table.setContextMenu(menu);
    }

    private static List<String> selected(TableView<GroupRow> table) {
        // The focused (last clicked) group first: it is the one the others merge into.
        GroupRow focused = table.getSelectionModel().getSelectedItem();
        java.util.List<String> out = new java.util.ArrayList<>();
        if (focused != null) {
            out.add(focused.fingerprint());
        }
        for (GroupRow g : List.copyOf(table.getSelectionModel().getSelectedItems())) {
            if (g != null && !out.contains(g.fingerprint())) {
                out.add(g.fingerprint());
            }
        }
        return out;
    }

    private static void split(TableView<GroupRow> table, GroupingViewModel model, String by) {
        GroupRow g = table.getSelectionModel().getSelectedItem();
        if (g == null) {
            return;
        }
        String pattern = null;
        if (by.equals("frame") || by.equals("message")) {
            TextInputDialog ask = new TextInputDialog();
            ask.setTitle("Split by " + by);
            ask.setHeaderText("Tracebacks whose " + (by.equals("frame") ? "frame (function or file)" : "message")
                    + " matches this regular expression become a group of their own.");
            if (table.getScene() != null) {
                ask.initOwner(table.getScene().getWindow());
            }
            pattern = ask.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
            if (pattern == null) {
                return;
            }
        }
        model.split(g.fingerprint(), by, pattern);
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
