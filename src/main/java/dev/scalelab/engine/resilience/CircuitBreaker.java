package dev.scalelab.engine.resilience;

import dev.scalelab.sim.Simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A circuit breaker with Resilience4j's CircuitBreakerStateMachine semantics (engines.md §2.1), in
 * virtual time, or the pattern notes' simpler consecutive-failures breaker
 * ({@link BreakerConfig.Mode#CONSECUTIVE}).
 *
 * <p>Use: {@link #tryAcquirePermission()} before a call; if it says yes, report the call's end with
 * {@link #onSuccess} or {@link #onError} and its duration, or give the permission back with
 * {@link #releasePermission()} if the call was never made.
 *
 * <ul>
 *   <li>CLOSED permits every call and evaluates the window after each recorded call: nothing
 *       happens below the effective minimum number of calls; at failure rate ≥ threshold or
 *       slow-call rate ≥ threshold (both inclusive) it opens with attempts = 1.</li>
 *   <li>OPEN rejects calls until the wait, {@code waitDurationInOpenState(attempts)}, has passed;
 *       the first call strictly after it moves the breaker to HALF_OPEN and takes a trial permit.
 *       With automatic transition a scheduled event moves it exactly at the wait. The CLOSED
 *       window is carried over: calls started before the trip still record into it when they
 *       finish, but never cause a transition.</li>
 *   <li>HALF_OPEN permits {@code permittedNumberOfCallsInHalfOpenState} trial calls into a fresh
 *       COUNT_BASED window of that size, and decides once min(minimumNumberOfCalls, permitted)
 *       calls are recorded: a breached threshold reopens it with attempts + 1, otherwise it closes
 *       (attempts reset, fresh window). As in the library, any call that ends while HALF_OPEN is
 *       recorded there, also one that started before the trip.</li>
 *   <li>DISABLED (permits, records nothing), FORCED_OPEN (rejects; attempts + 1) and METRICS_ONLY
 *       (permits, records into a CLOSED-style window, never trips) are entered and left only by the
 *       explicit {@code transitionTo…} calls and {@link #reset()}.</li>
 * </ul>
 *
 * Every transition is kept (the last {@link #TRANSITIONS_KEPT}) and passed to the listeners.
 * Confined to the simulation thread; time only from the {@link Simulation}.
 */
public final class CircuitBreaker {
    /** Transitions kept for the UI and the report; older ones are dropped, the count keeps growing. */
    public static final int TRANSITIONS_KEPT = 200;

    private final String name;
    private final BreakerConfig config;
    private final Simulation sim;
    private final SplittableRandom random;
    private final long slowCallDurationThresholdNanos;

    private final ArrayDeque<BreakerTransition> transitions = new ArrayDeque<>();
    private final List<Consumer<BreakerTransition>> listeners = new ArrayList<>();
    private long transitionCount;

    private BreakerState state;
    private SlidingWindow window;
    private int minimumCalls;
    /** Resilience4j's attempts: openings since the breaker last closed; it selects the wait in OPEN. */
    private int attempts;
    private long openedAtNanos;
    private long waitNanos;
    private int halfOpenPermitsLeft;
    private int consecutiveFailures;
    private long notPermittedCalls;
    /** Bumped on every transition, so a timer scheduled for an earlier state does nothing. */
    private long generation;

    /**
     * @param random draws the wait in OPEN when it is jittered; unused otherwise
     */
    public CircuitBreaker(String name, BreakerConfig config, Simulation sim, SplittableRandom random) {
        this.name = name;
        this.config = config;
        this.sim = sim;
        this.random = random;
        this.slowCallDurationThresholdNanos = config.slowCallDurationThresholdMillis() * Simulation.NANOS_PER_MILLI;
        this.state = config.initialState();
        this.window = closedWindow();
        this.minimumCalls = config.closedMinimumNumberOfCalls();
    }

    public String name() {
        return name;
    }

    public BreakerState state() {
        return state;
    }

    // ---------------------------------------------------------------- calls

    /** Asks to make one call now. A "no" is counted as not permitted. */
    public boolean tryAcquirePermission() {
        return switch (state) {
            case CLOSED, DISABLED, METRICS_ONLY -> true;
            case OPEN -> tryLeaveOpen();
            case HALF_OPEN -> acquireHalfOpenPermit();
            case FORCED_OPEN -> notPermitted();
        };
    }

    private boolean tryLeaveOpen() {
        long now = sim.nowNanos();
        // Resilience4j: clock.instant().isAfter(retryAfterWaitDuration), strictly after.
        if (now <= openedAtNanos + waitNanos) {
            return notPermitted();
        }
        toHalfOpen(String.format(Locale.ROOT, "first call %s ms after opening, wait of %s ms over",
                millis(now - openedAtNanos), millis(waitNanos)));
        return acquireHalfOpenPermit();
    }

    private boolean notPermitted() {
        notPermittedCalls++;
        return false;
    }

    private boolean acquireHalfOpenPermit() {
        if (halfOpenPermitsLeft > 0) {
            halfOpenPermitsLeft--;
            return true;
        }
        return notPermitted();
    }

    /** Gives back a permission for a call that was never made (Resilience4j's releasePermission). */
    public void releasePermission() {
        if (state == BreakerState.HALF_OPEN) {
            halfOpenPermitsLeft = Math.min(halfOpenPermitsLeft + 1, config.halfOpenPermittedCalls());
        }
    }

    /** A permitted call succeeded after {@code durationNanos}. */
    public void onSuccess(long durationNanos) {
        record(true, durationNanos);
    }

    /** A permitted call failed (an error or a timeout) after {@code durationNanos}. */
    public void onError(long durationNanos) {
        record(false, durationNanos);
    }

    private void record(boolean success, long durationNanos) {
        if (state == BreakerState.DISABLED || state == BreakerState.FORCED_OPEN) {
            return;
        }
        CallOutcome outcome = CallOutcome.of(success, durationNanos > slowCallDurationThresholdNanos);
        WindowTotals totals = window.record(outcome, sim.nowNanos());
        switch (state) {
            case CLOSED -> {
                if (config.mode() == BreakerConfig.Mode.CONSECUTIVE) {
                    consecutiveFailures = success ? 0 : consecutiveFailures + 1;
                    if (consecutiveFailures >= config.consecutiveFailureThreshold()) {
                        toOpen(1, consecutiveFailures + " consecutive failures ≥ " + config.consecutiveFailureThreshold());
                    }
                } else {
                    Evaluation e = evaluate(totals);
                    if (e.breached()) {
                        toOpen(1, explain(e, "calls"));
                    }
                }
            }
            case HALF_OPEN -> {
                if (config.mode() == BreakerConfig.Mode.CONSECUTIVE) {
                    if (success) {
                        toClosed("trial call succeeded");
                    } else {
                        toOpen(attempts + 1, "trial call failed");
                    }
                } else {
                    Evaluation e = evaluate(totals);
                    if (e.belowMinimum()) {
                        return;
                    }
                    if (e.breached()) {
                        toOpen(attempts + 1, explain(e, "trial calls"));
                    } else {
                        toClosed(explain(e, "trial calls"));
                    }
                }
            }
            case OPEN, METRICS_ONLY, DISABLED, FORCED_OPEN -> {
                // OPEN: a call permitted before the trip ends; it counts but decides nothing.
                // METRICS_ONLY records and never trips; DISABLED and FORCED_OPEN returned above.
            }
        }
    }

    /** Resilience4j's CircuitBreakerMetrics.checkIfThresholdsExceeded on one window's totals. */
    private record Evaluation(WindowTotals totals, boolean belowMinimum, boolean failureBreached, boolean slowBreached) {
        boolean breached() {
            return failureBreached || slowBreached;
        }
    }

    private Evaluation evaluate(WindowTotals t) {
        if (t.totalCalls() == 0 || t.totalCalls() < minimumCalls) {
            return new Evaluation(t, true, false, false);
        }
        return new Evaluation(t, false, t.failureRatePercent() >= config.failureRateThresholdPercent(),
                t.slowCallRatePercent() >= config.slowCallRateThresholdPercent());
    }

    /** The numbers behind a decision, e.g. "failure rate 55.0% ≥ 50% over 20 calls"; built only for a transition. */
    private String explain(Evaluation e, String callsWord) {
        String failureText = "failure rate " + Percent.rate(e.totals().failureRatePercent()) + "% "
                + (e.failureBreached() ? "≥" : "<") + " " + Percent.format(config.failureRateThresholdPercent()) + "%";
        String slowText = "slow-call rate " + Percent.rate(e.totals().slowCallRatePercent()) + "% "
                + (e.slowBreached() ? "≥" : "<") + " " + Percent.format(config.slowCallRateThresholdPercent())
                + "% (slow > " + config.slowCallDurationThresholdMillis() + " ms)";
        String over = " over " + e.totals().totalCalls() + " " + callsWord;
        if (e.failureBreached() && !e.slowBreached()) {
            return failureText + over;
        }
        if (e.slowBreached() && !e.failureBreached()) {
            return slowText + over;
        }
        return failureText + " and " + slowText + over;
    }

    // ---------------------------------------------------------------- transitions

    private SlidingWindow closedWindow() {
        if (config.slidingWindowType() == BreakerConfig.WindowType.TIME_BASED) {
            return new TimeWindow(config.slidingWindowSize(), sim.nowNanos());
        }
        return new CountWindow(config.slidingWindowSize());
    }

    private void toOpen(int newAttempts, String reason) {
        attempts = newAttempts;
        openedAtNanos = sim.nowNanos();
        waitNanos = Math.max(1, config.waitDurationInOpenState().delayNanos(attempts, 0, random));
        // The window is carried over (Resilience4j passes the current metrics to OpenState).
        transition(BreakerState.OPEN, reason + "; open for " + millis(waitNanos) + " ms (opening " + attempts + ")");
        if (config.automaticTransitionFromOpenToHalfOpenEnabled()) {
            long scheduledFor = generation;
            long wait = waitNanos;
            sim.schedule(openedAtNanos + waitNanos, () -> {
                if (generation == scheduledFor) {
                    toHalfOpen("automatic transition after the wait of " + millis(wait) + " ms");
                }
            });
        }
    }

    private void toHalfOpen(String reason) {
        window = new CountWindow(config.halfOpenPermittedCalls());
        minimumCalls = config.halfOpenMinimumNumberOfCalls();
        halfOpenPermitsLeft = config.halfOpenPermittedCalls();
        transition(BreakerState.HALF_OPEN, reason + "; " + halfOpenPermitsLeft + " trial call"
                + (halfOpenPermitsLeft == 1 ? "" : "s"));
        long maxWaitMillis = config.maxWaitDurationInHalfOpenStateMillis();
        if (maxWaitMillis >= 1) {
            long scheduledFor = generation;
            sim.scheduleIn(maxWaitMillis * Simulation.NANOS_PER_MILLI, () -> {
                if (generation != scheduledFor) {
                    return;
                }
                String why = "still half-open after maxWaitDurationInHalfOpenState " + maxWaitMillis + " ms";
                if (config.transitionToStateAfterWaitDuration() == BreakerState.CLOSED) {
                    toClosed(why);
                } else {
                    toOpen(attempts + 1, why);
                }
            });
        }
    }

    private void toClosed(String reason) {
        freshClosedWindow();
        transition(BreakerState.CLOSED, reason);
    }

    private void freshClosedWindow() {
        window = closedWindow();
        minimumCalls = config.closedMinimumNumberOfCalls();
        attempts = 0;
        consecutiveFailures = 0;
        halfOpenPermitsLeft = 0;
    }

    private void transition(BreakerState to, String reason) {
        BreakerTransition t = new BreakerTransition(sim.nowNanos(), name, state, to, reason);
        state = to;
        generation++;
        transitionCount++;
        if (transitions.size() == TRANSITIONS_KEPT) {
            transitions.removeFirst();
        }
        transitions.addLast(t);
        for (Consumer<BreakerTransition> listener : listeners) {
            listener.accept(t);
        }
    }

    // ---------------------------------------------------------------- explicit transitions (Resilience4j API)

    /** CLOSED with a fresh window; attempts reset. */
    public void transitionToClosedState() {
        if (state != BreakerState.CLOSED) {
            toClosed("transitionToClosedState (explicit)");
        }
    }

    /** OPEN with attempts + 1, keeping the current window. */
    public void transitionToOpenState() {
        if (state != BreakerState.OPEN) {
            toOpen(attempts + 1, "transitionToOpenState (explicit)");
        }
    }

    public void transitionToHalfOpenState() {
        if (state != BreakerState.HALF_OPEN) {
            toHalfOpen("transitionToHalfOpenState (explicit)");
        }
    }

    /** Always permits, records nothing (its window stays empty), until an explicit transition. */
    public void transitionToDisabledState() {
        if (state != BreakerState.DISABLED) {
            freshClosedWindow();
            transition(BreakerState.DISABLED, "transitionToDisabledState (explicit)");
        }
    }

    /** Always rejects, records nothing, until an explicit transition; attempts + 1. */
    public void transitionToForcedOpenState() {
        if (state != BreakerState.FORCED_OPEN) {
            int openings = attempts + 1;
            freshClosedWindow();
            attempts = openings;
            transition(BreakerState.FORCED_OPEN, "transitionToForcedOpenState (explicit)");
        }
    }

    /** Permits and records into a fresh CLOSED-style window, never trips. */
    public void transitionToMetricsOnlyState() {
        if (state != BreakerState.METRICS_ONLY) {
            freshClosedWindow();
            transition(BreakerState.METRICS_ONLY, "transitionToMetricsOnlyState (explicit)");
        }
    }

    /** Resilience4j's reset(): CLOSED with a fresh window; a transition only if the state changes. */
    public void reset() {
        BreakerState before = state;
        freshClosedWindow();
        if (before != BreakerState.CLOSED) {
            transition(BreakerState.CLOSED, "reset (explicit)");
        }
    }

    // ---------------------------------------------------------------- views

    public void addTransitionListener(Consumer<BreakerTransition> listener) {
        listeners.add(listener);
    }

    /** The last {@link #TRANSITIONS_KEPT} transitions, oldest first. */
    public List<BreakerTransition> recentTransitions() {
        return List.copyOf(transitions);
    }

    public long transitionCount() {
        return transitionCount;
    }

    public long notPermittedCalls() {
        return notPermittedCalls;
    }

    /** Openings since the breaker last closed (Resilience4j's attempts). */
    public int openings() {
        return attempts;
    }

    /** Time left in OPEN before a call may go through, 0 in other states. */
    public long remainingWaitNanos() {
        return state == BreakerState.OPEN ? Math.max(0, openedAtNanos + waitNanos - sim.nowNanos()) : 0;
    }

    public int halfOpenPermitsLeft() {
        return state == BreakerState.HALF_OPEN ? halfOpenPermitsLeft : 0;
    }

    /** Totals of the current window: the CLOSED one (carried into OPEN) or the half-open one. */
    public WindowTotals windowTotals() {
        return window.totals(sim.nowNanos());
    }

    /** The current window's outcomes, oldest first. */
    public CallOutcome[] recentOutcomes() {
        return window.recentOutcomes(sim.nowNanos());
    }

    /** The minimum number of calls before the current window is evaluated. */
    public int minimumCalls() {
        return minimumCalls;
    }

    public BreakerView view() {
        WindowTotals t = windowTotals();
        float failureRate = t.totalCalls() == 0 ? Float.NaN : t.failureRatePercent();
        float slowRate = t.totalCalls() == 0 ? Float.NaN : t.slowCallRatePercent();
        return new BreakerView(name, state, failureRate, slowRate, t.totalCalls(), minimumCalls, recentOutcomes(),
                remainingWaitNanos(), halfOpenPermitsLeft(), notPermittedCalls, attempts, transitionCount);
    }

    private static String millis(long nanos) {
        double ms = nanos / (double) Simulation.NANOS_PER_MILLI;
        return ms == Math.rint(ms) ? Long.toString((long) ms) : String.format(Locale.ROOT, "%.3f", ms);
    }
}
