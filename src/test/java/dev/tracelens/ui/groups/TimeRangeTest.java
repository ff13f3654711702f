package dev.tracelens.ui.groups;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeRangeTest {
    private static final Instant NEWEST = Instant.parse("2016-08-12T05:30:00Z");

    private static TimeRange parse(String text) {
        return TimeRange.parse(text).orElseThrow(() -> new AssertionError("not a range: " + text));
    }

    @Test
    void relativeFormsCountBackFromTheNewestTraceback() {
        for (String t : new String[] {"last 2 h", "2h", "Last 2 hours", "2 hours"}) {
            assertEquals(NEWEST.minus(Duration.ofHours(2)), parse(t).since(NEWEST), t);
            assertNull(parse(t).until(), t);
            assertEquals("Last 2 hours", parse(t).label(), t);
        }
        assertEquals(NEWEST.minus(Duration.ofDays(30)), parse("30d").since(NEWEST));
        assertEquals("Last 30 days", parse("30d").label());
        assertEquals(TimeRange.LAST_DAY, parse("Last 24 hours").equals(TimeRange.LAST_DAY) ? TimeRange.LAST_DAY : null);
        assertEquals(TimeRange.ALL, parse("all"));
        assertEquals(TimeRange.ALL, parse(""));
    }

    @Test
    void fixedRangesAreUtcWithAnExclusiveEnd() {
        TimeRange r = parse("2016-08-12 03:00 .. 2016-08-12 05:00");
        assertEquals(Instant.parse("2016-08-12T03:00:00Z"), r.since(NEWEST));
        assertEquals(Instant.parse("2016-08-12T05:00:00Z"), r.until());
        assertEquals("2016-08-12 03:00 – 2016-08-12 05:00", r.label());
        assertEquals(r, parse(r.label()), "the label reads back as the same range");
        assertEquals(r, parse("2016-08-12T03:00 to 2016-08-12T05:00"));

        TimeRange day = parse("2016-08-12");
        assertEquals(Instant.parse("2016-08-12T00:00:00Z"), day.since(NEWEST));
        assertEquals(Instant.parse("2016-08-13T00:00:00Z"), day.until());
        assertEquals(Instant.parse("2016-08-14T00:00:00Z"), parse("2016-08-12 .. 2016-08-14").until());
        assertNull(parse("2016-08-12 .. …").until());
    }

    @Test
    void whatIsNoRangeIsRefused() {
        for (String t : new String[] {"yesterday", "2016-13-40", "2016-08-14 .. 2016-08-12", "0h", "5 parsecs"}) {
            assertTrue(TimeRange.parse(t).isEmpty(), t);
        }
    }
}
