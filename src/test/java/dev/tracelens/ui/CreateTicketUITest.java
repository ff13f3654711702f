package dev.tracelens.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelens.engine.GroupRow;
import dev.tracelens.trackers.TrackerServer;
import javafx.scene.control.Button;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
 * The real window, headless: File → Create ticket… on the selected group previews the ticket
 * (title, the group's Markdown report), the user edits it, Create posts it to a local server
 * answering GitHub's documented shapes (a contract test, not GitHub), and the detail view lists
 * the new ticket at once.
 */
@ExtendWith(ApplicationExtension.class)
class CreateTicketUITest {
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

    private static String row(long id, String message) {
        String ts = "2026-12-03T07:00:00";
        return id + "\t" + ts + "\t" + ts + "\t1\tbilling-1\t10.0.0.9\tUser\tError\tbilling\t" + message + "\n";
    }

    @Test
    void previewEditCreateAndTheTicketIsListedAtOnce(FxRobot robot) throws Exception {
        String tsv = row(910_000_000_001L, "INFO charging") + row(910_000_000_002L, "Traceback (most recent call last):")
                + row(910_000_000_003L, "  File \"/srv/app/billing.py\", line 3, in charge")
                + row(910_000_000_004L, "ZeroDivisionError: division by zero") + row(910_000_000_005L, "INFO next");
        Path file = Files.writeString(Files.createDirectories(tmp.resolve("a")).resolve("2026-12-03-07.tsv"), tsv);
        @SuppressWarnings("unchecked")
        TableView<GroupRow> table = robot.lookup("#groups-table").queryAs(TableView.class);
        robot.interact(() -> window.model().open(List.of(file)));
        waitUntil("one group", () -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        waitUntil("the group is selected", () -> window.model().groups().selectedProperty().get() != null);

        try (TrackerServer server = new TrackerServer()) {
            server.answer(r -> TrackerServer.Answer.status(201, """
                    {"number":55,"title":"Charging divides by zero","state":"open","html_url":"https://github.com/acme/billing/issues/55",
                     "updated_at":"2026-12-03T08:00:00Z","body":"x","comments":0}"""));
            MenuItem create = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().getFirst().getItems().stream()
                    .filter(i -> "menu-create-ticket".equals(i.getId())).findFirst().orElseThrow();
            javafx.application.Platform.runLater(create::fire);
            waitUntil("the dialog shows", () -> robot.lookup("#create-ticket-where").tryQuery().isPresent());
            robot.interact(() -> {
                robot.lookup("#create-ticket-where").queryAs(TextField.class).setText("acme/billing");
                robot.lookup("#create-ticket-api").queryAs(TextField.class).setText(server.uri().toString());
            });
            robot.clickOn(robot.lookup("#create-ticket-preview").queryAs(Button.class));
            TextArea description = robot.lookup("#create-ticket-description").queryAs(TextArea.class);
            TextField title = robot.lookup("#create-ticket-title").queryAs(TextField.class);
            waitUntil(() -> "the preview, not " + description.getText(), () -> description.getText().contains("ZeroDivisionError")
                    && description.getText().contains("in charge") && description.getText().contains("INFO charging"));
            assertEquals("ZeroDivisionError: division by zero", title.getText());
            robot.interact(() -> {
                title.setText("Charging divides by zero");
                description.setText(description.getText() + "\nSeen after the 3.2 deploy.");
            });
            robot.clickOn(robot.lookup("#create-ticket-create").queryAs(Button.class));
            waitUntil("the ticket is posted", () -> !server.requests().isEmpty());
            waitUntil(() -> "the dialog closes, it says: " + robot.lookup("#create-ticket-message").tryQuery()
                            .map(n -> ((javafx.scene.control.Label) n).getText()).orElse("-"),
                    () -> robot.lookup("#create-ticket-where").tryQuery().isEmpty());
            JsonNode posted = new ObjectMapper().readTree(server.requests().getFirst().body());
            assertEquals("Charging divides by zero", posted.get("title").asText());
            assertTrue(posted.get("body").asText().endsWith("Seen after the 3.2 deploy."), posted.toString());
            assertEquals("/repos/acme/billing/issues", server.requests().getFirst().uri().getPath());
        }
        waitUntil("the detail lists the new ticket", () -> robot.lookup(".ticket-link").tryQuery()
                .map(n -> ((javafx.scene.control.Hyperlink) n).getText().equals("#55 Charging divides by zero (open)")).orElse(false));
    }
}
