package dev.tracelens.ui.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * What the app remembers between runs. Values out of range are replaced by defaults in the
 * compact constructor, so a hand-edited or old {@code ui.json} can never break the start.
 *
 * @param contextLines      rows of context kept per traceback on import (0..500)
 * @param storeLocation     store folder; blank = the default user data folder
 * @param recent            recently opened files and folders, newest first (at most {@link #MAX_RECENT})
 * @param sampleDataOffered whether the first-start import of the bundled sample logs already happened
 * @param sampleDataOnly    whether the store holds only the sample logs (the banner offers to remove them)
 * @param dividers          splitter positions: groups|detail, occurrences|traceback|context
 * @param sortColumn        id of the groups column sorted by; blank = the query's order (count)
 * @param inAppPrefixes     the user's own code ({@code com.acme}, {@code /srv/app}): frames starting with one are
 *                          the application's own, all others library frames, on the next imports and syncs;
 *                          empty = each language's library rules (the CLI's {@code --in-app})
 * @param liveAddress       where the Live toggle listens for syslog ({@code udp://127.0.0.1:5514,tcp://127.0.0.1:5514},
 *                          as {@code listen --syslog}); blank = {@link #DEFAULT_LIVE_ADDRESS}
 */
public record Settings(int contextLines, String storeLocation, Theme theme, List<String> recent,
                       boolean sampleDataOffered, boolean sampleDataOnly,
                       double windowX, double windowY, double windowWidth, double windowHeight, boolean maximized,
                       List<Double> dividers, String sortColumn, boolean sortAscending, String selectedFingerprint,
                       List<String> inAppPrefixes, String liveAddress) {
    public static final int MAX_RECENT = 10;
    public static final String DEFAULT_LIVE_ADDRESS = "udp://127.0.0.1:5514,tcp://127.0.0.1:5514";
    public static final int DEFAULT_CONTEXT_LINES = 50;
    public static final int MAX_CONTEXT_LINES = 500;

    public Settings {
        if (contextLines < 0 || contextLines > MAX_CONTEXT_LINES) {
            contextLines = DEFAULT_CONTEXT_LINES;
        }
        storeLocation = storeLocation == null ? "" : storeLocation.strip();
        theme = theme == null ? Theme.LIGHT : theme;
        recent = recent == null ? List.of() : List.copyOf(recent.subList(0, Math.min(MAX_RECENT, recent.size())));
        if (!(windowWidth >= 400) || !(windowHeight >= 300)) {
            windowX = Double.NaN;
            windowY = Double.NaN;
            windowWidth = 1360;
            windowHeight = 860;
        }
        dividers = dividers == null ? List.of() : List.copyOf(dividers.stream()
                .filter(d -> d != null && d > 0 && d < 1).toList());
        sortColumn = sortColumn == null ? "" : sortColumn;
        selectedFingerprint = selectedFingerprint == null ? "" : selectedFingerprint;
        inAppPrefixes = inAppPrefixes == null ? List.of()
                : inAppPrefixes.stream().filter(java.util.Objects::nonNull).map(String::strip)
                        .filter(p -> !p.isEmpty()).distinct().toList();
        liveAddress = liveAddress == null || liveAddress.isBlank() ? DEFAULT_LIVE_ADDRESS : liveAddress.strip();
    }

    /** Without a live address (as older settings files are read): the default one. */
    public Settings(int contextLines, String storeLocation, Theme theme, List<String> recent,
                    boolean sampleDataOffered, boolean sampleDataOnly,
                    double windowX, double windowY, double windowWidth, double windowHeight, boolean maximized,
                    List<Double> dividers, String sortColumn, boolean sortAscending, String selectedFingerprint,
                    List<String> inAppPrefixes) {
        this(contextLines, storeLocation, theme, recent, sampleDataOffered, sampleDataOnly, windowX, windowY, windowWidth,
                windowHeight, maximized, dividers, sortColumn, sortAscending, selectedFingerprint, inAppPrefixes, "");
    }

    public Settings withLiveAddress(String address) {
        return new Settings(contextLines, storeLocation, theme, recent, sampleDataOffered, sampleDataOnly, windowX,
                windowY, windowWidth, windowHeight, maximized, dividers, sortColumn, sortAscending, selectedFingerprint,
                inAppPrefixes, address);
    }

    public static Settings defaults() {
        return new Settings(DEFAULT_CONTEXT_LINES, "", Theme.LIGHT, List.of(), false, false,
                Double.NaN, Double.NaN, 0, 0, false, List.of(), "", false, "", List.of());
    }

    public Settings withContextLines(int n) {
        return new Settings(n, storeLocation, theme, recent, sampleDataOffered, sampleDataOnly, windowX, windowY,
                windowWidth, windowHeight, maximized, dividers, sortColumn, sortAscending, selectedFingerprint, inAppPrefixes, liveAddress);
    }

    public Settings withStoreLocation(String location) {
        return new Settings(contextLines, location, theme, recent, sampleDataOffered, sampleDataOnly, windowX, windowY,
                windowWidth, windowHeight, maximized, dividers, sortColumn, sortAscending, selectedFingerprint, inAppPrefixes, liveAddress);
    }

    public Settings withTheme(Theme t) {
        return new Settings(contextLines, storeLocation, t, recent, sampleDataOffered, sampleDataOnly, windowX, windowY,
                windowWidth, windowHeight, maximized, dividers, sortColumn, sortAscending, selectedFingerprint, inAppPrefixes, liveAddress);
    }

    /** Puts {@code path} first in the recent list (once). */
    public Settings withRecent(String path) {
        List<String> list = new ArrayList<>(recent);
        list.remove(path);
        list.addFirst(path);
        return new Settings(contextLines, storeLocation, theme, list, sampleDataOffered, sampleDataOnly, windowX,
                windowY, windowWidth, windowHeight, maximized, dividers, sortColumn, sortAscending, selectedFingerprint, inAppPrefixes, liveAddress);
    }

    public Settings withSampleData(boolean offered, boolean only) {
        return new Settings(contextLines, storeLocation, theme, recent, offered, only, windowX, windowY,
                windowWidth, windowHeight, maximized, dividers, sortColumn, sortAscending, selectedFingerprint, inAppPrefixes, liveAddress);
    }

    public Settings withWindow(double x, double y, double width, double height, boolean max) {
        return new Settings(contextLines, storeLocation, theme, recent, sampleDataOffered, sampleDataOnly, x, y,
                width, height, max, dividers, sortColumn, sortAscending, selectedFingerprint, inAppPrefixes, liveAddress);
    }

    public Settings withInAppPrefixes(List<String> prefixes) {
        return new Settings(contextLines, storeLocation, theme, recent, sampleDataOffered, sampleDataOnly, windowX,
                windowY, windowWidth, windowHeight, maximized, dividers, sortColumn, sortAscending, selectedFingerprint, prefixes, liveAddress);
    }

    public Settings withLayout(List<Double> splitters, String column, boolean ascending, String fingerprint) {
        return new Settings(contextLines, storeLocation, theme, recent, sampleDataOffered, sampleDataOnly, windowX,
                windowY, windowWidth, windowHeight, maximized, splitters, column, ascending, fingerprint, inAppPrefixes, liveAddress);
    }
}
