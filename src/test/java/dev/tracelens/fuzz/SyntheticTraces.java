package dev.tracelens.fuzz;

import java.util.List;

/**
 * Python traceback shapes the fuzzer mixes into rows, written here (the sample logs hold plain
 * ones): chained exceptions, an ExceptionGroup, a SyntaxError with its caret, 3.11+ markers, a
 * repeated frame, an exception message that goes on over indented JSON lines, and lines carrying
 * a logger's prefix.
 */
final class SyntheticTraces {
    private SyntheticTraces() {
    }

    /** Lines that may stand anywhere in a traceback: what the mutator splices in. */
    static final List<String> FRAGMENTS = List.of(
            FuzzSeeds.PYTHON_HEADER,
            "  File \"/srv/app/app/billing.py\", line 88, in charge",
            "    return gateway.charge(card, amount)",
            "  File \"/usr/lib/python3.12/site-packages/requests/api.py\", line 59, in request",
            "  File \"<frozen importlib._bootstrap>\", line 1204, in _gcd_import",
            "  File \"x\", line 99999999999999999999, in f",
            "  File \"",
            "ValueError: invalid literal for int() with base 10: 'abc'",
            "KeyError: 'userid'",
            "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api', port=443)",
            "RecursionError: maximum recursion depth exceeded",
            "",
            "During handling of the above exception, another exception occurred:",
            "The above exception was the direct cause of the following exception:",
            "  [Previous line repeated 996 more times]",
            "    ^^^^^^^^^^^^^^^^^^^",
            "    ~~~~~~^~~~~~",
            "    ...<3 lines>...",
            "  + Exception Group Traceback (most recent call last):",
            "  |   File \"/srv/app/app/tasks.py\", line 12, in run",
            "  | ExceptionGroup: errors (2 sub-exceptions)",
            "  +-+---------------- 1 ----------------",
            "    | ValueError: one",
            "    +---------------- ... ----------------",
            "    +------------------------------------",
            "  File \"/srv/app/app/config.py\", line 3",
            "    x = (",
            "        ^",
            "SyntaxError: '(' was never closed",
            "    {\"error\": {\"code\": 500,",
            "     \"detail\": \"upstream\"}}",
            "2014-04-16 21:48:04.492 17878 TRACE nova.compute.manager   File \"/x.py\", line 1, in f",
            "web-1  | Traceback (most recent call last):",
            "\tat com.example.Foo.bar(Foo.java:42)",
            "Caused by: java.lang.IllegalStateException: boom",
            "\t... 12 more",
            "panic: runtime error: index out of range [5] with length 3",
            "goroutine 1 [running]:",
            "main.main()",
            "\t/home/user/main.go:12 +0x1d",
            "    at Object.<anonymous> (/srv/app/index.js:3:9)",
            "TypeError: Cannot read properties of undefined (reading 'x')");

    static List<List<String>> all() {
        return List.of(
                List.of(FuzzSeeds.PYTHON_HEADER,
                        "  File \"/srv/app/app/db.py\", line 41, in connect",
                        "    return pool.get(timeout=5)",
                        "queue.Empty",
                        "",
                        "During handling of the above exception, another exception occurred:",
                        "",
                        FuzzSeeds.PYTHON_HEADER,
                        "  File \"/srv/app/app/views.py\", line 12, in index",
                        "    db.connect()",
                        "  File \"/srv/app/app/db.py\", line 43, in connect",
                        "    raise DatabaseUnavailable('pool exhausted') from None",
                        "app.db.DatabaseUnavailable: pool exhausted"),
                List.of("  + Exception Group Traceback (most recent call last):",
                        "  |   File \"/srv/app/app/tasks.py\", line 12, in run",
                        "  |     raise ExceptionGroup(\"errors\", [ValueError(1), KeyError(2)])",
                        "  | ExceptionGroup: errors (2 sub-exceptions)",
                        "  +-+---------------- 1 ----------------",
                        "    | ValueError: 1",
                        "    +---------------- 2 ----------------",
                        "    | KeyError: 2",
                        "    +------------------------------------"),
                List.of(FuzzSeeds.PYTHON_HEADER,
                        "  File \"/srv/app/manage.py\", line 8, in <module>",
                        "    import app.config",
                        "  File \"/srv/app/app/config.py\", line 3",
                        "    x = (",
                        "        ^",
                        "SyntaxError: '(' was never closed"),
                List.of(FuzzSeeds.PYTHON_HEADER,
                        "  File \"/srv/app/app/tree.py\", line 5, in walk",
                        "    return walk(node.child)",
                        "           ^^^^^^^^^^^^^^^^",
                        "  [Previous line repeated 996 more times]",
                        "RecursionError: maximum recursion depth exceeded"),
                List.of(FuzzSeeds.PYTHON_HEADER,
                        "  File \"/srv/app/app/api.py\", line 20, in call",
                        "    raise ApiError(response.json())",
                        "app.api.ApiError: {",
                        "    \"error\": \"rate limited\",",
                        "    \"retry\": 30",
                        "}"),
                List.of("2014-04-16 21:48:04.492 17878 TRACE nova.compute.manager Traceback (most recent call last):",
                        "2014-04-16 21:48:04.492 17878 TRACE nova.compute.manager   File \"/usr/lib/python2.7/nova/x.py\", line 1, in f",
                        "2014-04-16 21:48:04.492 17878 TRACE nova.compute.manager     f()",
                        "2014-04-16 21:48:04.492 17878 TRACE nova.compute.manager ValueError: boom"));
    }
}
