package dev.tracelens.ui;

import dev.tracelens.engine.GroupRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.tracelens.ui.TestWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window, headless: the language filter among the groups filters, and the in-app
 * prefixes of the Settings dialog, which the next import uses as the CLI uses {@code --in-app}
 * (group keys, and the frames the traceback view draws as own code or library code).
 */
@ExtendWith(ApplicationExtension.class)
class LanguagesUITest {
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

    /** Two Java traces that differ only in a frame of {@code org.thirdparty}, and one Python traceback. */
    private static Path archive(Path dir, String hour) throws IOException {
        Files.createDirectories(dir);
        String[] java = {
                "ERROR checkout failed",
                "java.lang.IllegalStateException: cart is empty",
                "\tat com.acme.shop.Checkout.run(Checkout.java:12)",
                "\tat org.thirdparty.engine.Worker.%s(Worker.java:40)",
                "\tat java.base/java.lang.Thread.run(Thread.java:1583)",
        };
        String[] python = {
                "Traceback (most recent call last):",
                "  File \"/srv/app/billing.py\", line 3, in charge",
                "    total / count",
                "ZeroDivisionError: division by zero",
        };
        StringBuilder tsv = new StringBuilder();
        long id = 800_000_000_000L + hour.hashCode() % 1000 * 1000L;
        Instant t = Instant.parse("2026-12-03T" + hour + ":00:00Z");
        for (String worker : List.of("runOnce", "runBatch")) {
            for (String line : java) {
                tsv.append(row(id++, t, "shop-1", "shop", line.formatted(worker)));
                tsv.append(row(id++, t, "web-1", "nginx", "GET /health 200"));
                t = t.plusMillis(100);
            }
            tsv.append(row(id++, t, "shop-1", "shop", "INFO next"));
            t = t.plusSeconds(5);
        }
        for (String line : python) {
            tsv.append(row(id++, t, "billing-1", "billing", line));
            t = t.plusMillis(100);
        }
        tsv.append(row(id, t, "billing-1", "billing", "INFO next"));
        Path file = dir.resolve("2026-12-03-" + hour + ".tsv");
        Files.writeString(file, tsv);
        return file;
    }

    private static String row(long id, Instant t, String host, String program, String message) {
        String ts = t.toString().replace("Z", "");
        return id + "\t" + ts + "\t" + ts + "\t1\t" + host + "\t10.0.0.9\tUser\tError\t" + program + "\t"
                + message.replace("\t", "#011") + "\n";
    }

    @SuppressWarnings("unchecked")
    private static TableView<GroupRow> table(FxRobot robot) {
        return robot.lookup("#groups-table").queryAs(TableView.class);
    }

