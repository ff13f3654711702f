package dev.tracelens.samples;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One running process of a sample source: its host, syslog program and pid, and how its logger
 * starts every line (each program family has its own, as real services do).
 */
final class Proc {
    private static final DateTimeFormatter NOVA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final String host;
    private final String program;
    private final int pid;
    /** The time of the line being written; the OpenStack prefix carries it. */
    long nowMillis;

    Proc(String host, String program, int pid) {
        this.host = host;
        this.program = program;
        this.pid = pid;
    }

    String host() {
        return host;
    }

    String program() {
        return program;
    }

    String prefix(String level, String logger) {
        return switch (program) {
            case "app-web", "app-mailer" -> pid + "/MainThread " + level + " " + logger + ": ";
            case "app-worker", "storage-agent" -> "[" + pid + "] " + level + " " + logger + ": ";
            case "billing" -> "pid=" + pid + " level=" + level + " logger=" + logger + " ";
            case "nova-compute" -> NOVA_TIME.format(Instant.ofEpochMilli(nowMillis)) + " " + pid + " " + level + " " + logger + " ";
            default -> "";
        };
    }
}
