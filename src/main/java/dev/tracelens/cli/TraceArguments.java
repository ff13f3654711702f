package dev.tracelens.cli;

import dev.tracelens.traceback.InApp;
import dev.tracelens.traceback.TraceOptions;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code --in-app PREFIX}, shared by scan and import: the user's own code, for grouping and for drawing frames. */
final class TraceArguments {
    @Option(names = "--in-app", paramLabel = "PREFIX", split = ",",
            description = "Frames whose class, function or file starts with PREFIX (e.g. com.acme, /srv/app) are the "
                    + "application's own and all others library frames (repeatable). Default: each language's library rules.")
    List<String> inApp = new ArrayList<>();

    TraceOptions options() {
        return TraceOptions.DEFAULT.withInApp(new InApp(inApp));
    }
}
