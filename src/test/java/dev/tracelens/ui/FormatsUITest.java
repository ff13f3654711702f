package dev.tracelens.ui;

import dev.tracelens.engine.GroupRow;
import dev.tracelens.ui.detail.ContextView;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.tracelens.ui.TestWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logs other than Papertrail's in the real window (issue 16): where each traceback came from
 * (file and line) for JSON lines and text, the same-process rows of a JSON log told by its pid
 * field, a file that is not a log named in the window, and File → Open as… reading a JSON log
 * whose field names are not the common ones.
 */
@ExtendWith(ApplicationExtension.class)
class FormatsUITest {
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
    private static TableView<GroupRow> groupsTable(FxRobot robot) {
        return robot.lookup("#groups-table").queryAs(TableView.class);
    }

    private void select(FxRobot robot, String type) {
        TableView<GroupRow> table = groupsTable(robot);
        GroupRow row = table.getItems().stream().filter(g -> g.exceptionType().equals(type)).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(row));
        waitUntil("the " + type + " traceback shows", () -> window.view().detailView().traceback().displayedText()
                .contains(type));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theTracebackPaneSaysWhichFileAndLineATracebackCameFromForJsonLinesAndText(FxRobot robot) throws Exception {
        Path json = Files.writeString(tmp.resolve("app.jl"), String.join("\n",
                "{\"time\":\"2024-01-05T12:00:00Z\",\"name\":\"billing\",\"process\":4242,\"message\":\"charging order 7\"}",
                "{\"time\":\"2024-01-05T12:00:00.5Z\",\"name\":\"billing\",\"process\":999,\"message\":\"other worker idles\"}",
                "{\"time\":\"2024-01-05T12:00:01Z\",\"name\":\"billing\",\"process\":4242,\"message\":\"charge failed\","
                        + "\"exc_info\":\"Traceback (most recent call last):\\n  File \\\"/srv/app.py\\\", line 3, in charge\\n"
                        + "ValueError: bad amount\"}", ""), StandardCharsets.UTF_8);
        Path text = Files.writeString(tmp.resolve("server.log"), """
                2024-01-05 12:00:02,000 INFO server: starting
                2024-01-05 12:00:03,000 ERROR server: boom
                Traceback (most recent call last):
                  File "/srv/server.py", line 9, in run
                KeyError: 'k'
                """, StandardCharsets.UTF_8);
        robot.interact(() -> window.model().open(List.of(json, text)));
        waitUntil("both groups show", () -> groupsTable(robot).getItems().size() == 2
                && window.model().imports().currentProperty().get() == null);

        select(robot, "ValueError");
        Label origin = robot.lookup("#traceback-origin").queryAs(Label.class);
        assertEquals("· app.jl line 3", origin.getText());
        // The JSON records' process field: the row of pid 4242 is the same process, pid 999's is not.
        List<ContextView.Row> context = window.view().detailView().context().rows();
        assertEquals(List.of("[4242] charging order 7 true", "[999] other worker idles false"),
                context.stream().filter(r -> !r.header()).map(r -> r.message() + " " + r.sameProcess()).toList());

        select(robot, "KeyError");
        assertEquals("· server.log line 3", origin.getText());
    }

