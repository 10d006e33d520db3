package dev.scalelab.world;

import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands of a run: the scenario's timeline, and the user's commands recorded so the run
 * replays. A {@code set} goes to the subsystem that owns the parameter; an action to the one it
 * acts on. Confined to the simulation thread.
 */
final class Timeline {
    private final World world;
    /** The scenario the world was made from; {@link #continueAs} swaps it for one with another future. */
    private Scenario initial;
    private List<Scenario.TimelineEntry> entries;
    private int cursor;
    private final List<Scenario.TimelineEntry> recorded = new ArrayList<>();
    private final WorkloadSystem workload;
    private final BalancerSystem balancer;
    private final ScalingSystem scaling;
    private final CacheSubsystem cache;
    /** Null when the scenario has no database, or no dependencies. */
    private final DataSystem data;
    private final MeshSystem mesh;
    private final RuntimeSystem runtime;
    /** Null when the scenario has no database. */
    private final ConnectionSystem connections;
    /** Null when the scenario has no events. */
    private final EventsSystem events;
    /** Null when the scenario has neither a gateway nor client classes. */
    private final GatewaySystem gateway;

    Timeline(World world, Scenario initial, WorkloadSystem workload, BalancerSystem balancer, ScalingSystem scaling,
             CacheSubsystem cache, DataSystem data, MeshSystem mesh, RuntimeSystem runtime, ConnectionSystem connections,
             EventsSystem events, GatewaySystem gateway) {
        this.world = world;
        this.initial = initial;
        this.entries = initial.timeline();
        this.workload = workload;
        this.balancer = balancer;
        this.scaling = scaling;
        this.cache = cache;
        this.data = data;
        this.mesh = mesh;
        this.runtime = runtime;
        this.connections = connections;
        this.events = events;
        this.gateway = gateway;
    }

    /** The subsystem that owns {@code part}'s parameters, or null when the scenario lacks it (no database). */
    private Subsystem owner(Part part) {
        return switch (part) {
            case WORKLOAD -> workload;
            case BALANCER -> balancer;
            case SCALING -> scaling;
            case CACHE -> cache;
            case DATA -> data;
            case RUNTIME -> runtime;
            case CONNECTIONS -> connections;
            case EVENTS -> events;
            case GATEWAY -> gateway;
        };
    }

    /**
     * Whether the commands due by {@code nowNanos} (those this timeline has applied) are exactly those
     * of {@code other} due by then: a world parked at {@code nowNanos} can then go on as {@code other}.
     */
    boolean samePastAs(Scenario other, long nowNanos) {
        List<Scenario.TimelineEntry> theirs = other.timeline();
        if (!recorded.isEmpty() || theirs.size() < cursor || !theirs.subList(0, cursor).equals(entries.subList(0, cursor))) {
            return false;
        }
        return cursor == theirs.size() || Simulation.secondsToNanos(theirs.get(cursor).atSeconds()) > nowNanos;
    }

    /** From now on the commands are {@code other}'s; the caller checked {@link #samePastAs}. */
    void continueAs(Scenario other) {
        initial = other;
        entries = other.timeline();
    }

    /** When the next timeline command is due, or {@code Long.MAX_VALUE} when none is left. */
    private long nextDueNanos() {
        return cursor < entries.size() ? Simulation.secondsToNanos(entries.get(cursor).atSeconds()) : Long.MAX_VALUE;
    }

    /**
     * Runs {@code sim} up to {@code untilNanos}, at most about {@code maxEvents} events, applying each
     * timeline command after every event at or before its time; see {@link World#advance}.
     */
    boolean advance(Simulation sim, long untilNanos, int maxEvents) {
        int budget = maxEvents;
        while (true) {
            long due = nextDueNanos();
            boolean timelineDue = due != Long.MAX_VALUE && due <= untilNanos;
            long barrier = timelineDue ? due : untilNanos;
            budget -= sim.runUntil(barrier, budget);
            if (sim.stopRequested()) {
                return false; // a breakpoint: the clock stays at the event that tripped it
            }
            if (sim.nextEventTime() <= barrier) {
                return false; // out of budget
            }
            if (!timelineDue) {
                return true;
            }
            apply(entries.get(cursor++), Source.TIMELINE);
        }
    }

