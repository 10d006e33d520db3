package dev.scalelab.ui.resilience;

import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The panel's memory of a real retry-storm run, fed frame by frame as the window would at 1×. */
class ResilienceViewModelTest {
    private static final double FRAME_SECONDS = 0.1;

    /** Fed by hand below; its runner is never started, it only stands where the panel's commands go. */
    private final ResilienceViewModel viewModel = new ResilienceViewModel(
            new SimulationRunner(Presets.load("retry-storm"), false), name -> { });

    private Snapshot runTo(World world, double fromSeconds, double toSeconds) {
        Snapshot s = null;
        for (double t = fromSeconds + FRAME_SECONDS; t <= toSeconds + 1e-9; t += FRAME_SECONDS) {
            world.advanceTo(Simulation.secondsToNanos(t));
            s = world.snapshot();
            viewModel.update(s, (long) (t * 1e9));
        }
        return s;
    }

    private static double at(SecondHistory h, double second, int column) {
        for (int i = 0; i < h.size(); i++) {
            if (h.time(i) == second) {
                return h.value(column, i);
            }
        }
        throw new AssertionError("no point at " + second);
    }

    @Test
    void theRetryStormShowsAsTripledLoadOnTheNaiveClientAndAnOpenBreakerOnTheOther() {
        World world = new World(Presets.load("retry-storm"));
        runTo(world, 0, 85);
        assertFalse(viewModel.emptyProperty().get());
        DependencyTrack naive = viewModel.tracks().get(0);
        DependencyTrack protectedOne = viewModel.tracks().get(1);
        assertEquals("payments-naive", naive.name());

        // Before the outage every request makes one attempt.
        assertEquals(1.0, at(naive.history(), 50, SecondHistory.AMPLIFICATION), 0.05);
        // During it the naive client sends every request three times: the load triples.
        double naiveAttempts = at(naive.history(), 80, SecondHistory.ATTEMPTS);
        double naiveRequests = at(naive.history(), 80, SecondHistory.REQUESTS);
        assertEquals(3.0, naiveAttempts / naiveRequests, 0.1);
        assertEquals(100.0, at(naive.history(), 80, SecondHistory.FAILURE_RATE), 1);
        // The protected one's breaker is open most of the time: it sends a fraction of one attempt per request.
        assertTrue(at(protectedOne.history(), 80, SecondHistory.AMPLIFICATION) < 0.5);
        assertEquals(50.0, at(protectedOne.history(), 80, SecondHistory.THRESHOLD));

        StateSpans states = protectedOne.states();
        assertEquals(BreakerState.CLOSED, states.state(0));
        assertEquals(BreakerState.OPEN, states.state(1));
        assertEquals(60.0, states.startSeconds(1), 0.5, "it opens within moments of the outage at 60 s");
        assertEquals(BreakerState.DISABLED, naive.states().state(0), "no breaker");
        assertEquals(1, naive.states().size());
    }

    @Test
    void dotsFollowTheAttemptsAtTheScaleOfTheRequests() {
        World world = new World(Presets.load("retry-storm"));
        runTo(world, 0, 70);
        // 400 requests per second at 1×: one dot per five attempts gives about 120 dots a second.
        assertEquals(5, viewModel.attemptsPerDot());
        int dots = 0;
        int bounces = 0;
        for (int frame = 1; frame <= 100; frame++) {
            double t = 70 + frame * FRAME_SECONDS;
            world.advanceTo(Simulation.secondsToNanos(t));
            viewModel.update(world.snapshot(), (long) (t * 1e9));
            dots += viewModel.tracks().get(0).dots().sent();
            bounces += viewModel.tracks().get(1).dots().rejectedByBreaker();
        }
        // In ten seconds of the outage the naive client sends about 3 × 200 × 10 attempts, a fifth of them as dots.
        assertEquals(1200, dots, 150);
        assertTrue(bounces > 100, "the open breaker rejects most of the protected client's calls: " + bounces);
    }

    @Test
    void chartsUpdateOnANewSecondAtMostFourTimesASecondAndAtOnceAfterARestart() {
        World world = new World(Presets.load("retry-storm"));
        Snapshot s = runTo(world, 0, 3);
        assertTrue(viewModel.chartsDue(3_000_000_000L));
        assertFalse(viewModel.chartsDue(3_010_000_000L), "no new second");
        runTo(world, 3, 4);
        assertFalse(viewModel.chartsDue(3_100_000_000L), "too soon");
        assertTrue(viewModel.chartsDue(3_300_000_000L));

        World again = new World(Presets.load("retry-storm"));
        again.advanceTo(Simulation.secondsToNanos(1.5));
        viewModel.update(again.snapshot(), 3_400_000_000L);
        assertTrue(viewModel.restarted());
        assertEquals(1, viewModel.tracks().get(0).history().size(), "the old run's points are gone");
        assertTrue(viewModel.chartsDue(3_400_000_001L));
        assertTrue(s.timeSeconds() > again.snapshot().timeSeconds());
    }

    @Test
    void aRestartToTimeZeroWhilePausedIsChartedAtOnceThoughThereIsNoPointYet() {
        World world = new World(Presets.load("retry-storm"));
        runTo(world, 0, 5);
        assertTrue(viewModel.chartsDue(5_000_000_000L));

        // A new scenario chosen while paused: the runner publishes t = 0 and nothing more until Play.
        viewModel.update(new World(Presets.load("retry-storm")).snapshot(), 5_010_000_000L);
        assertTrue(viewModel.restarted());
        assertTrue(Double.isNaN(viewModel.newestSecond()), "no point in the new run yet");
        assertTrue(viewModel.chartsDue(5_020_000_000L), "the old curves must go now, not at the new run's first second");
        assertFalse(viewModel.chartsDue(5_030_000_000L), "once");
    }

    @Test
    void aScenarioWithoutDependenciesIsEmpty() {
        World world = new World(Presets.load("default"));
        world.advanceTo(Simulation.secondsToNanos(1));
        viewModel.update(world.snapshot(), 0);
        assertTrue(viewModel.emptyProperty().get());
        assertTrue(viewModel.tracks().isEmpty());
        assertFalse(viewModel.chartsDue(1));
    }
}
