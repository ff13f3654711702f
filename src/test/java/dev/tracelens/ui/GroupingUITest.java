package dev.tracelens.ui;

import dev.tracelens.engine.GroupRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.tracelens.ui.TestWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window, headless: two groups selected → Merge (context menu), the detail view says why
 * (the rule applied), Undo brings the groups back exactly, and Split by host gives one group per host.
 */
@ExtendWith(ApplicationExtension.class)
class GroupingUITest {
    @TempDir
    Path tmp;
    private TestWindow app;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        app = TestWindow.show(stage, tmp);
        window = app.window;
    }

    @AfterEach
    void stop(FxRobot robot) {
        app.close(robot);
    }

    /** KeyError in two same-named modules (two groups), ZeroDivisionError on two hosts (one group). */
    private static Path archive(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder tsv = new StringBuilder();
        long id = 900_000_000_000L;
        Instant t = Instant.parse("2026-12-03T09:00:00Z");
        String[][] traces = {
                {"shop-1", "shop", "/srv/app/shop/api/views.py", "get", "KeyError: 'order'"},
                {"shop-1", "shop", "/srv/app/billing/api/views.py", "get", "KeyError: 'order'"},
                {"billing-1", "billing", "/srv/app/billing/charge.py", "charge", "ZeroDivisionError: division by zero"},
                {"billing-2", "billing", "/srv/app/billing/charge.py", "charge", "ZeroDivisionError: division by zero"},
        };
        for (String[] tr : traces) {
            for (String line : List.of("Traceback (most recent call last):",
                    "  File \"" + tr[2] + "\", line 3, in " + tr[3], "    total / count", tr[4], "INFO next")) {
                tsv.append(row(id++, t, tr[0], tr[1], line));
                t = t.plusMillis(100);
            }
            t = t.plusSeconds(5);
        }
        Path file = dir.resolve("2026-12-03-09.tsv");
        Files.writeString(file, tsv);
        return file;
    }

    private static String row(long id, Instant t, String host, String program, String message) {
        String ts = t.toString().replace("Z", "");
        return id + "\t" + ts + "\t" + ts + "\t1\t" + host + "\t10.0.0.9\tUser\tError\t" + program + "\t" + message + "\n";
    }

    @SuppressWarnings("unchecked")
    private static TableView<GroupRow> table(FxRobot robot) {
        return robot.lookup("#groups-table").queryAs(TableView.class);
    }

    private static Set<String> fingerprints(TableView<GroupRow> table) {
        return table.getItems().stream().map(GroupRow::fingerprint).collect(Collectors.toSet());
    }

    private static Node rowOf(FxRobot robot, GroupRow group) {
        return robot.lookup(".table-row-cell").match(n -> n instanceof javafx.scene.control.TableRow<?> r
                && group.equals(r.getItem())).query();
    }

    private static final java.util.function.Function<dev.tracelens.traceback.Traceback, Long> TB_ID = t -> t.firstId();

    /** Right-clicks the row; Monocle's robot sends no context-menu request, so the menu is then shown at the row. */
    private static void openMenu(FxRobot robot, TableView<GroupRow> table, Node row) {
        robot.rightClickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        if (!table.getContextMenu().isShowing()) {
            robot.interact(() -> table.getContextMenu().show(row, javafx.geometry.Side.BOTTOM, 10, 0));
        }
        waitUntil("the grouping menu shows", () -> table.getContextMenu().isShowing());
    }

    @Test
    void mergeUndoAndSplitByHostFromTheGroupsContextMenu(FxRobot robot) throws Exception {
        TableView<GroupRow> table = table(robot);
        robot.interact(() -> window.model().open(List.of(archive(tmp.resolve("a")))));
        waitUntil(() -> "3 groups, not " + table.getItems(), () -> table.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        Set<String> before = fingerprints(table);
        List<GroupRow> keyErrors = table.getItems().stream().filter(g -> g.exceptionType().equals("KeyError")).toList();
        assertEquals(2, keyErrors.size(), "the same-named modules are two groups");

        // Select both KeyError groups, right-click one of them, Merge.
        robot.clickOn(rowOf(robot, keyErrors.get(0)));
        robot.press(javafx.scene.input.KeyCode.CONTROL).clickOn(rowOf(robot, keyErrors.get(1)))
                .release(javafx.scene.input.KeyCode.CONTROL);
        waitUntil("two selected", () -> table.getSelectionModel().getSelectedItems().size() == 2);
        openMenu(robot, table, rowOf(robot, keyErrors.get(1)));
        robot.clickOn("Merge selected groups");
        waitUntil(() -> "2 groups after the merge, not " + table.getItems(), () -> table.getItems().size() == 2);
        Label status = robot.lookup("#grouping-status").queryAs(Label.class);
        waitUntil("the status says so", () -> status.getText().startsWith("Merged 2 groups"));
        GroupRow merged = table.getItems().stream().filter(g -> g.exceptionType().equals("KeyError")).findFirst().orElseThrow();
        assertEquals(2, merged.count());

        // Why grouped: the detail view names the rule for the occurrence that was moved in.
        robot.interact(() -> window.model().groups().selectedProperty().set(merged));
        Label why = robot.lookup("#detail-grouped-by").queryAs(Label.class);
        waitUntil("the detail says why", () -> why.getText().contains("Type: KeyError")
                && why.getText().contains("Frames: "));
        boolean named = false;
        for (var o : List.copyOf(window.model().detail().occurrences())) {
            robot.interact(() -> window.model().detail().selectedOccurrenceProperty().set(o));
            waitUntil("the occurrence loads", () -> window.model().detail().tracebackProperty().get() != null
                    && o.equals(window.model().detail().selectedOccurrenceProperty().get())
                    && TB_ID.apply(window.model().detail().tracebackProperty().get()) == o.id());
            WaitForAsyncUtils.waitForFxEvents();
            named |= why.getText().contains("Rule r1 merged into " + merged.fingerprint());
        }
        assertTrue(named, "the occurrence moved in names the rule: " + why.getText());

        // Undo: exactly the groups from before.
        openMenu(robot, table, rowOf(robot, table.getItems().getFirst()));
        robot.clickOn("Undo last grouping change");
        waitUntil(() -> "3 groups after undo, not " + table.getItems(), () -> table.getItems().size() == 3);
        assertEquals(before, fingerprints(table));

        // Split the ZeroDivisionError group by host: one group per host.
        GroupRow zero = table.getItems().stream().filter(g -> g.exceptionType().equals("ZeroDivisionError")).findFirst().orElseThrow();
        assertEquals(2, zero.hosts().size());
        robot.clickOn(rowOf(robot, zero));
        waitUntil("one selected", () -> table.getSelectionModel().getSelectedItems().size() == 1);
        openMenu(robot, table, rowOf(robot, zero));
        robot.clickOn("Split by host");
        waitUntil(() -> "4 groups after the split, not " + table.getItems(), () -> table.getItems().size() == 4);
        List<GroupRow> zeros = table.getItems().stream().filter(g -> g.exceptionType().equals("ZeroDivisionError")).toList();
        assertEquals(Set.of(List.of("billing-1"), List.of("billing-2")), zeros.stream().map(GroupRow::hosts).collect(Collectors.toSet()));
        assertTrue(Files.readString(tmp.resolve("store-rules.json")).contains("\"by\" : \"host\""),
                Files.readString(tmp.resolve("store-rules.json")));
    }
}
