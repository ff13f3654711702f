package dev.tracelens.ui;

import dev.tracelens.engine.GroupRow;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static dev.tracelens.ui.TestWindow.waitUntil;

/**
 * The real window, headless: the Live toggle listens for syslog on the settings' address (a
 * real UDP socket on loopback), shows the address and the rate, and the groups list fills as a
 * traceback sent line by line completes; switched off, it stops listening.
 */
@ExtendWith(ApplicationExtension.class)
class LiveUITest {
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
        robot.interact(() -> window.model().live().close());
        app.close(robot);
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void liveToggleReceivesSyslogAndTheGroupAppears(FxRobot robot) throws Exception {
        int port = freeUdpPort();
        robot.interact(() -> window.model().updateSettings(
                window.model().settingsProperty().get().withLiveAddress("udp://127.0.0.1:" + port)));
        @SuppressWarnings("unchecked")
        TableView<GroupRow> table = robot.lookup("#groups-table").queryAs(TableView.class);
        ToggleButton toggle = robot.lookup("#live-toggle").queryAs(ToggleButton.class);
        Label status = robot.lookup("#live-status").queryAs(Label.class);
        robot.clickOn(toggle);
        waitUntil(() -> "the status names the address, not " + status.getText(),
                () -> status.getText().startsWith("udp://127.0.0.1:" + port) && status.getText().contains("rows/s"));

        List<String> lines = List.of("INFO request started", "Traceback (most recent call last):",
                "  File \"/srv/app/live.py\", line 7, in handle", "    raise TimeoutError('upstream')",
                "TimeoutError: upstream", "INFO next request");
        try (DatagramSocket client = new DatagramSocket()) {
            for (String line : lines) {
                byte[] b = ("<11>Dec  3 07:00:00 web-1 app[42]: " + line).getBytes(StandardCharsets.UTF_8);
                client.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
            }
        }
        waitUntil(() -> "the traceback's group is listed, not " + table.getItems(), () -> table.getItems().stream()
                .anyMatch(g -> g.exceptionType().equals("TimeoutError") && g.message().equals("upstream")));
        waitUntil(() -> "six rows counted, not " + status.getText(), () -> status.getText().contains("6 rows"));

        robot.clickOn(toggle);
        waitUntil(() -> "stopped, not " + status.getText(), () -> status.getText().isEmpty());
    }
}
