package dev.tracelens.store;

import dev.tracelens.traceback.ContextLine;
import dev.tracelens.traceback.Frame;
import dev.tracelens.traceback.LineKinds;
import dev.tracelens.traceback.Traceback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Tracebacks built by hand, as the engine would emit them. */
public final class TestTracebacks {
    public static final Instant T0 = Instant.parse("2016-08-12T03:00:00Z");

    private TestTracebacks() {
    }

    public static String text(String function, String type, String message) {
        return "Traceback (most recent call last):\n"
                + "  File \"/srv/app/views.py\", line 12, in " + function + "\n"
                + "    return handler(request)\n"
                + type + ": " + message;
    }

    /** A complete traceback of group {@code fp} whose header row is {@code firstId}. */
    public static Traceback tb(long firstId, Instant time, String host, String program, String type, String message,
                        String function, String fp, String archive) {
        List<ContextLine> context = new ArrayList<>();
        for (int i = 3; i >= 1; i--) {
            context.add(new ContextLine(firstId - i, time.minusSeconds(i), "20286/MainThread INFO before " + i,
                    i == 1));
        }
        return new Traceback(firstId + 3, firstId, 0, time, host, program, "python", type, message,
                List.of(new Frame("/srv/app/views.py", 12, function, "return handler(request)")), List.of(),
                text(function, type, message), LineKinds.of("python", text(function, type, message)), context, fp, List.of(type, function), false, archive, firstId % 1000);
    }

    public static Traceback tb(long firstId, Instant time, String fp, String archive) {
        return tb(firstId, time, "i-host1", "app-web", "KeyError", "'user_id'", "login_required", fp, archive);
    }

    /** The same traceback cut off before its exception line, as at the end of an import. */
    public static Traceback truncated(Traceback t) {
        return new Traceback(t.firstId() + 1, t.firstId(), t.ordinal(), t.timestamp(), t.host(), t.program(), t.language(),
                "", "", t.frames(), List.of(), t.text().substring(0, t.text().lastIndexOf('\n')),
                t.lineKinds().subList(0, t.lineKinds().size() - 1), t.context(),
                "truncated-" + t.fingerprint(), List.of(), true, t.archive(), t.row());
    }
}
