package dev.tracelens.ui.groups;

import dev.tracelens.engine.Facets;
import dev.tracelens.ui.common.Formats;
import dev.tracelens.ui.common.Icons;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

import java.util.ArrayList;
import java.util.List;

/**
 * The toolbar's filters: the time range (a preset, or typed: {@code last 2 h}, {@code 30d},
 * {@code 2016-08-12 .. 2016-08-14}), host, program, type and language filters that each take several
 * values and show how many tracebacks every value has, and one reset for all of them.
 */
public final class FilterBar {
    /** Shown in a time box whose text is not a range. */
    public static final String BAD_RANGE = "bad-range";

    private final GroupsViewModel model;
    private final ComboBox<TimeRange> range = new ComboBox<>();
    private final MenuButton hosts;
    private final MenuButton programs;
    private final MenuButton types;
    private final MenuButton languages;
    private final Button reset = new Button("Reset", Icons.of(Feather.X_CIRCLE));
    private final ComboBox<dev.tracelens.engine.TriageFilter> status = new ComboBox<>();

    public FilterBar(GroupsViewModel model) {
        this.model = model;
        timeBox();
        hosts = multi("host", "hosts", Facets.HOST, model.hosts(), model.selectedHosts());
        programs = multi("program", "programs", Facets.PROGRAM, model.programs(), model.selectedPrograms());
        types = multi("type", "types", Facets.TYPE, model.types(), model.selectedTypes());
        languages = multi("language", "languages", Facets.LANGUAGE, model.languages(), model.selectedLanguages());
        status.setId("triage-filter");
        status.getItems().setAll(dev.tracelens.engine.TriageFilter.values());
        status.valueProperty().bindBidirectional(model.triageFilterProperty());
        status.setTooltip(new Tooltip("Only groups in this triage state: open (never triaged, a mute ran out, or"
                + " back after a resolution), regressed, resolved, ignored or muted. Right-click a group to triage it."));
        status.setPrefWidth(112);
        status.setMinWidth(96);
        reset.setId("reset-filters");
        reset.getStyleClass().addAll("small");
        reset.setTooltip(new Tooltip("Back to everything: all time, every host, program, type and language, no search"));
        reset.setOnAction(e -> model.resetFilters());
        reset.setMinWidth(Region.USE_PREF_SIZE);
        reset.visibleProperty().bind(model.filteredProperty());
        reset.managedProperty().bind(reset.visibleProperty());
    }

    /** The controls in toolbar order: time, hosts, programs, types, languages, triage state, reset. */
    public List<Node> nodes() {
        return List.of(range, hosts, programs, types, languages, status, reset);
    }

    public ComboBox<TimeRange> timeBox() {
        if (range.getId() != null) {
            return range;
        }
        range.setId("time-range");
        range.setEditable(true);
        range.getItems().setAll(TimeRange.PRESETS);
        range.setConverter(new StringConverter<>() {
            @Override
            public String toString(TimeRange r) {
                return r == null ? "" : r.label();
            }

            @Override
            public TimeRange fromString(String text) {
                // A text that is no range keeps the range in force and says so on the box.
                TimeRange parsed = TimeRange.parse(text).orElse(null);
                markBad(parsed == null ? text : null);
                return parsed == null ? model.timeRangeProperty().get() : parsed;
            }
        });
        range.setValue(model.timeRangeProperty().get());
        range.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(model.timeRangeProperty().get())) {
                model.timeRangeProperty().set(b);
            }
        });
        model.timeRangeProperty().addListener((o, a, b) -> {
            if (!b.equals(range.getValue())) {
                range.setValue(b);
            }
            markBad(null);
        });
        range.setTooltip(new Tooltip(TimeRange.HELP));
        range.setPrefWidth(136);
        range.setMinWidth(108);
        return range;
    }

    private void markBad(String text) {
        if (text == null) {
            range.getStyleClass().remove(BAD_RANGE);
            range.getTooltip().setText(TimeRange.HELP);
        } else {
            if (!range.getStyleClass().contains(BAD_RANGE)) {
                range.getStyleClass().add(BAD_RANGE);
            }
            range.getTooltip().setText("'" + text + "' is not a time range. " + TimeRange.HELP);
        }
    }

    /** A menu of check boxes, "All …" on top; the button names what is chosen. */
    private MenuButton multi(String one, String many, String facet, ObservableList<String> values,
                             ObservableList<String> chosen) {
        MenuButton button = new MenuButton();
        button.setId(one + "-filter");
        button.getStyleClass().add("multi-filter");
        button.setPrefWidth(122);
        button.setMinWidth(96);
        button.setMaxWidth(240);
        button.setTooltip(new Tooltip("Only the groups of these " + many + " (choose several; counts are the"
                + " tracebacks stored)"));
        Runnable rebuild = () -> {
            List<MenuItem> items = new ArrayList<>();
            CheckBox all = new CheckBox("All " + many);
            all.setSelected(chosen.isEmpty());
            all.setOnAction(e -> {
                chosen.clear();
                all.setSelected(true);
            });
            items.add(keepOpen(all, one + "-any"));
            items.add(new SeparatorMenuItem());
            Facets f = model.facetsProperty().get();
            for (String v : values) {
                long n = f.count(facet, v);
                CheckBox box = new CheckBox(n < 0 ? shown(v) : shown(v) + "  (" + Formats.count(n) + ")");
                box.setUserData(v);
                box.setMnemonicParsing(false);
                box.setSelected(chosen.contains(v));
                box.setOnAction(e -> {
                    if (box.isSelected() && !chosen.contains(v)) {
                        chosen.add(v);
                    } else if (!box.isSelected()) {
                        chosen.remove(v);
                    }
                });
                items.add(keepOpen(box, null));
            }
            button.getItems().setAll(items);
            showChoice(button, many, chosen);
        };
        values.addListener((ListChangeListener<String>) c -> rebuild.run());
        // A choice only ticks and names: rebuilding would replace the box under the pointer.
        chosen.addListener((ListChangeListener<String>) c -> showChoice(button, many, chosen));
        model.facetsProperty().addListener((o, a, b) -> rebuild.run());
        rebuild.run();
        return button;
    }

    private static void showChoice(MenuButton button, String many, ObservableList<String> chosen) {
        for (MenuItem item : button.getItems()) {
            if (item instanceof CustomMenuItem c && c.getContent() instanceof CheckBox box) {
                box.setSelected(box.getUserData() == null ? chosen.isEmpty() : chosen.contains((String) box.getUserData()));
            }
        }
        button.setText(chosen.isEmpty() ? "All " + many : chosen.size() == 1 ? shown(chosen.getFirst())
                    : shown(chosen.getFirst()) + " +" + (chosen.size() - 1));
            button.getTooltip().setText(chosen.isEmpty()
                    ? "Only the groups of these " + many + " (choose several; counts are the tracebacks stored)"
                    : "Showing the groups of " + String.join(", ", chosen));
    }

    private static String shown(String v) {
        return v.isEmpty() ? "(none)" : v;
    }

    private static MenuItem keepOpen(CheckBox box, String id) {
        CustomMenuItem item = new CustomMenuItem(box, false);
        if (id != null) {
            item.setId(id);
        }
        box.setMaxWidth(Double.MAX_VALUE);
        return item;
    }
}
