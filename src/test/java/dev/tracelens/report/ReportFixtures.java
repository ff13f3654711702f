package dev.tracelens.report;

import dev.tracelens.store.HistoryBucket;

import dev.tracelens.traceback.ChainedException;
import dev.tracelens.traceback.ContextLine;
import dev.tracelens.traceback.Frame;
import dev.tracelens.traceback.LineKinds;
import dev.tracelens.traceback.Traceback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fixed report input for the golden files: an ordinary chained traceback with context, one
 * full of hostile log text, and one cut off before its exception line. Everything is spelled
 * out here (no clock, no randomness) so the golden files can only change when the writers do.
 */
final class ReportFixtures {
    static final Instant MADE = Instant.parse("2026-11-21T09:30:00Z");
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String FORMULA = "=cmd|' /C calc'!A0";
    static final String LONG_LINE = "x".repeat(19_990) + " long-end";
    /** Every hostile fragment in one message. */
    static final String HOSTILE = FORMULA + " " + SCRIPT + " </pre> ``` {noformat} bell\u0007 esc\u001b[31m red"
            + " rtl\u202Eevil";

    private ReportFixtures() {
    }

    static ReportHeader header() {
        return new ReportHeader("Tracelens report: app-web <b>bold</b>", "host=i-2ee330b7 type=\"KeyError\" text:\"<script>\"",
                Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z"), MADE,
                new ReportHistory(Duration.ofHours(1), List.of(
                        new HistoryBucket(Instant.parse("2026-11-20T03:00:00Z"), 2),
                        new HistoryBucket(Instant.parse("2026-11-20T04:00:00Z"), 2),
                        new HistoryBucket(Instant.parse("2026-11-20T07:00:00Z"), 2))));
    }

    static List<ReportGroup> groups() {
        return List.of(keyErrorGroup(), hostileGroup(), cutOffGroup());
    }

    static ReportGroup keyErrorGroup() {
        Traceback first = keyError(700_000_000_101L, "2026-11-20T03:18:39Z", "i-2ee330b7", 17);
        Traceback second = keyError(700_000_000_205L, "2026-11-20T03:41:02Z", "i-9f00aa01", 230);
        Traceback third = keyError(700_000_000_390L, "2026-11-20T04:02:11Z", "i-2ee330b7", 12);
        return new ReportGroup("a1b2c3d4e5f60718", "KeyError", "'user_id'", 3,
                first.timestamp(), third.timestamp(), List.of("i-2ee330b7", "i-9f00aa01"), List.of("app-web"),
                first, List.of(third, second, first),
                new ReportHistory(Duration.ofHours(1), List.of(
                        new HistoryBucket(Instant.parse("2026-11-20T03:00:00Z"), 2),
                        new HistoryBucket(Instant.parse("2026-11-20T04:00:00Z"), 1))));
    }

    private static Traceback keyError(long id, String time, String host, long row) {
        Instant at = Instant.parse(time);
        String text = String.join("\n",
                "Traceback (most recent call last):",
                "  File \"/srv/app/app/cache.py\", line 12, in lookup",
                "    return self._data[key]",
                "KeyError: 'user_id'",
                "",
                "During handling of the above exception, another exception occurred:",
                "",
                "Traceback (most recent call last):",
                "  File \"/usr/lib/python3.12/site-packages/flask/app.py\", line 1498, in dispatch_request",
                "    return self.view_functions[rule.endpoint](**req.view_args)",
                "  File \"/srv/app/app/views.py\", line 42, in get_user",
                "    return cache.lookup(request.args[\"user_id\"])",
                "KeyError: 'user_id'");
        return new Traceback(id + 4, id, 0, at, host, "app-web", "python", "KeyError", "'user_id'",
                List.of(new Frame("/usr/lib/python3.12/site-packages/flask/app.py", 1498, "dispatch_request",
                                "return self.view_functions[rule.endpoint](**req.view_args)"),
                        new Frame("/srv/app/app/views.py", 42, "get_user", "return cache.lookup(request.args[\"user_id\"])")),
                List.of(new ChainedException("KeyError", "'user_id'",
                        List.of(new Frame("/srv/app/app/cache.py", 12, "lookup", "return self._data[key]")), "context")),
                text, LineKinds.of("python", text),
                List.of(new ContextLine(id - 3, at.minusSeconds(2), "20286/MainThread INFO app.views: GET /users/17", true),
                        new ContextLine(id - 2, at.minusSeconds(1), "20411/MainThread INFO app.health: ok", false),
                        new ContextLine(id - 1, at.minusMillis(400), "20286/MainThread ERROR app.views: lookup failed", true)),
                "a1b2c3d4e5f60718", List.of("type:KeyError", "frame:app/views.py:get_user", "frame:app/cache.py:lookup"),
                false, "2026-11-20-03.tsv.gz", row);
    }

