package dev.scalelab.runtime;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.sim.EventProfiler;
import dev.scalelab.world.Action;
import dev.scalelab.world.Breakpoint;
import dev.scalelab.world.BreakpointHit;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFields;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.World;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The worlds a {@link SimulationRunner} runs: the main one and, in a comparison, a second one in
 * lockstep (the Load balancing race is the comparison of two balancer strategies). Every new world
 * gets the runner's profiler and breakpoints, and the user's commands go to both worlds and into
 * the {@link ChangeHistory} that Undo, Redo and the "modified" mark read.
 * Confined to the simulation thread (the runner's constructor aside, before that thread starts).
 */
final class RunWorlds {
    private final EventProfiler profiler;
    private final ChangeHistory history;
    private World main;
    /** A comparison's second world (variant B), run to the main one's time; null otherwise. */
    private World race;
    /** What the comparison compares, published in every frame; null outside one and in a balancer race. */
    private Comparison comparison;
    /** Installed on every world made from now on, except one made by {@link #startUnwatched}. */
    private List<Breakpoint> breakpoints = List.of();
    /** The main world's branches: the one it runs, and the others the user can switch to. */
    private Branches branches;

    RunWorlds(Scenario scenario, EventProfiler profiler) {
        this.profiler = profiler;
        this.history = new ChangeHistory(scenario);
        this.main = watched(scenario);
        this.branches = new Branches(scenario);
    }

    Branches branches() {
        return branches;
    }

    World main() {
        return main;
    }

    /** The race world, or null outside race mode. */
    World race() {
        return race;
    }

    /** The labels of a comparison started by {@link #startCompare}, or null. */
    Comparison comparison() {
        return comparison;
    }

    List<World> all() {
        return race == null ? List.of(main) : List.of(main, race);
    }

    ChangeHistory history() {
        return history;
    }

    // ------------------------------------------------------------------ starting

    /** Starts over from {@code scenario}, at virtual time zero, leaving race mode. */
    void start(Scenario scenario) {
        history.started(scenario, main.restartScenario());
        stopRace();
        main = watched(scenario);
        branches = new Branches(scenario);
    }

    /**
     * As {@link #start}, but the world watches no breakpoint until {@link #watch()}: a seek runs
     * through them. The scenario of the current branch (a rewind) keeps the branches; any other
     * (a lesson's step) starts a new set. {@code parked}, when not null, is a world of
     * {@code scenario} already run part of the way (a checkpoint), which the seek goes on from.
     */
    void startUnwatched(Scenario scenario, World parked) {
        if (scenario.equals(branches.current().scenario())) {
            branches.reached(main.nowSeconds());
        } else {
            branches = new Branches(scenario);
        }
        replaceMainUnwatched(scenario, parked);
    }

    /**
     * Leaves the current branch for {@code id}, whose run starts unwatched (a seek goes on it) from
     * the world {@code parkedFor} gives for it (a checkpoint, or null); returns it.
     */
    Branch switchBranch(int id, Function<Branch, World> parkedFor) {
        branches.reached(main.nowSeconds());
        Branch b = branches.switchTo(id);
        replaceMainUnwatched(b.scenario(), parkedFor.apply(b));
        return b;
    }

    private void replaceMainUnwatched(Scenario scenario, World parked) {
        history.started(scenario, main.restartScenario());
        stopRace();
        main = profiled(parked != null ? parked : new World(scenario));
    }

    /** Installs the breakpoints on the main world (after a seek). */
    void watch() {
        main.setBreakpoints(breakpoints);
    }

    /** Race mode from {@code scenario}: the main world balances with {@code left}, the race world with {@code right}. */
    void startRace(Scenario scenario, Strategy left, Strategy right) {
        Parameter strategy = Parameter.of("balancer.strategy");
        startPair(strategy.applyTo(scenario, left.id()), strategy.applyTo(scenario, right.id()));
        comparison = null; // the Load balancing panel shows a race itself
    }

    /**
     * A comparison: variant {@code a} in the main world (the one the user's history and Undo follow),
     * variant {@code b} in the second one. Each world's randomness comes from its own scenario's
     * seed, so the same seed in both gives each the run it would have alone.
     */
    void startCompare(Scenario a, Scenario b, Comparison labels) {
        startPair(a, b);
        comparison = labels;
    }

    private void startPair(Scenario a, Scenario b) {
        history.started(a, main.restartScenario());
        main = watched(a);
        race = watched(b);
        branches = new Branches(main.initialScenario());
    }

    /** The run again from t = 0 on its restart scenario (the user's settings folded in), in race mode both worlds. */
    void startAgain() {
        Scenario again = main.restartScenario();
        history.started(again, again);
        main = watched(again);
        if (race != null) {
            race = watched(race.restartScenario());
        }
        branches = new Branches(again);
    }

    /** Leaves race mode or a comparison; the main world runs on. */
    void stopRace() {
        race = null;
        comparison = null;
    }

    /** Race mode: the race world's strategy, changed at once. */
    void setRaceStrategy(Strategy right) {
        if (race != null) {
            race.advanceTo(race.commandTimeNanos());
            race.applyUserChange(Parameter.of("balancer.strategy"), right.id());
        }
    }

    private World watched(Scenario scenario) {
        World w = profiled(new World(scenario));
        w.setBreakpoints(breakpoints);
        return w;
    }

    private World profiled(World w) {
        w.simulation().setProfiler(profiler);
        return w;
    }

    // ------------------------------------------------------------------ breakpoints

    /** The conditions every world watches from now on; {@code installNow} false leaves the running world as it is (a seek). */
    void setBreakpoints(List<Breakpoint> list, boolean installNow) {
        breakpoints = List.copyOf(list);
        if (installNow) {
            main.setBreakpoints(breakpoints);
        }
        if (race != null) {
            race.setBreakpoints(breakpoints);
        }
    }

    /** The breakpoint that fired in either world since the last call, the main world's first; else null. */
    BreakpointHit takeHit() {
        BreakpointHit hit = main.takeBreakpointHit();
        BreakpointHit raceHit = race == null ? null : race.takeBreakpointHit();
        return hit != null ? hit : raceHit;
    }

    // ------------------------------------------------------------------ the user's commands

    /** A user's {@code set}: applied to every world, and kept for Undo when it changed a value Undo can restore. */
    void set(String path, Object value) {
        Object before = valueAt(main.currentScenario(), path);
        if (command(Scenario.TimelineEntry.set(0, path, value))) {
            Object after = valueAt(main.currentScenario(), path);
            if (before != null && !before.equals(after)) {
                history.changed(new ChangeHistory.Change(path, before, after));
            } else {
                history.acted(); // a breaker added where there was none, or a value set to itself: nothing to set back
            }
        }
    }

    /** A user's action (kill an instance): a moment, not a setting, so not undone. */
    void act(Scenario.TimelineEntry action) {
        if (command(action)) {
            history.acted();
        }
    }

    /** Sets back the value the last change replaced, as a new recorded change; Redo can give it again. */
    void undo() {
        ChangeHistory.Change c = history.takeUndo();
        if (c != null && command(Scenario.TimelineEntry.set(0, c.path(), c.before()))) {
            history.undone(c);
        } // a value refused now (it conflicts with a later change) is logged by the world and dropped
    }

    void redo() {
        ChangeHistory.Change c = history.takeRedo();
        if (c != null && command(Scenario.TimelineEntry.set(0, c.path(), c.after()))) {
            history.redone(c);
        }
    }

    /**
     * Applies {@code command} to every world at its next command time (a refused one is logged by
     * the world); returns whether the main world took it.
     */
    private boolean command(Scenario.TimelineEntry command) {
        boolean applied = false;
        for (World w : all()) {
            w.advanceTo(w.commandTimeNanos());
            boolean ok = w.applyUserCommand(command);
            if (w == main) {
                applied = ok;
            }
        }
        if (applied) {
            // The moment the world recorded it at (World.applyUserCommand): the branch replays it there.
            long at = main.simulation().nowNanos();
            branches.record(new Scenario.TimelineEntry(at / 1e9, command.command(), command.path(), command.target(),
                    command.value(), command.durationSeconds()));
        }
        return applied;
    }

    /** Whether a command of the user's given now needs a new branch (see {@link Branches#forkNeeded}). */
    boolean forkNeeded() {
        return branches.forkNeeded(main.simulation().nowNanos());
    }

    /**
     * A change at a moment the run went back to: a new branch without the current one's later
     * commands. When the run's world only replayed the parent's past (a seek or rewind brought it
     * here, and the user changed nothing since), it goes on as the new branch: its timeline's future
     * is swapped for the branch's ({@link World#continueAs}), and -1 is returned. Otherwise its world
     * is the new branch's scenario, unwatched, from a checkpoint {@code parkedFor} gives (or t = 0):
     * the caller re-runs it to the moment returned (a seek), where it is the state the user saw.
     */
    long fork(BiFunction<Scenario, Long, World> parkedFor) {
        long now = main.simulation().nowNanos();
        branches.reached(main.nowSeconds());
        Branch child = branches.fork(now);
        if (race == null && main.canContinueAs(child.scenario())) {
            history.started(child.scenario(), main.restartScenario());
            main.continueAs(child.scenario());
            return -1;
        }
        replaceMainUnwatched(child.scenario(), parkedFor.apply(child.scenario(), now));
        return now;
    }

    /** The value of a field the timeline can set: a parameter's, or a dependency field's (null where it has none). */
    private static Object valueAt(Scenario s, String path) {
        Parameter p = Parameter.byPath(path);
        return p != null ? p.read(s) : ScenarioFiles.readDependencyField(s, path);
    }

    /**
     * {@code command} as the timeline will take it (a parameter's value in canonical form), or an
     * {@link IllegalArgumentException} naming what the timeline cannot do: a path it cannot set, a
     * missing value or one of the wrong type, an unknown action.
     */
    static Scenario.TimelineEntry checked(Scenario.TimelineEntry command) {
        if ("set".equals(command.command())) {
            String path = command.path();
            Parameter p = path == null ? null : Parameter.byPath(path);
            if (p == null && (path == null || !ScenarioFiles.isDependencyField(path))) {
                throw new IllegalArgumentException("set: " + path + " is not a field the timeline can set");
            }
            if (command.value() == null) {
                throw new IllegalArgumentException("set " + path + ": no value");
            }
            try {
                if (p == null) {
                    ScenarioFields.spec(path); // a dependency field the records declare; its value is checked when applied
                    return command;
                }
                return Scenario.TimelineEntry.set(0, path, p.validate(path, command.value()));
            } catch (ScenarioException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        Action action = command.command() == null ? null : Action.byId(command.command());
        if (action == null) {
            throw new IllegalArgumentException("unknown command " + command.command() + "; commands: set, "
                    + Arrays.stream(Action.values()).map(Action::id).collect(Collectors.joining(", ")));
        }
        return command;
    }
}
