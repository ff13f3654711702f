package dev.tracelens.ui;

import dev.tracelens.ui.common.Icons;
import dev.tracelens.ui.detail.GroupDetailView;
import dev.tracelens.ui.export.ExportDialog;
import dev.tracelens.ui.export.ExportOptions;
import dev.tracelens.ui.export.ExportStatusView;
import dev.tracelens.ui.export.ExportViewModel;
import dev.tracelens.ui.groups.GroupsView;
import dev.tracelens.ui.groups.GroupsViewModel;
import dev.tracelens.ui.imports.ImportStatusView;
import dev.tracelens.ui.imports.ProblemsView;
import dev.tracelens.ui.settings.Settings;
import dev.tracelens.ui.settings.SettingsDialog;
import dev.tracelens.ui.settings.Theme;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import atlantafx.base.controls.CustomTextField;
import org.kordamp.ikonli.feather.Feather;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The main window: menu and toolbar (open, search, filters), the sample-data banner, the groups
 * table over the group detail, the problems panel, and the status bar with the running import.
 */
public final class MainView {
    public static final String EMPTY_TEXT = "Open a log (Papertrail archive, JSON lines, text log) or drop it here";
    public static final String IMPORTING_TEXT = "Importing… the first groups show here in a moment";
    /** Short enough to show whole in the search field from 1024 px up; the tooltip says the rest. */
    public static final String SEARCH_PROMPT = "Search (case-sensitive)";

    private final MainViewModel model;
    private final Stage stage;
    private final Consumer<Theme> applyTheme;
    private final BorderPane root = new BorderPane();
    private final GroupsView groupsView;
    private final GroupDetailView detailView;
    private final SplitPane main = new SplitPane();
    /** The groups table, and the problems panel under it when shown: the detail keeps its height. */
    private final SplitPane list = new SplitPane();
    private final dev.tracelens.ui.groups.SearchHelp searchHelp;
    private final CustomTextField search = new CustomTextField();
    private final Menu recent = new Menu("Open recent");
    private final Node problems;
    private final ToggleButton problemsToggle = new ToggleButton();
    /** Opens a URI with the desktop; the app sets HostServices::showDocument. */
    private Consumer<String> showDocument = uri -> { };
    /** Asks where to save a report; the UI test answers without a native dialog. */
    java.util.function.Function<FileChooser, File> saveDialog;
    /** Asks which files to open; the UI test answers without a native dialog. */
    java.util.function.Function<FileChooser, List<File>> openDialog;
    private dev.tracelens.ui.imports.OpenAsOptions lastOpenAs = dev.tracelens.ui.imports.OpenAsOptions.defaults();

    public MainView(MainViewModel model, Stage stage, Consumer<Theme> applyTheme) {
        this.model = model;
        this.stage = stage;
        this.applyTheme = applyTheme;
        this.saveDialog = chooser -> chooser.showSaveDialog(stage);
        this.openDialog = chooser -> chooser.showOpenMultipleDialog(stage);
        root.getStyleClass().add("tracelens");
        groupsView = new GroupsView(model.groups(), emptyState());
        detailView = new GroupDetailView(model.detail());
        detailView.setOnOpenLink(uri -> showDocument.accept(uri));
        problems = new ProblemsView(model.imports()).node();
        searchHelp = new dev.tracelens.ui.groups.SearchHelp(model.groups());

        dev.tracelens.ui.grouping.GroupingMenu.install(groupsView.table(), model.grouping());
        javafx.scene.control.Label groupingStatus = new javafx.scene.control.Label();
        groupingStatus.setId("grouping-status");
        groupingStatus.textProperty().bind(model.grouping().statusProperty());
        groupingStatus.managedProperty().bind(groupingStatus.textProperty().isNotEmpty());
        groupingStatus.visibleProperty().bind(groupingStatus.textProperty().isNotEmpty());
        VBox top = new VBox(menuBar(), toolBar(), queryError(), sampleBanner(), unreadableBanner(), groupingStatus);
        root.setTop(top);

        list.setOrientation(Orientation.VERTICAL);
        list.getItems().add(groupsView.table());
        list.setMinHeight(120);
        groupsView.table().setMinHeight(90);
        // During an import the list reloads every few seconds: while the pointer is over it, rows
        // stay where they are (a click then selects the row it aimed at); reorders apply after.
        model.groups().holdOrderProperty().bind(groupsView.table().hoverProperty()
                .and(model.imports().currentProperty().isNotNull()));
        main.setOrientation(Orientation.VERTICAL);
        main.getItems().addAll(list, detailView.node());
        main.setDividerPositions(0.4);
        main.setMinSize(0, 0);
        root.setCenter(main);
        root.setBottom(statusBar());
        // A laptop's 1024x700 is the smallest window every view is laid out for; the scene never
        // lays the root out wider than the window (it would clip the right edge instead).
        root.setMinSize(0, 0);
        installDragAndDrop();
    }

