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
}
