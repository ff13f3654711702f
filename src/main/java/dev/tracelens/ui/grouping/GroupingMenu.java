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
 * Split by host, program, a frame pattern or a message pattern; two groups → Why not one group?
 * (their fingerprint parts side by side); Undo. Ctrl/Cmd- or Shift-clicks
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
        MenuItem compare = item("Why not one group?", "compare-groups", () -> {
            List<String> two = selected(table);
            if (two.size() == 2) {
                model.compare(two.get(0), two.get(1), rows -> showComparison(table, two, rows));
            }
        });
        ContextMenu menu = new ContextMenu(merge, compare, new SeparatorMenuItem(), byHost, byProgram, byFrame, byMessage,
                new SeparatorMenuItem(), undo);
        menu.setId("grouping-menu");
        menu.setOnShowing(e -> {
            int n = table.getSelectionModel().getSelectedItems().size();
            merge.setDisable(n < 2 || !model.available());
            compare.setDisable(n != 2 || !model.available());
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

    /** The two groups' fingerprint parts side by side, the parts they do not share marked. */
    private static void showComparison(TableView<GroupRow> table, List<String> groups,
                                       List<dev.tracelens.engine.GroupingService.PartRow> rows) {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setId("grouping-diff");
        grid.setHgap(16);
        grid.setVgap(4);
        grid.add(new javafx.scene.control.Label(groups.get(0)), 0, 0);
        grid.add(new javafx.scene.control.Label(groups.get(1)), 1, 0);
        int r = 1;
        for (var row : rows) {
            for (int c = 0; c < 2; c++) {
                String text = c == 0 ? row.left() : row.right();
                javafx.scene.control.Label l = new javafx.scene.control.Label(
                        text.isEmpty() ? "—" : String.join("", dev.tracelens.ui.detail.WhyGrouped.lines(List.of(text))));
                l.getStyleClass().add(row.same() ? "part-same" : "part-differs");
                if (!row.same()) {
                    l.setStyle("-fx-font-weight: bold;");
                }
                grid.add(l, c, r);
            }
            r++;
        }
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        alert.setTitle("Why not one group?");
        alert.setHeaderText("The parts in bold differ: that is why these are two groups. Merge them if they are one bug.");
        alert.getDialogPane().setContent(new javafx.scene.control.ScrollPane(grid));
        alert.getDialogPane().setPrefWidth(900);
        if (table.getScene() != null) {
            alert.initOwner(table.getScene().getWindow());
        }
        alert.show();
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
