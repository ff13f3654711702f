package dev.tracelens;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Data flows one way: archive → traceback → store → (ui | report | cli), with sync feeding
 * archive files in. A package never depends on one to its right, and the UI reaches Lucene only
 * through the store.
 */
class ArchitectureTest {
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
    void archiveDependsOnNothingOfOurs() {
        check("archive", "dev.tracelens.traceback..", "dev.tracelens.store..", "dev.tracelens.sync..",
                "dev.tracelens.report..", "dev.tracelens.ui..", "dev.tracelens.cli..");
    }

    @Test
    void tracebackDependsOnlyOnArchive() {
        check("traceback", "dev.tracelens.store..", "dev.tracelens.sync..", "dev.tracelens.report..",
                "dev.tracelens.ui..", "dev.tracelens.cli..");
    }

    @Test
    void storeDoesNotReachTheFrontEnds() {
        check("store", "dev.tracelens.sync..", "dev.tracelens.report..", "dev.tracelens.ui..", "dev.tracelens.cli..");
    }

    @Test
    void syncOnlyFeedsArchives() {
        check("sync", "dev.tracelens.traceback..", "dev.tracelens.store..", "dev.tracelens.report..",
                "dev.tracelens.ui..", "dev.tracelens.cli..");
    }

    @Test
    void frontEndsDoNotDependOnEachOther() {
        check("report", "dev.tracelens.ui..", "dev.tracelens.cli..", "dev.tracelens.sync..");
        check("ui", "dev.tracelens.cli..");
        check("cli", "dev.tracelens.ui..");
    }

    @Test
    void onlyTheStoreTalksToLucene() {
        for (String pkg : new String[] {"archive", "traceback", "sync", "report", "ui", "cli"}) {
            check(pkg, "org.apache.lucene..");
        }
    }
}
