package dev.tracelens.ui.detail;

import dev.tracelens.ui.common.Formats;
import dev.tracelens.ui.common.TableScrolling;
import dev.tracelens.ui.common.TextCells;
import dev.tracelens.engine.GroupDetail;
import dev.tracelens.engine.GroupRow;
import dev.tracelens.engine.Occurrence;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * The selected group: title, counts and where it happened, its history, the occurrences list, and
 * for the selected occurrence the traceback beside its context.
 */
public final class GroupDetailView {
    private final GroupDetailViewModel model;
    private final BorderPane root = new BorderPane();
    private final Label type = new Label();
    private final Label message = new Label();
    private final FlowPane facts = new FlowPane(18, 4);
    private final HistoryChart chart = new HistoryChart();
    private final TableView<Occurrence> occurrences = new TableView<>();
    private final TracebackView traceback = new TracebackView();
    private final ContextView context = new ContextView();
    private final SplitPane panes = new SplitPane();
    private final Label error = new Label();
    /** Why this occurrence is in this group: its fingerprint's parts (issue 14). */
    private final Label groupedBy = new Label();
    /** The known tickets: links that open in the browser. */
    private final FlowPane tickets = new FlowPane(12, 2);
    private java.util.function.Consumer<String> openLink = uri -> { };
    private boolean syncing;
    private final Tooltip hostsTip = new Tooltip();
    private final Tooltip programsTip = new Tooltip();
    private final Label occurrencesFact = fact("Occurrences", null);
    private final Label firstSeenFact = fact("First seen", null);
    private final Label lastSeenFact = fact("Last seen", null);
    /** The "historical reflection": what this text did across the whole store, not just this group. */
    static final String SAME_TEXT_TIP = """
            How many stored tracebacks hold this group's exact traceback text, across every imported
            archive and regardless of the filters (compared after the filter that drops numbers, ids,
            paths and words such as File, line, in). Usually the group's own count; more when other
            groups or hosts logged the same traceback.""";
    static final String EARLIER_TIP = """
            Of those, how many occurred before the start of the time filter (or, without one, before
            this group's first occurrence here): a traceback seen long before is not new.""";
    private final Label seenBeforeFact = fact("Same text", new Tooltip(SAME_TEXT_TIP));
    private final Label earlierFact = fact("Earlier", new Tooltip(EARLIER_TIP));
    private final Label hostsFact = fact("Hosts", hostsTip);
    private final Label programsFact = fact("Programs", programsTip);

