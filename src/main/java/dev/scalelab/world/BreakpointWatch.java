package dev.scalelab.world;

import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Watches a world for its {@link Breakpoint}s: the parts call a hook where a condition can become
 * true (a log line, a breaker opening, a full queue, a sample), and the first one that does is kept
 * as a {@link BreakpointHit} and asks the kernel to stop after the current event. It only reads
 * what the parts hand it and never writes to the world's log, so a run with breakpoints fires the
 * same events as one without. Confined to the simulation thread.
 *
 * <p>Discrete conditions (a breaker opens, replicas change, keys move, a decision) fire each time.
 * Lasting ones (p99 or error rate above a bound, full queues, stale reads) fire when they start:
 * they re-arm only after a sampled second in which they did not hold, so a run that stays overloaded
 * pauses once, not every second.
 */
final class BreakpointWatch {
    private final Simulation sim;
    private List<Breakpoint> breakpoints = List.of();
    private BreakpointHit pending;

    // What the hooks look for, unpacked from the list so that each hook tests a field first.
    private final List<Breakpoint> breakerOpens = new ArrayList<>();
    private final List<Breakpoint> decisions = new ArrayList<>();
    private final List<Breakpoint> p99Above = new ArrayList<>();
    private final List<Breakpoint> errorRateAbove = new ArrayList<>();
    private Breakpoint replicasChange;
    private Breakpoint keyMoves;
    private Breakpoint staleRead;
    /** Read on every request a full queue turns away: a plain field, null when no one watches. */
    private Breakpoint queueFull;

    /** Per entry of {@link #p99Above} and {@link #errorRateAbove}: whether its condition may fire again. */
    private boolean[] p99Armed = new boolean[0];
    private boolean[] errorArmed = new boolean[0];
    private boolean queueFullArmed = true;
    private long queueFullThisSecond;
    private boolean staleArmed = true;

    BreakpointWatch(Simulation sim) {
        this.sim = sim;
    }

    void set(List<Breakpoint> list) {
        breakpoints = List.copyOf(list);
        breakerOpens.clear();
        decisions.clear();
        p99Above.clear();
        errorRateAbove.clear();
        replicasChange = null;
        keyMoves = null;
        staleRead = null;
        queueFull = null;
        for (Breakpoint b : breakpoints) {
            switch (b.kind()) {
                case BREAKER_OPENS -> breakerOpens.add(b);
                case DECISION -> decisions.add(b);
                case P99_ABOVE -> p99Above.add(b);
                case ERROR_RATE_ABOVE -> errorRateAbove.add(b);
                case REPLICAS_CHANGE -> replicasChange = b;
                case KEY_MOVES -> keyMoves = b;
                case STALE_READ -> staleRead = b;
                case QUEUE_FULL -> queueFull = b;
            }
        }
        p99Armed = armed(p99Above.size());
        errorArmed = armed(errorRateAbove.size());
        queueFullArmed = true;
        staleArmed = true;
    }

    private static boolean[] armed(int n) {
        boolean[] a = new boolean[n];
        java.util.Arrays.fill(a, true);
        return a;
    }

    List<Breakpoint> breakpoints() {
        return breakpoints;
    }

    BreakpointHit take() {
        BreakpointHit h = pending;
        pending = null;
        return h;
    }

    private void fire(Breakpoint b, LogEntry trigger) {
        if (pending == null) {
            pending = new BreakpointHit(b, sim.nowSeconds(), trigger);
        }
        sim.requestStop();
    }

    // ------------------------------------------------------------------ log-driven hooks

    /** Every line the decision log writes; {@code decidedBy} is the decision's owner when it differs (autoscaler settings). */
    void line(LogEntry line, Source decidedBy) {
        for (Breakpoint b : decisions) {
            if (b.source().equals(line.source().id()) || decidedBy != null && b.source().equals(decidedBy.id())) {
                fire(b, line);
                return;
            }
        }
    }

