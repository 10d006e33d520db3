package dev.scalelab.runtime;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of a run's history: the scenario as loaded and the user's commands on it, each at the
 * virtual time it took effect. A branch made by changing something at a past moment (a fork) holds
 * its parent's commands up to that moment and its own from there on. Immutable: any thread.
 *
 * @param id             unique within its {@link Branches}; the root's is {@link #ROOT_ID}
 * @param name           what the user calls it: "main", "fork 1 at 2:00", or a name of their own
 * @param parentId       the branch it was forked from, or {@link #NO_PARENT} for the root
 * @param forkSeconds    the virtual time it left its parent (0 for the root)
 * @param base           the scenario as loaded, its own timeline kept
 * @param commands       the user's commands, in the order they were given (so in time order)
 * @param reachedSeconds the furthest virtual time a run of this branch got to so far
 */
public record Branch(int id, String name, int parentId, double forkSeconds, Scenario base,
                     List<Scenario.TimelineEntry> commands, double reachedSeconds) {
    public static final int ROOT_ID = 0;
    public static final int NO_PARENT = -1;

    public Branch {
        Objects.requireNonNull(name);
        Objects.requireNonNull(base);
        commands = List.copyOf(commands);
    }

    public boolean isRoot() {
        return parentId == NO_PARENT;
    }

    /**
     * The scenario that replays this branch: the base with the user's commands merged into its
     * timeline by time. The sort is stable and the scenario's own entries come first, so at equal
     * times the scenario's command runs before the user's, as in the live run (and as
     * {@code World.recordedScenario()} orders them).
     */
    public Scenario scenario() {
        if (commands.isEmpty()) {
            return base;
        }
        List<Scenario.TimelineEntry> merged = new ArrayList<>(base.timeline());
        merged.addAll(commands);
        merged.sort((a, b) -> Double.compare(a.atSeconds(), b.atSeconds()));
        return base.withTimeline(merged);
    }

    /** Whether one of the user's commands on this branch takes effect after {@code nowNanos}: the future a change would replace. */
    public boolean hasCommandsAfter(long nowNanos) {
        return commands.stream().anyMatch(c -> Simulation.secondsToNanos(c.atSeconds()) > nowNanos);
    }

    /** The user's commands that took effect at or before {@code nowNanos}: the past a fork keeps. */
    List<Scenario.TimelineEntry> commandsUpTo(long nowNanos) {
        return commands.stream().filter(c -> Simulation.secondsToNanos(c.atSeconds()) <= nowNanos).toList();
    }

    Branch withName(String newName) {
        return new Branch(id, newName, parentId, forkSeconds, base, commands, reachedSeconds);
    }

    Branch withParent(int newParentId) {
        return new Branch(id, name, newParentId, forkSeconds, base, commands, reachedSeconds);
    }

    Branch withCommand(Scenario.TimelineEntry command) {
        List<Scenario.TimelineEntry> more = new ArrayList<>(commands);
        more.add(command);
        return new Branch(id, name, parentId, forkSeconds, base, more, Math.max(reachedSeconds, command.atSeconds()));
    }

    Branch reached(double seconds) {
        return seconds <= reachedSeconds ? this : new Branch(id, name, parentId, forkSeconds, base, commands, seconds);
    }
}
