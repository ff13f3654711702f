package dev.tracelens.cli;

import picocli.CommandLine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A point in time on the command line: {@code 2016-08-12}, {@code 2016-08-12T03:00},
 * {@code 2016-08-12T03:00:00} or with a zone ({@code 2016-08-12T03:00:00Z}, {@code ...+02:00});
 * UTC when no zone is given, like the archives; or a length counted back from now
 * ({@code 30d}, {@code 12h}, {@code 90m}, {@code 2w}).
 */
final class DateArgument implements CommandLine.ITypeConverter<Instant> {

    static final String HELP = "2016-08-12, 2016-08-12T03:00 or 2016-08-12T03:00:00Z (UTC unless a zone is given)"
            + " or 30d, 12h, 90m, 2w (back from now)";

    @Override
    public Instant convert(String value) {
        String v = value.strip();
        java.util.Optional<java.time.Duration> back = dev.tracelens.common.RelativeTime.parse(v);
        if (back.isPresent()) {
            return Instant.now().minus(back.get());
        }
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException noZone) {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date; use " + HELP);
        }
    }
}
