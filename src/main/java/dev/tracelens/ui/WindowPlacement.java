package dev.tracelens.ui;

import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens: the size and position remembered from the last run, fitted into
 * the visible bounds of the screen it opens on (the screen minus task bar and menu bar). A window
 * saved on a larger or disconnected monitor, or at negative coordinates, is shrunk and moved
 * inside, so the menu and the status bar are always on screen.
 *
 * @param width  the scene's width
 * @param height the scene's height (the title bar comes on top)
 */
public record WindowPlacement(double x, double y, double width, double height) {
    /** Room kept for the window's title bar, which the scene's height does not include. */
    static final double TITLE_BAR = 32;
    /** The size a first start asks for, when the screen has room for it. */
    static final double DEFAULT_WIDTH = 1360;
    static final double DEFAULT_HEIGHT = 860;

    /**
     * @param savedX NaN when never saved (the window is then centred)
     */
    public static WindowPlacement fit(double savedX, double savedY, double savedWidth, double savedHeight,
                                      Rectangle2D screen) {
        boolean fresh = Double.isNaN(savedX) || Double.isNaN(savedY);
        double maxWidth = screen.getWidth();
        double maxHeight = Math.max(200, screen.getHeight() - TITLE_BAR);
        double w = Math.min(ok(savedWidth) ? savedWidth : DEFAULT_WIDTH, maxWidth);
        double h = Math.min(ok(savedHeight) ? savedHeight : DEFAULT_HEIGHT, maxHeight);
        if (fresh) {
            // A first start leaves a margin around the window on a small screen.
            w = Math.min(w, Math.max(maxWidth * 0.96, Math.min(maxWidth, 1024)));
            h = Math.min(h, Math.max(maxHeight * 0.96, Math.min(maxHeight, 700)));
            return new WindowPlacement(screen.getMinX() + (screen.getWidth() - w) / 2,
                    screen.getMinY() + (screen.getHeight() - TITLE_BAR - h) / 2, w, h);
        }
        double x = Math.clamp(savedX, screen.getMinX(), screen.getMaxX() - w);
        double y = Math.clamp(savedY, screen.getMinY(), Math.max(screen.getMinY(), screen.getMaxY() - TITLE_BAR - h));
        return new WindowPlacement(x, y, w, h);
    }

    private static boolean ok(double size) {
        return size > 0 && Double.isFinite(size);
    }
}
