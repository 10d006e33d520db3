package dev.scalelab.ui.scaling;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view model against a real flash-sale world, run in virtual time. */
class ScalingViewModelTest {
    private final World world = new World(Presets.load("flash-sale"));
    private final List<String> sent = new ArrayList<>();
    private final ScalingViewModel viewModel = new ScalingViewModel((action, target, value, duration) -> {
        sent.add(action.id() + " " + target + " " + value);
        world.advanceTo(world.commandTimeNanos());
        world.applyUserCommand(Scenario.TimelineEntry.action(0, action, target, value, duration));
    });

    private Snapshot runTo(double seconds) {
        world.advanceTo(Simulation.secondsToNanos(seconds));
        Snapshot s = world.snapshot();
        viewModel.update(s);
        return s;
    }

    @Test
    void theHeaderShowsThePolicyTheReplicasTheSizeAndTheCost() {
        runTo(10);
        assertEquals("HPA · CPU 60 %", viewModel.autoscalerProperty().get());
        assertEquals("4 / 4", viewModel.replicasProperty().get());
        assertEquals("medium · 2 vCPU", viewModel.sizeProperty().get());
        assertEquals("$0.384 / h", viewModel.costRateProperty().get(), "4 medium instances at $0.096 an hour");
        assertEquals("off", viewModel.verticalProperty().get());
        assertFalse(viewModel.verticalShownProperty().get());
    }

    @Test
    void theLastDecisionComesWithItsTimeAndACountdownToTheNext() {
        runTo(10);
        assertEquals("Horizontal autoscaler · no decision yet · next in 5 s", viewModel.decisionTitleProperty().get());
        runTo(140); // the spike began at 120 s; the HPA saw it at 135 s
        DecisionText d = viewModel.decisionProperty().get();
        assertEquals("HPA", d.source());
        assertEquals("7", d.outcome());
        assertEquals("HPA decision at 02:15.0 · next in 10 s", viewModel.decisionTitleProperty().get());
        assertEquals("4 / 7", viewModel.replicasProperty().get(), "4 ready of 7 desired");
        assertTrue(viewModel.decisionHelpProperty().get().startsWith("Kubernetes HPA"));
    }

    @Test
    void aNewSyncPeriodRestartsTheCountdownFromTheChange() {
        runTo(20);
        world.advanceTo(world.commandTimeNanos());
        world.applyUserChange(Parameter.of("autoscaler.syncPeriodSeconds"), 60.0);
        runTo(22);
        // The change lands at 20.001 s (commands take effect at the next whole millisecond): due at 80.001 s.
        assertTrue(viewModel.decisionTitleProperty().get().endsWith("next in 59 s"), viewModel.decisionTitleProperty().get());
    }

    @Test
    void aPanelShownLateCountsFromTheLaterOfTheLastDecisionAndTheLastChange() {
        world.advanceTo(Simulation.secondsToNanos(100));
        world.advanceTo(world.commandTimeNanos());
        world.applyUserChange(Parameter.of("autoscaler.syncPeriodSeconds"), 30.0); // at 100.001 s, after the decision at 90 s
        runTo(110); // the view model's first snapshot
        assertTrue(viewModel.decisionTitleProperty().get().endsWith("next in 21 s"), viewModel.decisionTitleProperty().get());
    }

    @Test
    void killingTheSelectedInstanceFailsItAndTheSelectionEndsWhenItIsGone() {
        runTo(5);
        assertFalse(viewModel.canKillProperty().get());
        assertEquals("Select an instance first: click its tile in the pool.", viewModel.whyNotProperty().get());
        viewModel.select("i-1");
        assertTrue(viewModel.canKillProperty().get());
        assertTrue(viewModel.selectionProperty().get().startsWith("i-1 · ready · medium, 2 vCPU"), viewModel.selectionProperty().get());

        viewModel.killSelected();
        assertEquals(List.of("kill-instance i-1 null"), sent);
        runTo(6);
        assertFalse(viewModel.canKillProperty().get());
        assertEquals("i-1 has failed; the pool is replacing it.", viewModel.whyNotProperty().get());
        runTo(10); // a failed instance stays in view for 3 s
        assertNull(viewModel.selectedIdProperty().get());
    }

    @Test
    void aSlowInstanceCanBeRestoredToFullSpeed() {
        runTo(5);
        viewModel.select("i-2");
        assertTrue(viewModel.canSlowProperty().get());
        assertFalse(viewModel.canRestoreProperty().get());
        viewModel.slowSelected();
        runTo(6);
        assertFalse(viewModel.canSlowProperty().get());
        assertTrue(viewModel.canRestoreProperty().get());
        assertTrue(viewModel.selectionProperty().get().endsWith("25 % speed"), viewModel.selectionProperty().get());
        viewModel.restoreSelected();
        runTo(7);
        assertEquals(List.of("slow-instance i-2 0.25", "slow-instance i-2 1.0"), sent);
        assertTrue(viewModel.canSlowProperty().get());
    }

