package dev.tracelens.ui.groups;

import dev.tracelens.ui.common.BarsCanvas;
import dev.tracelens.ui.common.Formats;
import dev.tracelens.ui.common.Icons;
import dev.tracelens.ui.common.TableScrolling;
import dev.tracelens.ui.common.TextCells;
import dev.tracelens.engine.GroupRow;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.time.Instant;
import java.util.function.Function;

/** The groups table: one row per fingerprint under the current search and filters. */
public final class GroupsView {
    private final TableView<GroupRow> table = new TableView<>();
    private final GroupsViewModel model;
    private boolean syncing;

    public GroupsView(GroupsViewModel model, Node emptyState) {
        this.model = model;
        table.setId("groups-table");
        table.getStyleClass().add("groups-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(emptyState);

        TableColumn<GroupRow, GroupRow> timeline = new TableColumn<>("Over time");
        timeline.setId("timeline");
        timeline.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        timeline.setCellFactory(c -> new TimelineCell());
        timeline.setSortable(false);
        timeline.setPrefWidth(110);
        TextCells.fitTo(timeline, "");
        timeline.setMaxWidth(140);

        TableColumn<GroupRow, String> type = column("Exception", "type", GroupRow::exceptionType, 220);
        type.setCellFactory(c -> TextCells.withTooltip("type-cell"));
        type.setMinWidth(110);
        TableColumn<GroupRow, String> message = column("Message", "message", GroupRow::messageLine, 380);
        message.setCellFactory(c -> TextCells.withTooltip("message-cell", GroupRow::message));
        message.setMinWidth(140);
        TableColumn<GroupRow, Long> count = new TableColumn<>("Count");
        count.setId("count");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        count.setCellFactory(c -> new CountCell());
        TextCells.fitTo(count, "88,888");
        count.setMaxWidth(110);
        count.setStyle("-fx-alignment: CENTER-RIGHT;");
        count.setSortType(TableColumn.SortType.DESCENDING);
        TableColumn<GroupRow, String> hosts = column("Hosts", "hosts", g -> Formats.shortList(g.hosts(), 2), 170);
        hosts.setCellFactory(c -> TextCells.withTooltip(null, g -> String.join("\n", g.hosts())));
        hosts.setMinWidth(90);
        TableColumn<GroupRow, Instant> first = new TableColumn<>("First seen");
        first.setId("first");
        first.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().firstSeen()));
        first.setCellFactory(c -> new TimeCell());
        TextCells.fitTo(first, "2026-11-20 03:14:08");
        TableColumn<GroupRow, Instant> last = new TableColumn<>("Last seen");
        last.setId("last");
        last.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lastSeen()));
        last.setCellFactory(c -> new TimeCell());
        TextCells.fitTo(last, "2026-11-20 03:14:08");
        last.setSortType(TableColumn.SortType.DESCENDING);

        TableColumn<GroupRow, String> tickets = column("Tickets", "tickets",
                g -> g.tickets() == 0 ? "" : Integer.toString(g.tickets()), 70);
        tickets.setCellFactory(c -> TextCells.withTooltip("tickets-cell", g -> g.tickets() == 0 ? "No known ticket"
                : g.tickets() + " known ticket(s) match; pick the group to see them"));
        TextCells.fitTo(tickets, "Tickets");
        tickets.setComparator(java.util.Comparator.comparingInt(v -> v.isEmpty() ? 0 : Integer.parseInt(v)));

        table.getColumns().addAll(java.util.List.of(timeline, type, message, count, tickets, hosts, first, last));

        SortedList<GroupRow> sorted = new SortedList<>(model.groups());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null && !model.isReplacingList()) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> select(b));
        sorted.addListener((javafx.collections.ListChangeListener<GroupRow>) c -> select(model.selectedProperty().get()));
    }

    private void select(GroupRow row) {
        if (row == null || row.equals(table.getSelectionModel().getSelectedItem())) {
            return;
        }
        GroupRow before = table.getSelectionModel().getSelectedItem();
        syncing = true;
        try {
            table.getSelectionModel().select(row);
            // A refresh of the same group keeps the user's scroll position.
            if (before == null || !before.fingerprint().equals(row.fingerprint())) {
                TableScrolling.reveal(table, table.getSelectionModel().getSelectedIndex(), 3);
            }
        } finally {
            syncing = false;
        }
    }

    public TableView<GroupRow> table() {
        return table;
    }

    /** The column sorted by and its direction, for the settings; "" when unsorted. */
    public String sortColumn() {
        return table.getSortOrder().isEmpty() ? "" : table.getSortOrder().getFirst().getId();
    }

    public boolean sortAscending() {
        return !table.getSortOrder().isEmpty()
                && table.getSortOrder().getFirst().getSortType() == TableColumn.SortType.ASCENDING;
    }

    public void restoreSort(String columnId, boolean ascending) {
        for (TableColumn<GroupRow, ?> c : table.getColumns()) {
            if (c.getId().equals(columnId) && c.isSortable()) {
                c.setSortType(ascending ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                table.getSortOrder().setAll(c);
            }
        }
    }

    private static TableColumn<GroupRow, String> column(String title, String id, Function<GroupRow, String> value,
                                                         double width) {
        TableColumn<GroupRow, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static final class CountCell extends TableCell<GroupRow, Long> {
        @Override
        protected void updateItem(Long item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Formats.count(item));
        }
    }

    private static final class TimeCell extends TableCell<GroupRow, Instant> {
        @Override
        protected void updateItem(Instant item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : Formats.dateTime(item));
        }
    }

    /** The small occurrences-over-time bar. */
    private static final class TimelineCell extends TableCell<GroupRow, GroupRow> {
        private final BarsCanvas bars = new BarsCanvas(96, 16);

        TimelineCell() {
            setAlignment(Pos.CENTER_LEFT);
            bars.getStyleClass().add("timeline-bars");
        }

        @Override
        protected void updateItem(GroupRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            bars.setCounts(item.timeline());
            setGraphic(bars);
        }
    }

    /** The table's empty state: what to do, with the icon of the action. */
    public static Node emptyState(String text) {
        Label icon = new Label(null, Icons.of(Feather.INBOX, 40));
        Label label = new Label(text);
        label.getStyleClass().add("empty-state-text");
        label.setWrapText(true);
        VBox box = new VBox(10, icon, label);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }
}
