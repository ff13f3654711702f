package dev.tracelens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --language} on the store's commands and {@code --in-app} on scan, import and store rebuild, end to end on a real archive and store. */
class LanguageOptionsTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new TracelensCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path archive() throws IOException {
        List<String> messages = List.of(
                "Traceback (most recent call last):",
                "  File \"/srv/app/app/views.py\", line 42, in get_user",
                "KeyError: 'user_id'",
                "INFO ok",
                "java.lang.IllegalStateException: boom",
                "#011at com.acme.shop.Cart.total(Cart.java:12)",
                "#011at org.vendor.Lib.call(Lib.java:3)",
                "INFO ok");
        StringBuilder sb = new StringBuilder();
        long id = 900_000_000_100L;
        for (String m : messages) {
            sb.append(id++).append("\t2016-08-12T03:18:39\t2016-08-12T03:18:39\t1\ti-1\t10.0.0.1\tUser\tError\tapp\t")
                    .append(m).append('\n');
        }
        return Files.writeString(tmp.resolve("2016-08-12-03.tsv"), sb.toString());
    }

    @Test
    void importThenFilterByLanguage() throws IOException {
        Path file = archive();
        String store = tmp.resolve("store").toString();
        assertEquals(0, run("import", file.toString(), "--store", store).code());
        Run java = run("search", "boom", "--language", "java", "--json", "--store", store);
        assertEquals(0, java.code(), java.err());
        assertTrue(java.out().contains("\"language\":\"java\"") || java.out().contains("\"language\" : \"java\""), java.out());
        assertFalse(java.out().contains("KeyError"));
        Run python = run("groups", "--language", "python", "--json", "--store", store);
        assertEquals(0, python.code(), python.err());
        assertTrue(python.out().contains("KeyError"), python.out());
        assertFalse(python.out().contains("IllegalStateException"), python.out());
        Run unknown = run("groups", "--language", "cobol", "--store", store);
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown language 'cobol'"), unknown.err());
    }

    @Test
    void scanWithInAppPrefixes() throws IOException {
        Path file = archive();
        Run byRules = run("scan", "--format", "jsonl", file.toString());
        assertEquals(0, byRules.code(), byRules.err());
        assertTrue(byRules.out().contains("\"frame:org.vendor.Lib.call\",\"frame:com.acme.shop.Cart.total\""), byRules.out());
        Run inApp = run("scan", "--format", "jsonl", "--in-app", "com.acme", file.toString());
        assertEquals(0, inApp.code(), inApp.err());
        assertTrue(inApp.out().contains("\"fingerprintParts\":[\"type:java.lang.IllegalStateException\",\"frame:com.acme.shop.Cart.total\"]"),
                inApp.out());
        assertTrue(inApp.out().contains("\"language\":\"python\""));
    }

    @Test
    void storeRebuildWithInAppPrefixes() throws IOException {
        Path file = archive();
        String store = tmp.resolve("store").toString();
        assertEquals(0, run("import", file.toString(), "--store", store).code());
        assertTrue(run("search", "boom", "--json", "--store", store).out().contains("frame:org.vendor.Lib.call"));
        Run rebuild = run("store", "rebuild", "--in-app", "com.acme", "--store", store);
        assertEquals(0, rebuild.code(), rebuild.err());
        Run after = run("search", "boom", "--json", "--store", store);
        assertTrue(after.out().contains("frame:com.acme.shop.Cart.total"), after.out());
        assertFalse(after.out().contains("frame:org.vendor.Lib.call"), after.out());
    }
}
