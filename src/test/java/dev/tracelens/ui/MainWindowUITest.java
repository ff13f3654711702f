package dev.tracelens.ui;

import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.store.ArchiveRegistry;
import dev.tracelens.store.TracebackStore;
import dev.tracelens.ui.detail.ContextView;
import dev.tracelens.engine.GroupRow;
import dev.tracelens.ui.imports.ImportJob;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.tracelens.ui.TestWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window, headless (Monocle), on a real store in a temporary folder: what a user does
 * first, step by step. Waits poll with time limits; nothing sleeps.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowUITest {
    private static final Path SAMPLES = Path.of("sample-logs");

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

    @SuppressWarnings("unchecked")
    private TableView<GroupRow> groupsTable(FxRobot robot) {
        return robot.lookup("#groups-table").queryAs(TableView.class);
    }

    @Test
    void openAnArchiveSelectAGroupSeeItsTracebackAndContextThenSearch(FxRobot robot) {
        TableView<GroupRow> table = groupsTable(robot);
        assertTrue(robot.lookup(".empty-state-text").queryAll().stream()
                .anyMatch(n -> n.isVisible() && ((Label) n).getText().equals(MainView.EMPTY_TEXT)), "empty state");

        robot.interact(() -> window.model().open(List.of(SAMPLES.resolve("2026-11-20-03.tsv.gz"))));
        waitUntil(() -> "groups appear; error: " + window.model().groups().queryErrorProperty().get() + "; import: "
                + window.model().imports().jobs().getFirst().detailsProperty().get(), () -> table.getItems().size() > 2
                && robot.lookup("#groups-table .table-row-cell").queryAll().size() > 2);
        waitUntil("the import ends", () -> window.model().imports().currentProperty().get() == null);
        WaitForAsyncUtils.waitForFxEvents();

        Node secondRow = robot.lookup("#groups-table .table-row-cell").nth(1).query();
        robot.clickOn(secondRow);
        GroupRow chosen = table.getSelectionModel().getSelectedItem();
        Label detailType = robot.lookup("#detail-type").queryAs(Label.class);
        waitUntil(() -> "the group's detail shows " + chosen + " but shows " + detailType.getText()
                        + "; selected " + window.model().groups().selectedProperty().get() + "; errors: "
                        + window.model().groups().queryErrorProperty().get() + " / "
                        + window.model().detail().errorProperty().get(),
                () -> detailType.getText().equals(chosen.exceptionType()));
        waitUntil("its traceback shows", () -> window.view().detailView().traceback().displayedText()
                .contains("Traceback (most recent call last):"));
        waitUntil("with its context", () -> !window.view().detailView().context().rows().isEmpty());
        List<ContextView.Row> context = window.view().detailView().context().rows();
        assertTrue(context.getLast().header(), "the header row closes the context");
        assertEquals(String.valueOf(chosen.count()), robot.lookup("#fact-occurrences").queryAs(Label.class).getText());

        // n / p step through the occurrences (when the group has more than one).
        if (chosen.count() > 1) {
            var occurrences = window.view().detailView().occurrences();
            robot.clickOn(secondRow).type(KeyCode.N);
            waitUntil("n selects the next occurrence", () -> occurrences.getSelectionModel().getSelectedIndex() == 1);
            robot.type(KeyCode.P);
            waitUntil("p goes back", () -> occurrences.getSelectionModel().getSelectedIndex() == 0);
        }

        assertTrue(messageTooltipsMatch(robot) > 0, "some message is long enough for a tooltip");

        int before = table.getItems().size();
        String type = table.getItems().stream().map(GroupRow::exceptionType).filter(t -> t.matches("[A-Za-z]+"))
                .findFirst().orElseThrow();
        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        robot.write(type).type(KeyCode.ENTER);
        waitUntil("search narrows the list", () -> table.getItems().size() < before && !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(g -> g.exceptionType().equals(type)));
        WaitForAsyncUtils.waitForFxEvents();
        messageTooltipsMatch(robot);
    }

    /**
     * Each shown message cell has a tooltip with the row's whole message (a cell may cut it): the
     * cells reuse one tooltip each, so it must follow the row the cell shows now. Returns how many had one.
     */
    private static int messageTooltipsMatch(FxRobot robot) {
        int withTooltip = 0;
        for (javafx.scene.control.TableCell<?, ?> cell
                : robot.lookup("#groups-table .message-cell").queryAllAs(javafx.scene.control.TableCell.class)) {
            String text = cell.getText();
            if (text != null && !text.isEmpty()) {
                GroupRow row = (GroupRow) cell.getTableRow().getItem();
                assertEquals(row.message(), cell.getTooltip() == null ? null : cell.getTooltip().getText());
                assertEquals(row.messageLine(), text);
                withTooltip++;
            }
        }
        return withTooltip;
    }

    @Test
    void badSearchSyntaxIsExplainedNextToTheSearchField(FxRobot robot) {
        robot.interact(() -> window.model().open(List.of(SAMPLES.resolve("2026-11-20-04.tsv.gz"))));
        TableView<GroupRow> table = groupsTable(robot);
        waitUntil("groups appear", () -> !table.getItems().isEmpty());
        waitUntil("the import ends and the list shows all of it", () -> window.model().imports().currentProperty()
                .get() == null && table.getItems().stream().mapToLong(GroupRow::count).sum()
                == window.model().groups().facetsProperty().get().tracebacks());
        WaitForAsyncUtils.waitForFxEvents();
        int before = table.getItems().size();
        robot.clickOn("#search").write("payments AND (").type(KeyCode.ENTER);
        Label error = robot.lookup("#query-error").queryAs(Label.class);
        waitUntil("the error shows", () -> error.isVisible() && error.getText().startsWith("Cannot search: a '(' is not closed"));
        assertEquals("payments AND (\n              ^", robot.lookup("#query-caret").queryAs(Label.class).getText());
        assertEquals(before, table.getItems().size(), "the list stays as it was");
        robot.type(KeyCode.ESCAPE);
        waitUntil("clearing the search clears the error", () -> !error.isVisible());
    }

    @Test
    void sortSelectionAndSplittersSurviveARestart(FxRobot robot) {
        robot.interact(() -> window.model().open(List.of(SAMPLES)));
        TableView<GroupRow> table = groupsTable(robot);
        waitUntil("the import ends", () -> window.model().imports().currentProperty().get() == null
                && table.getItems().size() > 3);
        WaitForAsyncUtils.waitForFxEvents();
        // Sort by last seen (ascending), pick the third row, move the main splitter; then close.
        robot.interact(() -> window.view().groupsView().restoreSort("last", true));
        robot.interact(() -> table.getSelectionModel().select(2));
        GroupRow chosen = table.getSelectionModel().getSelectedItem();
        robot.interact(() -> window.view().restoreDividers(List.of(0.55, 0.3, 0.6)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            window.view().saveLayout();
            app.stage().close();
        });

        robot.interact(() -> window = app.reopen());
        TableView<GroupRow> again = groupsTable(robot);
        waitUntil("the same group is selected again", () -> again.getSelectionModel().getSelectedItem() != null
                && again.getSelectionModel().getSelectedItem().fingerprint().equals(chosen.fingerprint()));
        assertEquals("last", window.view().groupsView().sortColumn());
        assertTrue(window.view().groupsView().sortAscending());
        for (int i = 1; i < again.getItems().size(); i++) {
            assertFalse(again.getItems().get(i).lastSeen().isBefore(again.getItems().get(i - 1).lastSeen()));
        }
        assertEquals(0.55, window.view().dividers().getFirst(), 0.02);
    }

    @Test
    void cancellingARunningImportLeavesTheStoreAtItsLastCommit(FxRobot robot) throws Exception {
        Path dir = tmp.resolve("big");
        Instant hour = Instant.parse("2026-01-05T00:00:00Z");
        for (int i = 0; i < 8; i++) {
            TestArchives.write(dir, hour.plusSeconds(3600L * i), 24_000_000, false, 400);
        }
        robot.interact(() -> window.model().open(List.of(dir)));
        TableView<GroupRow> table = groupsTable(robot);
        ImportJob job = window.model().imports().jobs().getFirst();
        waitUntil("the first archive is committed and shown", () -> job.archivesCommittedProperty().get() > 0
                && !table.getItems().isEmpty());
        assertEquals(ImportJob.State.RUNNING, job.stateProperty().get(), "still importing when cancelled");
        robot.clickOn("#cancel-import");
        waitUntil("the import stops", () -> job.stateProperty().get() == ImportJob.State.CANCELLED);
        robot.interact(() -> { });
        app.closeEngine();

        // The store opens, and holds exactly the archives it registered as imported: a prefix of
        // the files, none of the rest, and no traceback from an archive it did not register.
        List<String> files;
        try (var list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (TracebackStore store = TracebackStore.open(tmp.resolve("store"))) {
            List<ArchiveRecord> registered = new ArchiveRegistry(store).list();
            assertFalse(registered.isEmpty());
            assertTrue(registered.size() < files.size(), "cancelled before the end");
            assertEquals(files.subList(0, registered.size()), registered.stream().map(ArchiveRecord::name).toList());
            Set<String> names = registered.stream().map(ArchiveRecord::name).collect(Collectors.toSet());
            var stored = new dev.tracelens.store.StoreQueries(store).search(dev.tracelens.store.StoreFilter.ALL, 100_000);
            Set<String> archivesOfTracebacks = stored.hits().stream().map(t -> t.archive())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertTrue(names.containsAll(archivesOfTracebacks), archivesOfTracebacks + " within " + names);
            assertEquals(stored.total(), store.tracebackCount());
        }
    }

    @Test
    void ctrlEExportsTheListedGroupsAsHtml(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().open(List.of(SAMPLES.resolve("2026-11-20-05.tsv.gz"))));
        TableView<GroupRow> table = groupsTable(robot);
        waitUntil("the import ends", () -> window.model().imports().currentProperty().get() == null
                && !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Path target = tmp.resolve("exports/chosen.html");
        Files.createDirectories(target.getParent());
        String[] suggested = new String[1];
        window.view().saveDialog = chooser -> {
            suggested[0] = chooser.getInitialFileName();
            return target.toFile();
        };

        robot.clickOn("#groups-table");
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        waitUntil("the export dialog opens", () -> robot.lookup("#export-format").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> "the export ends: " + window.model().export().messageProperty().get(),
                () -> window.model().export().stateProperty().get() == dev.tracelens.ui.export.ExportViewModel.State.DONE);
        assertTrue(suggested[0].matches("tracelens-report-\\d{4}-\\d{2}-\\d{2}\\.html"), suggested[0]);
        String page = Files.readString(target);
        assertEquals(table.getItems().size(), page.split("<article class=\"group\"", -1).length - 1);
        Label message = robot.lookup("#export-message").queryAs(Label.class);
        waitUntil("the status bar says so", () -> message.isVisible() && message.getText().startsWith("Wrote "));
        assertTrue(robot.lookup("#export-open").queryAs(javafx.scene.control.Button.class).isVisible());
    }

    @Test
    void syncFromS3OpensWithTheSavedSettings(FxRobot robot) throws Exception {
        new dev.tracelens.sync.SyncSettingsFile(tmp.resolve("config")).save(
                new dev.tracelens.sync.SyncSettings("saved-bucket", "logs/pt", "eu-west-1", "ops", null));
        robot.clickOn("File").clickOn("Sync from S3…");
        waitUntil("the sync window opens", () -> robot.lookup("#sync-bucket").tryQuery().isPresent());
        assertEquals("saved-bucket", robot.lookup("#sync-bucket").queryAs(javafx.scene.control.TextField.class).getText());
        assertEquals("logs/pt", robot.lookup("#sync-prefix").queryAs(javafx.scene.control.TextField.class).getText());
        assertEquals("ops", robot.lookup("#sync-profile").queryAs(javafx.scene.control.TextField.class).getText());
        assertTrue(robot.lookup("#sync-cancel").queryAs(javafx.scene.control.Button.class).isDisabled(),
                "nothing runs yet");
        robot.interact(() -> window.model().sync().bucketProperty().set(""));
        robot.clickOn("#sync-list");
        Label message = robot.lookup("#sync-message").queryAs(Label.class);
        waitUntil("a missing bucket is explained", () -> message.getText().equals("Give the bucket Papertrail archives to"));
    }
}
