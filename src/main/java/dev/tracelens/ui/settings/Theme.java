package dev.tracelens.ui.settings;

/** The app's look: AtlantaFX Primer light or dark. */
public enum Theme {
    LIGHT("Light"), DARK("Dark");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    /** How menus and the settings dialog name it ("Dark", not DARK). */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
