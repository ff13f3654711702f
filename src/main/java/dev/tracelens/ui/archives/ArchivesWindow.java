package dev.tracelens.ui.archives;

import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.ui.common.Formats;
import dev.tracelens.ui.common.Icons;
import dev.tracelens.ui.common.TextCells;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;
import java.util.function.Function;

/**
 * The imported archives as a table (name, rows, tracebacks, imported, problems) with Remove.
 * Not modal: the main window stays usable; reopening it lists again.
 */
public final class ArchivesWindow {
    private final Stage stage = new Stage();
    private final ArchivesViewModel model;
    private final TableView<ArchiveRecord> table = new TableView<>();

    public ArchivesWindow(Window owner, ArchivesViewModel model, List<String> stylesheets) {
        this.model = model;
        stage.initOwner(owner);
        stage.setTitle("Imported archives");
        table.setId("archives-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No archive imported yet"));
        TableColumn<ArchiveRecord, String> name = text("Archive", "archive-name", ArchiveRecord::name, 240);
        name.setCellFactory(c -> TextCells.withTooltip(null));
        TableColumn<ArchiveRecord, Long> rows = number("Rows", "archive-rows", ArchiveRecord::rows);
        TableColumn<ArchiveRecord, Long> tracebacks = number("Tracebacks", "archive-tracebacks", ArchiveRecord::tracebacks);
        TableColumn<ArchiveRecord, String> when = text("Imported (UTC)", "archive-imported",
                a -> a.importedAt() == null ? "" : Formats.dateTime(a.importedAt()), 150);
        TableColumn<ArchiveRecord, String> problems = text("Problems", "archive-problems", ArchivesViewModel::problems, 160);
        problems.setCellFactory(c -> TextCells.withTooltip(null));
        table.getColumns().addAll(List.of(name, rows, tracebacks, when, problems));
        table.setItems(model.archives());

        Button remove = new Button("Remove", Icons.of(Feather.TRASH_2));
        remove.setId("remove-archive");
        remove.setTooltip(new Tooltip("Delete this archive's tracebacks from the store (open it again to bring them back)"));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(model.busyProperty()));
        remove.setOnAction(e -> model.remove(table.getSelectionModel().getSelectedItem()));
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Label message = new Label();
        message.setId("archives-message");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        message.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, message, spacer, remove, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(10, 0, 0, 0));
        remove.setMinWidth(Region.USE_PREF_SIZE);
        close.setMinWidth(Region.USE_PREF_SIZE);

        BorderPane root = new BorderPane(table);
        root.setBottom(buttons);
        root.setPadding(new Insets(12));
        root.getStyleClass().add("tracelens");
        Scene scene = new Scene(root, 860, 420);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
    }

    /** Shows the window (in front if open) with a fresh list. */
    public void show() {
        model.reload();
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private static TableColumn<ArchiveRecord, String> text(String title, String id, Function<ArchiveRecord, String> value,
                                                           double width) {
        TableColumn<ArchiveRecord, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<ArchiveRecord, Long> number(String title, String id, Function<ArchiveRecord, Long> value) {
        TableColumn<ArchiveRecord, Long> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Formats.count(item));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        TextCells.fitTo(c, "8,888,888");
        return c;
    }

}
