package dev.tracelens.ui.detail;

import dev.tracelens.traceback.LineKind;
import dev.tracelens.traceback.Traceback;
import dev.tracelens.ui.common.Formats;
import dev.tracelens.ui.common.Icons;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.feather.Feather;

import java.util.ArrayList;
import java.util.List;

/**
 * The selected traceback in monospace: application frames in full colour, library frames muted,
 * the exception line emphasised, chained parts separated by their "During handling ..." line.
 */
public final class TracebackView {
    private final BorderPane root = new BorderPane();
    private final TextFlow flow = new TextFlow();
    private final Label meta = new Label();
    private final Label origin = new Label();
    private final Button copy = new Button("Copy", Icons.of(Feather.COPY));
    private final Button copyMarkdown = new Button("Markdown", Icons.of(Feather.FILE_TEXT));
    private Traceback shown;
    private Runnable onCopyMarkdown = () -> { };

    public TracebackView() {
        root.getStyleClass().add("traceback-pane");
        flow.getStyleClass().add("traceback-text");
        flow.setId("traceback-text");
        ScrollPane scroll = new ScrollPane(flow);
        scroll.setFitToWidth(false);
        scroll.getStyleClass().add("traceback-scroll");
        meta.getStyleClass().add("pane-meta");
        origin.getStyleClass().add("pane-meta");
        origin.setId("traceback-origin");
        origin.setMinWidth(0);
        Tooltip originTip = new Tooltip();
        originTip.textProperty().bind(origin.textProperty());
        origin.setTooltip(originTip);
        copy.setId("copy-traceback");
        copy.setTooltip(new Tooltip("Copy the traceback as plain text"));
        copyMarkdown.setId("copy-markdown");
        copyMarkdown.setTooltip(new Tooltip("Copy the group as Markdown for an issue: facts, this traceback with its"
                + " context, the newest occurrences"));
        copy.getStyleClass().addAll("small", "flat");
        copyMarkdown.getStyleClass().addAll("small", "flat");
        copy.setOnAction(e -> copyToClipboard(shown == null ? null : shown.text()));
        copyMarkdown.setOnAction(e -> onCopyMarkdown.run());
        Label title = new Label("Traceback");
        title.getStyleClass().add("pane-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        title.setMinWidth(Region.USE_PREF_SIZE);
        meta.setMinWidth(0);
        Tooltip metaTip = new Tooltip();
        metaTip.textProperty().bind(meta.textProperty());
        meta.setTooltip(metaTip);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copyMarkdown.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(8, title, meta, origin, spacer, copy, copyMarkdown);
        header.getStyleClass().add("pane-header");
        root.setTop(header);
        root.setCenter(scroll);
        show(null);
    }

    /** What the Markdown button does (the text comes from the store, so the detail pane provides it). */
    public void setOnCopyMarkdown(Runnable action) {
        this.onCopyMarkdown = action == null ? () -> { } : action;
    }

    public Node node() {
        return root;
    }

    /** The text shown now, for tests: what a user would read. */
    public String displayedText() {
        StringBuilder s = new StringBuilder();
        for (Node n : flow.getChildren()) {
            if (n instanceof Text t) {
                s.append(t.getText());
            }
        }
        return s.toString();
    }

    public void show(Traceback t) {
        shown = t;
        copy.setDisable(t == null);
        copyMarkdown.setDisable(t == null);
        if (t == null) {
            meta.setText("");
            origin.setText("");
            flow.getChildren().setAll(styled("Select an occurrence to see its traceback.", "tb-placeholder"));
            return;
        }
        // Short date (the year is in the group's first/last seen): the header keeps room for it beside the buttons.
        meta.setText(Formats.SHORT_DATE_TIME.format(t.timestamp()) + " · " + t.host() + " · " + t.program()
                + (t.truncated() ? " · cut off" : ""));
        String from = origin(t);
        origin.setText(from.isEmpty() ? "" : "· " + from);
        List<Node> nodes = new ArrayList<>();
        for (Traceback.TextLine line : t.lines()) {
            if (line.text().isBlank()) {
                continue; // blank lines only frame the chain separators; the view draws its own gap
            }
            switch (line.kind()) {
                case CHAIN -> nodes.add(styled("\n" + line.text().strip() + "\n\n", "tb-chain"));
                default -> nodes.add(styled(line.text() + "\n", styleOf(line.kind())));
            }
        }
        flow.getChildren().setAll(nodes);
    }

    /** The text shown as where the traceback came from now ("· server.log line 12"), for tests. */
    public String displayedOrigin() {
        return origin.getText();
    }

    /**
     * Where the traceback's first line is: the file and its 1-based line ("server.log.gz line 12"),
     * the same for a Papertrail archive (its row), a JSON-lines log (the record's line) and a text
     * log; empty when the store does not know.
     */
    public static String origin(Traceback t) {
        if (t.archive() == null || t.archive().isEmpty()) {
            return "";
        }
        return t.row() > 0 ? t.archive() + " line " + t.row() : t.archive();
    }

    private static String styleOf(LineKind kind) {
        return switch (kind) {
            case HEADER -> "tb-header";
            case OWN_FRAME -> "tb-app-frame";
            case LIBRARY_FRAME -> "tb-lib-frame";
            case OWN_CODE -> "tb-app-code";
            case LIBRARY_CODE -> "tb-lib-code";
            case EXCEPTION -> "tb-exception";
            case CHAIN -> "tb-chain";
            case GROUP_RULE, ELISION, OTHER -> "tb-other";
        };
    }

    private static Text styled(String s, String styleClass) {
        Text t = new Text(s);
        t.getStyleClass().addAll("tb", styleClass);
        return t;
    }

    static void copyToClipboard(String text) {
        if (text == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