    public GroupDetailView(GroupDetailViewModel model) {
        this.model = model;
        root.getStyleClass().add("detail");
        root.setId("group-detail");
        type.getStyleClass().add("detail-type");
        type.setId("detail-type");
        message.getStyleClass().add("detail-message");
        message.setWrapText(true);
        message.setMaxHeight(44);
        facts.getStyleClass().add("detail-facts");
        error.getStyleClass().add("error-text");
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.textProperty().bind(model.errorProperty());

        tickets.setId("detail-tickets");
        tickets.getStyleClass().add("detail-tickets");
        tickets.managedProperty().bind(tickets.visibleProperty());
        tickets.setVisible(false);
        groupedBy.setId("detail-grouped-by");
        groupedBy.getStyleClass().add("detail-grouped-by");
        groupedBy.setWrapText(true);
        groupedBy.managedProperty().bind(groupedBy.textProperty().isNotEmpty());
        groupedBy.setTooltip(new Tooltip("What the group key was made of: the type, cause types, the application's"
                + " own frames (or, without any, the message with its values as placeholders), and the grouping"
                + " rules applied"));
        VBox header = new VBox(4, type, message, facts, groupedBy, tickets, chart.node(), error);
        header.getStyleClass().add("detail-header");

        occurrences.setId("occurrences");
        occurrences.getStyleClass().addAll("occurrences", "dense");
        occurrences.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        occurrences.setPlaceholder(new Label("No occurrence"));
        TableColumn<Occurrence, String> time = new TableColumn<>("Time (UTC)");
        time.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Formats.SHORT_DATE_TIME.format(c.getValue().timestamp())));
        time.setCellFactory(c -> TextCells.withTooltip(null, o -> Formats.dateTime(o.timestamp()) + " UTC"));
        TextCells.fitTo(time, "11-20 03:14:08");
        TableColumn<Occurrence, String> host = new TableColumn<>("Host");
        host.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().host()));
        host.setCellFactory(c -> TextCells.withTooltip(null));
        host.setPrefWidth(100);
        host.setMinWidth(60);
        TableColumn<Occurrence, String> program = new TableColumn<>("Program");
        program.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().program()));
        program.setCellFactory(c -> TextCells.withTooltip(null));
        program.setPrefWidth(100);
        program.setMinWidth(60);
        occurrences.getColumns().addAll(List.of(time, host, program));
        occurrences.setItems(model.occurrences());
        occurrences.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                model.selectedOccurrenceProperty().set(b);
            }
        });
        model.selectedOccurrenceProperty().addListener((o, a, b) -> {
            syncing = true;
            try {
                if (b == null) {
                    occurrences.getSelectionModel().clearSelection();
                } else {
                    occurrences.getSelectionModel().select(b);
                    TableScrolling.reveal(occurrences, occurrences.getSelectionModel().getSelectedIndex(), 2);
                }
            } finally {
                syncing = false;
            }
        });

        traceback.setOnCopyMarkdown(() -> model.markdown(false, TracebackView::copyToClipboard));
        panes.setOrientation(Orientation.HORIZONTAL);
        panes.getItems().addAll(occurrences, traceback.node(), context.node());
        panes.setDividerPositions(0.26, 0.64);
        occurrences.setMinWidth(200);
        traceback.node().minWidth(0);
        panes.setMinSize(0, 60);
        SplitPane.setResizableWithParent(occurrences, false);

        root.setTop(header);
        root.setCenter(panes);
        // The splitter above may give the detail less than its header wants (a short laptop
        // screen, a user who wants a longer list): the panes shrink first, then the header.
        root.setMinHeight(120);

        model.detailProperty().addListener((o, a, d) -> showDetail(d));
        model.tracebackProperty().addListener((o, a, t) -> {
            traceback.show(t);
            context.show(t);
            groupedBy.setText(t == null ? "" : "Grouped by  " + String.join("  ·  ", WhyGrouped.lines(t.fingerprintParts())));
        });
        showDetail(null);
    }

    public Node node() {
        return root;
    }

    public HistoryChart chart() {
        return chart;
    }

    public SplitPane panes() {
        return panes;
    }

    public TracebackView traceback() {
        return traceback;
    }

    public ContextView context() {
        return context;
    }

    public TableView<Occurrence> occurrences() {
        return occurrences;
    }

    /** How a ticket's link is opened: the app sets HostServices::showDocument. */
    public void setOnOpenLink(java.util.function.Consumer<String> opener) {
        this.openLink = opener;
    }

    private void showTickets(GroupDetail d) {
        tickets.getChildren().clear();
        if (d == null || d.tickets().isEmpty()) {
            tickets.setVisible(false);
            return;
        }
        tickets.getChildren().add(new Label("Known tickets"));
        for (dev.tracelens.tickets.TicketMatch m : d.tickets()) {
            javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(
                    m.ticket().key() + " " + shortTitle(m.ticket().title()) + " (" + m.ticket().status() + ")");
            link.getStyleClass().add("ticket-link");
            link.setTooltip(new Tooltip((m.linked() ? "Created from this group. " : "") + "Shares: "
                    + String.join(" ", m.sharedWords()) + "\n" + m.ticket().url()));
            String url = m.ticket().url();
            link.setDisable(!(url.startsWith("https://") || url.startsWith("http://")));
            link.setOnAction(e -> openLink.accept(url));
            tickets.getChildren().add(link);
        }
        tickets.setVisible(true);
    }

    private static String shortTitle(String title) {
        String line = title.replace('\n', ' ');
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }

    private void showDetail(GroupDetail d) {
        chart.show(d);
        showTickets(d);
        if (d == null) {
            type.setText("No group selected");
            type.getStyleClass().add("detail-empty");
            message.setText("Pick a group in the list, or open an archive to fill it.");
            facts.setVisible(false);
            return;
        }
        GroupRow g = d.group();
        type.getStyleClass().remove("detail-empty");
        type.setText(g.exceptionType());
        message.setText(g.message());
        facts.setVisible(true);
        // The same labels get new texts: new nodes on every reload would cost a CSS pass each time.
        occurrencesFact.setText(Formats.count(g.count()));
        firstSeenFact.setText(Formats.dateTime(g.firstSeen()));
        lastSeenFact.setText(Formats.dateTime(g.lastSeen()));
        seenBeforeFact.setText(Formats.count(d.seenBefore()) + " in the store");
        earlierFact.setText(d.sameTextBefore() < 0 || d.before() == null ? "not counted"
                : Formats.count(d.sameTextBefore()) + " before " + Formats.dateTime(d.before()));
        hostsFact.setText(Formats.shortList(g.hosts(), 4));
        programsFact.setText(Formats.shortList(g.programs(), 3));
        hostsTip.setText(String.join("\n", g.hosts()));
        programsTip.setText(String.join("\n", g.programs()));
    }

    private Label fact(String name, Tooltip tooltip) {
        Label n = new Label(name);
        n.getStyleClass().add("fact-name");
        Label v = new Label();
        v.getStyleClass().add("fact-value");
        v.setId("fact-" + name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        HBox box = new HBox(5, n, v);
        if (tooltip != null) {
            Tooltip.install(box, tooltip);
        }
        facts.getChildren().add(box);
        return v;
    }
}
