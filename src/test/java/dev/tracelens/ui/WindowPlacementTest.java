package dev.tracelens.ui;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window opens inside the screen's visible bounds, never larger than the screen. */
class WindowPlacementTest {
    /** A 1280x800 laptop with a 28 px top bar. */
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 28, 1280, 772);

    private static void assertInside(WindowPlacement p, Rectangle2D screen) {
        assertTrue(p.x() >= screen.getMinX() && p.y() >= screen.getMinY(), "not at negative coordinates: " + p);
        assertTrue(p.x() + p.width() <= screen.getMaxX(), "right edge on screen: " + p);
        assertTrue(p.y() + p.height() + WindowPlacement.TITLE_BAR <= screen.getMaxY(),
                "status bar on screen: " + p);
    }

    @Test
    void aFirstStartOnALaptopOpensCentredAndSizedToTheScreen() {
        WindowPlacement p = WindowPlacement.fit(Double.NaN, Double.NaN, 1360, 860, LAPTOP);
        assertInside(p, LAPTOP);
        assertTrue(p.width() >= 1200 && p.height() >= 700, "uses most of the screen: " + p);
    }

    @Test
    void theWindowSavedOffScreenAndTooLargeIsMovedAndShrunkInside() {
        // What the issue saw: 1360x860 at -40,-20 on a 1280x800 screen.
        WindowPlacement p = WindowPlacement.fit(-40, -20, 1360, 860, LAPTOP);
        assertInside(p, LAPTOP);
        assertEquals(1280, p.width());
        assertEquals(0, p.x());
    }

    @Test
    void aWindowLeftOnADisconnectedMonitorComesBack() {
        WindowPlacement p = WindowPlacement.fit(2500, 300, 1000, 600, LAPTOP);
        assertInside(p, LAPTOP);
        assertEquals(1000, p.width(), "a size that fits is kept");
    }

    @Test
    void aWindowThatFitsStaysWhereItWas() {
        Rectangle2D big = new Rectangle2D(0, 0, 2560, 1440);
        assertEquals(new WindowPlacement(100, 80, 1400, 900), WindowPlacement.fit(100, 80, 1400, 900, big));
    }
}
