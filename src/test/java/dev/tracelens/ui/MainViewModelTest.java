package dev.tracelens.ui;

import dev.tracelens.engine.StoreLibrary;
import dev.tracelens.ui.imports.ImportJob;
import dev.tracelens.ui.settings.SettingsStore;
import dev.tracelens.ui.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's view model on the real store, run synchronously. */
class MainViewModelTest {
    static final Path SAMPLES = Path.of("sample-logs");
    @TempDir
    Path tmp;
    StoreLibrary library;
    SettingsStore settings;

    @BeforeEach
    void open() {
        library = StoreLibrary.open(tmp.resolve("store"));
        settings = new SettingsStore(tmp.resolve("config/ui.json"));
    }

    @AfterEach
    void close() {
        library.close();
    }

    private MainViewModel model() {
        return new MainViewModel(library, new CurrentThreadTaskExecutor(), settings, SAMPLES, tmp.resolve("store"),
                System::currentTimeMillis);
    }

    @Test
    void firstStartImportsTheSampleLogsOnceAndSaysSo() {
        MainViewModel m = model();
        m.start(List.of());
        assertTrue(m.sampleBannerProperty().get());
        assertFalse(m.groups().groups().isEmpty(), "groups of the sample logs are listed");
        assertNotNull(m.groups().selectedProperty().get(), "the first group is selected");
        assertNotNull(m.detail().tracebackProperty().get(), "and its latest occurrence shown");
        assertTrue(settings.load().sampleDataOffered());

        MainViewModel again = model();
        again.start(List.of());
        assertTrue(again.imports().jobs().isEmpty(), "no second sample import");
        assertTrue(again.sampleBannerProperty().get(), "the banner stays until the user acts");
    }

    /**
     * An import's last commit reloads the list; the end of the job does not reload it a second
     * time when that reload already shows the commit. The clock moves a second per reading, so
     * no commit's reload is skipped for coming too soon.
     */
    @Test
    void anImportsEndDoesNotReloadAListThatShowsItsLastCommit() {
        long[] now = {1_000_000};
        MainViewModel m = new MainViewModel(library, new CurrentThreadTaskExecutor(), settings, SAMPLES,
                tmp.resolve("store"), () -> now[0] += 1000);
        int[] atEnd = {-1};
        m.imports().currentProperty().addListener((o, a, job) -> {
            if (job != null) {
                job.stateProperty().addListener((o2, s1, state) -> {
                    if (state == ImportJob.State.DONE) {
                        atEnd[0] = m.groups().listVersionProperty().get();
                    }
                });
            }
        });
        m.open(List.of(SAMPLES.resolve("2026-11-20-04.tsv.gz")));
        assertTrue(atEnd[0] >= 0, "the import ended");
        assertEquals(atEnd[0], m.groups().listVersionProperty().get(), "no reload after the job ended");
        assertEquals(library.facets().tracebacks(),
                m.groups().groups().stream().mapToLong(dev.tracelens.engine.GroupRow::count).sum(),
                "the list shows the import's last commit");
    }

    @Test
    void removingTheSampleDataEmptiesTheListAndHidesTheBanner() {
        MainViewModel m = model();
        m.start(List.of());
        m.removeSampleData();
        assertFalse(m.sampleBannerProperty().get());
        assertTrue(m.groups().groups().isEmpty());
        assertNull(m.detail().detailProperty().get());
        assertFalse(settings.load().sampleDataOnly());

        // Removed means forgotten: opening the samples again brings their groups back.
        m.open(List.of(SAMPLES));
        assertFalse(m.groups().groups().isEmpty());
    }

    @Test
    void commandLinePathsAreOpenedInsteadOfTheSamples() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.copy(SAMPLES.resolve("2026-11-20-04.tsv.gz"), mine.resolve("2026-11-20-04.tsv.gz"));
        MainViewModel m = model();
        m.start(List.of(mine));
        assertFalse(m.sampleBannerProperty().get());
        assertEquals(1, m.imports().jobs().size());
        assertEquals(ImportJob.State.DONE, m.imports().jobs().getFirst().stateProperty().get());
        assertEquals(mine.toAbsolutePath().toString(), settings.load().recent().getFirst());
        assertFalse(m.groups().groups().isEmpty());
    }

    @Test
    void filesThatAreNotArchivesBecomeProblemsAndTheOthersAreStillImported() throws Exception {
        // Read whatever its name, as the command line does: its bytes say it is not a log.
        Path notes = Files.write(tmp.resolve("notes.md"), new byte[]{0, 1, 2, 3, (byte) 0xFF, 0, 7, 8, 0, 0});
        MainViewModel m = model();
        m.open(List.of(notes, tmp.resolve("missing.tsv.gz"), SAMPLES.resolve("2026-11-20-03.tsv.gz")));
        assertEquals(2, m.imports().problems().size());
        assertTrue(m.imports().problems().get(0).detail().contains("no such file"));
        assertTrue(m.imports().problems().get(1).toString().contains("notes.md"), m.imports().problems().toString());
        assertTrue(m.unreadableProperty().get().text().contains("notes.md"), m.unreadableProperty().get().text());
        assertTrue(m.unreadableProperty().get().text().contains("missing.tsv.gz"), m.unreadableProperty().get().text());
        assertEquals(List.of(notes.toAbsolutePath().normalize()), m.unreadableProperty().get().files());
        assertEquals(ImportJob.State.DONE, m.imports().jobs().getFirst().stateProperty().get());
        assertFalse(m.groups().groups().isEmpty());
    }

    @Test
    void aFolderWithoutLogsIsAProblemNotASilentEmptyImport() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("no-logs"));
        Files.writeString(folder.resolve("notes.md"), "nothing to import");
        MainViewModel m = model();
        assertNull(m.open(List.of(folder)), "nothing is queued");
        assertEquals(1, m.imports().problems().size());
        assertTrue(m.imports().problems().getFirst().toString()
                .startsWith(folder + ": no archives or log files in this folder or its subfolders (looked for"),
                m.imports().problems().getFirst().toString());
    }
}
