package dev.scalelab.engine.resilience;

import dev.scalelab.sim.HasId;

import java.util.Locale;

/**
 * A breaker's settings, named and defaulted as Resilience4j's CircuitBreakerConfig (engines.md
 * §2.1), plus the pattern notes' simple "consecutive" mode. Build one with {@link #custom()}.
 *
 * @param mode                            SLIDING_WINDOW (Resilience4j) or CONSECUTIVE (pattern notes)
 * @param slidingWindowType               COUNT_BASED (last N calls) or TIME_BASED (last N seconds)
 * @param slidingWindowSize               N calls or N seconds
 * @param minimumNumberOfCalls            calls needed before the rates are evaluated
 * @param failureRateThresholdPercent     trips at failure rate ≥ this, in (0, 100]
 * @param slowCallRateThresholdPercent    trips at slow-call rate ≥ this, in (0, 100]
 * @param slowCallDurationThresholdMillis a call is slow when it takes strictly longer
 * @param permittedNumberOfCallsInHalfOpenState trial calls in HALF_OPEN
 * @param waitDurationInOpenState         the wait in OPEN as a function of the openings so far
 *                                        (FIXED is Resilience4j's constant IntervalFunction)
 * @param automaticTransitionFromOpenToHalfOpenEnabled move to HALF_OPEN at the wait without a call
 * @param maxWaitDurationInHalfOpenStateMillis 0 = stay HALF_OPEN until the trial calls decide
 * @param transitionToStateAfterWaitDuration where maxWaitDurationInHalfOpenState leads: OPEN or CLOSED
 * @param consecutiveFailureThreshold     CONSECUTIVE mode: failures in a row that open the breaker
 * @param initialState                    CLOSED, or explicitly DISABLED or METRICS_ONLY
 */
