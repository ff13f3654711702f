package dev.tracelens.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StoreLocationTest {
    @Test
    void linuxUsesXdgDataHomeWhenAbsolute() {
        assertEquals(Path.of("/data/tracelens"),
                StoreLocation.defaultDirectory("Linux", "/home/u", Map.of("XDG_DATA_HOME", "/data")));
        assertEquals(Path.of("/home/u/.local/share/tracelens"),
                StoreLocation.defaultDirectory("Linux", "/home/u", Map.of("XDG_DATA_HOME", "rel")));
        assertEquals(Path.of("/home/u/.local/share/tracelens"),
                StoreLocation.defaultDirectory("Linux", "/home/u", Map.of()));
    }

    @Test
    void macAndWindows() {
        assertEquals(Path.of("/Users/u/Library/Application Support/Tracelens"),
                StoreLocation.defaultDirectory("Mac OS X", "/Users/u", Map.of("XDG_DATA_HOME", "/x")));
        assertEquals(Path.of("/lad", "Tracelens"),
                StoreLocation.defaultDirectory("Windows 11", "/u", Map.of("LOCALAPPDATA", "/lad")));
        assertEquals(Path.of("/u", "AppData", "Local", "Tracelens"),
                StoreLocation.defaultDirectory("Windows 11", "/u", Map.of()));
    }
}
