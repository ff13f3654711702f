package dev.tracelens.ui.imports;

import dev.tracelens.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The running import in the status bar: progress bar, cancel button, file, bytes/rows/rate and
 * queue length; after it ends, how it ended.
 */
public final class ImportStatusView {
    private final HBox root = new HBox(8);
    private final Label file = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label details = new Label();
    private final Label queued = new Label();
    private final Button cancel = new Button(null, Icons.of(Feather.X_CIRCLE));
    private ImportJob shown;

    public ImportStatusView(ImportQueue queue) {
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("import-status");
        root.setId("import-status");
        file.getStyleClass().add("import-file");
        details.getStyleClass().add("import-details");
        details.setId("import-details");
        bar.setPrefWidth(160);
        cancel.setId("cancel-import");
        cancel.getStyleClass().addAll("flat", "small", "danger");
        cancel.setTooltip(new Tooltip("Cancel the import (and the queued ones); what is already imported stays"));
        cancel.setOnAction(e -> queue.cancelAll());
        queued.textProperty().bind(Bindings.when(queue.queuedProperty().greaterThan(0))
                .then(queue.queuedProperty().asString("+%d queued")).otherwise(""));
        // The bar and the cancel button come first: the file name and the counts after them change
        // width all the time, and a cancel button behind them would move away under the pointer.
        root.getChildren().addAll(bar, cancel, file, details, queued);
        queue.currentProperty().addListener((o, a, job) -> {
            if (job != null) {
                show(job);
            }
            cancel.setVisible(job != null);
            bar.setVisible(job != null);
        });
        cancel.setVisible(false);
        bar.setVisible(false);
        root.managedProperty().bind(root.visibleProperty());
        root.setVisible(false);
    }

    private void show(ImportJob job) {
        if (shown != null) {
            details.textProperty().unbind();
            bar.progressProperty().unbind();
            file.textProperty().unbind();
        }
        shown = job;
        root.setVisible(true);
        file.textProperty().bind(Bindings.when(job.currentFileProperty().isEmpty())
                .then(job.title()).otherwise(job.currentFileProperty()));
        bar.progressProperty().bind(job.progressProperty());
        details.textProperty().bind(job.detailsProperty());
    }

    public Node node() {
        return root;
    }
}
