package dev.tracelens.archive;

import java.util.Objects;

/**
 * Where a row came from: the machine ({@code source_name}, often an EC2 instance id) and the
 * syslog program on it. Tracebacks are rebuilt per source, because rows of other sources fall
 * in between the lines of one traceback.
 *
 * <p>The reader interns sources: every row of the same host and program gets the same
 * instance, whose {@link #index()} is dense (0, 1, 2, ...) within one {@link ArchiveReader},
 * so consumers can keep per-source state in an array instead of hashing strings per row.
 */
public record Source(int index, String host, String program) {
    public Source {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(program, "program");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
    }

    @Override
    public String toString() {
        return host + "/" + program;
    }
}
