package dev.scalelab.ui.balancing;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.runtime.PanelSource;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;

import java.util.concurrent.CompletableFuture;

/**
 * What the Load balancing panel asks of the simulation: the runner's commands it uses, behind an
 * interface so the view model can be tested with a recording fake. Every method only enqueues a
 * command (see {@link SimulationRunner}).
 */
interface BalancerCommands {
    void set(Parameter parameter, Object value);

    void act(Action action, String target, Double value);

    CompletableFuture<Scenario> currentScenario();

    void startRace(Scenario scenario, Strategy left, Strategy right);

    void setRaceStrategy(Strategy right);

    void stopRace();

    /**
     * The commands of a panel on {@code source} that has no race (a drawn balancer of the canvas's run):
     * its changes and instance actions go to the source; a race asked for ends at once, with no scenario.
     */
    static BalancerCommands withoutRace(PanelSource source) {
        return new BalancerCommands() {
            @Override
            public void set(Parameter parameter, Object value) {
                source.set(parameter, value);
            }

            @Override
            public void act(Action action, String target, Double value) {
                source.act(action, target, value, 0);
            }

            @Override
            public CompletableFuture<Scenario> currentScenario() {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void startRace(Scenario scenario, Strategy left, Strategy right) {
            }

            @Override
            public void setRaceStrategy(Strategy right) {
            }

            @Override
            public void stopRace() {
            }
        };
    }

    static BalancerCommands of(SimulationRunner runner) {
        return new BalancerCommands() {
            @Override
            public void set(Parameter parameter, Object value) {
                runner.set(parameter, value);
            }

            @Override
            public void act(Action action, String target, Double value) {
                runner.act(action, target, value, 0); // the instance actions last until undone
            }

            @Override
            public CompletableFuture<Scenario> currentScenario() {
                return runner.currentScenario();
            }

            @Override
            public void startRace(Scenario scenario, Strategy left, Strategy right) {
                runner.startRace(scenario, left, right);
            }

            @Override
            public void setRaceStrategy(Strategy right) {
                runner.setRaceStrategy(right);
            }

            @Override
            public void stopRace() {
                runner.stopRace();
            }
        };
    }
}
