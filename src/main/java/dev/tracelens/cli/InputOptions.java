package dev.tracelens.cli;

import dev.tracelens.archive.FieldMapping;
import dev.tracelens.archive.InputFormat;
import dev.tracelens.archive.ReaderOptions;
import dev.tracelens.archive.TextPattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How {@code scan} and {@code import} read their files: a picocli mixin, so both commands take the
 * same options. By default every file's format is told from its first bytes and JSON fields are
 * found by their common names, so these are only needed for unusual logs.
 */
final class InputOptions {

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "How to read the files: auto (told per file from its first bytes: the default), papertrail, jsonl or text.")
    String inputFormat = "auto";

    @Option(names = "--field", paramLabel = "ROLE=NAME",
            description = "JSON field for time, host, program, pid, message or traceback, e.g. --field time=ts --field host=h"
                    + " (several allowed, or comma-separated; a dotted name reaches into objects: host.name).")
    java.util.List<String> fields = new java.util.ArrayList<>();

    // picocli formats descriptions: %% prints one percent sign.
    @Option(names = "--text-pattern", paramLabel = "PATTERN",
            description = {"Layout of plain-text lines: a regular expression with the named groups time, host, program,"
                    + " pid and message, or a Python logging format string such as",
                    "'%%(asctime)s %%(name)s: %%(message)s'"}) // its own line, so that no wrap splits it
    String textPattern;

    /** The reader options these give; a bad value is a usage error naming the option. */
    ReaderOptions readerOptions(CommandLine commandLine) {
        try {
            ReaderOptions o = ReaderOptions.defaults().withInputFormat(InputFormat.parse(inputFormat))
                    .withFields(FieldMapping.parse(String.join(",", fields)));
            return textPattern == null ? o : o.withTextPattern(TextPattern.parse(textPattern));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }
}
