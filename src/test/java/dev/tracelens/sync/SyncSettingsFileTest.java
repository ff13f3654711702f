package dev.tracelens.sync;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SyncSettingsFileTest {

    @Test
    void settingsSurviveARoundTripAndDefaultThePrefix(@TempDir Path dir) throws Exception {
        SyncSettingsFile file = new SyncSettingsFile(dir.resolve("cfg"));
        assertEquals(SyncSettings.empty(), file.load());
        assertEquals("papertrail/logs", file.load().prefix());

        SyncSettings s = new SyncSettings("logs-bucket", "/archive/pt/", "eu-west-1", "prod", "http://127.0.0.1:9000");
        file.save(s);
        assertEquals("archive/pt", s.prefix());
        assertEquals(s, new SyncSettingsFile(dir.resolve("cfg")).load());
        String json = Files.readString(dir.resolve("cfg/sync.json"));
        assertEquals(Map.of("bucket", "logs-bucket", "prefix", "archive/pt", "region", "eu-west-1",
                "profile", "prod", "endpoint", "http://127.0.0.1:9000"),
                new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class));
    }

    @Test
    void overridesReplaceOnlyWhatIsGiven() {
        SyncSettings saved = new SyncSettings("b", "p", "r", "prof", null);
        assertEquals(new SyncSettings("b", "p", "eu-central-1", "prof", null),
                saved.overriddenBy(null, null, "eu-central-1", null, null));
        assertEquals(new SyncSettings("b2", "", "r", "prof", null), saved.overriddenBy("b2", "/", null, null, null));
    }

    @Test
    void aBadEndpointIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SyncSettings("b", null, null, null, "ftp://host"));
        assertThrows(IllegalArgumentException.class, () -> new SyncSettings("b", null, null, null, "not a url"));
    }
}
