package dev.scalelab.world;

import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache, database and mesh presets do what their descriptions promise, in the whole system. */
class SystemPresetsTest {

    private static void runTo(World w, double seconds) {
        w.advanceTo(Simulation.secondsToNanos(seconds));
    }

    @Test
    void cacheStampedeSendsAHotKeysMissesToTheStoreUntilCoalescingTurnsThemIntoOneLoad() {
        World w = new World(Presets.load("cache-stampede"));
        runTo(w, 59.999);
        long before = w.snapshot().cache().duplicateLoads();
        runTo(w, 62);
        long stampede = w.snapshot().cache().duplicateLoads() - before;
        // Key 0 draws 1/H(1000, 1.4) = 33% of 4000 reads/s, about 1300/s; its loads take ~800 ms, and the
        // stampede lasts until the first of them returns: hundreds of duplicate loads, where the store
        // otherwise sees about a hundred loads per second.
        assertTrue(stampede >= 100, "duplicate loads in the stampede: " + stampede);
        double[] duplicatesPerSecond = w.snapshot().cache().duplicateLoadsPerSecond();
        double[] loadsPerSecond = w.snapshot().cache().storeLoadsPerSecond();
        int n = loadsPerSecond.length;
        assertEquals(stampede, duplicatesPerSecond[n - 2] + duplicatesPerSecond[n - 1], 0.0, "the series sums the same loads");
        assertTrue(loadsPerSecond[n - 2] > 5 * loadsPerSecond[n - 4], "a spike on the store: " + java.util.Arrays.toString(loadsPerSecond));
        runTo(w, 149.999);
        long beforeSecond = w.snapshot().cache().duplicateLoads();
        long coalescedBefore = w.snapshot().cache().coalescedReads();
        runTo(w, 152);
        assertTrue(w.snapshot().cache().coalesce());
        assertEquals(beforeSecond, w.snapshot().cache().duplicateLoads(), "one load for the whole burst");
        long coalesced = w.snapshot().cache().coalescedReads() - coalescedBefore;
        assertTrue(coalesced >= 100, "coalesced reads: " + coalesced);
        double[] coalescedPerSecond = w.snapshot().cache().coalescedReadsPerSecond();
        int m = coalescedPerSecond.length;
        assertEquals(coalesced, coalescedPerSecond[m - 2] + coalescedPerSecond[m - 1], 0.0);
    }

    @Test
    void l1HitRatioUnderZipfIsCloseToChesPredictionAndBelowBeladysOptimum() {
        Scenario s = Parameter.of("workload.keys.scanFraction").applyTo(Presets.load("cache-stampede"), 0.0).withTimeline(java.util.List.of());
        // Reads only, so that no write invalidates anything: the IRM setting of Che's approximation.
        s = Parameter.of("workload.readRatio").applyTo(s, 1.0);
        World w = new World(s);
        runTo(w, 120);
        Snapshot.CacheLevelView l1 = w.snapshot().cache().levels().get(0);
        assertEquals(l1.cheHitRatio(), l1.hitRatio(), 0.02 * l1.cheHitRatio(), "L1 " + l1.hitRatio() + " vs Che " + l1.cheHitRatio());
        double optimum = w.snapshot().cache().optimalHitRatio();
        assertTrue(w.snapshot().cache().hitRatio() < optimum, w.snapshot().cache().hitRatio() + " vs MIN " + optimum);
    }

    @Test
    void reshardingModNMovesMostKeysWhileConsistentHashingMovesAboutOneInNPlusOne() {
        World w = new World(Presets.load("resharding"));
        runTo(w, 120);
        DatabaseView.MigrationView mod = w.snapshot().data().database().migration();
        // 4 -> 5 shards under mod: a key stays only if h mod 4 == h mod 5, about 1 in 5.
        assertEquals(0.8, mod.fractionOfKeys(), 0.01);
        assertEquals(1.0, mod.progress());
        runTo(w, 300);
        DatabaseView.MigrationView ch = w.snapshot().data().database().migration();
        assertEquals("consistent-hash", w.snapshot().data().database().strategy().id());
        assertEquals(1.0 / 5, ch.fractionOfKeys(), 0.03);
        assertEquals(0, w.snapshot().failed());
    }

