package dev.tracelens.ui.export;

import dev.tracelens.report.ReportFormat;
import dev.tracelens.engine.GroupRow;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Locale;

/** Format, scope (the groups under the search and filters, or the selected one) and occurrences per group. */
public final class ExportDialog extends Dialog<ExportOptions> {
    static final int MAX_OCCURRENCES = 10_000;

    /**
     * @param listed   how many groups the list shows now (under the search and filters)
     * @param selected the selected group, or null (then only "all" can be chosen)
     */
    public ExportDialog(Window owner, ExportOptions last, long listed, GroupRow selected) {
        initOwner(owner);
        setTitle("Export report");
        setHeaderText(null);
        ComboBox<ReportFormat> format = new ComboBox<>();
        format.setId("export-format");
        format.getItems().setAll(ReportFormat.values());
        format.setButtonCell(new FormatCell());
        format.setCellFactory(l -> new FormatCell());
        format.setValue(last.format());

        ToggleGroup scope = new ToggleGroup();
        RadioButton all = new RadioButton(String.format(Locale.ROOT, "All groups under the current search and filters (%,d listed)",
                listed));
        all.setId("export-all");
        all.setToggleGroup(scope);
        RadioButton one = new RadioButton(selected == null ? "Only the selected group (none selected)"
                : "Only the selected group: " + shortName(selected));
        one.setId("export-selected");
        one.setToggleGroup(scope);
        one.setDisable(selected == null);
        one.setMnemonicParsing(false);
        (last.selectedGroupOnly() && selected != null ? one : all).setSelected(true);

        Spinner<Integer> occurrences = new Spinner<>(0, MAX_OCCURRENCES, last.occurrences(), 5);
        occurrences.setId("export-occurrences");
        occurrences.setEditable(true);

        GridPane grid = new GridPane(12, 10);
        grid.setPadding(new Insets(16));
        grid.addRow(0, label("Format"), format);
        grid.addRow(1, label("Groups"), new VBox(6, all, one));
        grid.addRow(2, label("Occurrences"), occurrences);
        Label hint = new Label("Listed per group, newest first; each group shows one in full with its context."
                + " CSV: a row per listed occurrence, or with 0 a row per group.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setMaxWidth(380);
        grid.add(hint, 1, 3);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        ((javafx.scene.control.Button) getDialogPane().lookupButton(ButtonType.OK)).setText("Export…");
        setResultConverter(b -> b == ButtonType.OK
                ? new ExportOptions(format.getValue(), one.isSelected(), occurrences.getValue())
                : null);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static String shortName(GroupRow g) {
        String s = g.exceptionType().isEmpty() ? "(cut off)" : g.exceptionType();
        String m = g.message() == null ? "" : g.message().lines().findFirst().orElse("");
        s = m.isEmpty() ? s : s + ": " + m;
        return s.length() > 70 ? s.substring(0, 69) + "…" : s;
    }

    private static final class FormatCell extends ListCell<ReportFormat> {
        @Override
        protected void updateItem(ReportFormat f, boolean empty) {
            super.updateItem(f, empty);
            setText(empty || f == null ? null : ExportOptions.label(f) + "  (." + f.extension() + ")");
        }
    }
}