    /** A command of the user, applied now and, unless refused, recorded at {@code atSeconds}. */
    boolean applyUser(Scenario.TimelineEntry command, double atSeconds) {
        Scenario.TimelineEntry at = new Scenario.TimelineEntry(atSeconds, command.command(), command.path(),
                command.target(), command.value(), command.durationSeconds());
        if (apply(at, Source.USER)) {
            recorded.add(at);
            return true;
        }
        return false;
    }

    int userCommandCount() {
        return recorded.size();
    }

    /** The initial scenario with the user's commands merged, in time order, into its timeline. */
    Scenario recordedScenario() {
        List<Scenario.TimelineEntry> merged = new ArrayList<>(entries);
        merged.addAll(recorded);
        merged.sort((a, b) -> Double.compare(a.atSeconds(), b.atSeconds()));
        return initial.withTimeline(merged);
    }

    /** The initial scenario with the user's parameter changes folded into its starting values. */
    Scenario restartScenario() {
        Scenario s = initial;
        for (Scenario.TimelineEntry e : recorded) {
            if (!e.command().equals("set")) {
                continue;
            }
            try {
                s = ScenarioFiles.isDependencyField(e.path())
                        ? ScenarioFiles.withDependencyField(s, e.path(), e.value())
                        : Parameter.byPath(e.path()).applyTo(s, e.value());
            } catch (ScenarioException conflict) {
                // Valid when it was made, but not on the initial values (a max below the initial min): skip it.
            }
        }
        return s;
    }

    /** Whether the scenario's own timeline ever sets {@code path}. */
    static boolean sets(Scenario s, String path) {
        return s.timeline().stream().anyMatch(e -> e.command().equals("set") && path.equals(e.path()));
    }

    /** Whether the scenario's own timeline ever sets a field under {@code prefix}. */
    static boolean setsUnder(Scenario s, String prefix) {
        return s.timeline().stream().anyMatch(e -> e.command().equals("set") && e.path() != null && e.path().startsWith(prefix));
    }

    // ------------------------------------------------------------------ applying

    private boolean apply(Scenario.TimelineEntry e, Source by) {
        if (e.command().equals("set")) {
            return ScenarioFiles.isDependencyField(e.path()) ? setDependencyField(e.path(), e.value(), by)
                    : setParameter(Parameter.byPath(e.path()), e.value(), by);
        }
        return act(Action.byId(e.command()), e, by);
    }

    private boolean setParameter(Parameter p, Object value, Source by) {
        Scenario current = world.currentScenario();
        Object before = p.read(current);
        String refusal = events == null ? null : events.refusal(p, value);
        if (refusal != null) {
            world.log(by, "refused: " + refusal);
            return false;
        }
        try {
            world.replaceScenario(p.applyTo(current, value));
        } catch (ScenarioException conflict) {
            world.log(by, "refused: " + conflict.getMessage());
            return false;
        }
        Subsystem owner = owner(Part.of(p));
        if (owner != null) {
            owner.apply(p, by);
        }
        Object after = p.read(world.currentScenario());
        LogEntry line = world.decisionLog().change(by, p.path(), before, after, p.path() + ": " + show(before) + " -> " + show(after));
        if (p.step() == ScalingSystem.Step.REPLICAS && !before.equals(after)) {
            world.breakpoints().replicasChanged(line);
        }
        return true;
    }

    private boolean setDependencyField(String path, Object value, Source by) {
        Scenario current = world.currentScenario();
        Object before = ScenarioFiles.readDependencyField(current, path);
        try {
            world.replaceScenario(ScenarioFiles.withDependencyField(current, path, value));
        } catch (ScenarioException conflict) {
            world.log(by, "refused: " + conflict.getMessage());
            return false;
        }
        Object after = ScenarioFiles.readDependencyField(world.currentScenario(), path);
        String was = before == null && MeshSystem.isBreakerField(path) ? "no breaker" : show(before);
        world.decisionLog().change(by, path, before, after, path + ": " + was + " -> " + show(after));
        mesh.applyField(path);
        return true;
    }

    private static String show(Object v) {
        return v instanceof Double ? Parameter.format((Double) v) : String.valueOf(v);
    }

