package dev.tracelens.ui.detail;

import dev.tracelens.traceback.ContextLine;
import dev.tracelens.traceback.Traceback;
import dev.tracelens.ui.common.Formats;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows the same machine and program logged just before the traceback, oldest first, ending
 * with the traceback's header row. Rows of the same process (same pid) are highlighted: they
 * usually say what the process was doing. Long rows wrap rather than scroll sideways, and the
 * view opens scrolled to the end, where the rows that matter are.
 */
public final class ContextView {
    /** One row of the list. {@code header} marks the traceback's own first row. */
    public record Row(Instant timestamp, String message, boolean sameProcess, boolean header) {
    }

    private final BorderPane root = new BorderPane();
    private final TextFlow lines = new TextFlow();
    private final ScrollPane scroll = new ScrollPane(lines);
    private final Label meta = new Label();
    private final List<Row> shown = new ArrayList<>();

    public ContextView() {
        root.getStyleClass().add("context-pane");
        lines.setId("context-lines");
        lines.getStyleClass().add("context-lines");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("context-scroll");
        Label title = new Label("Before it, same machine");
        title.getStyleClass().add("pane-title");
        title.setMinWidth(Label.USE_PREF_SIZE);
        meta.getStyleClass().add("pane-meta");
        meta.setMinWidth(0);
        javafx.scene.control.Tooltip metaTip = new javafx.scene.control.Tooltip();
        metaTip.textProperty().bind(meta.textProperty());
        meta.setTooltip(metaTip);
        HBox header = new HBox(8, title, meta);
        header.getStyleClass().add("pane-header");
        root.setTop(header);
        root.setCenter(scroll);
    }

    public Node node() {
        return root;
    }

    /** The rows shown now, oldest first. */
    public List<Row> rows() {
        return List.copyOf(shown);
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
        shown.clear();
        if (t == null) {
            lines.getChildren().clear();
            meta.setText("");
            return;
        }
        shown.addAll(rows(t));
        // One TextFlow of Text runs rather than a row of controls per line: a new traceback then
        // costs one CSS and layout pass over simple nodes, which keeps the UI thread free while
        // an import runs (controls per line cost hundreds of milliseconds there).
        List<Node> nodes = new ArrayList<>(shown.size() * 2);
        for (Row r : shown) {
            Text time = new Text(Formats.TIME.format(r.timestamp()) + "  ");
            time.getStyleClass().add("ctx-time");
            Text message = new Text(r.message() + "\n");
            message.getStyleClass().add(r.header() ? "ctx-header" : r.sameProcess() ? "ctx-same-process" : "ctx-message");
            nodes.add(time);
            nodes.add(message);
        }
        lines.getChildren().setAll(nodes);
        long same = t.context().stream().filter(ContextLine::sameProcess).count();
        meta.setText(t.context().size() + " lines · " + same + " from the same process");
        scroll.setVvalue(1.0);
        // Once laid out with the new content; before that the scroll range is the old one.
        Platform.runLater(() -> scroll.setVvalue(1.0));
    }
}
