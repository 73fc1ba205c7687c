package dev.autosync.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of design.md, checked on the plugin's own classes on every build: only the goals
 * use Maven, the emulator stands alone, render never needs a warehouse, the rules sit below render and the
 * emulator, and no packages cycle.
 */
@AnalyzeClasses(packages = "dev.autosync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTest {

    @ArchTest
    static final ArchRule onlyTheGoalsUseMaven = noClasses().that().resideOutsideOfPackage("dev.autosync.maven..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.maven..")
            .because("the core packages are plain Java libraries; dev.autosync.maven binds them to Maven");

    @ArchTest
    static final ArchRule theEmulatorStandsAlone = noClasses().that().resideInAPackage("dev.autosync.emulator..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.autosync.render..", "dev.autosync.warehouse..",
                    "dev.autosync.e2e..", "dev.autosync.status..", "dev.autosync.maven..",
                    "dev.autosync.backfill..")
            .because("the emulator is a Snowflake look-alike that knows nothing of the plugin using it");

    @ArchTest
    static final ArchRule renderNeverNeedsAWarehouse = noClasses().that().resideInAPackage("dev.autosync.render..")
            .should().dependOnClassesThat().resideInAPackage("dev.autosync.warehouse..")
            .because("render runs without a connection: settings -> model -> templates -> bundle");

    @ArchTest
    static final ArchRule theRulesSitBelowRenderAndTheEmulator = noClasses().that().resideInAPackage("dev.autosync.sql.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.autosync.render..", "dev.autosync.maven..",
                    "dev.autosync.emulator..", "org.apache.maven..")
            .because("one implementation of Snowflake's COPY and pipe rules serves both render and the emulator");

    @ArchTest
    static final ArchRule dayTwoOperationsAreUsedOnlyByTheGoals = noClasses().that()
            .resideOutsideOfPackages("dev.autosync.backfill..", "dev.autosync.maven..")
            .should().dependOnClassesThat().resideInAPackage("dev.autosync.backfill..")
            .because("backfill and replay sit on top of render and warehouse, beside e2e and status");

    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching("dev.autosync.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenAnyPackages = slices().matching("dev.autosync.(**)")
            .should().beFreeOfCycles();
}
