package dev.tracelens.report;

import dev.tracelens.store.HistoryBucket;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tracelens.traceback.Traceback;
import dev.tracelens.traceback.TracebackJson;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * The report for scripts: one JSON document with the header, the overall history and the
 * groups, each with its counts, history, representative and listed occurrences. Tracebacks have
 * exactly the fields of {@code scan --format jsonl} ({@link TracebackJson}). Written with a
 * streaming generator, one group at a time; the document is never built in memory.
 */
public final class JsonReportWriter extends OrderedReportWriter {
    private final JsonGenerator json;
    private final ObjectWriter tracebacks;

    public JsonReportWriter(Writer out) throws IOException {
        json = TracebackJson.mapper().getFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // Fixed "\n" line ends (not the platform's), so the file is the same on every machine.
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        json.setPrettyPrinter(pretty);
        // The generator flushes its own buffer to the stream as it fills; flushing after every
        // traceback would cost a system call each.
        tracebacks = TracebackJson.mapper().writerFor(Traceback.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    @Override
    void writeBegin(ReportHeader header) throws IOException {
        json.writeStartObject();
        json.writeStringField("title", header.title());
        json.writeStringField("filter", header.filter());
        instant("since", header.since());
        instant("until", header.until());
        instant("generatedAt", header.generatedAt());
        history(header.history());
        json.writeArrayFieldStart("groups");
    }

    @Override
    void writeGroup(ReportGroup group, long rank) throws IOException {
        json.writeStartObject();
        json.writeStringField("fingerprint", group.fingerprint());
        json.writeStringField("exceptionType", group.exceptionType());
        json.writeStringField("message", group.message());
        json.writeNumberField("count", group.count());
        instant("firstSeen", group.firstSeen());
        instant("lastSeen", group.lastSeen());
        strings("hosts", group.hosts());
        strings("programs", group.programs());
        history(group.history());
        json.writeFieldName("representative");
        tracebacks.writeValue(json, group.representative());
        json.writeArrayFieldStart("occurrences");
        for (Traceback t : group.occurrences()) {
            tracebacks.writeValue(json, t);
        }
        json.writeEndArray();
        if (!group.tickets().isEmpty()) {
            tickets(group.tickets());
        }
        json.writeEndObject();
    }

    /** The known tickets, only for a group that has some (reports without a ticket index keep their shape). */
    private void tickets(java.util.List<dev.tracelens.tickets.TicketMatch> matches) throws IOException {
        json.writeArrayFieldStart("tickets");
        for (dev.tracelens.tickets.TicketMatch m : matches) {
            json.writeStartObject();
            json.writeStringField("tracker", m.ticket().tracker());
            json.writeStringField("key", m.ticket().key());
            json.writeStringField("title", m.ticket().title());
            json.writeStringField("status", m.ticket().status());
            json.writeStringField("url", m.ticket().url());
            json.writeBooleanField("linked", m.linked());
            strings("sharedWords", m.sharedWords());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    @Override
    void writeEnd(long groups, long occurrences) throws IOException {
        json.writeEndArray();
        json.writeNumberField("groupCount", groups);
        json.writeNumberField("occurrenceCount", occurrences);
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
    }

    private void instant(String name, Instant value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value.toString());
        }
    }

    private void strings(String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }

    private void history(ReportHistory history) throws IOException {
        json.writeObjectFieldStart("history");
        json.writeStringField("bucket", history.bucket().toString());
        json.writeArrayFieldStart("buckets");
        for (HistoryBucket b : history.buckets()) {
            json.writeStartObject();
            json.writeStringField("start", b.start().toString());
            json.writeNumberField("count", b.count());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
