package dev.tracelens.ui.detail;

import dev.tracelens.store.HistoryBucket;
import dev.tracelens.report.TimeBins;
import dev.tracelens.ui.common.BarsCanvas;
import dev.tracelens.ui.common.Formats;
import dev.tracelens.engine.GroupDetail;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.util.List;

/**
 * A group's occurrences over its own time (or the time filter's), bars as wide as the span
 * needs, long empty stretches left out as a break, with the span and the busiest bar underneath.
 */
public final class HistoryChart {
    /** Bars (and breaks) the chart draws at most: readable down to a 1024 px window. */
    static final int MAX_BARS = 72;
    private final BarsCanvas bars = new BarsCanvas(400, 40);
    private final Label from = new Label();
    private final Label caption = new Label();
    private final Label to = new Label();
    private final VBox root;

    public HistoryChart() {
        bars.getStyleClass().add("history-bars");
        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        for (Label l : List.of(from, caption, to)) {
            l.getStyleClass().add("chart-axis");
        }
        HBox axis = new HBox(from, left, caption, right, to);
        root = new VBox(2, bars, axis);
        root.getStyleClass().add("history-chart");
        root.widthProperty().addListener((o, a, b) -> bars.setWidth(b.doubleValue()));
    }

    public Node node() {
        return root;
    }

    public void show(GroupDetail d) {
        if (d == null || d.history().isEmpty()) {
            bars.setCounts(List.of());
            from.setText("");
            to.setText("");
            caption.setText("");
            return;
        }
        List<HistoryBucket> h = d.history();
        // The history spans the time filter, else the group's own first to last occurrence.
        List<TimeBins.Bin> bins = TimeBins.of(h,
                d.bucket(), h.getFirst().start(), h.getLast().start().plus(d.bucket()), MAX_BARS);
        show(bins);
    }

    /** Draws these bars and breaks, with the span and the busiest bar underneath. */
    void show(List<TimeBins.Bin> bins) {
        bars.setCounts(bins.stream().map(b -> b.gap() ? BarsCanvas.BREAK : b.count()).toList());
        if (bins.isEmpty()) {
            from.setText("");
            to.setText("");
            caption.setText("");
            return;
        }
        String unit = TimeBins.unit(TimeBins.width(bins));
        long max = bins.stream().mapToLong(TimeBins.Bin::count).max().orElse(0);
        from.setText(Formats.dateTime(bins.getFirst().start()));
        to.setText(Formats.dateTime(bins.getLast().end()));
        List<TimeBins.Bin> gaps = bins.stream().filter(TimeBins.Bin::gap).toList();
        String left = gaps.isEmpty() ? "" : " · " + (gaps.size() == 1
                ? "an empty " + TimeBins.length(Duration.between(gaps.getFirst().start(), gaps.getFirst().end()))
                + " left out" : gaps.size() + " empty stretches left out");
        caption.setText("per " + unit + " · busiest " + unit + ": " + Formats.count(max) + left);
    }

    /** The caption under the chart, for tests. */
    public String caption() {
        return caption.getText();
    }

    /** What the bars show, for tests: counts, {@link BarsCanvas#BREAK} for a break. */
    public List<Long> counts() {
        return bars.counts();
    }
}
