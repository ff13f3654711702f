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

        TableColumn<GroupRow, String> status = column("Status", "triage", g -> g.triage().label(), 90);
        status.setCellFactory(c -> new StatusCell());
        TextCells.fitTo(status, "Regressed");
        status.setMaxWidth(190);

        table.getColumns().addAll(java.util.List.of(timeline, type, message, count, tickets, hosts, first, last, status));
        // The table's menu acts on the selected group (a right-click selects its row); the app adds
        // the grouping actions to the same menu (GroupingMenu).
        table.setContextMenu(triageMenu());

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

    /** Resolve, ignore, mute or reopen the selected group. */
    private javafx.scene.control.ContextMenu triageMenu() {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        java.util.function.BiFunction<String, Runnable, javafx.scene.control.MenuItem> item = (text, action) -> {
            javafx.scene.control.MenuItem i = new javafx.scene.control.MenuItem(text);
            i.setOnAction(e -> action.run());
            return i;
        };
        java.util.function.BiConsumer<dev.tracelens.engine.Triage.Status, java.time.Duration> set = (s, d) -> {
            GroupRow g = table.getSelectionModel().getSelectedItem();
            if (g != null) {
                model.setTriage(g.fingerprint(), s, d == null ? null : java.time.Instant.now().plus(d), null);
            }
        };
        javafx.scene.control.MenuItem resolve = item.apply("Resolve", () -> set.accept(dev.tracelens.engine.Triage.Status.RESOLVED, null));
        resolve.setId("triage-resolve");
        javafx.scene.control.MenuItem ignore = item.apply("Ignore", () -> set.accept(dev.tracelens.engine.Triage.Status.IGNORED, null));
        ignore.setId("triage-ignore");
        javafx.scene.control.MenuItem muteDay = item.apply("Mute for 24 hours",
                () -> set.accept(dev.tracelens.engine.Triage.Status.MUTED, java.time.Duration.ofDays(1)));
        muteDay.setId("triage-mute-day");
        javafx.scene.control.MenuItem muteWeek = item.apply("Mute for 7 days",
                () -> set.accept(dev.tracelens.engine.Triage.Status.MUTED, java.time.Duration.ofDays(7)));
        javafx.scene.control.MenuItem reopen = item.apply("Reopen", () -> set.accept(dev.tracelens.engine.Triage.Status.OPEN, null));
        reopen.setId("triage-reopen");
        menu.getItems().addAll(resolve, ignore, muteDay, muteWeek, new javafx.scene.control.SeparatorMenuItem(), reopen);
        menu.setId("triage-menu");
        menu.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> {
            GroupRow g = table.getSelectionModel().getSelectedItem();
            for (javafx.scene.control.MenuItem i : java.util.List.of(resolve, ignore, muteDay, muteWeek)) {
                i.setDisable(g == null);
            }
            reopen.setDisable(g == null || g.triage().status() == dev.tracelens.engine.Triage.Status.OPEN);
        });
        return menu;
    }

    /** The triage state, a regression in the error colour. */
    private static final class StatusCell extends TableCell<GroupRow, String> {
        StatusCell() {
            getStyleClass().add("triage-cell");
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            GroupRow g = empty || getTableRow() == null ? null : getTableRow().getItem();
            boolean regressed = g != null && g.triage().regressed();
            if (regressed != getStyleClass().contains("regressed")) {
                if (regressed) {
                    getStyleClass().add("regressed");
                } else {
                    getStyleClass().remove("regressed");
                }
            }
            setTooltip(g == null || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(
                    regressed ? "Resolved, and it occurred again after the resolution" : item));
        }
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
