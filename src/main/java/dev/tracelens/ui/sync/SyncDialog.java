package dev.tracelens.ui.sync;

import dev.tracelens.sync.SyncText;
import dev.tracelens.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;
import java.util.Locale;

/**
 * File → Sync from S3…: the bucket settings, the prefix with its key layout and format (and the
 * saved prefixes to pick, edit or remove), the range, List / Sync / Retry failed, the archives of
 * the range with their status and format, and progress with Cancel. Not modal: a sync goes on when the
 * window is closed, and reopening it shows where it is (the view model lives with the main window).
 */
public final class SyncDialog {
    private final Stage stage = new Stage();

    public SyncDialog(Window owner, SyncViewModel model, List<String> stylesheets) {
        stage.initOwner(owner);
        stage.setTitle("Sync from S3");

        TextField bucket = field(model.bucketProperty(), "my-papertrail-archives", "sync-bucket");
        TextField prefix = field(model.prefixProperty(), "papertrail/logs", "sync-prefix");
        TextField region = field(model.regionProperty(), "SDK default (e.g. eu-west-1)", "sync-region");
        TextField profile = field(model.profileProperty(), "default credentials chain", "sync-profile");
        TextField endpoint = field(model.endpointProperty(), "AWS (or http(s)://host:port of an S3-compatible store)",
                "sync-endpoint");
        TextField layout = field(model.layoutProperty(), "Papertrail's " + dev.tracelens.sync.KeyLayout.PAPERTRAIL_TEMPLATE,
                "sync-layout");
        layout.setTooltip(new Tooltip("Where the day (and a per-source folder) sit in the keys: {prefix}, {source},"
                + " {yyyy}, {MM}, {dd}, {name}; e.g. {prefix}/{source}/{yyyy}/{MM}/{dd}/{name}"));
        javafx.scene.control.ComboBox<String> format = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList("auto", "papertrail", "jsonl", "text"));
        format.setId("sync-input-format");
        format.valueProperty().bindBidirectional(model.inputFormatProperty());
        format.setTooltip(new Tooltip("How the prefix's files are read: auto tells each file's format from its first bytes"));
        TextField fieldMap = field(model.fieldsProperty(), "JSON fields: common names (or time=ts,host=h)", "sync-fields");
        TextField pattern = field(model.textPatternProperty(), "text lines: usual layouts (or %(asctime)s %(message)s)",
                "sync-text-pattern");
        DatePicker from = isoDatePicker("sync-from");
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = isoDatePicker("sync-to");
        to.valueProperty().bindBidirectional(model.toProperty());

