package dev.tracelens.ui.imports;

import dev.tracelens.archive.Problem;
import dev.tracelens.ui.common.Formats;
import dev.tracelens.ui.common.TextCells;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.List;
import java.util.Locale;

/** Bad rows and files of this session's imports, each with its file and row. */
public final class ProblemsView {
    private final BorderPane root = new BorderPane();
    private final TableView<Problem> table = new TableView<>();

    public ProblemsView(ImportQueue queue) {
        root.getStyleClass().add("problems-pane");
        table.setId("problems-table");
        table.getStyleClass().add("dense");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No problems: every row read so far was good"));
        TableColumn<Problem, String> file = new TableColumn<>("File");
        file.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().archive()));
        file.setPrefWidth(200);
        file.setCellFactory(c -> TextCells.withTooltip(null));
        TableColumn<Problem, String> row = new TableColumn<>("Row");
        row.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().row() > 0 ? Formats.count(c.getValue().row()) : "whole file"));
        TextCells.fitTo(row, "whole file");
        TableColumn<Problem, String> kind = new TableColumn<>("Kind");
        kind.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + (c.getValue().rowDropped() ? " (row skipped)" : "")));
        kind.setPrefWidth(230);
        kind.setCellFactory(c -> TextCells.withTooltip(null));
        TableColumn<Problem, String> detail = new TableColumn<>("Detail");
        detail.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().detail()));
        detail.setCellFactory(c -> TextCells.withTooltip(null));
        table.getColumns().addAll(List.of(file, row, kind, detail));
        table.setItems(queue.problems());

        Label title = new Label("Problems");
        title.getStyleClass().add("pane-title");
        Label count = new Label();
        count.getStyleClass().add("pane-meta");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Formats.count(queue.problemCountProperty().get()) + " in this session", queue.problemCountProperty()));
        Button clear = new Button("Clear");
        clear.getStyleClass().addAll("small", "flat");
        clear.setOnAction(e -> queue.clearProblems());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, count, spacer, clear);
        header.getStyleClass().add("pane-header");
        root.setTop(header);
        root.setCenter(table);
    }

    public Node node() {
        return root;
    }
}
