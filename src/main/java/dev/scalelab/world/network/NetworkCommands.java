package dev.scalelab.world.network;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.ScenarioException;

/** When a command given while a drawn system runs takes effect. */
final class NetworkCommands {
    private NetworkCommands() {
    }

    /**
     * Runs to the first whole millisecond after now at which no event is due, and returns it (in
     * seconds): a command given while the run goes runs there. A replay runs the same command from the
     * timeline as an event at that moment, which then comes first of all the moment holds, as here:
     * nothing else is due then. (At a moment with events of its own, the replay's would come before
     * some of them and the live command after all.)
     *
     * @throws ScenarioException when the run ends first (it has then run to its end)
     */
    static double advance(Network net) {
        long end = Simulation.secondsToNanos(net.durationSeconds());
        long at = (net.sim.nowNanos() / Simulation.NANOS_PER_MILLI + 1) * Simulation.NANOS_PER_MILLI;
        while (true) {
            if (at > end) {
                // A replay would not run it (the run ends first): neither does this run.
                net.sim.runUntil(end);
                throw new ScenarioException("command", "the run has ended at " + Parameter.format(net.durationSeconds()) + " s");
            }
            net.sim.runUntil(at - 1);
            if (net.sim.nextEventTime() != at) {
                break;
            }
            at += Simulation.NANOS_PER_MILLI;
        }
        net.sim.runUntil(at); // nothing is due at {@code at}: only the clock moves
        return at / (double) Simulation.NANOS_PER_SECOND;
    }
}
