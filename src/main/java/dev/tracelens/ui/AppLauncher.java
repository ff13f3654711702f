package dev.tracelens.ui;

import javafx.application.Application;

/**
 * Starts {@link TracelensApp}. A separate class, because a main class that extends
 * {@code Application} refuses to start when JavaFX is on the class path.
 */
public final class AppLauncher {
    private AppLauncher() {
    }

    public static void main(String[] args) {
        EarlyStore.begin();
        Application.launch(TracelensApp.class, args);
    }
}
