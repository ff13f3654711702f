package dev.tracelens.tickets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ticket index on a real Lucene directory: matching by the traceback's analyzed words, links, replacement. */
class LuceneTicketIndexTest {
    private static final String TRACE = """
            Traceback (most recent call last):
              File "/srv/app/billing/invoice.py", line 88, in render_invoice
                amount = convert(total, currency)
              File "/srv/app/billing/money.py", line 12, in convert
                return total * RATES[currency]
            KeyError: 'XDR'""";

    @TempDir
    Path dir;

    private static Ticket ticket(String key, String title, String description, String... comments) {
        return new Ticket("github:a/b", key, title, "open", "https://github.com/a/b/issues/" + key.substring(1),
                Instant.parse("2026-11-01T10:00:00Z"), description, List.of(comments));
    }

    @Test
    void ranksTheTicketQuotingTheTracebackFirstAndLeavesUnrelatedOnesOut() {
        try (LuceneTicketIndex index = LuceneTicketIndex.open(dir)) {
            index.put(List.of(
                    ticket("#1", "Invoices fail for XDR", "convert() raises KeyError: 'XDR' when rendering (render_invoice in money.py)"),
                    ticket("#2", "Any traceback", "Traceback (most recent call last): File line py"),
                    ticket("#3", "Dark mode", "please add a dark theme"),
                    ticket("#4", "Partial", "KeyError somewhere in money", "seen in convert")));
            List<TicketMatch> m = index.matches(TRACE, "fp1", 10);
            assertEquals("#1", m.getFirst().ticket().key(), m.toString());
            assertTrue(m.getFirst().sharedWords().containsAll(List.of("XDR", "KeyError", "convert", "rendervoice")), m.toString());
            assertTrue(m.stream().noneMatch(t -> t.ticket().key().equals("#3") || t.ticket().key().equals("#2")), "no shared words but boilerplate: " + m);
            assertEquals("#4", m.get(1).ticket().key(), "three shared words: still a match, ranked lower");
            assertTrue(m.getFirst().score() > m.get(1).score());
        }
    }

    @Test
    void aLinkedTicketComesFirstAndKeepsItsLinkThroughSyncs() {
        try (LuceneTicketIndex index = LuceneTicketIndex.open(dir)) {
            Ticket created = ticket("#9", "Created from the group", "nothing in common here");
            index.put(List.of(ticket("#1", "XDR", "KeyError: 'XDR' in convert render_invoice")));
            index.link(created, "fp1");
            index.put(List.of(new Ticket("github:a/b", "#9", "Created from the group", "closed", created.url(),
                    Instant.parse("2026-11-02T10:00:00Z"), "still nothing", List.of())));
            List<TicketMatch> m = index.matches(TRACE, "fp1", 10);
            assertEquals(List.of("#9", "#1"), m.stream().map(t -> t.ticket().key()).toList());
            assertTrue(m.getFirst().linked());
            assertEquals("closed", m.getFirst().ticket().status());
            assertEquals(List.of("#1"), index.matches(TRACE, "other", 10).stream().map(t -> t.ticket().key()).toList());
            assertEquals(2, index.trackers().getFirst().tickets());
        }
    }

    @Test
    void aMissingIndexReadsAsEmpty() {
        try (LuceneTicketIndex index = LuceneTicketIndex.openReadOnly(dir.resolve("none"))) {
            assertFalse(java.nio.file.Files.exists(dir.resolve("none")), "reading creates nothing");
            assertEquals(List.of(), index.matches(TRACE, "fp", 5));
            assertEquals(List.of(), index.trackers());
        }
    }
}
