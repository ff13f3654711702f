package dev.tracelens.ui.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import java.util.List;

/**
 * Counts drawn as bars, scaled to the largest; used small in table rows and large in the detail
 * pane. A count of {@link #BREAK} draws a break mark: an empty stretch left out of the chart. A plain canvas, because a chart control per table row would make scrolling stutter.
 */
public class BarsCanvas extends Canvas {
    /** The count that stands for a break (a long empty stretch left out). */
    public static final long BREAK = -1;
    private List<Long> counts = List.of();
    private final Color bar = Color.web("#0969da");
    private final Color empty = Color.web("#d0d7de");

    public BarsCanvas(double width, double height) {
        super(width, height);
        widthProperty().addListener(o -> draw());
        heightProperty().addListener(o -> draw());
    }

    public void setCounts(List<Long> values) {
        this.counts = values == null ? List.of() : values;
        draw();
    }

    public List<Long> counts() {
        return counts;
    }

    @Override
    public boolean isResizable() {
        return true;
    }

    @Override
    public double prefWidth(double height) {
        return getWidth();
    }

    /**
     * Zero, not the current width (a resizable node's default): a chart grown with a wide window
     * must shrink again with it, else its width pins the whole detail pane.
     */
    @Override
    public double minWidth(double height) {
        return 0;
    }

    @Override
    public double prefHeight(double width) {
        return getHeight();
    }

    @Override
    public void resize(double width, double height) {
        setWidth(width);
        setHeight(height);
    }

    protected void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        if (counts.isEmpty() || w <= 0 || h <= 0) {
            return;
        }
        long max = counts.stream().mapToLong(Long::longValue).max().orElse(0); // a break (-1) never is
        double slot = w / counts.size();
        double gap = slot > 24 ? slot * 0.15 : slot > 4 ? 1 : 0;
        for (int i = 0; i < counts.size(); i++) {
            long c = counts.get(i);
            double x = i * slot;
            if (c == BREAK) {
                // Two slanted strokes across the base line, as on a broken axis.
                g.setStroke(empty.darker());
                g.setLineWidth(1);
                double mid = x + slot / 2;
                double d = Math.min(3, slot / 3);
                g.strokeLine(mid - d - 1, h, mid - 1 + d, h - Math.min(h, 8));
                g.strokeLine(mid - d + 2, h, mid + 2 + d, h - Math.min(h, 8));
                continue;
            }
            if (c == 0) {
                g.setFill(empty);
                g.fillRect(x, h - 1, Math.max(1, slot - gap), 1);
                continue;
            }
            double bh = Math.max(2, (h - 1) * c / (double) Math.max(1, max));
            g.setFill(bar);
            g.fillRect(x, h - bh, Math.max(1, slot - gap), bh);
        }
    }
}
