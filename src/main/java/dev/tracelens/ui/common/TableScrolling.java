package dev.tracelens.ui.common;

import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/** Keeping a table's selected row in view without paying for it when it already is. */
public final class TableScrolling {
    private TableScrolling() {
    }

    /**
     * Scrolls {@code table} so that row {@code index} shows with {@code above} rows above it, unless
     * it already shows. {@link TableView#scrollTo} lays the table out at once, even when nothing
     * moves: on every change of group or occurrence that was a second layout pass per frame, and
     * while an import runs it was one of the causes of frames over 50 ms.
     */
    public static void reveal(TableView<?> table, int index, int above) {
        if (index < 0) {
            return;
        }
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            IndexedCell<?> last = flow.getLastVisibleCell();
            // The first and last visible rows may be cut off, except the very first row at the top.
            if (first != null && last != null && index < last.getIndex()
                    && (index > first.getIndex() || index == 0 && first.getIndex() == 0)) {
                return;
            }
        }
        table.scrollTo(Math.max(0, index - above));
    }
}
