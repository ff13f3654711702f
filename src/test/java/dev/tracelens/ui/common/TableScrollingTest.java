package dev.tracelens.ui.common;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On a real (headless) table: a shown row does not scroll it, a hidden one comes into view. */
@ExtendWith(ApplicationExtension.class)
class TableScrollingTest {
    private TableView<Integer> table;

    @Start
    void start(Stage stage) {
        table = new TableView<>(FXCollections.observableArrayList(IntStream.range(0, 500).boxed().toList()));
        TableColumn<Integer, Integer> column = new TableColumn<>("n");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        table.getColumns().add(column);
        stage.setScene(new Scene(table, 300, 400));
        stage.show();
    }

    private VirtualFlow<?> flow() {
        return (VirtualFlow<?>) table.lookup(".virtual-flow");
    }

    @Test
    void aRowInViewDoesNotMoveTheTableAndOneOutOfViewComesIntoIt(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double[] before = new double[1];
        robot.interact(() -> {
            before[0] = flow().getPosition();
            TableScrolling.reveal(table, 3, 2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> assertEquals(before[0], flow().getPosition(), "row 3 shows already"));

        robot.interact(() -> TableScrolling.reveal(table, 300, 2));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            IndexedCell<?> first = flow().getFirstVisibleCell();
            IndexedCell<?> last = flow().getLastVisibleCell();
            assertTrue(first.getIndex() <= 298 && 300 < last.getIndex(),
                    "row 300 in view: " + first.getIndex() + ".." + last.getIndex());
        });
    }
}
