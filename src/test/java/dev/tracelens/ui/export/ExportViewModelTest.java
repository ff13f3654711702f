package dev.tracelens.ui.export;

import dev.tracelens.report.ReportFormat;
import dev.tracelens.engine.GroupRow;
import dev.tracelens.store.ImportListener;
import dev.tracelens.engine.StoreLibrary;
import dev.tracelens.ui.groups.GroupsViewModel;
import dev.tracelens.ui.task.CurrentThreadTaskExecutor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File → Export… on the real store filled with the sample logs, run synchronously. */
class ExportViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T13:20:00Z"), ZoneOffset.UTC);
    private static final Pattern FINGERPRINT = Pattern.compile("<span class=\"fp\">([0-9a-f]+)</span>");

    @TempDir
    Path tmp;
    StoreLibrary library;
    GroupsViewModel groups;
    ExportViewModel model;
    Path out;

    @BeforeEach
    void fill() throws IOException {
        library = new StoreLibrary(dev.tracelens.engine.Stores.open(tmp.resolve("store")), CLOCK);
        library.importArchives(List.of(Path.of("sample-logs")), 10, ImportListener.NONE);
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        groups = new GroupsViewModel(library, executor);
        groups.reload();
        model = new ExportViewModel(library, executor, () -> groups.queryProperty().get(),
                () -> groups.selectedProperty().get(), CLOCK);
        out = Files.createDirectory(tmp.resolve("out"));
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void defaultNameHasTheDateAndTheFormatsExtension() {
        assertEquals("tracelens-report-2026-11-23.html", model.defaultFileName(ExportOptions.DEFAULT));
        assertEquals("tracelens-report-2026-11-23.csv",
                model.defaultFileName(new ExportOptions(ReportFormat.CSV, false, 20)));
        assertEquals("tracelens-report-2026-11-23.jira",
                model.defaultFileName(new ExportOptions(ReportFormat.JIRA, true, 0)));
    }

    @Test
    void exportsEveryGroupUnderTheCurrentFilterAsHtmlAndCsv() throws IOException {
        int all = groups.groups().size();
        String host = groups.hosts().getFirst();
        groups.selectedHosts().setAll(host);
        List<GroupRow> listed = List.copyOf(groups.groups());
        assertTrue(!listed.isEmpty() && listed.size() < all, "the host filter narrows the list: " + listed.size());

        Path html = out.resolve("report.html");
        model.export(new ExportOptions(ReportFormat.HTML, false, 3), html);
        assertEquals(ExportViewModel.State.DONE, model.stateProperty().get(), model.messageProperty().get());
        assertEquals(html.toAbsolutePath(), model.fileProperty().get());
        assertEquals(1.0, model.progressProperty().get());
        assertEquals("Wrote " + listed.size() + " groups to report.html", model.messageProperty().get());
        String page = Files.readString(html);
        assertEquals(fingerprints(listed), articles(page), "one section per listed group, no other");
        assertTrue(page.contains("host=" + host), "the header names the filter");

        Path csv = out.resolve("report.csv");
        model.export(new ExportOptions(ReportFormat.CSV, false, 10_000), csv);
        assertEquals(ExportViewModel.State.DONE, model.stateProperty().get(), model.messageProperty().get());
        List<CSVRecord> rows = csv(csv);
        assertEquals(fingerprints(listed), rows.stream().map(r -> r.get("fingerprint")).collect(Collectors.toSet()));
        assertEquals(listed.stream().mapToLong(GroupRow::count).sum(), rows.size(),
                "a row per occurrence of the listed groups");
        assertTrue(rows.stream().allMatch(r -> r.get("host").equals(host)), "only the filtered host");

        Path summary = out.resolve("groups.csv");
        model.export(new ExportOptions(ReportFormat.CSV, false, 0), summary);
        List<CSVRecord> perGroup = csv(summary);
        assertEquals(listed.stream().map(GroupRow::fingerprint).toList(),
                perGroup.stream().map(r -> r.get("fingerprint")).toList(), "0 occurrences: a row per group, by count");
        assertEquals(listed.stream().map(g -> String.valueOf(g.count())).toList(),
                perGroup.stream().map(r -> r.get("count")).toList());

        assertEquals(Set.of("report.html", "report.csv", "groups.csv"), filesIn(out), "no temporary file left");
    }

    @Test
    void exportsOnlyTheSelectedGroup() throws IOException {
        GroupRow second = groups.groups().get(1);
        groups.selectedProperty().set(second);

        Path html = out.resolve("one.html");
        model.export(new ExportOptions(ReportFormat.HTML, true, 5), html);
        assertEquals(ExportViewModel.State.DONE, model.stateProperty().get(), model.messageProperty().get());
        assertEquals("Wrote 1 group to one.html", model.messageProperty().get());
        assertEquals(Set.of(second.fingerprint()), articles(Files.readString(html)));

        Path csv = out.resolve("one.csv");
        model.export(new ExportOptions(ReportFormat.CSV, true, 2), csv);
        List<CSVRecord> rows = csv(csv);
        assertEquals(Math.min(2, second.count()), rows.size(), "occurrences per group caps the rows");
        assertTrue(rows.stream().allMatch(r -> r.get("fingerprint").equals(second.fingerprint())));
        assertEquals(new ExportOptions(ReportFormat.CSV, true, 2), model.lastOptions());
        assertEquals(out.toAbsolutePath(), model.lastFolder());
        assertEquals(Set.of("one.html", "one.csv"), filesIn(out));
    }

    @Test
    void selectedGroupWithoutSelectionFailsClearly() {
        groups.selectedProperty().set(null);
        model.export(new ExportOptions(ReportFormat.HTML, true, 5), out.resolve("none.html"));
        assertEquals(ExportViewModel.State.FAILED, model.stateProperty().get());
        assertTrue(model.messageProperty().get().contains("no group is selected"), model.messageProperty().get());
        assertEquals(Set.of(), filesIn(out));
    }

    @Test
    void aMissingFolderFailsWithItsReasonAndWritesNothing() {
        Path target = out.resolve("gone/report.html");
        model.export(ExportOptions.DEFAULT, target);
        assertEquals(ExportViewModel.State.FAILED, model.stateProperty().get());
        assertTrue(model.messageProperty().get().startsWith("Export failed, no file written: "),
                model.messageProperty().get());
        assertTrue(model.messageProperty().get().contains("gone"), model.messageProperty().get());
        assertEquals(Set.of(), filesIn(out));
    }

    @Test
    void cancellingKeepsTheOldFileAndLeavesNoTemporaryOne() throws IOException {
        assertTrue(groups.groups().size() > 2);
        Path target = Files.writeString(out.resolve("report.md"), "the previous report");
        // Cancel as soon as the first group is written (progress arrives on the "UI thread", here this one).
        model.progressProperty().addListener((o, a, p) -> {
            if (p.doubleValue() > 0) {
                model.cancel();
            }
        });
        model.export(new ExportOptions(ReportFormat.MD, false, 5), target);
        assertEquals(ExportViewModel.State.CANCELLED, model.stateProperty().get(), model.messageProperty().get());
        assertEquals("Export cancelled, no file written", model.messageProperty().get());
        assertEquals("the previous report", Files.readString(target));
        assertEquals(Set.of("report.md"), filesIn(out));
        model.dismiss();
        assertEquals(ExportViewModel.State.IDLE, model.stateProperty().get());
    }

    private static Set<String> fingerprints(List<GroupRow> rows) {
        return rows.stream().map(GroupRow::fingerprint).collect(Collectors.toSet());
    }

    /** The fingerprints of the page's group sections, checking there is one section per fingerprint. */
    private static Set<String> articles(String page) {
        int sections = page.split("<article class=\"group\"", -1).length - 1;
        Matcher m = FINGERPRINT.matcher(page);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertEquals(sections, found.size(), "a fingerprint per group section");
        Set<String> fps = Set.copyOf(found);
        assertEquals(found.size(), fps.size(), "each group once: " + found);
        return fps;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static Set<String> filesIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
