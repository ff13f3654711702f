package dev.tracelens.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.TableColumnHeader;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tracelens.ui.TestWindow.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The window on a laptop's screen: at 1024, 1280 and 1366 px wide every control the user needs
 * is laid out inside the window (not clipped off its right or bottom edge, not pushed into an
 * overflow menu), with the problems panel open; and at 1440 px the status bar's items, the
 * search placeholder and the detail's headers are whole, not cut with an ellipsis.
 */
@ExtendWith(ApplicationExtension.class)
class LaptopLayoutUITest {
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
        waitUntil("the samples are imported", () -> window.model().imports().currentProperty().get() == null
                && !window.model().groups().groups().isEmpty()
                && window.model().detail().tracebackProperty().get() != null);
    }

    @Test
    void everyControlIsInsideTheWindowFrom1024PxUp(FxRobot robot) {
        importSamples(robot);
        robot.interact(() -> robot.lookup("#problems-toggle").queryAs(ToggleButton.class).setSelected(true));
        List<String> outside = new ArrayList<>();
        for (int[] size : new int[][] {{1024, 700}, {1280, 800}, {1366, 768}}) {
            robot.interact(() -> {
                app.stage().setWidth(size[0]);
                app.stage().setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Scene scene = app.stage().getScene();
            assertEquals(size[0], scene.getWidth(), 1, "the scene follows the window");
            Map<String, Node> controls = Map.of(
                    "open files", robot.lookup("#open-files").query(),
                    "search", robot.lookup("#search").query(),
                    "type filter", robot.lookup("#type-filter").query(),
                    "Last seen column", lastSeenHeader(robot),
                    "occurrences", window.view().detailView().occurrences(),
                    "traceback", window.view().detailView().traceback().node(),
                    "context pane", window.view().detailView().context().node(),
                    "problems panel", robot.lookup("#problems-table").query(),
                    "problems button", robot.lookup("#problems-toggle").query(),
                    "import progress", robot.lookup("#import-status").query());
            controls.forEach((name, node) -> {
                String why = whyNotInside(node, scene, 40);
                if (why != null) {
                    outside.add(size[0] + "x" + size[1] + ": " + name + " " + why);
                }
            });
        }
        assertEquals(List.of(), outside, "controls outside the window");
    }

    private static Node lastSeenHeader(FxRobot robot) {
        TableView<?> table = robot.lookup("#groups-table").queryAs(TableView.class);
        return table.lookupAll(".column-header").stream()
                .filter(n -> n instanceof TableColumnHeader h && h.getTableColumn() != null
                        && "last".equals(h.getTableColumn().getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no Last seen header"));
    }

    /** Null when the node shows inside the scene with at least {@code minHeight} px (or its own height). */
    static String whyNotInside(Node node, Scene scene, double minHeight) {
        if (node.getScene() != scene) {
            return "is not in the window (an overflow menu?)";
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return "is hidden (" + n + " in " + n.getParent() + ")";
            }
        }
        Bounds b = node.localToScene(node.getLayoutBounds());
        if (b.getWidth() < 8) {
            return "is squeezed to " + Math.round(b.getWidth()) + " px wide";
        }
        if (b.getHeight() < Math.min(minHeight, node.prefHeight(-1))) {
            return "is squeezed to " + Math.round(b.getHeight()) + " px high";
        }
        if (b.getMinX() < -0.5 || b.getMaxX() > scene.getWidth() + 0.5
                || b.getMinY() < -0.5 || b.getMaxY() > scene.getHeight() + 0.5) {
            return "is at " + Math.round(b.getMinX()) + ".." + Math.round(b.getMaxX()) + " x "
                    + Math.round(b.getMinY()) + ".." + Math.round(b.getMaxY()) + " in a "
                    + Math.round(scene.getWidth()) + "x" + Math.round(scene.getHeight()) + " window";
        }
        return null;
    }

    /** Labels and buttons under {@code root} whose text shows cut off with an ellipsis. */
    static List<String> cutOff(Parent root) {
        List<String> cut = new ArrayList<>();
        for (Node n : root.lookupAll(".labeled")) {
            if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()
                    && l.getScene() != null) {
                Node t = l.lookup(".text");
                if (t instanceof Text text && !text.getText().equals(l.getText()) && text.getText().endsWith("…")) {
                    cut.add("'" + l.getText() + "' shows as '" + text.getText() + "'");
                }
            }
        }
        return cut;
    }
}
