package dev.tracelens.ui.export;

import dev.tracelens.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The running export in the status bar: what it does, a progress bar and cancel; afterwards how
 * it ended, with "Open" and "Open folder" for a written report, until dismissed.
 */
public final class ExportStatusView {
    private final HBox root = new HBox(8);

    /** @param showDocument opens a URI with the desktop (HostServices); may do nothing */
    public ExportStatusView(ExportViewModel model, Consumer<String> showDocument) {
        root.setAlignment(Pos.CENTER_LEFT);
        root.setId("export-status");
        Label message = new Label();
        message.setId("export-message");
        message.textProperty().bind(model.messageProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.stateProperty().get() == ExportViewModel.State.DONE && model.fileProperty().get() != null
                        ? model.messageProperty().get() + "\n" + model.fileProperty().get()
                        : model.messageProperty().get(),
                model.messageProperty(), model.stateProperty(), model.fileProperty()));
        message.setTooltip(tip);
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(120);
        bar.progressProperty().bind(model.progressProperty());
        Button cancel = button(Feather.X_CIRCLE, "Cancel the export (no file is written)", "cancel-export");
        cancel.getStyleClass().add("danger");
        cancel.setOnAction(e -> model.cancel());
        Button open = new Button("Open");
        open.setId("export-open");
        open.getStyleClass().addAll("small", "flat");
        open.setOnAction(e -> show(showDocument, model.fileProperty().get()));
        Button folder = new Button("Open folder");
        folder.getStyleClass().addAll("small", "flat");
        folder.setOnAction(e -> show(showDocument, model.fileProperty().get() == null ? null
                : model.fileProperty().get().getParent()));
        Button dismiss = button(Feather.X, "Hide", "dismiss-export");
        dismiss.setOnAction(e -> model.dismiss());
        for (Button b : new Button[] {cancel, open, folder, dismiss}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        message.setMinWidth(200); // the status bar is crowded; the tooltip has the rest
        message.setMaxWidth(420);
        root.getChildren().addAll(message, bar, cancel, open, folder, dismiss);

        model.stateProperty().addListener((o, a, s) -> update(s, message, bar, cancel, open, folder, dismiss));
        update(model.stateProperty().get(), message, bar, cancel, open, folder, dismiss);
        root.managedProperty().bind(root.visibleProperty());
    }

    private void update(ExportViewModel.State s, Label message, Node bar, Node cancel, Node open, Node folder,
                        Node dismiss) {
        root.setVisible(s != ExportViewModel.State.IDLE);
        boolean running = s == ExportViewModel.State.RUNNING;
        visible(bar, running);
        visible(cancel, running);
        visible(open, s == ExportViewModel.State.DONE);
        visible(folder, s == ExportViewModel.State.DONE);
        visible(dismiss, !running);
        message.getStyleClass().remove("export-error");
        if (s == ExportViewModel.State.FAILED) {
            message.getStyleClass().add("export-error");
        }
    }

    private static void visible(Node n, boolean v) {
        n.setVisible(v);
        n.setManaged(v);
    }

    private static Button button(Feather icon, String tooltip, String id) {
        Button b = new Button(null, Icons.of(icon));
        b.setId(id);
        b.getStyleClass().addAll("flat", "small");
        b.setTooltip(new Tooltip(tooltip));
        return b;
    }

    private static void show(Consumer<String> showDocument, Path path) {
        if (path != null) {
            showDocument.accept(path.toUri().toString());
        }
    }

    public Node node() {
        return root;
    }
}