    @Test
    void replicaLagBreaksReadYourWritesUntilTheSessionGuaranteeIsOn() {
        World w = new World(Presets.load("replica-lag"));
        runTo(w, 120);
        DatabaseView.Counters eventual = w.snapshot().data().database().counters();
        assertTrue(eventual.readYourWritesViolations() > 100, "violations " + eventual.readYourWritesViolations());
        assertTrue(eventual.staleReads() > 1000);
        // Reads issued under eventual consistency may still complete just after the switch.
        runTo(w, 121);
        long atSwitch = w.snapshot().data().database().counters().readYourWritesViolations();
        runTo(w, 300);
        DatabaseView.Counters after = w.snapshot().data().database().counters();
        assertEquals(atSwitch, after.readYourWritesViolations(), "none under read-your-writes");
        assertEquals("read-your-writes", w.snapshot().data().consistency());
    }

    @Test
    void retryStormTriplesTheLoadOnTheNaiveClientWhileTheProtectedOneContainsIt() {
        World w = new World(Presets.load("retry-storm"));
        runTo(w, 59.999);
        Snapshot before = w.snapshot();
        runTo(w, 89.999);
        Snapshot during = w.snapshot();
        Snapshot.DependencyView naive0 = before.dependencies().get(0);
        Snapshot.DependencyView naive1 = during.dependencies().get(0);
        Snapshot.DependencyView prot0 = before.dependencies().get(1);
        Snapshot.DependencyView prot1 = during.dependencies().get(1);
        double naiveAmplification = (naive1.stats().attemptsSent() - naive0.stats().attemptsSent())
                / (double) (naive1.stats().requests() - naive0.stats().requests());
        double protectedAmplification = (prot1.stats().attemptsSent() - prot0.stats().attemptsSent())
                / (double) (prot1.stats().requests() - prot0.stats().requests());
        assertEquals(3.0, naiveAmplification, 0.05, "three attempts per request during the outage");
        assertTrue(protectedAmplification < 0.2, "the protected client sent " + protectedAmplification + " per request");
        assertTrue(w.decisions().stream().anyMatch(d -> d.message().startsWith("payments-protected: CLOSED -> OPEN")));
        runTo(w, 180);
        assertEquals(dev.scalelab.engine.resilience.BreakerState.CLOSED, w.snapshot().dependencies().get(1).breaker().state());
    }

    @Test
    void aScenarioWithoutTheOptionalPartsRunsWithoutThem() {
        World w = new World(ScenarioFiles.parse("{\"schema\":1}"));
        runTo(w, 10);
        Snapshot s = w.snapshot();
        assertEquals(null, s.cache());
        assertEquals(null, s.data());
        assertTrue(s.dependencies().isEmpty());
        assertTrue(s.completed() > 3000);
    }

    @Test
    void theSameSeedGivesTheSameRunWithEveryPartInPlay() {
        for (String name : new String[] {"cache-stampede", "replica-lag", "retry-storm"}) {
            Scenario s = Presets.load(name).withDurationSeconds(70);
            World a = new World(s);
            World b = new World(s);
            runTo(a, 70);
            runTo(b, 70);
            assertEquals(Report.toJson(Report.of(a, 0)), Report.toJson(Report.of(b, 0)), name);
        }
    }

    @Test
    void everyPresetRunsAMinuteServingItsTraffic() {
        for (String name : Presets.names()) {
            World w = new World(Presets.load(name));
            runTo(w, 60);
            Snapshot s = w.snapshot();
            assertTrue(s.offered() > 0, name);
            // Rejections and failures are part of some lessons, but most traffic is served in every preset,
            // or answered by the gateway on purpose (429 over a client's quota, 503 shed).
            long answered = s.completed() + (s.gateway() == null ? 0 : s.gateway().limited() + s.gateway().shed());
            assertTrue(answered > 0.5 * s.offered(), name + ": " + answered + " of " + s.offered());
            assertTrue(s.totalLatency().count() > 0, name + ": no latency recorded");
        }
    }
}
