package dev.tracelens.ui.detail;

import dev.tracelens.ui.common.BarsCanvas;
import dev.tracelens.ui.common.Formats;
import dev.tracelens.engine.GroupDetail;
import dev.tracelens.engine.HistoryPoint;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.util.List;

/** A group's occurrences per hour or day, with the span and the busiest slice underneath. */
public final class HistoryChart {
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
        List<HistoryPoint> h = d.history();
        bars.setCounts(h.stream().map(HistoryPoint::count).toList());
        String unit = d.bucket().equals(Duration.ofDays(1)) ? "day" : "hour";
        long max = h.stream().mapToLong(HistoryPoint::count).max().orElse(0);
        from.setText(Formats.dateTime(h.getFirst().start()));
        to.setText(Formats.dateTime(h.getLast().start().plus(d.bucket())));
        caption.setText("per " + unit + " · busiest " + unit + ": " + max);
    }
}
