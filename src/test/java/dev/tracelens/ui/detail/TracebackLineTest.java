package dev.tracelens.ui.detail;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.tracelens.ui.detail.TracebackLine.Kind.APP_CODE;
import static dev.tracelens.ui.detail.TracebackLine.Kind.APP_FRAME;
import static dev.tracelens.ui.detail.TracebackLine.Kind.CHAIN;
import static dev.tracelens.ui.detail.TracebackLine.Kind.EXCEPTION;
import static dev.tracelens.ui.detail.TracebackLine.Kind.HEADER;
import static dev.tracelens.ui.detail.TracebackLine.Kind.LIBRARY_CODE;
import static dev.tracelens.ui.detail.TracebackLine.Kind.LIBRARY_FRAME;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TracebackLineTest {
    static final String CHAINED = """
            Traceback (most recent call last):
              File "/srv/app/venv/lib/python3.9/site-packages/urllib3/connection.py", line 174, in _new_conn
                conn = connection.create_connection(
            ConnectionRefusedError: [Errno 111] Connection refused

            During handling of the above exception, another exception occurred:

            Traceback (most recent call last):
              File "/srv/app/app/payments.py", line 88, in charge
                resp = session.post(GATEWAY_URL, json=payload, timeout=5)
            requests.exceptions.ConnectionError: HTTPSConnectionPool(host='gateway.internal', port=8443)
            second line of the message""";

    @Test
    void classifiesFramesExceptionsAndChainSeparators() {
        List<TracebackLine.Kind> kinds = TracebackLine.classify(CHAINED).stream().map(TracebackLine::kind).toList();
        assertEquals(List.of(HEADER, LIBRARY_FRAME, LIBRARY_CODE, EXCEPTION, CHAIN, HEADER, APP_FRAME, APP_CODE,
                EXCEPTION, EXCEPTION), kinds);
    }

    @Test
    void headerAfterALogPrefixIsStillTheHeader() {
        var lines = TracebackLine.classify("[32524] ERROR app.plugins: cannot load - Traceback (most recent call last):\n"
                + "  File \"/usr/lib/python3.9/importlib/__init__.py\", line 127, in import_module\n"
                + "  File \"<frozen importlib._bootstrap>\", line 1030, in _gcd_import\n"
                + "  File \"/srv/app/plugins/custom_rules.py\", line 12\n"
                + "SyntaxError: invalid syntax");
        assertEquals(List.of(HEADER, LIBRARY_FRAME, LIBRARY_FRAME, APP_FRAME, EXCEPTION),
                lines.stream().map(TracebackLine::kind).toList());
    }
}
