package dev.scalelab.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.scalelab.sim.RandomStreams;
import dev.scalelab.world.AtomicFiles;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadLocalRandom;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What keeps a run deterministic: the simulation (sim, engine, world) runs on the one thread the
 * runner gives it and draws every random number from a stream that {@link RandomStreams} seeds
 * from the scenario seed and the stream's name, or from a {@code split()} of such a stream.
 */
class ConfinementTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.scalelab");
    private static final String[] SIMULATION = {"dev.scalelab.sim..", "dev.scalelab.engine..", "dev.scalelab.world.."};

    private static DescribedPredicate<? super JavaConstructorCall> constructs(Class<?> type) {
        return JavaCall.Predicates.target(owner(assignableTo(type)))
                .as("a constructor of " + type.getSimpleName() + " or a subclass");
    }

    /**
     * The one thread constructed below the runtime is {@link AtomicFiles}' shutdown hook, which the
     * JVM starts at exit to delete unfinished temporary files; it never touches a simulation.
     */
    @Test
    void theSimulationStartsNoThreadAndUsesNoPool() {
        noClasses().that().resideInAnyPackage(SIMULATION).and().doNotBelongToAnyOf(AtomicFiles.class)
                .should().callConstructorWhere(constructs(Thread.class))
                .check(MAIN);
        noClasses().that().resideInAnyPackage(SIMULATION)
                .should().callMethod(Thread.class, "start")
                .orShould().dependOnClassesThat().belongToAnyOf(Executors.class, ForkJoinPool.class)
                .check(MAIN);
    }

    @Test
    void theSimulationUsesNeitherThreadLocalRandomNorAnyRandomConstructor() {
        noClasses().that().resideInAnyPackage(SIMULATION)
                .should().dependOnClassesThat().belongToAnyOf(ThreadLocalRandom.class)
                .orShould().callConstructorWhere(constructs(Random.class))
                .check(MAIN);
    }

    @Test
    void onlyRandomStreamsSeedsARandomStream() {
        noClasses().that().resideInAnyPackage(SIMULATION).and().doNotBelongToAnyOf(RandomStreams.class)
                .should().callConstructorWhere(constructs(SplittableRandom.class))
                .check(MAIN);
    }
}