    @Test
    void removeTakesTheSelectedInstanceOrLetsThePoolChoose() {
        runTo(5);
        viewModel.removeInstance();
        viewModel.select("i-3");
        viewModel.removeInstance();
        viewModel.addInstance();
        assertEquals(List.of("remove-instance null null", "remove-instance i-3 null", "add-instance null null"), sent);
    }

    @Test
    void theLoadLineIsTheReplicasTheOfferedWorkNeedsAtTheTarget() {
        // 1,200 req/s × 25 ms = 30 busy workers; at 60 % of 4 workers a replica carries 2.4 of them.
        assertEquals(12.5, ScalingViewModel.neededReplicas(1200, 25, 4, 0.6), 1e-9);
        runTo(5);
        assertEquals(4, ScalingViewModel.workersPerReplica(world.snapshot()));
    }

    @Test
    void moneyShowsTheDigitsThatMatter() {
        assertEquals("$0.0013", ScalingViewModel.dollars(0.00131));
        assertEquals("$0.384", ScalingViewModel.dollars(0.384));
        assertEquals("$1,234.50", ScalingViewModel.dollars(1234.5));
    }

    @Test
    void chartsUpdateForNewSamplesAtMostFourTimesASecondButAtOnceAfterARestart() {
        long ms = 1_000_000L;
        assertFalse(viewModel.chartsDue(Double.NaN, 0), "no sample yet");
        assertTrue(viewModel.chartsDue(3, 0));
        assertFalse(viewModel.chartsDue(3, 100 * ms), "no new sample");
        assertFalse(viewModel.chartsDue(4, 100 * ms), "too soon after the last update");
        assertTrue(viewModel.chartsDue(4, 300 * ms), "the held-back sample shows later");
        assertTrue(viewModel.chartsDue(1, 350 * ms), "a restarted run clears the charts at once");
    }

    @Test
    void aVerticalResizeShowsItsDecisionAndHowFarTheRollHasGone() {
        World vertical = new World(ScenarioFiles.parse("{\"schema\":1,\"seed\":7,"
                + "\"workload\":{\"arrival\":{\"ratePerSecond\":290}},"
                + "\"service\":{\"instances\":4,\"workersPerInstance\":2,\"size\":\"small\","
                + "\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":25},\"provisionSeconds\":2,\"bootSeconds\":10},"
                + "\"verticalScaler\":{\"policy\":\"threshold\",\"intervalSeconds\":10,\"upThreshold\":0.8}}"));
        ScalingViewModel model = new ScalingViewModel((action, target, value, duration) -> { });
        vertical.advanceTo(Simulation.secondsToNanos(11));
        model.update(vertical.snapshot());
        assertEquals("vertical threshold", model.verticalDecisionProperty().get().source());
        assertEquals("medium", model.verticalDecisionProperty().get().outcome());
        assertTrue(model.verticalTitleProperty().get().startsWith("Vertical scaler (threshold) decision at 00:10.0 · next in"),
                model.verticalTitleProperty().get());
        assertEquals("medium (rolling 0/5)", model.sizeProperty().get(), "one new instance boots before an old one drains");
        assertEquals("threshold > 80 %", model.verticalProperty().get());
        assertEquals("none", model.autoscalerProperty().get());
    }

    @Test
    void eachPolicyIsNamedWithWhatItAimsFor() {
        Scenario.Autoscaler hpa = world.snapshot().current().autoscaler();
        assertTrue(ScalingViewModel.actsOnCpu(hpa));
        Scenario tracking = Parameter.of("autoscaler.targetValue").applyTo(
                Parameter.of("autoscaler.policy").applyTo(world.snapshot().current(), "target-tracking"), 250.0);
        assertEquals("target tracking · p95 latency 250 ms", ScalingViewModel.describeAutoscaler(tracking.autoscaler()));
        assertFalse(ScalingViewModel.actsOnCpu(tracking.autoscaler()));
        assertTrue(ScalingViewModel.explainPolicy(tracking.autoscaler()).contains("p95 latency 250 ms"));
    }

    @Test
    void aStartingVerticalScalerShowsItsTitleAndNoDecisionYet() {
        runTo(5);
        world.advanceTo(world.commandTimeNanos());
        world.applyUserChange(Parameter.of("verticalScaler.policy"), "vpa");
        runTo(6);
        assertTrue(viewModel.verticalShownProperty().get());
        assertTrue(viewModel.verticalTitleProperty().get().startsWith("Vertical scaler (vpa) · no decision yet · next in"),
                viewModel.verticalTitleProperty().get());
        assertTrue(viewModel.verticalProperty().get().startsWith("VPA"), viewModel.verticalProperty().get());
    }
}