public record BreakerConfig(Mode mode, WindowType slidingWindowType, int slidingWindowSize, int minimumNumberOfCalls,
                            float failureRateThresholdPercent, float slowCallRateThresholdPercent,
                            long slowCallDurationThresholdMillis, int permittedNumberOfCallsInHalfOpenState,
                            Backoff waitDurationInOpenState, boolean automaticTransitionFromOpenToHalfOpenEnabled,
                            long maxWaitDurationInHalfOpenStateMillis, BreakerState transitionToStateAfterWaitDuration,
                            int consecutiveFailureThreshold, BreakerState initialState) {

    public enum Mode implements HasId {
        /** Resilience4j: failure and slow-call rates over a sliding window. */
        SLIDING_WINDOW("resilience4j"),
        /** The pattern notes: N consecutive failures open it for the wait, then one trial call decides. */
        CONSECUTIVE("consecutive");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static Mode fromId(String id) {
            Mode m = HasId.byId(Mode.class, id);
            if (m != null) {
                return m;
            }
            throw new IllegalArgumentException("unknown breaker mode '" + id + "' (resilience4j, consecutive)");
        }
    }

    public enum WindowType { COUNT_BASED, TIME_BASED }

    public BreakerConfig {
        if (mode == null || slidingWindowType == null || waitDurationInOpenState == null
                || transitionToStateAfterWaitDuration == null || initialState == null) {
            throw new IllegalArgumentException("breaker settings must not be null");
        }
        // Resilience4j's CircuitBreakerConfig.Builder validation.
        if (slidingWindowSize < 1) {
            throw new IllegalArgumentException("slidingWindowSize must be at least 1: " + slidingWindowSize);
        }
        if (minimumNumberOfCalls < 1) {
            throw new IllegalArgumentException("minimumNumberOfCalls must be at least 1: " + minimumNumberOfCalls);
        }
        if (!(failureRateThresholdPercent > 0 && failureRateThresholdPercent <= 100)) {
            throw new IllegalArgumentException("failureRateThreshold must be in (0, 100]: " + failureRateThresholdPercent);
        }
        if (!(slowCallRateThresholdPercent > 0 && slowCallRateThresholdPercent <= 100)) {
            throw new IllegalArgumentException("slowCallRateThreshold must be in (0, 100]: " + slowCallRateThresholdPercent);
        }
        if (slowCallDurationThresholdMillis < 1) {
            throw new IllegalArgumentException("slowCallDurationThreshold must be at least 1 ms: " + slowCallDurationThresholdMillis);
        }
        if (permittedNumberOfCallsInHalfOpenState < 1) {
            throw new IllegalArgumentException("permittedNumberOfCallsInHalfOpenState must be at least 1: "
                    + permittedNumberOfCallsInHalfOpenState);
        }
        if (waitDurationInOpenState.kind() == Backoff.Kind.NONE) {
            throw new IllegalArgumentException("waitDurationInOpenState must be at least 1 ms");
        }
        if (maxWaitDurationInHalfOpenStateMillis < 0) {
            throw new IllegalArgumentException("maxWaitDurationInHalfOpenState must not be negative");
        }
        if (transitionToStateAfterWaitDuration != BreakerState.OPEN && transitionToStateAfterWaitDuration != BreakerState.CLOSED) {
            throw new IllegalArgumentException("transitionToStateAfterWaitDuration must be OPEN or CLOSED");
        }
        if (consecutiveFailureThreshold < 1) {
            throw new IllegalArgumentException("consecutiveFailureThreshold must be at least 1: " + consecutiveFailureThreshold);
        }
        if (initialState != BreakerState.CLOSED && initialState != BreakerState.DISABLED
                && initialState != BreakerState.METRICS_ONLY) {
            throw new IllegalArgumentException("a breaker starts CLOSED, DISABLED or METRICS_ONLY: " + initialState);
        }
    }

    /** Resilience4j's defaults: COUNT_BASED 100 calls, minimum 100, 50%, slow 100% over 60 s, 10 trial calls, 60 s open. */
    public static BreakerConfig ofDefaults() {
        return custom().build();
    }

    public static Builder custom() {
        return new Builder();
    }

    /** The pattern notes' breaker: {@code failures} in a row open it for {@code waitMillis}, then one trial call. */
    public static BreakerConfig consecutive(int failures, long waitMillis) {
        return custom().mode(Mode.CONSECUTIVE).consecutiveFailureThreshold(failures)
                .waitDurationInOpenState(Backoff.fixed(waitMillis)).build();
    }

    /** Effective minimum in CLOSED: min(minimumNumberOfCalls, windowSize) for COUNT_BASED, uncapped for TIME_BASED. */
    public int closedMinimumNumberOfCalls() {
        if (mode == Mode.CONSECUTIVE) {
            return consecutiveFailureThreshold;
        }
        return slidingWindowType == WindowType.COUNT_BASED
                ? Math.min(minimumNumberOfCalls, slidingWindowSize) : minimumNumberOfCalls;
    }

    /** Trial calls in HALF_OPEN: one in CONSECUTIVE mode. */
    public int halfOpenPermittedCalls() {
        return mode == Mode.CONSECUTIVE ? 1 : permittedNumberOfCallsInHalfOpenState;
    }

    /** The half-open window is COUNT_BASED of the permitted size, so its minimum is min(minimumNumberOfCalls, permitted). */
    public int halfOpenMinimumNumberOfCalls() {
        return mode == Mode.CONSECUTIVE ? 1 : Math.min(minimumNumberOfCalls, permittedNumberOfCallsInHalfOpenState);
    }

    public String describe() {
        if (mode == Mode.CONSECUTIVE) {
            return consecutiveFailureThreshold + " consecutive failures open it for " + waitDurationInOpenState.describe()
                    + ", then one trial call";
        }
        return String.format(Locale.ROOT, "%s window of %d %s, minimum %d calls, failure rate ≥ %s%%, slow-call rate ≥ %s%% "
                        + "(slow > %d ms), %d trial calls, open for %s%s",
                slidingWindowType == WindowType.COUNT_BASED ? "count" : "time", slidingWindowSize,
                slidingWindowType == WindowType.COUNT_BASED ? "calls" : "s", minimumNumberOfCalls,
                Percent.format(failureRateThresholdPercent), Percent.format(slowCallRateThresholdPercent),
                slowCallDurationThresholdMillis, permittedNumberOfCallsInHalfOpenState, waitDurationInOpenState.describe(),
                automaticTransitionFromOpenToHalfOpenEnabled ? ", automatic half-open" : "");
    }

    /** Fluent construction with Resilience4j's defaults and names. */
    public static final class Builder {
        private Mode mode = Mode.SLIDING_WINDOW;
        private WindowType slidingWindowType = WindowType.COUNT_BASED;
        private int slidingWindowSize = 100;
        private int minimumNumberOfCalls = 100;
        private float failureRateThresholdPercent = 50;
        private float slowCallRateThresholdPercent = 100;
        private long slowCallDurationThresholdMillis = 60_000;
        private int permittedNumberOfCallsInHalfOpenState = 10;
        private Backoff waitDurationInOpenState = Backoff.fixed(60_000);
        private boolean automaticTransition;
        private long maxWaitDurationInHalfOpenStateMillis;
        private BreakerState transitionToStateAfterWaitDuration = BreakerState.OPEN;
        private int consecutiveFailureThreshold = 5;
        private BreakerState initialState = BreakerState.CLOSED;

        private Builder() {
        }

        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        public Builder slidingWindow(WindowType type, int size) {
            this.slidingWindowType = type;
            this.slidingWindowSize = size;
            return this;
        }

        public Builder minimumNumberOfCalls(int calls) {
            this.minimumNumberOfCalls = calls;
            return this;
        }

        public Builder failureRateThresholdPercent(float percent) {
            this.failureRateThresholdPercent = percent;
            return this;
        }

        public Builder slowCallRateThresholdPercent(float percent) {
            this.slowCallRateThresholdPercent = percent;
            return this;
        }

        public Builder slowCallDurationThresholdMillis(long millis) {
            this.slowCallDurationThresholdMillis = millis;
            return this;
        }

        public Builder permittedNumberOfCallsInHalfOpenState(int calls) {
            this.permittedNumberOfCallsInHalfOpenState = calls;
            return this;
        }

        public Builder waitDurationInOpenState(Backoff wait) {
            this.waitDurationInOpenState = wait;
            return this;
        }

        public Builder automaticTransitionFromOpenToHalfOpenEnabled(boolean enabled) {
            this.automaticTransition = enabled;
            return this;
        }

        public Builder maxWaitDurationInHalfOpenStateMillis(long millis) {
            this.maxWaitDurationInHalfOpenStateMillis = millis;
            return this;
        }

        public Builder transitionToStateAfterWaitDuration(BreakerState state) {
            this.transitionToStateAfterWaitDuration = state;
            return this;
        }

        public Builder consecutiveFailureThreshold(int failures) {
            this.consecutiveFailureThreshold = failures;
            return this;
        }

        public Builder initialState(BreakerState state) {
            this.initialState = state;
            return this;
        }

        public BreakerConfig build() {
            return new BreakerConfig(mode, slidingWindowType, slidingWindowSize, minimumNumberOfCalls,
                    failureRateThresholdPercent, slowCallRateThresholdPercent, slowCallDurationThresholdMillis,
                    permittedNumberOfCallsInHalfOpenState, waitDurationInOpenState, automaticTransition,
                    maxWaitDurationInHalfOpenStateMillis, transitionToStateAfterWaitDuration,
                    consecutiveFailureThreshold, initialState);
        }
    }
}