    @Test
    void aFileThatIsNotALogIsNamedAndOpenAsReadsUnusualJsonFields(FxRobot robot) throws Exception {
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        Path notes = Files.write(tmp.resolve("notes.bin"), binary);
        Path zstd = Files.write(tmp.resolve("old.log.zst"), new byte[]{(byte) 0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0, 0, 0, 0});
        Path weird = Files.writeString(tmp.resolve("payments.jl"),
                "{\"t\":\"2024-01-05T12:00:00Z\",\"svc\":\"pay\",\"m\":\"payment failed\",\"trace\":\"Traceback (most recent"
                        + " call last):\\n  File \\\"/srv/pay.py\\\", line 5, in pay\\nRuntimeError: declined\"}\n",
                StandardCharsets.UTF_8);

        // Read as it is: the binary file and the zstd one are named with the reason.
        robot.interact(() -> window.model().open(List.of(notes, zstd, weird)));
        Label text = robot.lookup("#unreadable-text").queryAs(Label.class);
        waitUntil("the window names the files it could not read", () -> text.getText().contains("notes.bin")
                && window.model().imports().currentProperty().get() == null);
        assertTrue(text.getText().startsWith("Could not read 2 files as logs: "), text.getText());
        assertTrue(text.getText().contains("old.log.zst (") && text.getText().contains("zstd"), text.getText());
        assertTrue(robot.lookup("#unreadable-banner").query().isVisible());
        assertTrue(robot.lookup("#unreadable-open-as").queryAs(Button.class).isVisible(), "Open as… for them");
        // Its traceback is found in the record's text, but t and svc are not common names: no time, no program.
        waitUntil("payments.jl's traceback shows", () -> groupsTable(robot).getItems().size() == 1);
        GroupRow before = groupsTable(robot).getItems().getFirst();
        assertTrue(!before.lastSeen().equals(java.time.Instant.parse("2024-01-05T12:00:00Z"))
                && !before.programs().contains("pay"), before.toString());

        // File → Open as…: the same JSON file with its field names given. (The banner is closed
        // first: its own "Open as…" button, for the files it names, would match the menu item's text.)
        robot.clickOn(robot.lookup("#unreadable-banner .button").queryAll().stream()
                .filter(b -> ((Button) b).getText() == null).findFirst().orElseThrow());
        waitUntil("the banner closes", () -> !robot.lookup("#unreadable-banner").query().isVisible());
        window.view().openDialog = chooser -> List.of(weird.toFile());
        javafx.scene.control.MenuItem openAs = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class)
                .getMenus().getFirst().getItems().stream().filter(i -> "menu-open-as".equals(i.getId())).findFirst()
                .orElseThrow();
        assertEquals("Open as…", openAs.getText());
        javafx.application.Platform.runLater(openAs::fire); // not interact: the dialog waits in showAndWait
        waitUntil("the Open as dialog shows", () -> robot.lookup("#open-as-fields").tryQuery().isPresent());
        assertEquals("auto", robot.lookup("#open-as-format").queryAs(ComboBox.class).getValue());
        TextField fields = robot.lookup("#open-as-fields").queryAs(TextField.class);
        robot.clickOn(fields).write("time=t,nonsense");
        Label error = robot.lookup("#open-as-error").queryAs(Label.class);
        waitUntil("a bad mapping is said", () -> !error.getText().isEmpty());
        assertTrue(error.getText().startsWith("Fields: "), error.getText());
        assertTrue(robot.lookup("#open-as-open").query().isDisabled());
        robot.interact(() -> fields.setText("time=t,program=svc,message=m,traceback=trace"));
        robot.interact(() -> robot.lookup("#open-as-format").queryAs(ComboBox.class).getSelectionModel().select("jsonl"));
        waitUntil("the mapping is accepted", () -> error.getText().isEmpty());
        robot.clickOn("#open-as-open");

        // Read again (it was imported another way), and the traceback replaced, not doubled.
        waitUntil(() -> "the record's time and program are read: " + groupsTable(robot).getItems() + "; jobs "
                + window.model().imports().jobs().stream().map(j -> j.stateProperty().get() + " " + j.detailsProperty().get())
                .toList() + "; problems " + window.model().imports().problems(), () -> groupsTable(robot).getItems().size() == 1
                && groupsTable(robot).getItems().getFirst().programs().equals(List.of("pay"))
                && window.model().imports().currentProperty().get() == null);
        GroupRow after = groupsTable(robot).getItems().getFirst();
        assertEquals(java.time.Instant.parse("2024-01-05T12:00:00Z"), after.lastSeen());
        assertEquals(1, after.count());
        select(robot, "RuntimeError");
        assertEquals("· payments.jl line 1", robot.lookup("#traceback-origin").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#unreadable-banner").query().isVisible(), "this open read every file");
    }

    /** A dropped file the window cannot find is said at once, naming it. */
    @Test
    void aMissingFileIsNamed(FxRobot robot) {
        File gone = tmp.resolve("gone.jl").toFile();
        robot.interact(() -> window.model().open(List.of(gone.toPath())));
        Label text = robot.lookup("#unreadable-text").queryAs(Label.class);
        assertEquals("Could not read gone.jl as a log: no such file or folder", text.getText());
        assertFalse(robot.lookup("#unreadable-open-as").queryAs(Button.class).isVisible());
    }
}
