package dev.tracelens.ui;

import dev.tracelens.sync.S3ProxyExtension;
import dev.tracelens.sync.S3ProxyServer;
import dev.tracelens.sync.SyncSettings;
import dev.tracelens.sync.SyncSettingsFile;
import dev.tracelens.sync.TestArchives;
import dev.tracelens.engine.GroupRow;
import dev.tracelens.ui.sync.ArchiveRow;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.tracelens.ui.TestWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File → Sync from S3… on the real window against a real s3proxy: list, sync, and the synced
 * archives' groups appear in the main window. Credentials come the way a user's would, from the
 * SDK's default chain (here its system properties), never through the window.
 */
@ExtendWith({ApplicationExtension.class, S3ProxyExtension.class})
class SyncWindowUITest {
    private static final String DAY = "2026-11-20";

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
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("tracelens.sync.cache.dir");
    }


    @Test
    void listThenSyncImportsTheArchivesIntoTheWindow(FxRobot robot, S3ProxyServer server) throws Exception {
        String bucket = "ui-sync-" + ProcessHandle.current().pid();
        var admin = server.adminClient();
        TestArchives.createBucket(admin, bucket);
        for (String h : List.of("03", "04", "05")) {
            TestArchives.put(admin, bucket, "papertrail/logs/dt=" + DAY + "/" + DAY + "-" + h + ".tsv.gz",
                    Files.readAllBytes(Path.of("sample-logs", DAY + "-" + h + ".tsv.gz")));
        }
        new SyncSettingsFile(tmp.resolve("config")).save(new SyncSettings(bucket, null, "us-east-1", null,
                server.endpoint()));
        System.setProperty("aws.accessKeyId", S3ProxyServer.IDENTITY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET);
        System.setProperty("tracelens.sync.cache.dir", tmp.resolve("cache").toString());

        robot.clickOn("File").clickOn("Sync from S3…");
        waitUntil("the sync window opens", () -> robot.lookup("#sync-bucket").tryQuery().isPresent());
        assertEquals(bucket, robot.lookup("#sync-bucket").queryAs(TextField.class).getText());
        robot.interact(() -> {
            window.model().sync().fromProperty().set(java.time.LocalDate.parse(DAY));
            window.model().sync().toProperty().set(java.time.LocalDate.parse(DAY));
        });

        robot.clickOn("#sync-list");
        @SuppressWarnings("unchecked")
        TableView<ArchiveRow> archives = robot.lookup("#sync-archives").queryAs(TableView.class);
        Label message = robot.lookup("#sync-message").queryAs(Label.class);
        waitUntil("three new archives are listed", () -> archives.getItems().size() == 3
                && archives.getItems().stream().allMatch(a -> a.status() == ArchiveRow.Status.NEW));
        assertTrue(message.getText().startsWith("3 archives in s3://" + bucket), message.getText());

        robot.clickOn("#sync-run");
        waitUntil("all are synced", () -> archives.getItems().stream().allMatch(a -> a.status() == ArchiveRow.Status.SYNCED)
                && !window.model().sync().busyProperty().get());
        assertTrue(message.getText().startsWith("Downloaded 3 archives"), message.getText());
        @SuppressWarnings("unchecked")
        TableView<GroupRow> groups = robot.lookup("#groups-table").queryAs(TableView.class);
        waitUntil("their groups show in the main window", () -> groups.getItems().size() > 3
                && window.model().imports().currentProperty().get() == null);
        assertTrue(robot.lookup("#sync-progress").queryAs(Label.class).getText().startsWith("3 of 3 archives"));
    }

    /**
     * One bucket, two prefixes of different formats (issue 16): per-user JSON lines under
     * {@code rainforest-logs/<user>/YYYY/MM/DD/*.jl} and plain Python logs under Papertrail's
     * {@code service/dt=} folders. The first prefix's layout and format are given in the window and
     * saved to sync.json; each key's format shows in the list; both sync and import their way.
     */
    @Test
    void twoPrefixesOfDifferentFormatsAreEditedSyncedAndImported(FxRobot robot, S3ProxyServer server) throws Exception {
        String bucket = "ui-formats-" + ProcessHandle.current().pid();
        var admin = server.adminClient();
        TestArchives.createBucket(admin, bucket);
        String failure = "{\"time\":\"2015-09-28T16:00:09Z\",\"name\":\"iseif\",\"msg\":\"failed\",\"exc_info\":"
                + "\"Traceback (most recent call last):\\n  File \\\"a.py\\\", line 1, in f\\nValueError: user %s\"}\n";
        for (String user : List.of("002506", "002507")) {
            TestArchives.put(admin, bucket, "rainforest-logs/" + user + "/2015/09/28/iseif-rainforest-" + user
                    + "-2015-09-28-16.jl", String.format(failure, user).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        TestArchives.put(admin, bucket, "service/dt=2015-09-28/server.log", ("2015-09-28 16:00:03,120 ERROR server: boom\n"
                + "Traceback (most recent call last):\n  File \"server.py\", line 9, in run\nKeyError: 'k'\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SyncSettingsFile settingsFile = new SyncSettingsFile(tmp.resolve("config"));
        settingsFile.save(new SyncSettings(bucket, "service", "us-east-1", null, server.endpoint()));
        System.setProperty("aws.accessKeyId", S3ProxyServer.IDENTITY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET);
        System.setProperty("tracelens.sync.cache.dir", tmp.resolve("cache").toString());

        robot.clickOn("File").clickOn("Sync from S3…");
        waitUntil("the sync window opens", () -> robot.lookup("#sync-prefixes").tryQuery().isPresent());
        var model = window.model().sync();
        @SuppressWarnings("unchecked")
        TableView<dev.tracelens.sync.PrefixFormat> prefixes = robot.lookup("#sync-prefixes").queryAs(TableView.class);
        assertTrue(prefixes.getItems().isEmpty());
        robot.interact(() -> {
            model.fromProperty().set(java.time.LocalDate.parse("2015-09-28"));
            model.toProperty().set(java.time.LocalDate.parse("2015-09-28"));
        });

        // The per-user prefix: its layout and format typed in, then saved.
        TextField prefix = robot.lookup("#sync-prefix").queryAs(TextField.class);
        robot.interact(() -> prefix.setText("rainforest-logs"));
        robot.clickOn("#sync-layout").write("{prefix}/{source}/{yyyy}/{MM}/{dd}/{name}");
        robot.interact(() -> robot.lookup("#sync-input-format").queryAs(javafx.scene.control.ComboBox.class)
                .getSelectionModel().select("jsonl"));
        robot.clickOn("#sync-save-prefix");
        waitUntil("the prefix is listed", () -> prefixes.getItems().size() == 1);
        assertEquals(new dev.tracelens.sync.PrefixFormat("rainforest-logs", "{prefix}/{source}/{yyyy}/{MM}/{dd}/{name}",
                "jsonl", null, null), prefixes.getItems().getFirst());
        assertEquals(prefixes.getItems(), settingsFile.load().formats(), "saved to sync.json, as tracelens sync reads it");

        @SuppressWarnings("unchecked")
        TableView<ArchiveRow> archives = robot.lookup("#sync-archives").queryAs(TableView.class);
        robot.clickOn("#sync-list");
        waitUntil("the two users' keys are listed as JSON lines", () -> archives.getItems().size() == 2
                && archives.getItems().stream().allMatch(a -> a.format().equals("jsonl")));
        robot.clickOn("#sync-run");
        waitUntil("they are synced", () -> !model.busyProperty().get()
                && archives.getItems().stream().allMatch(a -> a.status() == ArchiveRow.Status.SYNCED));

        // The text prefix: Papertrail's layout, format told by content; the fields go back to the defaults.
        robot.interact(() -> prefix.setText("service"));
        assertEquals("", robot.lookup("#sync-layout").queryAs(TextField.class).getText());
        assertEquals("auto", model.inputFormatProperty().get());
        robot.clickOn("#sync-list");
        waitUntil("the server log is listed, format told once synced", () -> archives.getItems().size() == 1
                && archives.getItems().getFirst().format().equals("auto"));
        robot.clickOn("#sync-run");
        waitUntil("it is synced and its bytes say text", () -> !model.busyProperty().get()
                && archives.getItems().getFirst().status() == ArchiveRow.Status.SYNCED
                && archives.getItems().getFirst().format().equals("auto:text"));

        @SuppressWarnings("unchecked")
        TableView<GroupRow> groups = robot.lookup("#groups-table").queryAs(TableView.class);
        waitUntil("both prefixes' tracebacks are in the main window", () -> window.model().imports().currentProperty().get() == null
                && groups.getItems().stream().map(GroupRow::exceptionType).sorted().toList().equals(List.of("KeyError", "ValueError")));
        assertEquals(2, groups.getItems().stream().filter(g -> g.exceptionType().equals("ValueError")).findFirst()
                .orElseThrow().count(), "one traceback per user's file");

        // Picking the saved prefix shows its format again; removing it forgets it in sync.json.
        robot.interact(() -> prefixes.getSelectionModel().select(0));
        assertEquals("rainforest-logs", prefix.getText());
        assertEquals("jsonl", model.inputFormatProperty().get());
        robot.clickOn("#sync-remove-prefix");
        waitUntil(() -> "the prefix is removed; message: " + model.messageProperty().get() + "; button disabled: "
                + robot.lookup("#sync-remove-prefix").query().isDisabled() + "; selected: "
                + prefixes.getSelectionModel().getSelectedItem(), () -> prefixes.getItems().isEmpty());
        assertTrue(settingsFile.load().formats().isEmpty());
        assertFalse(Files.readString(tmp.resolve("config/sync.json")).contains("jsonl"));
    }
}
