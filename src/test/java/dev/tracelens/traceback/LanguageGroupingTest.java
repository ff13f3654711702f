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

    private static void sameGroup(Traceback a, Traceback b) {
        assertEquals(a.fingerprint(), b.fingerprint(), a.fingerprintParts() + " vs " + b.fingerprintParts());
    }

    private static void twoGroups(Traceback a, Traceback b) {
        assertNotEquals(a.fingerprint(), b.fingerprint(), a.fingerprintParts() + " vs " + b.fingerprintParts());
    }

    @Test
    void pythonSameBugFromTwoLibraryCallSitesIsOneGroupAndTwoBugsInOneLibraryFrameAreTwo() {
        String bug = """
                Traceback (most recent call last):
                  File "%s", line %d, in %s
                    rv = self.dispatch_request()
                  File "/srv/app/shop/views.py", line %d, in checkout
                    total = cart.total()
                  File "/srv/app/shop/cart.py", line 30, in total
                    return sum(i.price for i in self.items)
                TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'""";
        sameGroup(one(bug.formatted("/usr/local/lib/python3.11/site-packages/flask/app.py", 1820, "full_dispatch_request", 12)),
                one(bug.formatted("/opt/venv/lib/python3.11/site-packages/celery/app/trace.py", 451, "trace_task", 14)));
        String json = """
                Traceback (most recent call last):
                  File "/srv/app/shop/%s.py", line 5, in %s
                    return int(json.loads(s)["q"])
                  File "/usr/lib/python3.11/json/__init__.py", line 346, in loads
                    return _default_decoder.decode(s)
                  File "/usr/lib/python3.11/json/decoder.py", line 355, in raw_decode
                    raise JSONDecodeError("Expecting value", s, err.value) from None
                json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)""";
        twoGroups(one(json.formatted("orders", "parse_quantity")), one(json.formatted("users", "parse_profile")));
    }

    @Test
    void goSameBugFromTwoLibraryCallSitesIsOneGroupAndTwoBugsInOneLibraryFrameAreTwo() {
        String bug = """
                panic: runtime error: index out of range [3] with length 3

                goroutine %d [running]:
                github.com/acme/orders.(*Order).Item(...)
                \t/build/orders/order.go:10
                github.com/acme/orders.Handle(0xc000123)
                \t/build/orders/handler.go:20 +0x99
                %s
                \t%s +0x44""";
        sameGroup(one(bug.formatted(7, "net/http.HandlerFunc.ServeHTTP(0x12be2e8, 0x12f0ea0)",
                        "/usr/local/go/src/net/http/server.go:2109")),
                one(bug.formatted(31, "github.com/go-chi/chi/v5.(*Mux).routeHTTP(0xc0001b4000, {0x9b1a40, 0xc0002a0000})",
                        "/root/go/pkg/mod/github.com/go-chi/chi/v5@v5.0.10/mux.go:444")));
        String nilRequest = """
                panic: runtime error: invalid memory address or nil pointer dereference
                [signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x5f1e2a]

                goroutine 7 [running]:
                net/http.(*Request).Context(...)
                \t/usr/local/go/src/net/http/request.go:346
                github.com/acme/orders.%s(0x0)
                \t/build/orders/handler.go:%d +0x2a
                main.main()
                \t/build/main.go:10 +0x25""";
        twoGroups(one(nilRequest.formatted("ListOrders", 31)), one(nilRequest.formatted("ExportOrders", 58)));
    }

    @Test
    void rubySameBugFromTwoLibraryCallSitesIsOneGroupAndTwoBugsInOneLibraryFrameAreTwo() {
        String bug = """
                /srv/app/app/models/cart.rb:12:in `total': undefined method `+' for nil:NilClass (NoMethodError)
                \tfrom /srv/app/app/controllers/checkout_controller.rb:%d:in `create'
                \tfrom %s""";
        sameGroup(one(bug.formatted(8, "/usr/local/bundle/gems/actionpack-7.1.2/lib/action_controller/metal/basic_implicit_render.rb:6:in `send_action'")),
                one(bug.formatted(9, "/usr/local/bundle/gems/sidekiq-7.2.0/lib/sidekiq/processor.rb:202:in `execute_job'")));
        String json = """
                /usr/lib/ruby/3.1.0/json/common.rb:216:in `parse': unexpected token at 'x' (JSON::ParserError)
                \tfrom /usr/lib/ruby/3.1.0/json/common.rb:216:in `parse'
                \tfrom /srv/app/lib/%s.rb:5:in `%s'
                \tfrom /srv/app/bin/run.rb:3:in `<main>'""";
        twoGroups(one(json.formatted("orders", "read_order")), one(json.formatted("users", "read_user")));
    }

    @Test
    void dotnetSameBugFromTwoLibraryCallSitesIsOneGroupAndTwoBugsInOneLibraryFrameAreTwo() {
        String bug = """
                System.NullReferenceException: Object reference not set to an instance of an object.
                   at Acme.Shop.Cart.Total() in C:\\src\\Acme.Shop\\Cart.cs:line 12
                   at Acme.Shop.CheckoutController.Post() in C:\\src\\Acme.Shop\\CheckoutController.cs:line %d
                   at %s""";
        sameGroup(one(bug.formatted(30, "Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.SyncActionResultExecutor.Execute(IActionResultTypeMapper mapper, ObjectMethodExecutor executor, Object controller, Object[] arguments)")),
                one(bug.formatted(31, "System.Threading.Tasks.Task.InnerInvoke()")));
        String parse = """
                System.FormatException: The input string 'x' was not in a correct format.
                   at System.Number.ThrowFormatException(ReadOnlySpan`1 value)
                   at System.Int32.Parse(String s)
                   at Acme.Shop.%s(String s) in C:\\src\\Acme.Shop\\%s.cs:line 5""";
        twoGroups(one(parse.formatted("Orders.ParseQuantity", "Orders")), one(parse.formatted("Users.ParseAge", "Users")));
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