    private boolean act(Action action, Scenario.TimelineEntry e, Source by) {
        ServicePool pool = scaling.pool();
        switch (action) {
            case ADD_INSTANCE: {
                LogEntry line = world.log(by, "add-instance: spec " + pool.specReplicas + " -> " + (pool.specReplicas + 1));
                scaling.setSpec(pool.specReplicas + 1, null);
                world.breakpoints().replicasChanged(line);
                return true;
            }
            case REMOVE_INSTANCE:
                if (pool.specReplicas <= 1) {
                    world.log(by, "remove-instance refused: the pool keeps at least one instance");
                    return false;
                }
                LogEntry removal = world.log(by, "remove-instance" + (e.target() == null ? "" : " " + e.target()) + ": spec "
                        + pool.specReplicas + " -> " + (pool.specReplicas - 1));
                scaling.setSpec(pool.specReplicas - 1, e.target());
                world.breakpoints().replicasChanged(removal);
                return true;
            case KILL_INSTANCE:
                world.log(by, "kill-instance " + e.target());
                return pool.kill(e.target());
            case SLOW_INSTANCE:
                world.log(by, "slow-instance " + e.target() + " to " + Parameter.format(number(e)));
                return pool.slow(e.target(), number(e));
            case ERROR_INSTANCE:
                world.log(by, "error-instance " + e.target() + " to " + Parameter.format(number(e)));
                return pool.setErrorRate(e.target(), number(e));
            case WEIGHT_INSTANCE:
                world.log(by, "weight-instance " + e.target() + " to " + Parameter.format(number(e)));
                return pool.setWeight(e.target(), number(e));
            case FLUSH_CACHE:
            case EXPIRE_KEY:
            case FAIL_CACHE_LEVEL:
                return cacheAction(action, e, by);
            case ADD_SHARD:
            case REMOVE_SHARD:
            case KILL_PRIMARY:
            case LAG_SPIKE:
                return dataAction(action, e, by);
            case ERROR_RATE:
            case LATENCY:
            case OUTAGE:
                if (mesh == null) {
                    world.log(by, action.id() + ": this scenario has no dependencies");
                    return false;
                }
                world.log(by, action.id() + " " + e.target() + (e.value() == null ? "" : " " + show(e.value())) + " for "
                        + Parameter.format(e.durationSeconds()) + " s");
                return mesh.inject(action, e.target(), e.value() == null ? null : number(e), e.durationSeconds());
            case FULL_GC:
                world.log(by, "full-gc" + (e.target() == null ? " on every instance" : " " + e.target()));
                return runtime.fullGc(e.target(), by);
            case LEAK_CONNECTIONS:
                if (connections == null) {
                    world.log(by, "leak-connections: this scenario has no database");
                    return false;
                }
                world.log(by, "leak-connections " + show(e.value()) + " for " + Parameter.format(e.durationSeconds()) + " s");
                return connections.leak(number(e), e.durationSeconds(), by);
            case PUBLISH_BURST:
            case CRASH_CONSUMER:
            case POISON:
                if (events == null) {
                    world.log(by, action.id() + ": this scenario has no events");
                    return false;
                }
                return events.act(action, e, by);
            default:
                throw new AssertionError(action);
        }
    }

    private boolean cacheAction(Action action, Scenario.TimelineEntry e, Source by) {
        CacheSystem c = cache.cache();
        if (c == null) {
            world.log(by, action.id() + ": this scenario has no cache");
            return false;
        }
        world.log(by, action.id() + (e.target() == null ? "" : " " + e.target()) + (e.value() == null ? "" : " " + show(e.value())));
        if (action == Action.FLUSH_CACHE) {
            return c.flush(e.target(), world);
        }
        if (action == Action.FAIL_CACHE_LEVEL) {
            return c.fail(e.target(), world);
        }
        c.expire(e.value() == null ? 0 : ((Number) e.value()).intValue(), world);
        return true;
    }

    private boolean dataAction(Action action, Scenario.TimelineEntry e, Source by) {
        if (data == null) {
            world.log(by, action.id() + ": this scenario has no database");
            return false;
        }
        world.log(by, action.id() + (e.target() == null ? "" : " " + e.target()) + (e.value() == null ? "" : " " + show(e.value()))
                + (e.durationSeconds() > 0 ? " for " + Parameter.format(e.durationSeconds()) + " s" : ""));
        return switch (action) {
            case ADD_SHARD -> data.addShard();
            case REMOVE_SHARD -> data.removeShard(e.target());
            case KILL_PRIMARY -> data.killPrimary(e.target());
            default -> data.lagSpike(e.target(), number(e), e.durationSeconds());
        };
    }

    private static double number(Scenario.TimelineEntry e) {
        return ((Number) e.value()).doubleValue();
    }
}
