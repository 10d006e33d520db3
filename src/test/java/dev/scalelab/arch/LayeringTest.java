package dev.scalelab.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering DESIGN.md fixes: JavaFX only in ui; engines free of the world; no wall clock in the simulation. */
class LayeringTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.scalelab");

    @Test
    void nothingOutsideUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.scalelab.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(MAIN);
    }

    @Test
    void simAndEnginesDoNotDependOnUpperLayers() {
        noClasses().that().resideInAnyPackage("dev.scalelab.sim..", "dev.scalelab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.scalelab.world..", "dev.scalelab.runtime..",
                        "dev.scalelab.cli..", "dev.scalelab.ui..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.scalelab.world..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.scalelab.runtime..", "dev.scalelab.cli..", "dev.scalelab.ui..",
                        "dev.scalelab.practice..")
                .check(MAIN);
        // A drawn design is a graph and its rules: the world will run it, the canvas draw it; it needs neither.
        noClasses().that().resideInAPackage("dev.scalelab.design..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.scalelab.sim..", "dev.scalelab.engine..", "dev.scalelab.world..",
                        "dev.scalelab.runtime..", "dev.scalelab.cli..", "dev.scalelab.ui..", "dev.scalelab.practice..")
                .check(MAIN);
        // Practice (challenges, grading, the estimator) serves both the command line and the app.
        noClasses().that().resideInAPackage("dev.scalelab.practice..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.scalelab.cli..", "dev.scalelab.ui..")
                .check(MAIN);
    }

    @Test
    void theSimulationNeverReadsTheWallClockSleepsOrUsesASharedRandom() {
        noClasses().that().resideInAnyPackage("dev.scalelab.sim..", "dev.scalelab.engine..", "dev.scalelab.world..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().callConstructor(java.util.Random.class)
                .check(MAIN);
    }
}
