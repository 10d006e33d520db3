package dev.scalelab.ui.resilience;

import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * The faults the pane lists: those on the scenario's timeline, each marked as to come, on or over
 * at the current virtual time, and those active now on each dependency (from the timeline or a
 * button).
 */
final class FaultSchedule {
    private FaultSchedule() {
    }

    /** One line of the schedule. */
    record Line(String text, Status status) {
    }

    enum Status { COMING, ACTIVE, OVER }

    static boolean isDependencyFault(String command) {
        Action a = Action.byId(command);
        return a == Action.ERROR_RATE || a == Action.LATENCY || a == Action.OUTAGE;
    }

    /** "60 s  payments-naive: outage for 30 s", with its status at {@code nowSeconds}. */
    static List<Line> timeline(Scenario scenario, double nowSeconds) {
        List<Line> lines = new ArrayList<>();
        for (Scenario.TimelineEntry e : scenario.timeline()) {
            if (!isDependencyFault(e.command())) {
                continue;
            }
            Status status = nowSeconds < e.atSeconds() ? Status.COMING
                    : nowSeconds < e.atSeconds() + e.durationSeconds() ? Status.ACTIVE : Status.OVER;
            lines.add(new Line(Parameter.format(e.atSeconds()) + " s  " + e.target() + ": " + describe(e.command(), e.value())
                    + " for " + Parameter.format(e.durationSeconds()) + " s", status));
        }
        return lines;
    }

    /** "payments-naive: outage (connections refused) until 90 s", one line per active fault. */
    static List<String> active(List<Snapshot.DependencyView> dependencies) {
        List<String> lines = new ArrayList<>();
        for (Snapshot.DependencyView d : dependencies) {
            for (String fault : d.activeFaults()) {
                lines.add(d.name() + ": " + fault);
            }
        }
        return lines;
    }

    private static String describe(String command, Object value) {
        if (!(value instanceof Number)) {
            return command;
        }
        double v = ((Number) value).doubleValue();
        switch (Action.byId(command)) {
            case ERROR_RATE: return "+" + Parameter.format(v * 100) + " % errors";
            case LATENCY: return "+" + Parameter.format(v) + " ms latency";
            default: return command;
        }
    }
}
