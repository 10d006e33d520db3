package dev.scalelab.sim;

/**
 * The discrete-event kernel: a virtual clock in nanoseconds and the queue of pending events.
 * Confined to one thread (the simulation thread); nothing here reads the wall clock.
 */
public final class Simulation {
    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    public static final long NANOS_PER_MILLI = 1_000_000L;

    private final EventQueue queue = new EventQueue();
    private long nowNanos;
    private long eventsFired;
    /** Null unless the simulator is profiling itself; see {@link EventProfiler}. */
    private EventProfiler profiler;
    /** Set by an event that wants the run to pause after it (a breakpoint); the run loops read it once per event. */
    private boolean stopRequested;

    public long nowNanos() {
        return nowNanos;
    }

    public double nowSeconds() {
        return nowNanos / (double) NANOS_PER_SECOND;
    }

    public long eventsFired() {
        return eventsFired;
    }

    /**
     * Hands every event to {@code profiler}, which times a sample of them on the wall clock; null
     * stops profiling. Set between runs of events (a call of {@code step} or {@code runUntil} reads it
     * once, so that its loop tests a local). The run itself is the same either way.
     */
    public void setProfiler(EventProfiler profiler) {
        this.profiler = profiler;
    }

    public void schedule(long atNanos, Event event) {
        if (atNanos < nowNanos) {
            throw new IllegalArgumentException("cannot schedule in the past: " + atNanos + " < " + nowNanos);
        }
        queue.add(atNanos, event);
    }

    public void scheduleIn(long delayNanos, Event event) {
        schedule(nowNanos + Math.max(0, delayNanos), event);
    }

    /**
     * Asks {@link #runUntil} to return right after the event now firing, leaving the clock at that
     * event's time and the rest of the queue untouched, so a later call continues exactly where this
     * one stopped. Stays set until {@link #clearStop()}.
     */
    public void requestStop() {
        stopRequested = true;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    public void clearStop() {
        stopRequested = false;
    }

    /** Time of the next pending event, or {@link Long#MAX_VALUE}. */
    public long nextEventTime() {
        return queue.peekTime();
    }

    /** Fires the next event if it is due at or before {@code limitNanos}; returns whether one fired. */
    public boolean step(long limitNanos) {
        long t = queue.peekTime();
        if (t > limitNanos) {
            return false;
        }
        nowNanos = t;
        Event e = queue.poll();
        eventsFired++;
        EventProfiler p = profiler;
        if (p == null) {
            e.fire();
        } else {
            p.fire(e);
        }
        return true;
    }

    /**
     * Fires every event due at or before {@code untilNanos}, then moves the clock to it; a
     * {@link #requestStop() stop request} ends it early, the clock left at the last event. Running to
     * t1 and then to t2 fires exactly the same events in the same order as running to t2 at once.
     */
    public void runUntil(long untilNanos) {
        EventProfiler p = profiler;
        while (!stopRequested) {
            long t = queue.peekTime();
            if (t > untilNanos) {
                break;
            }
            nowNanos = t;
            Event e = queue.poll();
            eventsFired++;
            if (p == null) { // each loop keeps its own e.fire() call site, as before profiling, for the JIT
                e.fire();
            } else {
                p.fire(e);
            }
        }
        if (!stopRequested && untilNanos > nowNanos) {
            nowNanos = untilNanos;
        }
    }

    /**
     * Like {@link #runUntil} but stops after {@code maxEvents} events (leaving the clock at the last
     * event) so a caller can keep a frame budget, or when a stop is requested. Returns the number of
     * events fired.
     */
    public int runUntil(long untilNanos, int maxEvents) {
        int fired = 0;
        EventProfiler p = profiler;
        while (fired < maxEvents && !stopRequested) {
            long t = queue.peekTime();
            if (t > untilNanos) {
                break;
            }
            nowNanos = t;
            Event e = queue.poll();
            eventsFired++;
            fired++;
            if (p == null) {
                e.fire();
            } else {
                p.fire(e);
            }
        }
        if (!stopRequested && queue.peekTime() > untilNanos && untilNanos > nowNanos) {
            nowNanos = untilNanos;
        }
        return fired;
    }

    public static long secondsToNanos(double seconds) {
        return Math.round(seconds * NANOS_PER_SECOND);
    }

    public static long millisToNanos(double millis) {
        return Math.round(millis * NANOS_PER_MILLI);
    }
}