    public BorderPane root() {
        return root;
    }

    public GroupsView groupsView() {
        return groupsView;
    }

    public GroupDetailView detailView() {
        return detailView;
    }

    /** Keys that work everywhere except while typing: n/p occurrences, Ctrl+F, Ctrl+O. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                () -> {
                    search.requestFocus();
                    search.selectAll();
                });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::openFiles);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::export);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown() || scene.getFocusOwner() instanceof TextInputControl) {
                return;
            }
            if (e.getCode() == KeyCode.N) {
                model.detail().next();
                e.consume();
            } else if (e.getCode() == KeyCode.P) {
                model.detail().previous();
                e.consume();
            }
        });
    }

    /** Splitter positions: groups|detail, then occurrences|traceback|context. */
    public List<Double> dividers() {
        List<Double> d = new ArrayList<>();
        for (double v : main.getDividerPositions()) {
            d.add(v);
        }
        for (double v : detailView.panes().getDividerPositions()) {
            d.add(v);
        }
        return d;
    }

    public void restoreDividers(List<Double> d) {
        if (d.size() == 3) {
            main.setDividerPositions(d.get(0));
            detailView.panes().setDividerPositions(d.get(1), d.get(2));
        }
    }

    private MenuBar menuBar() {
        MenuItem openFiles = new MenuItem("Open files…", Icons.of(Feather.FILE_PLUS));
        openFiles.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        openFiles.setOnAction(e -> openFiles());
        MenuItem openAs = new MenuItem("Open as…", Icons.of(Feather.SLIDERS));
        openAs.setId("menu-open-as");
        openAs.setOnAction(e -> openFilesAs());
        MenuItem openFolder = new MenuItem("Open folder…", Icons.of(Feather.FOLDER_PLUS));
        openFolder.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        openFolder.setOnAction(e -> openFolder());
        MenuItem export = new MenuItem("Export…", Icons.of(Feather.SHARE));
        export.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        export.setOnAction(e -> export());
        export.disableProperty().bind(exportRunning());
        MenuItem archives = new MenuItem("Imported archives…", Icons.of(Feather.ARCHIVE));
        archives.setId("menu-archives");
        archives.setOnAction(e -> openArchives());
        MenuItem removeSamples = new MenuItem("Remove sample data");
        removeSamples.setOnAction(e -> model.removeSampleData());
        removeSamples.disableProperty().bind(model.sampleBannerProperty().not());
        MenuItem sync = new MenuItem("Sync from S3…", Icons.of(Feather.DOWNLOAD_CLOUD));
        sync.setOnAction(e -> openSync());
        MenuItem settingsItem = new MenuItem("Settings…", Icons.of(Feather.SETTINGS));
        settingsItem.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        settingsItem.setOnAction(e -> openSettings());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> stage.close());
        updateRecent(model.settingsProperty().get());
        model.settingsProperty().addListener((o, a, s) -> updateRecent(s));
        Menu file = new Menu("File", null, openFiles, openAs, openFolder, recent, new SeparatorMenuItem(), export, sync,
                archives, removeSamples, new SeparatorMenuItem(), settingsItem, new SeparatorMenuItem(), quit);

