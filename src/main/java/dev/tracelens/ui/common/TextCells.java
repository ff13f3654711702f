package dev.tracelens.ui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.function.Function;

/**
 * Table cells that never hide text: a cell cut off with "…" has its whole text (or a longer
 * form, such as every host of a "+3 more" list) in a tooltip; and column widths sized to the
 * text they hold, so dates and counts are not cut to begin with.
 */
public final class TextCells {
    /** AtlantaFX Primer's base font size; cells and headers use it. */
    private static final double FONT_SIZE = 14;
    /** Cell padding and the header's sort arrow. */
    private static final double PADDING = 20;

    private TextCells() {
    }

    /** A cell showing its text with the text as tooltip (one tooltip per cell, only its text changes). */
    public static <S> TableCell<S, String> withTooltip(String styleClass) {
        return withTooltip(styleClass, null);
    }

    /** @param tip the tooltip for the row's item, or null for the cell's own text */
    public static <S> TableCell<S, String> withTooltip(String styleClass, Function<S, String> tip) {
        return new TooltipCell<>(styleClass, tip);
    }

    /** Makes the column at least as wide as {@code sample} (e.g. "2026-11-20 03:14:08") or its header. */
    public static void fitTo(TableColumn<?, ?> column, String sample) {
        double w = Math.max(width(sample), width(column.getText()) + 10) + PADDING;
        column.setMinWidth(w);
        if (column.getPrefWidth() < w) {
            column.setPrefWidth(w);
        }
    }

    /** The width of {@code text} in the app's font. */
    public static double width(String text) {
        Text t = new Text(text == null ? "" : text);
        t.setFont(Font.font(Font.getDefault().getFamily(), FONT_SIZE));
        return Math.ceil(t.getLayoutBounds().getWidth());
    }

    private static final class TooltipCell<S> extends TableCell<S, String> {
        private final Tooltip tooltip = new Tooltip();
        private final Function<S, String> tip;

        TooltipCell(String styleClass, Function<S, String> tip) {
            this.tip = tip;
            if (styleClass != null) {
                getStyleClass().add(styleClass);
            }
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            S row = empty || getTableRow() == null ? null : getTableRow().getItem();
            String text = row != null && tip != null ? tip.apply(row) : item;
            if (empty || text == null || text.isEmpty()) {
                setTooltip(null);
            } else {
                tooltip.setText(text);
                setTooltip(tooltip);
            }
        }
    }
}
