package dev.tracelens.traceback;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Groups neither split one bug nor merge two: the same bug reached from two call sites of a
 * library is one group; two bugs raised from one library frame are two.
 */
class LanguageGroupingTest {

    private static Traceback one(String text) {
        List<Traceback> tbs = MultiLanguageCorpusTest.rowPerLine(text);
        assertEquals(1, tbs.size(), tbs.toString());
        return tbs.getFirst();
    }

    @Test
    void javaSameBugFromTwoLibraryCallSitesIsOneGroup() {
        Traceback get = one("""
                java.lang.NullPointerException: Cannot invoke "Card.token()" because "card" is null
                \tat com.acme.billing.Billing.charge(Billing.java:41)
                \tat com.acme.billing.Billing.lambda$charge$0(Billing.java:30)
                \tat org.springframework.web.servlet.FrameworkServlet.doGet(FrameworkServlet.java:898)
                \tat org.eclipse.jetty.server.Server.handle(Server.java:516)""");
        Traceback post = one("""
                java.lang.NullPointerException: Cannot invoke "Card.token()" because "card" is null
                \tat com.acme.billing.Billing.charge(Billing.java:44)
                \tat com.acme.billing.Billing.lambda$charge$3(Billing.java:31)
                \tat org.springframework.web.servlet.FrameworkServlet.doPost(FrameworkServlet.java:909)
                \tat io.netty.channel.DefaultChannelPipeline.fireChannelRead(DefaultChannelPipeline.java:357)""");
        assertEquals(get.fingerprint(), post.fingerprint(), get.fingerprintParts() + " vs " + post.fingerprintParts());
    }

    @Test
    void javaTwoBugsRaisedFromOneLibraryFrameAreTwoGroups() {
        Traceback quantity = one("""
                java.lang.NumberFormatException: For input string: "x"
                \tat java.base/java.lang.Integer.parseInt(Integer.java:652)
                \tat com.acme.orders.Orders.parseQuantity(Orders.java:5)""");
        Traceback age = one("""
                java.lang.NumberFormatException: For input string: "y"
                \tat java.base/java.lang.Integer.parseInt(Integer.java:652)
                \tat com.acme.users.Users.parseAge(Users.java:9)""");
        assertNotEquals(quantity.fingerprint(), age.fingerprint());
    }

    @Test
    void nodeSameBugFromTwoLibraryCallSitesIsOneGroupAndTwoBugsInOneLibraryFrameAreTwo() {
        Traceback a = one("""
                TypeError: Cannot read properties of undefined (reading 'id')
                    at loadUser (/srv/app/src/users.js:12:20)
                    at Layer.handle [as handle_request] (/srv/app/node_modules/express/lib/router/layer.js:95:5)
                    at next (/srv/app/node_modules/express/lib/router/route.js:137:13)""");
        Traceback b = one("""
                TypeError: Cannot read properties of undefined (reading 'id')
                    at loadUser (/opt/deploy/v2/src/users.js:14:20)
                    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)""");
        assertEquals(a.fingerprint(), b.fingerprint(), a.fingerprintParts() + " vs " + b.fingerprintParts());
        Traceback c = one("""
                SyntaxError: Unexpected token u in JSON at position 0
                    at JSON.parse (<anonymous>)
                    at readConfig (/srv/app/src/config.js:3:15)""");
        Traceback d = one("""
                SyntaxError: Unexpected token u in JSON at position 0
                    at JSON.parse (<anonymous>)
                    at readBody (/srv/app/src/http.js:40:9)""");
        assertNotEquals(c.fingerprint(), d.fingerprint());
    }

    @Test
    void goSameBugIgnoresGoroutineIdsAddressesAndLinesButTellsFunctionsApart() {
        String panic = """
                panic: runtime error: index out of range [3] with length 3

                goroutine %d [running]:
                github.com/acme/orders.(*Order).Item(...)
                \t/build/orders/order.go:%d
                github.com/acme/orders.%s(0xc000%d)
                \t/build/orders/handler.go:20 +0x%d
                net/http.HandlerFunc.ServeHTTP(0x12be2e8, 0x12f0ea0)
                \t/usr/local/go/src/net/http/server.go:1964 +0x44""";
        Traceback a = one(panic.formatted(7, 10, "Handle", 1234, 99));
        Traceback b = one(panic.formatted(912, 11, "Handle", 5678, 1));
        Traceback c = one(panic.formatted(7, 10, "Export", 1234, 99));
        assertEquals(a.fingerprint(), b.fingerprint(), a.fingerprintParts() + " vs " + b.fingerprintParts());
        assertNotEquals(a.fingerprint(), c.fingerprint());
    }

    @Test
    void userInAppPrefixesDecideOwnFrames() {
        String text = """
                java.lang.IllegalStateException: boom
                \tat org.apache.acme.Internal.run(Internal.java:3)
                \tat com.vendor.Lib.call(Lib.java:9)""";
        Traceback byRules = one(text);
        assertEquals(List.of("type:java.lang.IllegalStateException", "frame:com.vendor.Lib.call"),
                byRules.fingerprintParts());
        TestRows rows = new TestRows();
        List<Traceback> out = new java.util.ArrayList<>();
        TracebackAssembler assembler = new TracebackAssembler(0,
                TraceOptions.DEFAULT.withInApp(new InApp(List.of("org.apache.acme"))), out::add, p -> { });
        rows.addLines("h", "p", text);
        rows.add("h", "p", "INFO next");
        rows.feed(assembler);
        assembler.finish();
        assertEquals(List.of("type:java.lang.IllegalStateException", "frame:org.apache.acme.Internal.run"),
                out.getFirst().fingerprintParts());
        assertEquals(List.of(LineKind.EXCEPTION, LineKind.OWN_FRAME, LineKind.LIBRARY_FRAME), out.getFirst().lineKinds());
    }
}