        // Radio items: the menu marks the theme in use.
        javafx.scene.control.ToggleGroup themes = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.RadioMenuItem light = new javafx.scene.control.RadioMenuItem(Theme.LIGHT.label());
        light.setId("theme-light");
        light.setToggleGroup(themes);
        light.setOnAction(e -> setTheme(Theme.LIGHT));
        javafx.scene.control.RadioMenuItem dark = new javafx.scene.control.RadioMenuItem(Theme.DARK.label());
        dark.setId("theme-dark");
        dark.setToggleGroup(themes);
        dark.setOnAction(e -> setTheme(Theme.DARK));
        Consumer<Settings> markTheme = st -> (st.theme() == Theme.DARK ? dark : light).setSelected(true);
        markTheme.accept(model.settingsProperty().get());
        model.settingsProperty().addListener((o, a, st) -> markTheme.accept(st));
        MenuItem showProblems = new MenuItem("Problems");
        showProblems.setOnAction(e -> problemsToggle.setSelected(!problemsToggle.isSelected()));
        Menu view = new Menu("View", null, light, dark, new SeparatorMenuItem(), showProblems);
        view.setId("view-menu");

        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setOnAction(e -> new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION,
                "↑ ↓  move through groups\nn / p  next / previous occurrence\nCtrl+F  search\n"
                        + "Ctrl+O  open files\nCtrl+Shift+O  open folder\nCtrl+E  export a report").showAndWait());
        Menu help = new Menu("Help", null, keys);
        MenuBar bar = new MenuBar(file, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void updateRecent(Settings s) {
        recent.getItems().clear();
        for (String p : s.recent()) {
            MenuItem item = new MenuItem(p);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.open(List.of(Path.of(p))));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    /** Below this width the toolbar's buttons show their icons only (their tooltips name them). */
    static final double COMPACT_TOOLBAR_WIDTH = 1240;

    /**
     * Buttons, search and filters in one row that shrinks rather than clips: under {@link
     * #COMPACT_TOOLBAR_WIDTH} the buttons drop their text, and search and filters share what is
     * left down to their minimum widths (1024 px still shows every filter).
     */
    private HBox toolBar() {
        Button openFiles = new Button("Open files", Icons.of(Feather.FILE_PLUS));
        openFiles.setId("open-files");
        openFiles.setTooltip(new Tooltip("Open logs: Papertrail archives, JSON lines, text logs (.tsv.gz, .jl, .log, …) — Ctrl+O"));
        openFiles.setOnAction(e -> openFiles());
        Button openFolder = new Button("Open folder", Icons.of(Feather.FOLDER_PLUS));
        openFolder.setId("open-folder");
        openFolder.setTooltip(new Tooltip("Open a folder of logs (searched recursively; formats told per file) — Ctrl+Shift+O"));
        openFolder.setOnAction(e -> openFolder());
        Button export = new Button("Export", Icons.of(Feather.SHARE));
        export.setId("export");
        export.setTooltip(new Tooltip("Export a report (HTML, Markdown, JSON, CSV) of the listed groups — Ctrl+E"));
        export.setOnAction(e -> export());
        export.disableProperty().bind(exportRunning());
        List<Button> buttons = List.of(openFiles, openFolder, export);
        for (Button b : buttons) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }

        GroupsViewModel g = model.groups();
        search.setId("search");
        search.setPromptText(SEARCH_PROMPT);
        search.setTooltip(new Tooltip(dev.tracelens.ui.groups.SearchHelp.TOOLTIP));
        search.setLeft(Icons.of(Feather.SEARCH));
        Button clear = new Button(null, Icons.of(Feather.X));
        clear.getStyleClass().addAll("flat", "small");
        clear.visibleProperty().bind(search.textProperty().isNotEmpty());
        clear.setOnAction(e -> g.clearSearch());
        search.setRight(clear);
        search.textProperty().bindBidirectional(g.searchTextProperty());
        search.setOnAction(e -> g.search());
        search.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                g.clearSearch();
            } else if (e.getCode() == KeyCode.DOWN && !searchHelp.isShowing()) {
                // From the search straight into the list, as in a browser's find-as-you-type.
                groupsView.table().requestFocus();
                e.consume();
            }
        });
        searchHelp.install(search);
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setPrefWidth(400);
        search.setMaxWidth(620);
        search.setMinWidth(170);
        Button help = new Button(null, Icons.of(Feather.HELP_CIRCLE));
        help.setId("search-help");
        help.getStyleClass().addAll("flat");
        help.setTooltip(new Tooltip("Search syntax and the fields you can name"));
        help.setOnAction(e -> searchHelp.showFields(search));
        help.setMinWidth(Region.USE_PREF_SIZE);

        List<Node> tools = new ArrayList<>(List.of(openFiles, openFolder, export, separator(), search, help));
        tools.addAll(new dev.tracelens.ui.groups.FilterBar(g).nodes());
        tools.add(noTicketFilter(g));
        HBox bar = new HBox(8, tools.toArray(Node[]::new));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("main-toolbar");
        bar.setMinWidth(0);
        bar.widthProperty().addListener((o, a, w) -> {
            ContentDisplay d = w.doubleValue() < COMPACT_TOOLBAR_WIDTH ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
            for (Button b : buttons) {
                b.setContentDisplay(d);
            }
        });
        return bar;
    }

    /** "No ticket": only the groups no known ticket matches (the ticket index from {@code tracelens tickets sync}). */
    private static Node noTicketFilter(dev.tracelens.ui.groups.GroupsViewModel g) {
        javafx.scene.control.CheckBox box = new javafx.scene.control.CheckBox("No ticket");
        box.setId("no-ticket-filter");
        box.selectedProperty().bindBidirectional(g.withoutTicketProperty());
        box.setTooltip(new Tooltip("Only groups that no known Jira or GitHub ticket matches"));
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    /** Live: listen for syslog on the settings' address; shows where and the rate, ticking every second. */
    private static Node liveToggle(dev.tracelens.ui.live.LiveViewModel live) {
        javafx.scene.control.ToggleButton toggle = new javafx.scene.control.ToggleButton("Live");
        toggle.setId("live-toggle");
        toggle.getStyleClass().add("small");
        toggle.selectedProperty().bindBidirectional(live.liveProperty());
        toggle.setTooltip(new Tooltip("Receive syslog on the address of the settings, as tracelens listen does;"
                + " new tracebacks appear as they complete"));
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("live-status");
        status.getStyleClass().add("text-muted");
        status.textProperty().bind(live.statusProperty());
        status.setMinWidth(Region.USE_PREF_SIZE);
        javafx.animation.Timeline ticks = new javafx.animation.Timeline(
                new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> live.tick()));
        ticks.setCycleCount(javafx.animation.Animation.INDEFINITE);
        live.liveProperty().addListener((o, was, on) -> {
            if (on) {
                ticks.play();
            } else {
                ticks.stop();
            }
        });
        HBox box = new HBox(6, toggle, status);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Node separator() {
        Region r = new Region();
        r.setPrefWidth(8);
        return r;
    }

    /** Why the search did not run, and the query with a caret under the column where it goes wrong. */
    private Node queryError() {
        Label error = new Label();
        error.setId("query-error");
        error.getStyleClass().add("query-error-text");
        error.setGraphic(Icons.of(Feather.ALERT_TRIANGLE));
        error.textProperty().bind(model.groups().queryErrorProperty());
        error.setMaxWidth(Double.MAX_VALUE);
        error.setWrapText(true);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        Label caret = new Label();
        caret.setId("query-caret");
        caret.getStyleClass().add("query-caret");
        caret.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.groups().queryProblemProperty().get() == null ? ""
                        : model.groups().queryProblemProperty().get().caret(),
                model.groups().queryProblemProperty()));
        caret.managedProperty().bind(caret.textProperty().isNotEmpty());
        caret.visibleProperty().bind(caret.managedProperty());
        VBox box = new VBox(2, error, caret);
        box.getStyleClass().add("query-error");
        box.visibleProperty().bind(error.visibleProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node sampleBanner() {
        Label text = new Label("You are looking at the bundled sample logs (made-up Papertrail archives), imported on "
                + "first start. Open your own archives to investigate them.");
        text.setWrapText(true);
        text.setGraphic(Icons.of(Feather.INFO));
        Button remove = new Button("Remove sample data");
        remove.setId("remove-samples");
        remove.getStyleClass().add("small");
        remove.setOnAction(e -> model.removeSampleData());
        remove.setMinWidth(Region.USE_PREF_SIZE);
        text.setMinWidth(0);
        Button dismiss = new Button(null, Icons.of(Feather.X));
        dismiss.getStyleClass().addAll("flat", "small");
        dismiss.setOnAction(e -> model.dismissSampleBanner());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox banner = new HBox(12, text, spacer, remove, dismiss);
        banner.setId("sample-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("sample-banner");
        banner.visibleProperty().bind(model.sampleBannerProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /** Files the user opened that could not be read as logs: named, with "Open as…" for another try. */
    private Node unreadableBanner() {
        Label text = new Label();
        text.setId("unreadable-text");
        text.setWrapText(true);
        text.setGraphic(Icons.of(Feather.ALERT_TRIANGLE));
        text.setMinWidth(0);
        Button openAs = new Button("Open as…");
        openAs.setId("unreadable-open-as");
        openAs.getStyleClass().add("small");
        openAs.setMinWidth(Region.USE_PREF_SIZE);
        openAs.setTooltip(new Tooltip("Read these files again with a format, JSON fields or a text pattern you give"));
        Button show = new Button("Problems");
        show.getStyleClass().add("small");
        show.setMinWidth(Region.USE_PREF_SIZE);
        show.setOnAction(e -> problemsToggle.setSelected(true));
        Button dismiss = new Button(null, Icons.of(Feather.X));
        dismiss.getStyleClass().addAll("flat", "small");
        dismiss.setOnAction(e -> model.dismissUnreadable());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox banner = new HBox(12, text, spacer, openAs, show, dismiss);
        banner.setId("unreadable-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().addAll("sample-banner", "unreadable-banner");
        Runnable update = () -> {
            var n = model.unreadableProperty().get();
            banner.setVisible(n != null);
            text.setText(n == null ? "" : n.text());
            openAs.setVisible(n != null && !n.files().isEmpty());
            openAs.setManaged(openAs.isVisible());
        };
        model.unreadableProperty().addListener((o, a, b) -> update.run());
        openAs.setOnAction(e -> {
            var n = model.unreadableProperty().get();
            if (n != null && !n.files().isEmpty()) {
                openAs(n.files());
            }
        });
        banner.managedProperty().bind(banner.visibleProperty());
        update.run();
        return banner;
    }

    private Node emptyState() {
        Node state = GroupsView.emptyState(EMPTY_TEXT);
        Label hint = new Label("Files: .tsv.gz, .jl, .jsonl, .ndjson, .log, .txt (any compressed) · folders are searched for logs");
        hint.getStyleClass().add("text-muted");
        Button open = new Button("Open files…", Icons.of(Feather.FILE_PLUS));
        open.getStyleClass().add("accent");
        open.setOnAction(e -> openFiles());
        ((VBox) state).getChildren().addAll(hint, open);
        // Under a search or filter the list can be empty with a full store: say that instead.
        Label noMatch = new Label("No group matches the search and filters");
        noMatch.getStyleClass().add("empty-state-text");
        noMatch.setId("no-match");
        noMatch.textProperty().bind(model.groups().emptyListTextProperty());
        noMatch.setWrapText(true);
        // While the first import runs there is nothing to list yet, but nothing to ask for either.
        Node importing = GroupsView.emptyState(IMPORTING_TEXT);
        importing.setId("importing-state");
        StackPane box = new StackPane(state, noMatch, importing);
        Runnable update = () -> {
            boolean empty = model.groups().facetsProperty().get().tracebacks() == 0;
            boolean busy = model.imports().currentProperty().get() != null;
            state.setVisible(empty && !busy);
            importing.setVisible(empty && busy);
            noMatch.setVisible(!empty);
        };
        model.groups().facetsProperty().addListener((o, a, f) -> update.run());
        model.imports().currentProperty().addListener((o, a, j) -> update.run());
        update.run();
        return box;
    }

    private Node statusBar() {
        problemsToggle.setId("problems-toggle");
        problemsToggle.setGraphic(Icons.of(Feather.ALERT_CIRCLE));
        problemsToggle.getStyleClass().addAll("small", "problems-toggle");
        problemsToggle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> dev.tracelens.ui.common.Formats.count(model.imports().problemCountProperty().get(), "problem"),
                model.imports().problemCountProperty()));
        problemsToggle.setTooltip(new Tooltip("Bad rows and files of this session's imports"));
        problemsToggle.selectedProperty().addListener((o, a, show) -> {
            if (show) {
                list.getItems().add(problems);
                list.setDividerPositions(0.55);
            } else {
                list.getItems().remove(problems);
            }
        });
        model.imports().problemCountProperty().addListener((o, a, b) -> {
            if (a.intValue() == 0 && b.intValue() > 0) {
                problemsToggle.getStyleClass().add("has-problems");
            } else if (b.intValue() == 0) {
                problemsToggle.getStyleClass().remove("has-problems");
            }
        });
        return new StatusBar(model, new ImportStatusView(model.imports()).node(),
                new ExportStatusView(model.export(), uri -> showDocument.accept(uri)).node(), liveToggle(model.live()),
                problemsToggle).node();
    }

    private void installDragAndDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!root.getStyleClass().contains("drop-target")) {
                    root.getStyleClass().add("drop-target");
                }
            }
            e.consume();
        });
        root.setOnDragExited(e -> root.getStyleClass().remove("drop-target"));
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                model.open(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            root.getStyleClass().remove("drop-target");
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void openFiles() {
        List<File> files = openDialog.apply(logChooser("Open logs"));
        if (files != null && !files.isEmpty()) {
            model.open(files.stream().map(File::toPath).toList());
        }
    }

    private static FileChooser logChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                // What the reader takes is told by the bytes; these only narrow the dialog's list.
                new FileChooser.ExtensionFilter("Logs", "*.tsv.gz", "*.gz", "*.tsv", "*.jl", "*.jsonl", "*.ndjson",
                        "*.log", "*.log.*", "*.txt", "*.bz2", "*.xz"),
                new FileChooser.ExtensionFilter("Papertrail archives", "*.tsv.gz", "*.gz", "*.tsv"),
                new FileChooser.ExtensionFilter("JSON lines", "*.jl", "*.jsonl", "*.ndjson", "*.jl.gz", "*.jsonl.gz"),
                new FileChooser.ExtensionFilter("Text logs", "*.log", "*.log.*", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }

    /** File → Open as…: which files, then how to read them. */
    private void openFilesAs() {
        List<File> files = openDialog.apply(logChooser("Open logs as…"));
        if (files != null && !files.isEmpty()) {
            openAs(files.stream().map(File::toPath).toList());
        }
    }

    /** Asks how to read these files (format, JSON fields, text pattern), then opens them so. */
    public void openAs(List<Path> paths) {
        new dev.tracelens.ui.imports.OpenAsDialog(stage, paths, lastOpenAs).showAndWait().ifPresent(o -> {
            lastOpenAs = o;
            model.open(paths, o.readerOptions());
        });
    }

    private void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of logs");
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            model.open(List.of(dir.toPath()));
        }
    }

    /** How the window opens a written report or its folder (HostServices in the app). */
    public void setDocumentOpener(Consumer<String> opener) {
        this.showDocument = opener == null ? uri -> { } : opener;
    }

    private javafx.beans.binding.BooleanBinding exportRunning() {
        return model.export().stateProperty().isEqualTo(ExportViewModel.State.RUNNING);
    }

    /** File → Export…: the dialog, then where to save, then the export in the background. */
    private void export() {
        ExportViewModel export = model.export();
        if (export.stateProperty().get() == ExportViewModel.State.RUNNING) {
            return;
        }
        new ExportDialog(stage, export.lastOptions(), model.groups().groups().size(), export.selectedGroup())
                .showAndWait().ifPresent(options -> {
                    FileChooser chooser = new FileChooser();
                    chooser.setTitle("Export report as " + ExportOptions.label(options.format()));
                    chooser.setInitialFileName(export.defaultFileName(options));
                    if (export.lastFolder() != null && java.nio.file.Files.isDirectory(export.lastFolder())) {
                        chooser.setInitialDirectory(export.lastFolder().toFile());
                    }
                    chooser.getExtensionFilters().addAll(
                            new FileChooser.ExtensionFilter(ExportOptions.label(options.format()),
                                    "*." + options.format().extension()),
                            new FileChooser.ExtensionFilter("All files", "*"));
                    File file = saveDialog.apply(chooser);
                    if (file != null) {
                        export.export(options, file.toPath());
                    }
                });
    }

    private dev.tracelens.ui.sync.SyncDialog syncDialog;

    /** The one Sync window: reopening it shows a running sync where it is. */
    private void openSync() {
        if (syncDialog == null) {
            syncDialog = new dev.tracelens.ui.sync.SyncDialog(stage, model.sync(),
                    stage.getScene() == null ? List.of() : stage.getScene().getStylesheets());
        }
        syncDialog.show();
    }

    private dev.tracelens.ui.archives.ArchivesWindow archivesWindow;

    /** File → Imported archives…: one window, listed afresh each time it is shown. */
    void openArchives() {
        if (archivesWindow == null) {
            archivesWindow = new dev.tracelens.ui.archives.ArchivesWindow(stage, model.archives(),
                    stage.getScene() == null ? List.of() : stage.getScene().getStylesheets());
        }
        archivesWindow.show();
    }

    private void openSettings() {
        new SettingsDialog(stage, model.settingsProperty().get(), model.storeLocation()).showAndWait()
                .ifPresent(s -> {
                    model.updateSettings(s);
                    applyTheme.accept(s.theme());
                });
    }

    private void setTheme(Theme t) {
        model.updateSettings(model.settingsProperty().get().withTheme(t));
        applyTheme.accept(t);
    }

    /** Called once the window is closing. */
    public void saveLayout() {
        Settings s = model.settingsProperty().get();
        var selected = model.groups().selectedProperty().get();
        s = s.withLayout(dividers(), groupsView.sortColumn(), groupsView.sortAscending(),
                selected == null ? "" : selected.fingerprint());
        if (!stage.isMaximized()) {
            s = s.withWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        } else {
            s = s.withWindow(s.windowX(), s.windowY(), s.windowWidth(), s.windowHeight(), true);
        }
        model.updateSettings(s);
    }
}
