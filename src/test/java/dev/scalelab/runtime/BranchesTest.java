package dev.scalelab.runtime;

import dev.scalelab.world.Action;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The branch model alone: forks keep the past, names, deletion and what a branch saves as. */
class BranchesTest {
    private static final long S = 1_000_000_000L;

    /** flash-sale: its own timeline has entries (the sale at 120 s), so merging is tested against them. */
    private static final Scenario BASE = Presets.load("flash-sale");

    private static Scenario.TimelineEntry rate(double at, double value) {
        return Scenario.TimelineEntry.set(at, "workload.arrival.ratePerSecond", value);
    }

    @Test
    void aNewSetHasOneBranchMainOnTheScenarioAsLoaded() {
        Branches b = new Branches(BASE);
        Branch main = b.current();
        assertEquals("main", main.name());
        assertTrue(main.isRoot());
        assertSame(BASE, main.scenario(), "no command: the scenario as loaded");
        assertEquals(1, b.view().branches().size());
        assertNull(b.view().parentOf(main));
        assertFalse(b.forkNeeded(0), "plain play: a change extends the branch");
        b.reached(100);
        assertTrue(b.forkNeeded(50 * S), "gone back from 100 s: a change there forks");
        assertFalse(b.forkNeeded(100 * S));
        assertFalse(b.forkNeeded(130 * S), "played on past where it had got");
    }

    @Test
    void aForkKeepsTheCommandsUpToItsMomentAndNoneAfter() {
        Branches b = new Branches(BASE);
        b.record(rate(30.001, 900));
        b.record(Scenario.TimelineEntry.action(60.001, Action.ADD_INSTANCE, null, null, 0));
        b.record(rate(90.001, 1200));
        assertTrue(b.forkNeeded(60 * S), "two commands after 60 s");
        assertTrue(b.forkNeeded(90 * S), "one at 90.001 s");
        assertFalse(b.forkNeeded(90_001_000_000L), "the last one ran at 90.001 s: nothing after");
        b.reached(150);

        Branch fork = b.fork(60_001_000_000L);
        assertEquals("fork 1 at 1:00", fork.name());
        assertEquals(60.001, fork.forkSeconds(), 0.0);
        assertEquals(Branch.ROOT_ID, fork.parentId());
        assertEquals(List.of(30.001, 60.001), fork.commands().stream().map(Scenario.TimelineEntry::atSeconds).toList(),
                "a command at the very moment has run: it is the past");
        assertSame(fork, b.current());
        assertEquals(150, b.view().byId(Branch.ROOT_ID).reachedSeconds(), 0.0, "the parent keeps how far it got");
        assertEquals(3, b.view().byId(Branch.ROOT_ID).commands().size());

        b.record(rate(61.5, 300));
        assertEquals(List.of(30.001, 60.001, 61.5), b.current().commands().stream().map(Scenario.TimelineEntry::atSeconds).toList());
        assertEquals(3, b.view().byId(Branch.ROOT_ID).commands().size(), "the parent does not get the fork's change");
        Branch second = b.fork(61 * S);
        assertEquals("fork 2 at 1:01", second.name());
        assertEquals(fork.id(), second.parentId());
    }

    @Test
    void aBranchsScenarioIsTheBaseWithItsCommandsMergedByTimeAndSavesAsAFileThatReadsBackTheSame(@TempDir Path dir) throws Exception {
        Branches b = new Branches(BASE);
        b.record(rate(30.001, 900));
        b.record(rate(200.5, 100));
        Scenario s = b.current().scenario();
        List<Double> times = s.timeline().stream().map(Scenario.TimelineEntry::atSeconds).toList();
        assertEquals(BASE.timeline().size() + 2, times.size());
        assertEquals(times.stream().sorted().toList(), times, "in time order");
        assertTrue(s.timeline().containsAll(BASE.timeline()));
        assertEquals(BASE.withTimeline(List.of()), s.withTimeline(List.of()), "nothing but the timeline differs");

        Path file = dir.resolve("branch.json");
        ScenarioFiles.writeAtomically(file, ScenarioFiles.write(s));
        Scenario read = ScenarioFiles.read(file);
        assertEquals(s.timeline().size(), read.timeline().size());
        assertTrue(read.timeline().stream().anyMatch(e -> e.atSeconds() == 30.001 && "workload.arrival.ratePerSecond".equals(e.path())
                && ((Number) e.value()).doubleValue() == 900), "the change is on the file's timeline at its moment");
        assertEquals(List.of("branch.json"), Files.list(dir).map(p -> p.getFileName().toString()).toList(), "no temporary file left");
    }

    @Test
    void namesAreTrimmedAndMustBeNonEmptyShortAndUnique() {
        Branches b = new Branches(BASE);
        b.record(rate(30.001, 900));
        Branch fork = b.fork(10 * S);
        b.rename(fork.id(), "  more instances  ");
        assertEquals("more instances", b.view().byId(fork.id()).name());
        assertEquals("branch name: empty; give the branch a name",
                assertThrows(IllegalArgumentException.class, () -> b.rename(fork.id(), "   ")).getMessage());
        assertEquals("branch name: \"MAIN\" is taken by another branch",
                assertThrows(IllegalArgumentException.class, () -> b.rename(fork.id(), "MAIN")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.rename(fork.id(), "x".repeat(61))).getMessage()
                .contains("at most 60"));
        long version = b.view().version();
        b.rename(Branch.ROOT_ID, "baseline");
        assertEquals("baseline", b.view().byId(Branch.ROOT_ID).name());
        assertTrue(b.view().version() > version);
    }

    @Test
    void neitherTheRootNorTheCurrentBranchCanBeDeletedAndAForkOfADeletedBranchMovesToItsParent() {
        Branches b = new Branches(BASE);
        b.record(rate(30.001, 900));
        Branch first = b.fork(10 * S);
        b.record(rate(20.001, 700));
        Branch second = b.fork(25 * S);
        assertEquals(first.id(), second.parentId());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.delete(Branch.ROOT_ID)).getMessage().contains("first branch"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.delete(second.id())).getMessage().contains("the run is on it"));
        b.delete(first.id());
        assertNull(b.view().byId(first.id()));
        assertEquals(Branch.ROOT_ID, b.view().byId(second.id()).parentId(), "its fork now compares with main");
        assertEquals(List.of(20.001), b.view().byId(second.id()).commands().stream().map(Scenario.TimelineEntry::atSeconds).toList(),
                "and keeps its own commands");
        assertThrows(IllegalArgumentException.class, () -> b.switchTo(first.id()));
        Branch third = b.fork(12 * S);
        assertEquals(3, third.id(), "ids are not reused");
        assertEquals("fork 3 at 0:12", third.name());
    }
}
