package dev.tracelens.store;

import dev.tracelens.traceback.LineKind;
import dev.tracelens.traceback.Traceback;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Documents written before tracebacks carried an ordinal, a language and line kinds still load. */
class TracebackDocumentsUpgradeTest {
    private static final String OLD_JSON = """
            {"id":700000000004,"firstId":700000000001,"timestamp":"2016-08-12T03:18:39Z","host":"i-1","program":"app",
             "exceptionType":"KeyError","message":"'user_id'","frames":[{"file":"/srv/app/views.py","line":12,
             "function":"get","code":"return users[uid]"}],"causes":[],
             "text":"Traceback (most recent call last):\\n  File \\"/srv/app/views.py\\", line 12, in get\\n    return users[uid]\\nKeyError: 'user_id'",
             "context":[],"fingerprint":"0123456789abcdef","fingerprintParts":["type:KeyError"],"truncated":false,
             "archive":"2016-08-12-03.tsv.gz","row":7}""";

    @Test
    void oldDocumentReadsAsPythonWithDerivedLineKinds() {
        TracebackDocuments documents = new TracebackDocuments(new StoreJsonCodec());
        Traceback t = documents.fromStored(new BytesRef(OLD_JSON.getBytes(StandardCharsets.UTF_8)), null);
        assertEquals(0, t.ordinal());
        assertEquals("python", t.language());
        assertEquals(List.of(LineKind.HEADER, LineKind.OWN_FRAME, LineKind.OWN_CODE, LineKind.EXCEPTION), t.lineKinds());
        assertEquals("KeyError", t.exceptionType());
    }

    @Test
    void newDocumentRoundTripsUnchanged() {
        StoreJsonCodec codec = new StoreJsonCodec();
        TracebackDocuments documents = new TracebackDocuments(codec);
        Traceback t = TestTracebacks.tb(700_000_000_001L, java.time.Instant.parse("2016-08-12T03:18:39Z"), "fp", "a.tsv.gz");
        Traceback back = documents.fromStored(new BytesRef(codec.write(t.withContext(List.of()))),
                new BytesRef(codec.write(t.context())));
        assertEquals(t, back);
    }
}
