package dev.tracelens.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimestampsTest {

    /** What java.time makes of the text, after rewriting it into ISO-8601. */
    private static long expectedMillis(String text) {
        String iso = text.replaceFirst("^(\\d{4}-\\d\\d-\\d\\d) ", "$1T").replace(" ", "");
        iso = iso.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2");
        if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        }
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static long parse(String text) {
        byte[] bytes = ("x" + text + "y").getBytes(StandardCharsets.US_ASCII); // not at offset 0
        return Timestamps.parseMillis(bytes, 1, bytes.length - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2016-08-12T03:18:39",
            "2016-08-12T03:18:39Z",
            "2017-07-21T00:47:57-04:00",
            "2011-02-10 00:19:36 -0800",
            "2011-02-10 00:19:36 +0530",
            "2011-02-10 00:19:36 +0000",
            "2016-08-12T03:18:39+00:00",
            "2016-08-12T03:18:39+0000",
            "2016-08-12T03:18:39.5",
            "2016-08-12T03:18:39.12",
            "2016-08-12T03:18:39.123",
            "2016-08-12T03:18:39.123456Z",
            "2016-08-12T03:18:39.987654321-04:00",
            "2011-02-10 00:19:36.250 -0800",
            "2016-02-29T23:59:59",
            "2000-02-29T00:00:00Z",
            "1970-01-01T00:00:00",
            "1969-12-31T23:59:59Z",
            "2099-12-31T23:59:59.999Z",
            "2016-01-01T00:30:00+14:00",
    })
    void parsesEveryPapertrailForm(String text) {
        assertEquals(expectedMillis(text), parse(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "yesterday", "2016-08-12", "2016-08-12T03:18", "2016-13-01T00:00:00", "2016-00-10T00:00:00",
            "2016-02-30T00:00:00", "2015-02-29T00:00:00", "1900-02-29T00:00:00", "2016-04-31T00:00:00",
            "2016-08-12T24:00:00", "2016-08-12T23:60:00", "2016-08-12T23:59:60", "2016-08-12X03:18:39",
            "2016/08/12T03:18:39", "2016-08-12T03:18:39.", "2016-08-12T03:18:39.1234567890",
            "2016-08-12T03:18:39+5", "2016-08-12T03:18:39+05:0", "2016-08-12T03:18:39+0a00",
            "2016-08-12T03:18:39 ", "2016-08-12T03:18:39ZZ", "2016-08-12T03:18:39+19:00",
            "2016-08-12T03:18:39+05:60", "2016-8-12T03:18:39", "20160812T031839Z", "2016-08-12T03:18:39 UTC",
            "2016-08-12T03:18:39.12a",
    })
    void rejectsWhatIsNotATimestamp(String text) {
        assertEquals(Timestamps.INVALID, parse(text), text);
    }

    @Test
    void agreesWithJavaTimeOverManyDays() {
        LocalDateTime t = LocalDateTime.of(1999, 12, 25, 7, 5, 3);
        for (int i = 0; i < 2000; i++) {
            t = t.plusHours(37).plusMinutes(11).plusSeconds(7);
            String text = t.toString().length() == 16 ? t + ":00" : t.toString();
            assertEquals(t.toInstant(ZoneOffset.UTC).toEpochMilli(), parse(text), text);
        }
    }

    @Test
    void theReaderUsesGeneratedAtInEveryForm(@TempDir Path dir) {
        String[] forms = {"2016-08-12T03:18:39", "2016-08-12T03:18:39Z", "2017-07-21T00:47:57-04:00",
                "2011-02-10 00:19:36 -0800", "2011-02-10 00:19:36.5 -0800", "2016-08-12T03:18:39.123456+00:00"};
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < forms.length; i++) {
            // received_at deliberately different, to prove generated_at is used
            rows.add((i + 1) + "\t" + forms[i] + "\t2020-01-01T00:00:00Z\t1\th\t1.2.3.4\tUser\tNotice\tp\tmessage " + i);
        }
        RecordingHandler h = new RecordingHandler();
        new ArchiveReader().read(List.of(TestArchives.tsvGz(dir.resolve("a.tsv.gz"), rows)), h, ReadProgress.NONE);
        assertEquals(List.of(), h.problems);
        for (int i = 0; i < forms.length; i++) {
            assertEquals(expectedMillis(forms[i]), h.rows.get(i).timestampMillis(), forms[i]);
        }
    }
}