    private void importAndWait(FxRobot robot, Path file, int groups) {
        robot.interact(() -> window.model().open(List.of(file)));
        waitUntil("the import ends", () -> window.model().imports().currentProperty().get() == null
                && !window.model().imports().jobs().isEmpty());
        waitUntil(() -> groups + " groups, not " + table(robot).getItems(), () -> table(robot).getItems().size() == groups);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void languageFilterAndInAppPrefixesFromTheSettings(FxRobot robot) throws Exception {
        TableView<GroupRow> table = table(robot);
        // By the default rules both Java traces are own code all through: the frame that differs splits them.
        importAndWait(robot, archive(tmp.resolve("a"), "07"), 3);

        MenuButton languages = robot.lookup("#language-filter").queryAs(MenuButton.class);
        waitUntil("the filter offers the stored languages", () -> offered(languages).equals(List.of("java", "python")));
        robot.interact(() -> box(languages, "java").fire());
        waitUntil("only the Java groups", () -> table.getItems().size() == 2
                && table.getItems().stream().allMatch(g -> g.exceptionType().equals("java.lang.IllegalStateException")));
        robot.interact(() -> box(languages, "java").fire());
        robot.interact(() -> box(languages, "python").fire());
        waitUntil("only the Python group", () -> table.getItems().size() == 1
                && table.getItems().getFirst().exceptionType().equals("ZeroDivisionError"));
        robot.interact(() -> box(languages, "java").fire());
        waitUntil("both languages chosen: all groups", () -> table.getItems().size() == 3);
        robot.interact(() -> box(languages, "java").fire());
        robot.interact(() -> box(languages, "python").fire());
        waitUntil("no language chosen: all groups again", () -> table.getItems().size() == 3
                && window.model().groups().selectedLanguages().isEmpty());

        // Settings: com.acme is our code; the next import groups and draws by it.
        robot.press(KeyCode.CONTROL).press(KeyCode.COMMA).release(KeyCode.COMMA).release(KeyCode.CONTROL);
        waitUntil("the settings dialog opens", () -> robot.lookup("#settings-in-app").tryQuery().isPresent());
        TextField inApp = robot.lookup("#settings-in-app").queryAs(TextField.class);
        robot.clickOn(inApp).write("com.acme");
        Button ok = robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> "OK".equals(b.getText())).findFirst().orElseThrow();
        robot.clickOn(ok);
        waitUntil("the setting is kept", () -> window.model().settingsProperty().get().inAppPrefixes().equals(List.of("com.acme")));
        assertTrue(Files.readString(tmp.resolve("config/ui.json")).contains("com.acme"), "saved with the settings");

        // The same traces again: now the org.thirdparty frame is a library frame, so the two are one group.
        // The Python traceback has no frame under com.acme now, so it groups by type and message
        // (issue 14), apart from the first import's: five groups.
        importAndWait(robot, archive(tmp.resolve("b"), "08"), 5);
        GroupRow merged = table.getItems().stream()
                .filter(g -> g.exceptionType().equals("java.lang.IllegalStateException") && g.count() == 2)
                .findFirst().orElseThrow(() -> new AssertionError(table.getItems().toString()));
        robot.interact(() -> window.model().groups().selectedProperty().set(merged));
        waitUntil("its traceback shows", () -> window.view().detailView().traceback().displayedText().contains("com.acme.shop.Checkout.run"));
        assertEquals(List.of("tb-app-frame"), frameStyles(robot, "com.acme.shop.Checkout.run"));
        assertEquals(List.of("tb-lib-frame"), frameStyles(robot, "org.thirdparty.engine.Worker"));
        assertEquals(List.of("tb-lib-frame"), frameStyles(robot, "java.lang.Thread.run"));
    }

    /** The style classes (other than {@code tb}) of the traceback view's line holding {@code text}. */
    private static List<String> frameStyles(FxRobot robot, String text) {
        for (Node n : robot.lookup("#traceback-text").queryAs(javafx.scene.text.TextFlow.class).getChildren()) {
            if (n instanceof Text t && t.getText().contains(text)) {
                return t.getStyleClass().stream().filter(c -> !c.equals("tb")).toList();
            }
        }
        throw new AssertionError("no line with " + text);
    }

    /** The values a multi-choice filter offers (its check boxes carry them as user data). */
    private static List<String> offered(MenuButton filter) {
        return filter.getItems().stream().filter(i -> i instanceof CustomMenuItem)
                .map(i -> ((CustomMenuItem) i).getContent())
                .filter(n -> n instanceof CheckBox b && b.getUserData() instanceof String)
                .map(n -> (String) n.getUserData()).toList();
    }

    private static CheckBox box(MenuButton filter, String value) {
        return filter.getItems().stream().filter(i -> i instanceof CustomMenuItem)
                .map(i -> ((CustomMenuItem) i).getContent())
                .filter(n -> n instanceof CheckBox b && value.equals(b.getUserData()))
                .map(n -> (CheckBox) n).findFirst().orElseThrow(() -> new AssertionError("no " + value + " in the filter"));
    }
}
