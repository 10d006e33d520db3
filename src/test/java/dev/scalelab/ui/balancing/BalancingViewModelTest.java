package dev.scalelab.ui.balancing;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalancingViewModelTest {
    private static final long SECOND = 1_000_000_000L;

    /** Records the commands as lines such as "set balancer.strategy p2c" or "act slow-instance i-3 0.25". */
    private static final class RecordingCommands implements BalancerCommands {
        final List<String> sent = new ArrayList<>();
        CompletableFuture<Scenario> scenario = new CompletableFuture<>();

        @Override
        public void set(Parameter parameter, Object value) {
            sent.add("set " + parameter.path() + " " + value);
        }

        @Override
        public void act(Action action, String target, Double value) {
            sent.add("act " + action.id() + " " + target + (value == null ? "" : " " + Parameter.format(value)));
        }

        @Override
        public CompletableFuture<Scenario> currentScenario() {
            sent.add("currentScenario");
            return scenario;
        }

        @Override
        public void startRace(Scenario s, Strategy left, Strategy right) {
            sent.add("startRace " + s.name() + " " + left.id() + " " + right.id());
        }

        @Override
        public void setRaceStrategy(Strategy right) {
            sent.add("setRaceStrategy " + right.id());
        }

        @Override
        public void stopRace() {
            sent.add("stopRace");
        }
    }

    private final RecordingCommands commands = new RecordingCommands();
    private final BalancingViewModel model = new BalancingViewModel(commands);
    private Snapshot roundRobin;
    private Snapshot p2c;

    @BeforeEach
    void showARoundRobinRun() {
        roundRobin = Worlds.after(Worlds.slowInstance("round-robin"), 3);
        p2c = Worlds.after(Worlds.slowInstance("p2c"), 3);
        model.update(Worlds.frame(roundRobin, null, false), 0);
    }

    private void startRace() {
        model.setRaceMode(true);
        commands.scenario.complete(Presets.load("slow-instance"));
        model.poll(SECOND);
        model.update(Worlds.frame(roundRobin, p2c, false), 2 * SECOND);
        commands.sent.clear();
    }

    @Test
    void theLeftStrategyIsTheSimulationsAndTheRightOneStartsAsP2c() {
        assertEquals(Strategy.ROUND_ROBIN, model.leftStrategyProperty().get());
        assertEquals(Strategy.P2C, model.rightStrategyProperty().get());
        assertEquals("Round robin", model.left().strategyProperty().get());
    }

    @Test
    void raceModeStartsTheRaceOnceTheCurrentScenarioHasArrived() {
        model.setRaceMode(true);
        assertEquals(List.of("currentScenario"), commands.sent);
        assertTrue(model.raceModeProperty().get());
        assertFalse(model.raceShownProperty().get(), "nothing to show before the runner has two worlds");
        model.poll(SECOND);
        assertEquals(BalancingViewModel.RaceState.REQUESTED, model.raceState());

        commands.scenario.complete(Presets.load("slow-instance"));
        model.poll(2 * SECOND);
        assertEquals(List.of("currentScenario", "startRace slow-instance round-robin p2c"), commands.sent);
        assertEquals(BalancingViewModel.RaceState.STARTED, model.raceState());

        model.update(Worlds.frame(roundRobin, null, false), 2 * SECOND); // a frame published before the race began
        assertEquals(BalancingViewModel.RaceState.STARTED, model.raceState());
        model.update(Worlds.frame(roundRobin, p2c, false), 3 * SECOND);
        assertEquals(BalancingViewModel.RaceState.RUNNING, model.raceState());
        assertTrue(model.raceShownProperty().get());
        assertEquals("Power of d choices", model.right().strategyProperty().get());
    }

    @Test
    void switchingRaceModeOffBeforeTheScenarioArrivesStartsNoRace() {
        model.setRaceMode(true);
        model.setRaceMode(false);
        commands.scenario.complete(Presets.load("slow-instance"));
        model.poll(SECOND);
        assertEquals(List.of("currentScenario", "stopRace"), commands.sent);
        assertFalse(model.raceModeProperty().get());
    }

    @Test
    void leavingRaceModeStopsTheRace() {
        startRace();
        model.setRaceMode(false);
        assertEquals(List.of("stopRace"), commands.sent);
        assertFalse(model.raceModeProperty().get());
        assertFalse(model.raceShownProperty().get());
    }

    @Test
    void aResetThatEndsTheRaceSwitchesRaceModeOff() {
        startRace();
        model.update(Worlds.frame(roundRobin, null, false), 3 * SECOND);
        assertEquals(BalancingViewModel.RaceState.OFF, model.raceState());
        assertFalse(model.raceModeProperty().get());
        assertTrue(commands.sent.isEmpty(), "the simulation already left the race: " + commands.sent);
    }

    @Test
    void aRaceTheRunnerNeverShowsIsGivenUp() {
        model.setRaceMode(true);
        commands.scenario.complete(Presets.load("slow-instance"));
        model.poll(SECOND);
        model.poll(SECOND + BalancingViewModel.RACE_START_TIMEOUT_NANOS + 1);
        assertFalse(model.raceModeProperty().get());
    }

    @Test
    void choosingTheLeftStrategyDuringARaceGivesTheRightWorldItsOwnBack() {
        startRace();
        model.chooseLeftStrategy(Strategy.PEAK_EWMA);
        // The runner applies a parameter to both worlds, in order: the right one is switched back at once.
        assertEquals(List.of("set balancer.strategy peak-ewma", "setRaceStrategy p2c"), commands.sent);
    }

    @Test
    void choosingTheLeftStrategyOutsideARaceOnlySetsTheBalancer() {
        model.chooseLeftStrategy(Strategy.LEAST_CONNECTIONS);
        assertEquals(List.of("set balancer.strategy least-connections"), commands.sent);
    }

    @Test
    void theRightStrategySwitchesARunningRaceAndIsRememberedOtherwise() {
        model.chooseRightStrategy(Strategy.PEAK_EWMA);
        assertTrue(commands.sent.isEmpty());
        assertEquals(Strategy.PEAK_EWMA, model.rightStrategyProperty().get());

        startRace();
        model.chooseRightStrategy(Strategy.LEAST_REQUEST);
        assertEquals(List.of("setRaceStrategy least-request"), commands.sent);
        // A frame from before the switch was applied does not undo the choice.
        model.update(Worlds.frame(roundRobin, p2c, false), 3 * SECOND);
        assertEquals(Strategy.LEAST_REQUEST, model.rightStrategyProperty().get());
    }

    @Test
    void otherBalancerParametersGoToBothWorldsUnchanged() {
        startRace();
        model.send(Parameter.of("balancer.choices"), 3);
        assertEquals(List.of("set balancer.choices 3"), commands.sent);
    }

    @Test
    void theSelectedInstancesFieldsShowItsLiveValues() {
        model.select("i-3");
        assertEquals("1", model.weight().textProperty().get());
        assertEquals("0.2", model.speed().textProperty().get());
        assertEquals("0", model.errorRate().textProperty().get());
        assertEquals("i-3 is ready.", model.selectedSummaryProperty().get());
        assertEquals(List.of("i-0", "i-1", "i-2", "i-3", "i-4", "i-5", "i-6", "i-7"), model.instanceIds());
    }

    @Test
    void aTypedWeightIsSentForTheSelectedInstance() {
        model.select("i-5");
        model.weight().textProperty().set("3");
        assertTrue(model.commit(model.weight()));
        assertEquals(List.of("act weight-instance i-5 3"), commands.sent);
        assertEquals("", model.weight().errorProperty().get());
    }

    @Test
    void aWeightOutOfRangeIsRefusedNamingTheFieldAndNothingIsSent() {
        model.select("i-5");
        model.weight().textProperty().set("0");
        assertFalse(model.commit(model.weight()));
        assertEquals("Weight: 0 is out of range; a number from 0.001 to 1000 (the balancing weight)",
                model.weight().errorProperty().get());
        model.speed().textProperty().set("fast");
        assertFalse(model.commit(model.speed()));
        assertEquals("Speed: \"fast\" is not a number", model.speed().errorProperty().get());
        assertTrue(commands.sent.isEmpty());
    }

    @Test
    void withoutASelectedInstanceAFieldAsksForOne() {
        model.errorRate().textProperty().set("0.5");
        assertFalse(model.commit(model.errorRate()));
        assertEquals("Select an instance first: click it in the live view.", model.errorRate().errorProperty().get());
        assertTrue(commands.sent.isEmpty());
    }

    @Test
    void theInstanceActionsActOnTheSelectedInstance() {
        model.makeSelectedSlow();
        assertTrue(commands.sent.isEmpty(), "no instance selected");
        model.select("i-2");
        model.makeSelectedSlow();
        model.selectedReturnsErrors();
        model.restoreSelected();
        model.killSelected();
        assertEquals(List.of("act slow-instance i-2 0.25", "act error-instance i-2 0.5", "act slow-instance i-2 1",
                "act error-instance i-2 0", "act kill-instance i-2"), commands.sent);
    }

    @Test
    void anEditInProgressIsKeptWhileFramesArrive() {
        model.select("i-3");
        model.speed().textProperty().set("0.");
        model.update(Worlds.frame(roundRobin, null, false), SECOND);
        assertEquals("0.", model.speed().textProperty().get());
    }
}
