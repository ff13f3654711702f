package dev.tracelens;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.store.BucketSize;
import dev.tracelens.store.GroupList;
import dev.tracelens.store.GroupSort;
import dev.tracelens.store.GroupSummary;
import dev.tracelens.store.HistoricalReflection;
import dev.tracelens.store.History;
import dev.tracelens.store.HistoryBucket;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ImportResult;
import dev.tracelens.store.NoSearchableWordsException;
import dev.tracelens.store.QuerySyntaxException;
import dev.tracelens.store.SearchResult;
import dev.tracelens.store.StoreException;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.StoreLocation;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.sync.S3ArchiveSync;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Data flows one way: archive → traceback → store → report → engine → (ui | cli), with sync
 * and live (syslog, Papertrail's API, spooled as archive files) feeding archive files in and {@code common} (small utilities) open to every stage. A package
 * never depends on one to its right. The front-ends and the reports reach the store only through
 * its backend-neutral interface ({@link TracebackIndex}) and its records, never through the
 * Lucene store's classes, and the sync → import wiring is the engine's alone.
 */
class ArchitectureTest {
    private static final String ARCHIVE = "dev.tracelens.archive..";
    private static final String TRACEBACK = "dev.tracelens.traceback..";
    private static final String STORE = "dev.tracelens.store..";
    private static final String SYNC = "dev.tracelens.sync..";
    private static final String LIVE = "dev.tracelens.live..";
    private static final String TICKETS = "dev.tracelens.tickets..";
    private static final String TRACKERS = "dev.tracelens.trackers..";
    private static final String REPORT = "dev.tracelens.report..";
    private static final String ENGINE = "dev.tracelens.engine..";
    private static final String UI = "dev.tracelens.ui..";
    private static final String CLI = "dev.tracelens.cli..";

    /** What of the store the front-ends and reports may name: the interface, its records and errors. */
    private static final DescribedPredicate<JavaClass> STORE_INTERFACE = belongToAnyOf(TracebackIndex.class,
            StoreFilter.class, GroupSort.class, GroupList.class, GroupSummary.class, History.class,
            HistoryBucket.class, BucketSize.class, HistoricalReflection.class, SearchResult.class, ImportResult.class,
            ImportListener.class, ArchiveRecord.class, StoreException.class, QuerySyntaxException.class,
            NoSearchableWordsException.class, StoreLocation.class, dev.tracelens.store.StoreHealth.class,
            dev.tracelens.store.RebuildResult.class);

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tracelens");
    }

    private static void check(String pkg, String... forbidden) {
        ArchRule rule = noClasses().that().resideInAPackage("dev.tracelens." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void commonDependsOnNothingOfOurs() {
        check("common", ARCHIVE, TRACEBACK, STORE, SYNC, LIVE, TICKETS, TRACKERS, REPORT, ENGINE, UI, CLI);
    }

    @Test
    void archiveDependsOnNothingOfOurs() {
        check("archive", TRACEBACK, STORE, SYNC, LIVE, TICKETS, TRACKERS, REPORT, ENGINE, UI, CLI);
    }

    @Test
    void tracebackDependsOnlyOnArchive() {
        check("traceback", STORE, SYNC, LIVE, TICKETS, TRACKERS, REPORT, ENGINE, UI, CLI);
    }

    @Test
    void storeDoesNotReachTheFrontEnds() {
        check("store", SYNC, LIVE, TICKETS, TRACKERS, REPORT, ENGINE, UI, CLI);
    }

    @Test
    void syncOnlyFeedsArchives() {
        check("sync", TRACEBACK, STORE, LIVE, TICKETS, TRACKERS, REPORT, ENGINE, UI, CLI);
    }

    /** Live input (syslog, Papertrail's API) only receives rows and spools them as archive files, as sync downloads them. */
    @Test
    void liveOnlyFeedsArchives() {
        check("live", TRACEBACK, STORE, SYNC, TICKETS, TRACKERS, REPORT, ENGINE, UI, CLI);
    }

    /** The ticket index sits beside the store: it reuses the store's analyzer and nothing to its right. */
    @Test
    void ticketIndexSitsBesideTheStore() {
        check("tickets", SYNC, LIVE, TRACKERS, REPORT, ENGINE, UI, CLI);
        noClasses().that().resideInAPackage(TICKETS)
                .should().dependOnClassesThat(resideInAPackage(STORE).and(DescribedPredicate.not(
                        belongToAnyOf(dev.tracelens.store.TracebackFilteredAnalyzer.class))))
                .because("the ticket index shares only the traceback_filtered analyzer with the store")
                .check(classes);
    }

    /** The tracker clients (Jira, GitHub) only fetch and create tickets, as sync only downloads archives. */
    @Test
    void trackersOnlyFeedTheTicketIndex() {
        check("trackers", ARCHIVE, TRACEBACK, STORE, SYNC, LIVE, REPORT, ENGINE, UI, CLI, "org.apache.lucene..");
        noClasses().that().resideInAPackage(TRACKERS)
                .should().dependOnClassesThat(belongToAnyOf(dev.tracelens.tickets.TicketIndex.class,
                        dev.tracelens.tickets.LuceneTicketIndex.class))
                .because("the engine writes what the clients fetch into the index")
                .check(classes);
    }

    @Test
    void reportsDoNotReachTheEngineOrTheFrontEnds() {
        check("report", SYNC, LIVE, TRACKERS, ENGINE, UI, CLI);
    }

    @Test
    void theEngineServesTheFrontEndsWithoutKnowingThem() {
        check("engine", UI, CLI, "javafx..", "picocli..");
    }

    @Test
    void frontEndsDoNotDependOnEachOther() {
        check("ui", CLI);
        check("cli", UI);
    }

    @Test
    void frontEndsAndReportsUseOnlyTheStoreInterface() {
        for (String pkg : new String[] {"report", "ui", "cli"}) {
            noClasses().that().resideInAPackage("dev.tracelens." + pkg + "..")
                    .should().dependOnClassesThat(resideInAPackage(STORE).and(DescribedPredicate.not(STORE_INTERFACE)))
                    .because("the CLI, the app and the reports ask the store through TracebackIndex (the engine opens it)")
                    .check(classes);
        }
    }

    @Test
    void frontEndsAndReportsUseOnlyTheTicketRecords() {
        for (String pkg : new String[] {"report", "ui", "cli"}) {
            noClasses().that().resideInAPackage("dev.tracelens." + pkg + "..")
                    .should().dependOnClassesThat(belongToAnyOf(dev.tracelens.tickets.LuceneTicketIndex.class))
                    .because("the CLI, the app and the reports ask the ticket index through TicketIndex (the engine opens it)")
                    .check(classes);
        }
        noClasses().that().resideInAnyPackage(REPORT, UI)
                .should().dependOnClassesThat().resideInAPackage(TRACKERS)
                .because("only the engine and the CLI's options name the tracker clients' types")
                .check(classes);
    }

    @Test
    void onlyTheEngineWiresSyncToImport() {
        noClasses().that().resideInAnyPackage(UI, CLI)
                .should().dependOnClassesThat(belongToAnyOf(S3ArchiveSync.class,
                        dev.tracelens.store.ImportBatches.class))
                .because("sync → import is written once, in engine.SyncService")
                .check(classes);
    }

    @Test
    void onlyTheStoreAndTheTicketIndexTalkToLucene() {
        for (String pkg : new String[] {"common", "archive", "traceback", "sync", "live", "trackers", "report", "engine", "ui", "cli"}) {
            check(pkg, "org.apache.lucene..");
        }
    }
}
