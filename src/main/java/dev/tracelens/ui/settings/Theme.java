package dev.tracelens.ui.settings;

/** The app's look: AtlantaFX Primer light or dark. */
public enum Theme {
    LIGHT, DARK
}