    /** A breaker of {@code dependency} moved to OPEN or FORCED_OPEN; {@code line} says so. */
    void breakerOpened(String dependency, LogEntry line) {
        for (Breakpoint b : breakerOpens) {
            if (b.source().isEmpty() || b.source().equals(dependency)) {
                fire(b, line);
                return;
            }
        }
    }

    /** The pool's replica count was changed (a scaler's decision, an action, a set of service.instances). */
    void replicasChanged(LogEntry line) {
        if (replicasChange != null) {
            fire(replicasChange, line);
        }
    }

    /** A migration that moves keys between shards started. */
    void keysMove(LogEntry line) {
        if (keyMoves != null) {
            fire(keyMoves, line);
        }
    }

    // ------------------------------------------------------------------ measured hooks

    /** A request was turned away by {@code in}'s full queue, now. */
    void queueFull(ServiceInstance in) {
        Breakpoint b = queueFull;
        if (b == null) {
            return;
        }
        queueFullThisSecond++;
        if (queueFullArmed) {
            queueFullArmed = false;
            fire(b, new LogEntry(sim.nowSeconds(), Source.WORLD, String.format(Locale.ROOT,
                    "%s's queue is full (%d of %d waiting): a request turned away", in.id, in.queue.size(), in.queueCapacity)));
        }
    }

    /**
     * The second that just ended: its p99 and counts from {@code s}, and {@code staleReads} served in
     * it (-1 without a database).
     */
    void sampled(Sample s, long staleReads) {
        // The span's text ("00:41-00:42") is made only for a breakpoint that fires: formatting it
        // every simulated second cost more than the checks themselves.
        for (int i = 0; i < p99Above.size(); i++) {
            Breakpoint b = p99Above.get(i);
            double p99 = s.p99Ms();
            if (Double.isNaN(p99)) {
                continue; // nothing completed: neither above nor below
            }
            if (p99 > b.threshold()) {
                if (p99Armed[i]) {
                    p99Armed[i] = false;
                    fire(b, measured(s, String.format(Locale.ROOT, "p99 %s ms above %s ms over %s",
                            Parameter.format(Math.round(p99)), Parameter.format(b.threshold()), span(s.timeSeconds()))));
                }
            } else {
                p99Armed[i] = true;
            }
        }
        if (!errorRateAbove.isEmpty()) {
            // Sample rates are over one second, so they are this second's counts.
            long errors = Math.round(s.failedPerSecond() + s.rejectedPerSecond());
            long answered = errors + Math.round(s.throughputPerSecond());
            for (int i = 0; i < errorRateAbove.size(); i++) {
                Breakpoint b = errorRateAbove.get(i);
                if (answered == 0) {
                    continue;
                }
                double percent = 100.0 * errors / answered;
                if (percent > b.threshold()) {
                    if (errorArmed[i]) {
                        errorArmed[i] = false;
                        fire(b, measured(s, String.format(Locale.ROOT, "error rate %.1f%% above %s%% over %s (%d of %d answered failed or were rejected)",
                                percent, Parameter.format(b.threshold()), span(s.timeSeconds()), errors, answered)));
                    }
                } else {
                    errorArmed[i] = true;
                }
            }
        }
        if (queueFull != null) {
            if (queueFullThisSecond == 0) {
                queueFullArmed = true;
            }
            queueFullThisSecond = 0;
        }
        if (staleRead != null && staleReads >= 0) {
            if (staleReads > 0) {
                if (staleArmed) {
                    staleArmed = false;
                    fire(staleRead, measured(s, staleReads + " stale read" + (staleReads == 1 ? "" : "s") + " over " + span(s.timeSeconds())));
                }
            } else {
                staleArmed = true;
            }
        }
    }

    private static LogEntry measured(Sample s, String message) {
        return new LogEntry(s.timeSeconds(), Source.WORLD, message);
    }

    /** "00:41-00:42": the sampled second that ends at {@code endSeconds}. */
    static String span(double endSeconds) {
        long end = Math.round(endSeconds);
        return clock(end - 1) + "-" + clock(end);
    }

    private static String clock(long seconds) {
        long s = Math.max(0, seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
