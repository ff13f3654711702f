package dev.tracelens.common;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserDirsTest {

    @Test
    void userDirsFollowXdg() {
        Path home = Path.of("/home/u");
        assertEquals(new UserDirs(Path.of("/home/u/.config/tracelens"), Path.of("/home/u/.local/share/tracelens")),
                UserDirs.from(Map.of(), home));
        assertEquals(new UserDirs(Path.of("/x/cfg/tracelens"), Path.of("/y/data/tracelens")),
                UserDirs.from(Map.of("XDG_CONFIG_HOME", "/x/cfg", "XDG_DATA_HOME", "/y/data"), home));
        assertEquals(Path.of("/home/u/.config/tracelens"),
                UserDirs.from(Map.of("XDG_CONFIG_HOME", "relative"), home).config());
        assertEquals(Path.of("/y/data/tracelens-archives"),
                UserDirs.from(Map.of("XDG_DATA_HOME", "/y/data"), home).syncCache());
    }
}
