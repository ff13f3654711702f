package dev.tracelens.ui;

import dev.tracelens.engine.GroupRow;
import dev.tracelens.tickets.LuceneTicketIndex;
import dev.tracelens.tickets.Ticket;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.tracelens.ui.TestWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real window, headless, with a ticket index beside its store (as {@code tracelens tickets
 * sync} leaves it): the groups table's Tickets column, the detail view's ticket links (opened
 * through the document opener, HostServices in the app) and the "No ticket" filter.
 */
@ExtendWith(ApplicationExtension.class)
class TicketsUITest {
    @TempDir
    Path tmp;
    private TestWindow app;
    private MainWindow window;
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        try (LuceneTicketIndex index = LuceneTicketIndex.open(tmp.resolve("store-tickets"))) {
            index.put(List.of(new Ticket("github:acme/billing", "#42", "Charging divides by zero", "open",
                    "https://github.com/acme/billing/issues/42", Instant.parse("2026-12-01T10:00:00Z"),
                    "ZeroDivisionError: division by zero in charge (billing.py)", List.of())));
        }
        app = TestWindow.show(stage, tmp);
        window = app.window;
        window.view().setDocumentOpener(opened::add);
    }

    @AfterEach
    void stop(FxRobot robot) {
        app.close(robot);
    }

    private static String row(long id, String host, String program, String message) {
        String ts = "2026-12-03T07:00:00";
        return id + "\t" + ts + "\t" + ts + "\t1\t" + host + "\t10.0.0.9\tUser\tError\t" + program + "\t" + message + "\n";
    }

    @Test
    void ticketsColumnDetailLinksAndTheNoTicketFilter(FxRobot robot) throws Exception {
        String tsv = row(900_000_000_001L, "billing-1", "billing", "Traceback (most recent call last):")
                + row(900_000_000_002L, "billing-1", "billing", "  File \"/srv/app/billing.py\", line 3, in charge")
                + row(900_000_000_003L, "billing-1", "billing", "    total / count")
                + row(900_000_000_004L, "billing-1", "billing", "ZeroDivisionError: division by zero")
                + row(900_000_000_005L, "billing-1", "billing", "INFO next")
                + row(900_000_000_006L, "shop-1", "shop", "Traceback (most recent call last):")
                + row(900_000_000_007L, "shop-1", "shop", "  File \"/srv/app/cart.py\", line 9, in checkout")
                + row(900_000_000_008L, "shop-1", "shop", "    raise ValueError('cart is empty')")
                + row(900_000_000_009L, "shop-1", "shop", "ValueError: cart is empty")
                + row(900_000_000_010L, "shop-1", "shop", "INFO next");
        Path file = Files.writeString(Files.createDirectories(tmp.resolve("a")).resolve("2026-12-03-07.tsv"), tsv);
        @SuppressWarnings("unchecked")
        TableView<GroupRow> table = robot.lookup("#groups-table").queryAs(TableView.class);
        robot.interact(() -> window.model().open(List.of(file)));
        waitUntil(() -> "two groups, not " + table.getItems(), () -> table.getItems().size() == 2);
        GroupRow zero = table.getItems().stream().filter(g -> g.exceptionType().equals("ZeroDivisionError")).findFirst().orElseThrow();
        GroupRow cart = table.getItems().stream().filter(g -> g.exceptionType().equals("ValueError")).findFirst().orElseThrow();
        assertEquals(1, zero.tickets());
        assertEquals(0, cart.tickets());
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("the Tickets column shows 1", () -> robot.lookup(".tickets-cell").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Labeled l && "1".equals(l.getText())));

        robot.interact(() -> table.getSelectionModel().select(table.getItems().indexOf(
                table.getItems().stream().filter(g -> g.exceptionType().equals("ZeroDivisionError")).findFirst().orElseThrow())));
        waitUntil("the detail lists the ticket", () -> robot.lookup(".ticket-link").tryQuery().isPresent());
        Hyperlink link = robot.lookup(".ticket-link").queryAs(Hyperlink.class);
        assertEquals("#42 Charging divides by zero (open)", link.getText());
        robot.clickOn(link);
        waitUntil("the link is opened", () -> opened.equals(List.of("https://github.com/acme/billing/issues/42")));

        robot.clickOn(robot.lookup("#no-ticket-filter").queryAs(CheckBox.class));
        waitUntil(() -> "only the group without a ticket, not " + table.getItems(),
                () -> table.getItems().size() == 1 && table.getItems().getFirst().exceptionType().equals("ValueError"));
        robot.clickOn(robot.lookup("#no-ticket-filter").queryAs(CheckBox.class));
        waitUntil("both groups again", () -> table.getItems().size() == 2);
    }
}
