package dev.scalelab.world;

import dev.scalelab.engine.caching.RequestCallback;
import dev.scalelab.sim.Event;

import java.util.function.Consumer;

/**
 * One request in flight. It is its own CPU-completion event, its own cache callback and the
 * callback of its dependency calls (so the way through allocates nothing for them); the stages
 * after it (cache, database, dependencies) call back into the world.
 */
final class Request implements Event, RequestCallback, Consumer<Boolean> {
    final World world;
    final long arrivalNanos;
    final int key;
    final boolean read;
    /** The closed-loop user who sent it, or -1 for open arrivals. */
    final int user;
    final long id;
    /** The client session (database session guarantees). */
    final int session;
    /** Its client class's index in {@code workload.clients} (0 for the anonymous client); a byte, as there are at most 64. */
    byte client;
    ServiceInstance instance;
    /** Time spent in each {@link Phase} before the current one, by ordinal. */
    final long[] phaseNanos = new long[Phase.COUNT];
    /** The phase the request is in now, and since when. */
    Phase phase = Phase.QUEUE;
    long phaseSinceNanos;
    /** Its instance's paused time when its CPU work (re)started: what it overlapped since is owed (see {@link RuntimeSystem}). */
    long gcMarkNanos;
    /** Objects it got from its instance's object pool, to put back when it ends. */
    int pooledObjects;
    /** Where its last closed span is in the world's {@link TraceBuffer}. */
    long lastSpan = TraceBuffer.NONE;

    Request(World world, long id, long arrivalNanos, int key, boolean read, int user, int session) {
        this.world = world;
        this.id = id;
        this.session = session;
        this.arrivalNanos = arrivalNanos;
        this.key = key;
        this.read = read;
        this.user = user;
        this.phaseSinceNanos = arrivalNanos;
    }

    /**
     * The request moves to phase {@code next} at {@code nowNanos}: the time since the last move is
     * the previous phase's, and a span of its trace unless it lasted no time. Entering the phase
     * it is in already changes nothing.
     */
    void enter(Phase next, long nowNanos) {
        if (next == phase) {
            return;
        }
        if (nowNanos > phaseSinceNanos) {
            phaseNanos[phase.ordinal()] += nowNanos - phaseSinceNanos;
            lastSpan = world.traceBuffer().append(id, lastSpan, phase, phaseSinceNanos);
        }
        phase = next;
        phaseSinceNanos = nowNanos;
    }

    /**
     * Closes the current phase at {@code nowNanos}, the request's end: its phases now add up to its
     * latency, and its trace's spans run from its arrival to its end.
     */
    void endPhases(long nowNanos) {
        if (nowNanos > phaseSinceNanos) {
            phaseNanos[phase.ordinal()] += nowNanos - phaseSinceNanos;
            lastSpan = world.traceBuffer().append(id, lastSpan, phase, phaseSinceNanos);
        }
        phaseSinceNanos = nowNanos;
    }

    /** Its gateway hop ends (it has no instance yet), or its CPU work does. */
    @Override
    public void fire() {
        if (instance == null) {
            world.path.pastGateway(this);
        } else {
            world.path.cpuDone(this);
        }
    }

    /** The cache answered it. */
    @Override
    public void done(int servedBy, boolean stale) {
        world.path.afterData(this, true);
    }

    /** Its read missed every cache level: its time in the database starts. */
    @Override
    public void storeReadStarts() {
        enter(Phase.DATABASE, world.simulation().nowNanos());
    }

    /** Its dependency calls are over: whether all it called succeeded. */
    @Override
    public void accept(Boolean depsOk) {
        world.path.finish(this, depsOk);
    }
}
