package dev.tracelens.ui.detail;

import dev.tracelens.traceback.ContextLine;
import dev.tracelens.traceback.Traceback;
import dev.tracelens.ui.common.Formats;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows the same machine and program logged just before the traceback, oldest first, ending
 * with the traceback's header row. Rows of the same process (same pid) are highlighted: they
 * usually say what the process was doing.
 */
public final class ContextView {
    /** One row of the list. {@code header} marks the traceback's own first row. */
    public record Row(Instant timestamp, String message, boolean sameProcess, boolean header) {
    }

    private final BorderPane root = new BorderPane();
    private final ListView<Row> list = new ListView<>();
    private final Label meta = new Label();

    public ContextView() {
        root.getStyleClass().add("context-pane");
        list.setId("context-list");
        list.getStyleClass().addAll("context-list", "dense");
        list.setCellFactory(l -> new RowCell());
        list.setPlaceholder(new Label("No log lines before this traceback"));
        Label title = new Label("Before it, same machine");
        title.getStyleClass().add("pane-title");
        meta.getStyleClass().add("pane-meta");
        HBox header = new HBox(8, title, meta);
        header.getStyleClass().add("pane-header");
        root.setTop(header);
        root.setCenter(list);
    }

    public Node node() {
        return root;
    }

    public ListView<Row> list() {
        return list;
    }

    public static List<Row> rows(Traceback t) {
        List<Row> rows = new ArrayList<>(t.context().size() + 1);
        for (ContextLine c : t.context()) {
            rows.add(new Row(c.timestamp(), c.message(), c.sameProcess(), false));
        }
        String headerLine = t.text().lines().findFirst().orElse("Traceback (most recent call last):");
        rows.add(new Row(t.timestamp(), headerLine, true, true));
        return rows;
    }

    public void show(Traceback t) {
        if (t == null) {
            list.getItems().clear();
            meta.setText("");
            return;
        }
        list.getItems().setAll(rows(t));
        long same = t.context().stream().filter(ContextLine::sameProcess).count();
        meta.setText(t.context().size() + " lines · " + same + " from the same process");
        list.scrollTo(list.getItems().size() - 1);
    }

    private static final class RowCell extends ListCell<Row> {
        private final Label time = new Label();
        private final Label message = new Label();
        private final HBox box = new HBox(10, time, message);

        RowCell() {
            time.getStyleClass().add("ctx-time");
            time.setMinWidth(64);
            message.getStyleClass().add("ctx-message");
            HBox.setHgrow(message, Priority.ALWAYS);
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("ctx-same-process", "ctx-header");
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            time.setText(Formats.TIME.format(row.timestamp()));
            message.setText(row.message());
            if (row.header()) {
                getStyleClass().add("ctx-header");
            } else if (row.sameProcess()) {
                getStyleClass().add("ctx-same-process");
            }
            setText(null);
            setGraphic(box);
        }
    }
}