    static ReportGroup hostileGroup() {
        Instant at = Instant.parse("2026-11-20T07:05:00Z");
        String text = String.join("\n",
                "Traceback (most recent call last):",
                "  File \"/srv/app/app/render.py\", line 7, in render",
                "    html = \"" + SCRIPT + "</pre>\"",
                "  File \"/srv/app/app/render.py\", line 9, in render",
                "    raise ValueError(payload)",
                "ValueError: " + HOSTILE,
                "```",
                "{noformat}",
                "\t@SUM(1+1)*cmd|' /C calc'!A0",
                LONG_LINE);
        Traceback rep = new Traceback(700_000_000_777L, 700_000_000_770L, 0, at, "i-0bad", "worker<img src=x onerror=alert(1)>",
                "python", "ValueError", HOSTILE + "\n```\n{noformat}\n\t@SUM(1+1)*cmd|' /C calc'!A0\n" + LONG_LINE,
                List.of(new Frame("/srv/app/app/render.py", 9, "render", "raise ValueError(payload)")), List.of(), text,
                LineKinds.of("python", text),
                List.of(new ContextLine(700_000_000_769L, at.minusSeconds(1), "-2+3 " + SCRIPT + " ``` \u001b]0;title\u0007", true),
                        new ContextLine(700_000_000_768L, at.minusMillis(500), "@admin please look | *not bold* _x_ [link](javascript:alert(1))", false)),
                "ffee00ddccbbaa99", List.of("type:ValueError", "frame:app/render.py:render"), false,
                "2026-11-20-07.tsv.gz", 4_321);
        return new ReportGroup("ffee00ddccbbaa99", "ValueError", rep.message(), 2, at, at.plusSeconds(60),
                List.of("i-0bad", "-host"), List.of("worker<img src=x onerror=alert(1)>"), rep, List.of(rep),
                new ReportHistory(Duration.ofHours(1), List.of(new HistoryBucket(Instant.parse("2026-11-20T07:00:00Z"), 2))));
    }

    static ReportGroup cutOffGroup() {
        Instant at = Instant.parse("2026-11-20T04:59:58Z");
        String text = String.join("\n",
                "Traceback (most recent call last):",
                "  File \"/usr/lib/python3.12/threading.py\", line 1075, in _bootstrap_inner",
                "    self.run()");
        Traceback rep = new Traceback(700_000_000_500L, 700_000_000_499L, 0, at, "i-2ee330b7", "app-worker", "python", "", "",
                List.of(new Frame("/usr/lib/python3.12/threading.py", 1075, "_bootstrap_inner", "self.run()")), List.of(),
                text, LineKinds.of("python", text), List.of(), "0000cut0ff000000", List.of("truncated", "frame:threading.py:_bootstrap_inner"), true,
                "2026-11-20-04.tsv.gz", 9_999);
        return new ReportGroup("0000cut0ff000000", "", "", 1, at, at, List.of("i-2ee330b7"), List.of("app-worker"),
                rep, List.of(rep), ReportHistory.EMPTY);
    }
}