        GridPane grid = new GridPane(10, 8);
        grid.addRow(0, label("Bucket"), bucket, label("Region"), region);
        grid.addRow(1, label("Prefix"), prefix, label("Profile"), profile);
        grid.addRow(2, label("Endpoint"), endpoint);
        GridPane.setColumnSpan(endpoint, 3);
        grid.addRow(3, label("Key layout"), layout, label("Format"), format);
        grid.addRow(4, label("Fields"), fieldMap, label("Text pattern"), pattern);
        grid.addRow(5, label("From (UTC)"), from, label("To (UTC)"), to);
        Label hint = new Label("Credentials come from the AWS SDK (environment, ~/.aws, the profile); Tracelens never"
                + " asks for or stores them.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        grid.add(hint, 0, 6, 4, 1);
        grid.getChildren().stream().filter(n -> !(n instanceof Label))
                .forEach(n -> n.disableProperty().bind(model.busyProperty()));

        TableView<dev.tracelens.sync.PrefixFormat> prefixes = new TableView<>(model.prefixes());
        prefixes.setId("sync-prefixes");
        prefixes.getStyleClass().add("dense");
        prefixes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        prefixes.setPrefHeight(110);
        Label noPrefixes = new Label("No prefix with a layout or format of its own: every prefix is read as Papertrail's"
                + " dt= folders, formats told by content");
        noPrefixes.setWrapText(true);
        noPrefixes.getStyleClass().add("text-muted");
        prefixes.setPlaceholder(noPrefixes);
        TableColumn<dev.tracelens.sync.PrefixFormat, String> pName = new TableColumn<>("Prefix");
        pName.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().prefix()));
        pName.setPrefWidth(170);
        TableColumn<dev.tracelens.sync.PrefixFormat, String> pFormat = new TableColumn<>("Format");
        pFormat.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().formatLabel()));
        pFormat.setPrefWidth(80);
        TableColumn<dev.tracelens.sync.PrefixFormat, String> pLayout = new TableColumn<>("Key layout");
        pLayout.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().keyLayout().template()));
        pLayout.setPrefWidth(260);
        TableColumn<dev.tracelens.sync.PrefixFormat, String> pReading = new TableColumn<>("Fields / pattern");
        pReading.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.join("  ",
                java.util.stream.Stream.of(c.getValue().fields(), c.getValue().textPattern())
                        .filter(java.util.Objects::nonNull).toList())));
        prefixes.getColumns().addAll(List.of(pName, pFormat, pLayout, pReading));
        prefixes.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> model.selectPrefix(p));
        Button savePrefix = new Button("Save prefix", Icons.of(Feather.SAVE));
        savePrefix.setId("sync-save-prefix");
        savePrefix.setTooltip(new Tooltip("Keep this prefix's key layout and format in the sync settings"
                + " (shared with tracelens sync)"));
        savePrefix.setOnAction(e -> model.savePrefix());
        Button removePrefix = new Button("Remove prefix", Icons.of(Feather.TRASH_2));
        removePrefix.setId("sync-remove-prefix");
        removePrefix.setOnAction(e -> model.removePrefix(prefixes.getSelectionModel().getSelectedItem()));
        removePrefix.disableProperty().bind(model.busyProperty()
                .or(prefixes.getSelectionModel().selectedItemProperty().isNull()));
        savePrefix.disableProperty().bind(model.busyProperty());
        prefixes.disableProperty().bind(model.busyProperty());
        Label prefixesTitle = new Label("Prefixes with their own layout or format");
        prefixesTitle.getStyleClass().add("text-muted");
        Region prefixSpacer = new Region();
        HBox.setHgrow(prefixSpacer, Priority.ALWAYS);
        HBox prefixActions = new HBox(8, prefixesTitle, prefixSpacer, savePrefix, removePrefix);
        prefixActions.setAlignment(Pos.CENTER_LEFT);

        Button list = new Button("List", Icons.of(Feather.LIST));
        list.setId("sync-list");
        list.setOnAction(e -> model.list());
        Button sync = new Button("Sync", Icons.of(Feather.DOWNLOAD_CLOUD));
        sync.setId("sync-run");
        sync.getStyleClass().add("accent");
        sync.setTooltip(new Tooltip("Download what is new or changed and import every archive of the range"));
        sync.setOnAction(e -> model.sync());
        Button retry = new Button("Retry failed", Icons.of(Feather.REFRESH_CW));
        retry.setId("sync-retry");
        retry.setOnAction(e -> model.retryFailed());
        for (Button b : List.of(list, sync, retry)) {
            b.disableProperty().bind(model.busyProperty());
        }
        Button cancel = new Button("Cancel", Icons.of(Feather.X_CIRCLE));
        cancel.setId("sync-cancel");
        cancel.disableProperty().bind(model.busyProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, list, sync, retry, cancel, spacer, close);
        actions.setAlignment(Pos.CENTER_LEFT);

        TableView<ArchiveRow> table = new TableView<>(model.archives());
        table.setId("sync-archives");
        table.getStyleClass().add("dense");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label("List shows the archives of the range and whether they are new, changed,"
                + " synced or failed");
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("text-muted");
        table.setPlaceholder(placeholder);
        TableColumn<ArchiveRow, String> key = new TableColumn<>("Archive");
        key.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(SyncText.printable(name(c.getValue().key()))));
        key.setPrefWidth(200);
        TableColumn<ArchiveRow, String> day = new TableColumn<>("Day");
        day.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.valueOf(c.getValue().day())));
        day.setPrefWidth(100);
        TableColumn<ArchiveRow, String> size = new TableColumn<>("Size");
        size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(SyncText.megabytes(c.getValue().size())));
        size.setPrefWidth(90);
        TableColumn<ArchiveRow, ArchiveRow> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        status.setCellFactory(c -> new StatusCell());
        TableColumn<ArchiveRow, String> rowFormat = new TableColumn<>("Format");
        rowFormat.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().format()));
        rowFormat.setPrefWidth(90);
        table.getColumns().addAll(List.of(key, day, size, rowFormat, status));

        Label message = new Label();
        message.setId("sync-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(200);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.stateProperty().isEqualTo(SyncViewModel.State.SYNCING)
                .or(model.stateProperty().isEqualTo(SyncViewModel.State.DONE)));
        Label progress = new Label();
        progress.setId("sync-progress");
        progress.textProperty().bind(model.progressTextProperty());
        HBox progressRow = new HBox(10, bar, progress);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        model.stateProperty().addListener((o, a, s) -> updateMessageStyle(message, s));
        updateMessageStyle(message, model.stateProperty().get());

        VBox top = new VBox(8, grid, prefixActions, prefixes, actions);
        VBox bottom = new VBox(6, progressRow, message);
        BorderPane root = new BorderPane(table, top, null, bottom, null);
        BorderPane.setMargin(table, new Insets(12, 0, 12, 0));
        root.setPadding(new Insets(16));
        Scene scene = new Scene(root, 880, 760);
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.when(model.busyProperty()).then("Sync from S3 — working…")
                .otherwise("Sync from S3"));
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    private static void updateMessageStyle(Label message, SyncViewModel.State s) {
        message.getStyleClass().remove("error-text");
        if (s == SyncViewModel.State.FAILED) {
            message.getStyleClass().add("error-text");
        }
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(javafx.beans.property.StringProperty property, String prompt, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(22);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private static String name(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? key : key.substring(slash + 1);
    }

    private static final class StatusCell extends TableCell<ArchiveRow, ArchiveRow> {
        @Override
        protected void updateItem(ArchiveRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("error-text");
            if (empty || row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String s = row.status().name().toLowerCase(Locale.ROOT);
            setText(row.reason().isEmpty() ? s : s + ": " + row.reason());
            setTooltip(new Tooltip(SyncText.printable(row.key())
                    + (row.reason().isEmpty() ? "" : "\n" + row.reason())));
            if (row.status() == ArchiveRow.Status.FAILED || row.status() == ArchiveRow.Status.UNREADABLE) {
                getStyleClass().add("error-text");
            }
        }
    }

    /** A date field in ISO form (2026-12-01), as every other date in the app, whatever the locale. */
    public static DatePicker isoDatePicker(String id) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setPromptText("yyyy-mm-dd");
        p.setConverter(new javafx.util.converter.LocalDateStringConverter(
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        return p;
    }
}
