package dev.tracelens.ui.settings;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.nio.file.Path;

/** Context lines, store location, in-app prefixes and theme. Returns the edited settings, or empty on cancel. */
public final class SettingsDialog extends Dialog<Settings> {

    public SettingsDialog(Window owner, Settings current, Path defaultStore) {
        initOwner(owner);
        setTitle("Settings");
        setHeaderText(null);
        Spinner<Integer> context = new Spinner<>(0, Settings.MAX_CONTEXT_LINES, current.contextLines(), 10);
        context.setEditable(true);
        context.setId("settings-context");
        TextField store = new TextField(current.storeLocation());
        store.setPromptText(defaultStore.toString());
        store.setPrefColumnCount(32);
        TextField inApp = new TextField(String.join(", ", current.inAppPrefixes()));
        inApp.setId("settings-in-app");
        inApp.setPromptText("e.g. com.acme, /srv/app");
        inApp.setPrefColumnCount(32);
        TextField liveAddress = new TextField(current.liveAddress());
        liveAddress.setId("settings-live-address");
        liveAddress.setPrefColumnCount(32);
        ComboBox<Theme> theme = new ComboBox<>();
        theme.getItems().setAll(Theme.values());
        theme.setValue(current.theme());

        GridPane grid = new GridPane(12, 10);
        grid.setPadding(new Insets(16));
        grid.addRow(0, new Label("Context lines"), context);
        grid.add(hint("Rows of the same machine kept before each traceback; applies to the next imports."), 1, 1);
        grid.addRow(2, new Label("Store location"), store);
        grid.add(hint("Blank = " + defaultStore + ". Takes effect after a restart."), 1, 3);
        grid.addRow(4, new Label("In-app prefixes"), inApp);
        grid.add(hint("Your own code, comma-separated: frames whose class, function or file starts with one are "
                + "the application's own, all others library frames. Decides the groups and the frames drawn as own "
                + "code; applies to the next imports and syncs. Blank = each language's library rules."), 1, 5);
        grid.addRow(6, new Label("Live address"), liveAddress);
        grid.add(hint("Where the Live toggle receives syslog, as tracelens listen --syslog: udp://HOST:PORT and "
                + "tcp://HOST:PORT, comma-separated."), 1, 7);
        grid.addRow(8, new Label("Theme"), theme);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK
                ? current.withContextLines(context.getValue()).withStoreLocation(store.getText())
                        .withTheme(theme.getValue())
                        .withInAppPrefixes(java.util.Arrays.asList(inApp.getText().split(",")))
                        .withLiveAddress(liveAddress.getText())
                : null);
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        l.setMaxWidth(420);
        return l;
    }
}
