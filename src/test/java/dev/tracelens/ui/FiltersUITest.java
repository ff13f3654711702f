package dev.tracelens.ui;

import dev.tracelens.engine.GroupRow;
import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.ui.groups.FilterBar;
import dev.tracelens.ui.groups.TimeRange;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
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

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.tracelens.ui.TestWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18 item 13 in the real window: several types chosen at once (with their counts), a typed
 * time range ("last 2 h", a from–to), one reset, and the imported archives listed with Remove.
 */
@ExtendWith(ApplicationExtension.class)
class FiltersUITest {
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

    private void importSamples(FxRobot robot) {
        robot.interact(() -> window.model().open(List.of(Path.of("sample-logs"))));
        waitUntil(() -> "the samples are imported: current " + window.model().imports().currentProperty().get()
                + ", " + window.model().groups().groups().size() + " groups, traceback "
                + (window.model().detail().tracebackProperty().get() != null),
                () -> window.model().imports().currentProperty().get() == null
                && !window.model().groups().groups().isEmpty()
                && window.model().detail().tracebackProperty().get() != null);
        long stored = app.storedTracebacks(); // the import has ended: the list catches up with this
        waitUntil(() -> "the list shows all " + stored + " tracebacks, not " + listed(),
                () -> window.model().groups().facetsProperty().get().tracebacks() == stored && listed() == stored);
    }

    /** Read on the FX thread, which changes the list. */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long listed() {
        return onFx(() -> window.model().groups().groups().stream().mapToLong(GroupRow::count).sum());
    }

    @Test
    void severalTypesWithCountsThenATypedRangeThenOneReset(FxRobot robot) {
        importSamples(robot);
        long all = listed();
        Button reset = robot.lookup("#reset-filters").queryAs(Button.class);
        assertFalse(reset.isVisible(), "nothing to reset yet");

        MenuButton types = robot.lookup("#type-filter").queryAs(MenuButton.class);
        assertEquals("All types", types.getText());
        robot.clickOn(types);
        waitUntil("the type menu opens", types::isShowing);
        List<CheckBox> boxes = robot.lookup(".check-box").queryAllAs(CheckBox.class).stream()
                .filter(b -> b.getUserData() instanceof String).toList();
        assertTrue(boxes.size() >= 2, boxes.toString());
        assertTrue(boxes.stream().allMatch(b -> b.getText().matches(".+ {2}\\([0-9,]+\\)")),
                "each type with its count: " + boxes.stream().map(CheckBox::getText).toList());
        robot.clickOn(boxes.get(0));
        robot.clickOn(boxes.get(1));
        assertTrue(types.isShowing(), "the menu stays open for the next choice");
        robot.type(KeyCode.ESCAPE);
        Set<String> chosen = Set.of((String) boxes.get(0).getUserData(), (String) boxes.get(1).getUserData());
        waitUntil("the list shows the two types", () -> onFx(() -> window.model().groups().groups().stream()
                .map(GroupRow::exceptionType).collect(Collectors.toSet())).equals(chosen));
        assertTrue(types.getText().endsWith(" +1"), types.getText());
        assertTrue(reset.isVisible(), "a filter is on: the reset shows");

        @SuppressWarnings("unchecked")
        ComboBox<TimeRange> range = robot.lookup("#time-range").queryAs(ComboBox.class);
        robot.clickOn(range.getEditor());
        robot.interact(() -> range.getEditor().selectAll());
        robot.write("last 2 h").type(KeyCode.ENTER);
        waitUntil("the typed range applies", () -> window.model().groups().timeRangeProperty().get().label()
                .equals("Last 2 hours"));
        robot.interact(() -> range.getEditor().selectAll());
        robot.write("sometime").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(range.getStyleClass().contains(FilterBar.BAD_RANGE), "a text that is no range is marked");
        assertEquals("Last 2 hours", window.model().groups().timeRangeProperty().get().label(), "and changes nothing");
        assertTrue(range.getTooltip().getText().startsWith("'sometime' is not a time range"), range.getTooltip().getText());

        robot.clickOn(reset);
        waitUntil(() -> "everything shows again: " + listed() + " of " + all + ", "
                + window.model().groups().queryProperty().get(), () -> listed() == all);
        assertEquals("All types", types.getText());
        assertEquals(TimeRange.ALL, range.getValue());
        assertFalse(range.getStyleClass().contains(FilterBar.BAD_RANGE));
        assertFalse(reset.isVisible());
    }

    @Test
    void theImportedArchivesAreListedAndOneCanBeRemoved(FxRobot robot) {
        importSamples(robot);
        long before = window.model().groups().facetsProperty().get().tracebacks();
        robot.clickOn("File").clickOn("Imported archives…");
        waitUntil("the archives are listed", () -> robot.lookup("#archives-table").tryQuery().isPresent()
                && !robot.lookup("#archives-table").queryAs(TableView.class).getItems().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<ArchiveRecord> table = robot.lookup("#archives-table").queryAs(TableView.class);
        assertEquals(5, table.getItems().size(), table.getItems().toString());
        ArchiveRecord hour = table.getItems().stream().filter(a -> a.name().equals("2026-11-20-04.tsv.gz"))
                .findFirst().orElseThrow();
        assertTrue(hour.tracebacks() > 0 && hour.rows() > 0, hour.toString());
        assertTrue(robot.lookup("#archives-message").queryAs(Label.class).getText().startsWith("5 archives, "));
        robot.interact(() -> table.getSelectionModel().select(hour));
        robot.clickOn("#remove-archive");
        waitUntil("the archive is gone", () -> table.getItems().size() == 4);
        assertTrue(robot.lookup("#archives-message").queryAs(Label.class).getText()
                .startsWith("Removed 2026-11-20-04.tsv.gz and its " + hour.tracebacks()), 
                robot.lookup("#archives-message").queryAs(Label.class).getText());
        waitUntil(() -> "the groups reload without its tracebacks: " + before + " - " + hour.tracebacks() + " vs "
                        + window.model().groups().facetsProperty().get().tracebacks(),
                () -> window.model().groups().facetsProperty().get().tracebacks() == before - hour.tracebacks());
    }
}
