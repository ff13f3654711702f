package dev.tracelens.ui.common;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Icons from the Feather pack, in one size so toolbars line up. */
public final class Icons {
    private Icons() {
    }

    public static FontIcon of(Feather icon) {
        FontIcon i = new FontIcon(icon);
        i.setIconSize(16);
        i.getStyleClass().add("tl-icon");
        return i;
    }

    public static FontIcon of(Feather icon, int size) {
        FontIcon i = of(icon);
        i.setIconSize(size);
        return i;
    }
}
