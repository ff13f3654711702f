package dev.tracelens.cli;

import dev.tracelens.store.NoSearchableWordsException;
import dev.tracelens.store.QuerySyntaxException;
import dev.tracelens.store.StoreException;
import dev.tracelens.common.VisibleText;
import dev.tracelens.engine.Stores;
import dev.tracelens.store.TracebackIndex;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What the store commands share: {@code --store}, {@code --json}, and turning store errors into
 * a message and an exit code (1 for failures, 2 for a query the user must rephrase) instead of
 * a stack trace.
 */
abstract class StoreCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--json", description = "Print JSON instead of text (for scripts).")
    boolean json;

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (QuerySyntaxException | NoSearchableWordsException e) {
            err().println(e.getMessage());
            return USAGE;
        } catch (StoreException e) {
            err().println(e.getMessage());
            return FAILED;
        } finally {
            out().flush();
            err().flush();
        }
    }

    abstract int execute();

    /** The store for queries: read-only, so it works while another Tracelens imports. */
    TracebackIndex openForReading() {
        return Stores.openReadOnly(storeOptions.location());
    }

    /** The store for imports and prunes; an upgrade of an older store format is announced on stderr. */
    TracebackIndex openForWriting() {
        return Stores.open(storeOptions.location(), notice -> {
            err().println(notice);
            err().flush();
        });
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /**
     * A one-line message for a table: newlines shown as ⏎ so that tables stay tables, and
     * control and bidi characters made visible ({@link VisibleText}) so that a log line cannot
     * drive the user's terminal.
     */
    static String oneLine(String s, int max) {
        String v = VisibleText.of(s == null ? "" : s.replace("\r\n", "\n").replace('\n', '⏎'), false);
        return v.length() <= max ? v : v.substring(0, max - 1) + "…";
    }

    /** Log text as a block (newlines and tabs kept), with control and bidi characters made visible. */
    static String visible(String s) {
        return VisibleText.of(s, true);
    }
}
