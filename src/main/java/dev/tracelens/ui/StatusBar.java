package dev.tracelens.ui;

import dev.tracelens.ui.export.ExportViewModel;
import dev.tracelens.ui.imports.ImportQueue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The status bar: what the list shows (always, whole), then one slot for what is going on, then
 * the problems button. The slot shows one thing at a time: the running import or export, else
 * the one that ended last, else how much the store holds. A new message replaces the previous
 * one instead of squeezing every item down to "…".
 */
final class StatusBar {
    private final HBox root;
    private final Label status = new Label();
    private final Node importStatus;
    private final Node exportStatus;
    /** Which of import and export changed last: it keeps the slot when neither runs. */
    private Node latest;

    /** @param live the Live toggle and its status (address, rate) */
    StatusBar(MainViewModel model, Node importView, Node exportView, Node live, ToggleButton problems) {
        // Each in a holder: the import and export views show and hide themselves; the holder says
        // whether it is their turn in the slot.
        this.importStatus = holder(importView);
        this.exportStatus = holder(exportView);
        Label summary = new Label();
        summary.setId("groups-summary");
        summary.textProperty().bind(model.groups().summaryProperty());
        summary.setMinWidth(Region.USE_PREF_SIZE);
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(status.textProperty());
        status.setTooltip(statusTip);
        status.setMinWidth(0);
        problems.setMinWidth(Region.USE_PREF_SIZE);

        StackPane slot = new StackPane(status, importStatus, exportStatus);
        slot.setAlignment(Pos.CENTER_LEFT);
        slot.setMinWidth(0);
        HBox.setHgrow(slot, Priority.ALWAYS);
        for (Node n : slot.getChildren()) {
            StackPane.setAlignment(n, Pos.CENTER_LEFT);
        }
        root = new HBox(14, summary, slot, live, problems);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("status-bar");
        root.setMinWidth(0);

        ImportQueue imports = model.imports();
        imports.currentProperty().addListener((o, a, job) -> {
            if (job != null) {
                latest = importStatus;
            }
            update(imports, model.export());
        });
        model.export().stateProperty().addListener((o, a, s) -> {
            if (s != ExportViewModel.State.IDLE) {
                latest = exportStatus;
            } else if (latest == exportStatus) {
                latest = null;
            }
            update(imports, model.export());
        });
        update(imports, model.export());
    }

    Node node() {
        return root;
    }

    private void update(ImportQueue imports, ExportViewModel export) {
        var job = imports.currentProperty().get();
        boolean importRunning = job != null;
        boolean exportRunning = export.stateProperty().get() == ExportViewModel.State.RUNNING;
        Node show;
        if (importRunning && !exportRunning) {
            show = importStatus;
        } else if (exportRunning && !importRunning) {
            show = exportStatus;
        } else if (latest == exportStatus && export.stateProperty().get() == ExportViewModel.State.IDLE) {
            show = status;
        } else {
            show = latest == null ? status : latest;
        }
        for (Node n : new Node[] {status, importStatus, exportStatus}) {
            n.setVisible(n == show);
        }
    }

    private static Node holder(Node view) {
        StackPane p = new StackPane(view);
        p.setAlignment(Pos.CENTER_LEFT);
        p.setMinWidth(0);
        return p;
    }
}
