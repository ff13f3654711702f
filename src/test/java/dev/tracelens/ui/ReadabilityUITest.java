package dev.tracelens.ui;

import dev.tracelens.engine.GroupRow;
import dev.tracelens.ui.common.BarsCanvas;
import dev.tracelens.ui.export.ExportOptions;
import dev.tracelens.ui.export.ExportViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
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
import java.util.ArrayList;
import java.util.List;

import static dev.tracelens.ui.TestWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a new user reads: charts over years that do not go flat, text that is not cut off at
 * 1440 px (or has a tooltip where a cell must cut it), and the window's first moments.
 */
@ExtendWith(ApplicationExtension.class)
class ReadabilityUITest {
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

    private void importAndWait(FxRobot robot, Path path) {
        robot.interact(() -> window.model().open(List.of(path)));
        waitUntil("the import ends and the detail shows", () -> window.model().imports().currentProperty().get() == null
                && !window.model().groups().groups().isEmpty()
                && window.model().detail().tracebackProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void timelinesOverYearsBreakTheEmptyStretchInsteadOfGoingFlat(FxRobot robot) throws Exception {
        Path dir = tmp.resolve("years");
        TestArchives.write(dir, Instant.parse("2014-03-01T10:00:00Z"), 300_000, true, 40);
        TestArchives.write(dir, Instant.parse("2016-08-12T03:00:00Z"), 300_000, true, 40);
        importAndWait(robot, dir);
        GroupRow both = window.model().groups().groups().stream()
                .filter(g -> g.firstSeen().toString().startsWith("2014") && g.lastSeen().toString().startsWith("2016"))
                .findFirst().orElseThrow(() -> new AssertionError("a group seen in both years"));
        assertTrue(both.timeline().contains(BarsCanvas.BREAK), "the sparkline breaks the two empty years: "
                + both.timeline());
        assertTrue(both.timeline().stream().filter(c -> c > 0).count() >= 2, "and shows both clusters");

        robot.interact(() -> window.model().groups().selectedProperty().set(both));
        waitUntil("its detail shows", () -> window.model().detail().detailProperty().get() != null
                && window.model().detail().detailProperty().get().group().fingerprint().equals(both.fingerprint()));
        WaitForAsyncUtils.waitForFxEvents();
        var chart = window.view().detailView().chart();
        List<Long> bars = chart.counts();
        assertTrue(bars.contains(BarsCanvas.BREAK), "the detail chart breaks the empty stretch: " + bars);
        assertTrue(bars.size() <= 72, bars.size() + " bars");
        long shown = bars.stream().filter(c -> c > 0).count();
        assertTrue(shown * 10 >= bars.size() - 1, "bars with occurrences are a good part of the chart, not "
                + shown + " slivers among " + bars.size());
        assertTrue(chart.caption().contains("left out"), chart.caption());
    }

    @Test
    void at1440PxTheStatusBarSearchAndHeadersAreWholeAndCutCellsHaveTooltips(FxRobot robot) throws Exception {
        robot.interact(() -> {
            app.stage().setWidth(1440);
            app.stage().setHeight(900);
        });
        importAndWait(robot, Path.of("sample-logs"));
        // After an export the status bar held five items squeezed to "…" each.
        Path report = tmp.resolve("report.html");
        robot.interact(() -> window.model().export().export(ExportOptions.DEFAULT, report));
        waitUntil("the export is written", () -> window.model().export().stateProperty().get()
                == ExportViewModel.State.DONE && Files.exists(report));
        WaitForAsyncUtils.waitForFxEvents();

        Node statusBar = robot.lookup(".status-bar").query();
        assertEquals(List.of(), LaptopLayoutUITest.cutOff((javafx.scene.Parent) statusBar), "status bar items");
        Label exported = robot.lookup("#export-message").queryAs(Label.class);
        assertTrue(exported.getText().startsWith("Wrote") && exported.isVisible() && visible(exported),
                "the newest message shows whole: " + exported.getText());
        for (String header : List.of(".column-header", ".pane-header .pane-title")) {
            assertEquals(List.of(), robot.lookup(header).queryAll().stream()
                    .flatMap(n -> n instanceof javafx.scene.Parent p ? LaptopLayoutUITest.cutOff(p).stream()
                            : java.util.stream.Stream.<String>empty()).toList(), header);
        }

        TextField search = robot.lookup("#search").queryAs(TextField.class);
        Text prompt = new Text(search.getPromptText());
        prompt.setFont(search.getFont());
        double room = search.getWidth() - search.getPadding().getLeft() - search.getPadding().getRight() - 60;
        assertTrue(prompt.getLayoutBounds().getWidth() <= room, "the placeholder '" + search.getPromptText()
                + "' fits the search field");
        assertTrue(search.getPromptText().contains("case-sensitive"), "and says the search is case-sensitive");

        // Every cell the table has to cut has the whole text in its tooltip.
        List<String> withoutTip = new ArrayList<>();
        for (Node n : window.view().root().lookupAll(".table-cell")) {
            if (n instanceof Labeled cell && cell.getText() != null && !cell.getText().isEmpty() && visible(cell)) {
                Node t = cell.lookup(".text");
                boolean cut = t instanceof Text text && !text.getText().equals(cell.getText());
                if (cut && (cell.getTooltip() == null || cell.getTooltip().getText().isBlank())) {
                    withoutTip.add(cell.getText());
                }
            }
        }
        assertEquals(List.of(), withoutTip, "cut cells without a tooltip");
    }

    @Test
    void theFirstImportSaysItIsImportingAndThenTheFirstGroupIsSelected(FxRobot robot) throws Exception {
        Path big = tmp.resolve("big");
        TestArchives.write(big, Instant.parse("2026-01-05T00:00:00Z"), 3_000_000, true, 400);
        robot.interact(() -> window.model().open(List.of(big)));
        waitUntil("the importing state shows", () -> robot.lookup("#importing-state").query().isVisible()
                || !window.model().groups().groups().isEmpty());
        if (window.model().groups().groups().isEmpty()) {
            assertFalse(robot.lookup(".empty-state-text").queryAll().stream()
                    .anyMatch(n -> visible(n) && ((Label) n).getText().equals(MainView.EMPTY_TEXT)),
                    "no 'Open a Papertrail archive' while one is being imported");
        }
        waitUntil("the import ends", () -> window.model().imports().currentProperty().get() == null
                && window.model().detail().detailProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<GroupRow> table = robot.lookup("#groups-table").queryAs(TableView.class);
        assertEquals(0, table.getSelectionModel().getSelectedIndex(), "the first group is selected");
        assertEquals(table.getItems().getFirst(), window.model().groups().selectedProperty().get());
    }

    @Test
    void openingTheProblemsPanelKeepsTheDetailPanesReadable(FxRobot robot) {
        robot.interact(() -> {
            app.stage().setWidth(1280);
            app.stage().setHeight(800);
        });
        importAndWait(robot, Path.of("sample-logs"));
        Node traceback = window.view().detailView().traceback().node();
        double before = traceback.getLayoutBounds().getHeight();
        ToggleButton toggle = robot.lookup("#problems-toggle").queryAs(ToggleButton.class);
        robot.interact(() -> toggle.setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        double after = traceback.getLayoutBounds().getHeight();
        assertTrue(after >= before - 1, "the traceback pane keeps its height (" + before + " → " + after + ")");
        assertTrue(robot.lookup("#problems-table").query().getLayoutBounds().getHeight() > 60,
                "and the problems panel has room");
    }

    @Test
    void theViewMenuMarksTheActiveThemeByItsName(FxRobot robot) {
        var menu = window.view().root().lookupAll(".menu-bar").stream().findFirst().orElseThrow();
        var bar = (javafx.scene.control.MenuBar) menu;
        var view = bar.getMenus().stream().filter(m -> m.getText().equals("View")).findFirst().orElseThrow();
        var items = view.getItems().stream().filter(i -> i instanceof javafx.scene.control.RadioMenuItem)
                .map(i -> (javafx.scene.control.RadioMenuItem) i).toList();
        assertEquals(List.of("Light", "Dark"), items.stream().map(javafx.scene.control.MenuItem::getText).toList());
        assertTrue(items.get(0).isSelected() && !items.get(1).isSelected(), "light is marked");
        robot.interact(() -> items.get(1).fire());
        assertTrue(items.get(1).isSelected() && !items.get(0).isSelected(), "dark is marked");
        assertEquals("Dark", window.model().settingsProperty().get().theme().toString(), "named, not DARK");
        robot.interact(() -> items.get(0).fire());
    }

    @Test
    void problemsReadOnTheToggledButtonAndDatesAndCountsReadTheSameEverywhere(FxRobot robot) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("mixed"));
        Files.copy(Path.of("sample-logs/2026-11-20-03.tsv.gz"), dir.resolve("2026-11-20-03.tsv.gz"));
        Files.write(dir.resolve("2026-11-20-09.tsv.gz"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        importAndWait(robot, dir);
        ToggleButton toggle = robot.lookup("#problems-toggle").queryAs(ToggleButton.class);
        waitUntil("a problem is counted", () -> toggle.getText().matches("[1-9][0-9,]* problems?"));
        robot.interact(() -> toggle.setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.paint.Color text = (javafx.scene.paint.Color) toggle.getTextFill();
        javafx.scene.paint.Color back = (javafx.scene.paint.Color) toggle.getBackground().getFills().getLast().getFill();
        assertTrue(contrast(text, back) >= 4.5, "'" + toggle.getText() + "' in " + text + " on " + back
                + ": contrast " + contrast(text, back));

        robot.interact(() -> {
            var picker = dev.tracelens.ui.sync.SyncDialog.isoDatePicker("d");
            picker.setValue(java.time.LocalDate.of(2026, 12, 1));
            assertEquals("2026-12-01", picker.getConverter().toString(picker.getValue()), "ISO, as everywhere else");
        });
        assertEquals("1,234 groups", dev.tracelens.ui.common.Formats.count(1234, "group"));
        assertTrue(window.model().groups().summaryProperty().get().matches("[0-9,]+ groups?, [0-9,]+ tracebacks?"),
                window.model().groups().summaryProperty().get());
    }

    /** WCAG contrast ratio of two colours. */
    private static double contrast(javafx.scene.paint.Color a, javafx.scene.paint.Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(javafx.scene.paint.Color c) {
        double[] rgb = {c.getRed(), c.getGreen(), c.getBlue()};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }

    private static boolean visible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
