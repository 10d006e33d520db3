package dev.scalelab.seeds;

import dev.scalelab.practice.Headline;
import dev.scalelab.world.FieldSpec;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFields;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SweepTest {
    private static final Scenario SHORT = Presets.load("default").withDurationSeconds(10);

    @Test
    void theGridIsEveryCombinationTheFirstFieldSlowest() {
        assertEquals(List.of(List.of("2", "a"), List.of("2", "b"), List.of("3", "a"), List.of("3", "b")),
                SweepValues.points(List.of(List.of("2", "3"), List.of("a", "b"))));
    }

    @Test
    void valuesAreAListOrADecimalRange() {
        FieldSpec instances = ScenarioFields.spec("service.instances");
        assertEquals(List.of("0.1", "0.2", "0.3"), SweepValues.parse(ScenarioFields.spec("workload.readRatio"), "0.1..0.3:0.1"));
        assertEquals(List.of("2", "4", "8"), SweepValues.parse(instances, " 2, 4,8 "));
        assertEquals("the step must be above 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> SweepValues.parse(instances, "2..8:0")).getMessage());
        assertEquals("a range needs a number field; list the values instead (one of round-robin, smooth-weighted-round-robin, "
                        + "least-connections, random, weighted-random, p2c, least-request, peak-ewma, ring-hash, maglev)",
                assertThrows(IllegalArgumentException.class,
                        () -> SweepValues.parse(ScenarioFields.spec("balancer.strategy"), "1..2:1")).getMessage());
    }

    @Test
    void eachPointIsItsOwnSeedBandWhateverTheThreads() {
        List<List<String>> points = SweepValues.points(List.of(List.of("2", "4")));
        List<Scenario> scenarios = Sweep.scenarios(SHORT, List.of("service.instances"), points);
        List<Sweep.Point> one = Sweep.run(points, scenarios, 2, 1, null, null);
        List<Sweep.Point> two = Sweep.run(points, scenarios, 2, 2, null, null);
        for (int p = 0; p < 2; p++) {
            SeedBands.Runs alone = SeedBands.run("x", scenarios.get(p), SHORT.seed(), 2, 1, null, null);
            for (Headline h : List.of(Headline.P99_MS, Headline.THROUGHPUT, Headline.COST_PER_HOUR)) {
                assertEquals(alone.summary(h), one.get(p).figure(h), h + " at point " + p);
                assertEquals(one.get(p).figure(h), two.get(p).figure(h));
            }
        }
        assertEquals(2 * 0.096, one.get(0).figure(Headline.COST_PER_HOUR).mean(), 1e-9, "two medium instances");
        assertEquals("service.instances=4", one.get(1).where(List.of("service.instances")));
    }

    @Test
    void aValueTheFieldRefusesIsNamed() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Sweep.scenarios(SHORT, List.of("service.instances"), List.of(List.of("0"))));
        assertEquals("service.instances", e.field());
    }

    @Test
    void theParetoFrontIsWhatNothingBeatsOnBoth() {
        // (cost, p99): (1, 100) and (2, 50) and (4, 20) trade off; (3, 60) loses to (2, 50); (4, 30) loses to (4, 20).
        double[] cost = {1, 2, 3, 4, 4};
        double[] p99 = {100, 50, 60, 20, 30};
        assertArrayEquals(new boolean[] {true, true, false, true, false}, Sweep.paretoFront(cost, p99));
        assertArrayEquals(new boolean[] {true, true}, Sweep.paretoFront(new double[] {1, 1}, new double[] {5, 5}), "ties stay");
    }
}
