package dev.tracelens.ui;

/** JavaFX without a display: Monocle's headless platform with software rendering. */
public final class Headless {
    private Headless() {
    }

    /** Call before the toolkit starts; keeps whatever the command line already set. */
    public static void configure() {
        setDefault("glass.platform", "Monocle");
        setDefault("monocle.platform", "Headless");
        setDefault("prism.order", "sw");
        setDefault("headless.geometry", "1920x1200-32");
        setDefault("testfx.robot", "glass");
        setDefault("testfx.headless", "true");
        setDefault("java.awt.headless", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
