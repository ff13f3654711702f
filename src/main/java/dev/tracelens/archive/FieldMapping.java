package dev.tracelens.archive;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which fields of a JSON record (dotted paths for nested objects: {@code host.name}) give a row's
 * time, host, program, pid, message and traceback. Each role has a list of names, tried in order;
 * the defaults cover the names common loggers use, so most files need no mapping at all.
 * A name the user maps replaces that role's defaults.
 */
public record FieldMapping(Map<Role, List<String>> names) {

    /** What a field means to Tracelens. */
    public enum Role {
        TIME, HOST, PROGRAM, PID, MESSAGE, TRACEBACK;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The names of python-json-logger, structlog, Bunyan, pino, ECS, Docker's json-file log
     * driver, {@code journalctl -o json}, logstash and GELF records.
     */
    private static final Map<Role, List<String>> DEFAULTS = Map.of(
            Role.TIME, List.of("@timestamp", "timestamp", "time", "ts", "asctime", "datetime", "date",
                    "__REALTIME_TIMESTAMP", "eventTime", "createdDateTime", "id.time"),
            Role.HOST, List.of("host", "hostname", "host.name", "host.hostname", "_HOSTNAME", "HOSTNAME",
                    "source_host", "server", "machine"),
            Role.PROGRAM, List.of("logger", "name", "logger_name", "log.logger", "loggerName", "SYSLOG_IDENTIFIER",
                    "_COMM", "app", "application", "program", "service", "service.name", "component"),
            Role.PID, List.of("pid", "process", "process.pid", "_PID", "SYSLOG_PID", "processId"),
            Role.MESSAGE, List.of("message", "msg", "MESSAGE", "log", "event", "short_message", "@message", "text"),
            Role.TRACEBACK, List.of("exc_info", "exc_text", "exception", "stack_trace", "stacktrace", "stack",
                    "traceback", "error.stack", "error.stack_trace", "err.stack", "exception.stacktrace",
                    "full_message"));

    public FieldMapping {
        EnumMap<Role, List<String>> copy = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            copy.put(r, List.copyOf(Objects.requireNonNullElse(names.get(r), List.of())));
        }
        names = Map.copyOf(copy);
    }

    public static FieldMapping defaults() {
        return new FieldMapping(DEFAULTS);
    }

    /**
     * The defaults with some roles mapped by the user: {@code time=ts,host=h,program=svc}. Several
     * names for one role are separated by {@code |} ({@code message=msg|text}).
     *
     * @throws IllegalArgumentException naming the part that is not {@code role=name}
     */
    public static FieldMapping parse(String spec) {
        EnumMap<Role, List<String>> names = new EnumMap<>(DEFAULTS);
        if (spec == null || spec.isBlank()) {
            return new FieldMapping(names);
        }
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("field mapping \"" + part.trim()
                        + "\" is not role=name (roles: time, host, program, pid, message, traceback)");
            }
            String role = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            Role r;
            try {
                r = Role.valueOf(role);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown field role \"" + part.substring(0, eq).trim()
                        + "\" (roles: time, host, program, pid, message, traceback)");
            }
            List<String> fields = new ArrayList<>();
            for (String f : part.substring(eq + 1).split("\\|")) {
                if (!f.isBlank()) {
                    fields.add(f.trim());
                }
            }
            names.put(r, fields);
        }
        return new FieldMapping(names);
    }

    public List<String> of(Role role) {
        return names.get(role);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Role r : Role.values()) {
            if (!s.isEmpty()) {
                s.append(',');
            }
            s.append(r.label()).append('=').append(String.join("|", names.get(r)));
        }
        return s.toString();
    }
}
