package dev.scalelab.ui.resilience;

import dev.scalelab.world.Scenario;

import java.util.List;

/**
 * The settings of one dependency's mesh client that the Resilience panel edits, each a field of the
 * scenario file under {@code dependencies[i]} (they are not {@code Parameter}s: there is one set per
 * dependency). Each knows its file name, label, unit, what it does (the tooltip) and when it applies.
 */
enum DependencyField {
    BREAKER_MODE("breaker.mode", "Mode", Kind.CHOICE, "",
            List.of("resilience4j", "consecutive"),
            "resilience4j: Resilience4j's breaker, which trips on the failure or slow-call rate over a sliding window. "
                    + "consecutive: the pattern notes' simple breaker, which trips after N failures in a row and lets one trial call decide."),
    WINDOW_TYPE("breaker.slidingWindowType", "Window type", Kind.CHOICE, "",
            List.of("count-based", "time-based"),
            "Resilience4j's slidingWindowType: count-based keeps the outcomes of the last N calls; "
                    + "time-based those of the last N seconds."),
    WINDOW_SIZE("breaker.slidingWindowSize", "Window size", Kind.INTEGER, "calls", List.of(),
            "Resilience4j's slidingWindowSize: the last N calls (count-based) or the last N seconds (time-based) "
                    + "over which the failure and slow-call rates are computed."),
    MINIMUM_CALLS("breaker.minimumNumberOfCalls", "Minimum calls", Kind.INTEGER, "calls", List.of(),
            "Resilience4j's minimumNumberOfCalls: the rates are evaluated only once the window holds this many calls, "
                    + "so a few early failures cannot trip it (capped at the window size for count-based windows)."),
    FAILURE_RATE_THRESHOLD("breaker.failureRateThreshold", "Failure-rate threshold", Kind.NUMBER, "%", List.of(),
            "Resilience4j's failureRateThreshold: the breaker opens when the window's failure rate is at or above "
                    + "this percentage. Errors and timeouts count as failures."),
    SLOW_CALL_RATE_THRESHOLD("breaker.slowCallRateThreshold", "Slow-call threshold", Kind.NUMBER, "%", List.of(),
            "Resilience4j's slowCallRateThreshold: the breaker also opens when this percentage of the window's calls "
                    + "or more were slow (100: only when every call was slow)."),
    SLOW_CALL_DURATION("breaker.slowCallDurationThresholdMs", "Slow-call duration", Kind.NUMBER, "ms", List.of(),
            "Resilience4j's slowCallDurationThreshold: a call that takes longer than this counts as slow."),
    WAIT_IN_OPEN("breaker.waitDurationInOpenStateMs", "Wait in open", Kind.NUMBER, "ms", List.of(),
            "Resilience4j's waitDurationInOpenState: how long the open breaker rejects every call before it lets "
                    + "trial calls through (half-open)."),
    HALF_OPEN_CALLS("breaker.permittedNumberOfCallsInHalfOpenState", "Calls in half-open", Kind.INTEGER, "calls", List.of(),
            "Resilience4j's permittedNumberOfCallsInHalfOpenState: the trial calls let through when half-open; "
                    + "their failure rate decides between closing and opening again."),
    AUTOMATIC_TRANSITION("breaker.automaticTransition", "Automatic half-open", Kind.BOOLEAN, "", List.of(),
            "Resilience4j's automaticTransitionFromOpenToHalfOpenEnabled: when on, the breaker turns half-open as soon "
                    + "as the wait is over; when off, only when the next call arrives after the wait."),
    CONSECUTIVE_FAILURES("breaker.consecutiveFailures", "Consecutive failures", Kind.INTEGER, "in a row", List.of(),
            "Consecutive mode: this many failed calls in a row open the breaker for the wait in open."),

    MAX_ATTEMPTS("retry.maxAttempts", "Max attempts", Kind.INTEGER, "incl. first", List.of(),
            "Resilience4j's maxAttempts, counting the first call: 1 means no retry, 3 means a call and two retries. "
                    + "Errors and timeouts are retried; calls the breaker or the bulkhead rejected are not."),
    BACKOFF("retry.backoff", "Back-off", Kind.CHOICE, "", List.of("none", "fixed", "linear", "exponential"),
            "The wait before each retry: none retries at once (the naive client), fixed waits the initial interval, "
                    + "linear the interval times the attempt, exponential the interval times multiplier^(attempt - 1)."),
    INITIAL_INTERVAL("retry.initialIntervalMs", "Initial interval", Kind.NUMBER, "ms", List.of(),
            "The wait before the first retry (Resilience4j's waitDuration / initialInterval)."),
    MULTIPLIER("retry.multiplier", "Multiplier", Kind.NUMBER, "×", List.of(),
            "Exponential back-off: each wait is this many times the one before (Resilience4j's default 1.5 gives "
                    + "500, 750, 1125 ms ...)."),
    MAX_INTERVAL("retry.maxIntervalMs", "Max interval", Kind.NUMBER, "ms", List.of(),
            "The cap on one back-off wait, as Resilience4j's maxInterval."),
    JITTER("retry.jitter", "Jitter", Kind.CHOICE, "", List.of("none", "full", "equal", "decorrelated"),
            "Randomizes each wait so that clients that failed together do not retry together (AWS Architecture "
                    + "Blog's schemes): full waits uniformly 0 to the back-off, equal half of it plus up to the other "
                    + "half, decorrelated between the initial interval and 3 × the previous wait."),
    BUDGET("retry.budget", "Retry budget", Kind.CHOICE, "", List.of("none", "envoy", "finagle"),
            "Caps retries as a share of traffic so a failing dependency is not hit by a multiple of its load: "
                    + "envoy allows concurrent retries up to the budget percent of active requests (at least 3); "
                    + "finagle a token bucket of the budget percent of requests plus 10 retries/s."),
    BUDGET_PERCENT("retry.budgetPercent", "Budget", Kind.NUMBER, "%", List.of(),
            "The retry budget's share: retries allowed as a percentage of requests (Envoy's budget_percent, "
                    + "Finagle's percentCanRetry)."),

    TIMEOUT("timeoutMs", "Timeout per attempt", Kind.NUMBER, "ms", List.of(),
            "The per-attempt timeout (Resilience4j's TimeLimiter, Envoy's per_try_timeout): an attempt without an "
                    + "answer by then fails and counts as a breaker failure. 0: wait however long it takes."),
    MAX_CONCURRENT_CALLS("maxConcurrentCalls", "Max concurrent calls", Kind.INTEGER, "calls", List.of(),
            "The bulkhead (Resilience4j's maxConcurrentCalls, Envoy's max_requests): attempts beyond this many in "
                    + "flight are rejected at once. 0: no limit.");

    /** How the field's value is typed and kept. */
    enum Kind { INTEGER, NUMBER, CHOICE, BOOLEAN }

    /** The fields in the breaker section of the pane, in order. */
    static final List<DependencyField> BREAKER = List.of(BREAKER_MODE, WINDOW_TYPE, WINDOW_SIZE, MINIMUM_CALLS,
            FAILURE_RATE_THRESHOLD, SLOW_CALL_RATE_THRESHOLD, SLOW_CALL_DURATION, WAIT_IN_OPEN, HALF_OPEN_CALLS,
            AUTOMATIC_TRANSITION, CONSECUTIVE_FAILURES);
    static final List<DependencyField> RETRY = List.of(MAX_ATTEMPTS, BACKOFF, INITIAL_INTERVAL, MULTIPLIER,
            MAX_INTERVAL, JITTER, BUDGET, BUDGET_PERCENT);
    static final List<DependencyField> CALLS = List.of(TIMEOUT, MAX_CONCURRENT_CALLS);

    private final String name;
    private final String label;
    private final Kind kind;
    private final String unit;
    private final List<String> choices;
    private final String description;

    DependencyField(String name, String label, Kind kind, String unit, List<String> choices, String description) {
        this.name = name;
        this.label = label;
        this.kind = kind;
        this.unit = unit;
        this.choices = choices;
        this.description = description;
    }

    /** The path for {@code SimulationRunner.setDependencyField}: {@code dependencies[1].retry.maxAttempts}. */
    String path(int dependency) {
        return "dependencies[" + dependency + "]." + name;
    }

    String label() {
        return label;
    }

    Kind kind() {
        return kind;
    }

    List<String> choices() {
        return choices;
    }

    String description() {
        return description;
    }

    /** The unit beside the field; a window's size is in calls or in seconds depending on its type. */
    String unit(Scenario.Dependency d) {
        if (this == WINDOW_SIZE && d.breaker() != null && d.breaker().slidingWindowType().equals("time-based")) {
            return "s";
        }
        return unit;
    }

    /** A stable fx:id base: "retry.maxAttempts" → "retryMaxAttempts". */
    String id() {
        StringBuilder id = new StringBuilder();
        for (String part : name.split("\\.")) {
            id.append(id.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return id.toString();
    }

    /**
     * The value as the scenario holds it: an Integer, Double, String or Boolean, as
     * {@code ScenarioFiles.readDependencyField} gives it; null for a breaker field of a dependency
     * without a breaker.
     */
    Object read(Scenario.Dependency d) {
        Scenario.Breaker b = d.breaker();
        Scenario.Retry r = d.retry();
        if (b == null && this.name.startsWith("breaker.")) {
            return null;
        }
        switch (this) {
            case BREAKER_MODE: return b.mode();
            case WINDOW_TYPE: return b.slidingWindowType();
            case WINDOW_SIZE: return b.slidingWindowSize();
            case MINIMUM_CALLS: return b.minimumNumberOfCalls();
            case FAILURE_RATE_THRESHOLD: return b.failureRateThreshold();
            case SLOW_CALL_RATE_THRESHOLD: return b.slowCallRateThreshold();
            case SLOW_CALL_DURATION: return b.slowCallDurationThresholdMs();
            case WAIT_IN_OPEN: return b.waitDurationInOpenStateMs();
            case HALF_OPEN_CALLS: return b.permittedNumberOfCallsInHalfOpenState();
            case AUTOMATIC_TRANSITION: return b.automaticTransition();
            case CONSECUTIVE_FAILURES: return b.consecutiveFailures();
            case MAX_ATTEMPTS: return r.maxAttempts();
            case BACKOFF: return r.backoff();
            case INITIAL_INTERVAL: return r.initialIntervalMs();
            case MULTIPLIER: return r.multiplier();
            case MAX_INTERVAL: return r.maxIntervalMs();
            case JITTER: return r.jitter();
            case BUDGET: return r.budget();
            case BUDGET_PERCENT: return r.budgetPercent();
            case TIMEOUT: return d.timeoutMs();
            case MAX_CONCURRENT_CALLS: return d.maxConcurrentCalls();
            default: throw new AssertionError(this);
        }
    }

    /**
     * Whether the client uses this field with the dependency's other settings, as the world builds it
     * (MeshSystem.meshConfig): a consecutive breaker has no window, a single attempt no back-off.
     * Fields that do not apply are shown disabled, not hidden, so the form keeps its shape.
     */
    boolean appliesTo(Scenario.Dependency d) {
        Scenario.Breaker b = d.breaker();
        Scenario.Retry r = d.retry();
        boolean retries = r.maxAttempts() > 1;
        boolean backoff = retries && !r.backoff().equals("none");
        switch (this) {
            case BREAKER_MODE:
            case WAIT_IN_OPEN:
                return b != null;
            case CONSECUTIVE_FAILURES:
                return b != null && b.mode().equals("consecutive");
            case WINDOW_TYPE:
            case WINDOW_SIZE:
            case MINIMUM_CALLS:
            case FAILURE_RATE_THRESHOLD:
            case SLOW_CALL_RATE_THRESHOLD:
            case SLOW_CALL_DURATION:
            case HALF_OPEN_CALLS:
            case AUTOMATIC_TRANSITION:
                return b != null && b.mode().equals("resilience4j");
            case BACKOFF:
            case BUDGET:
                return retries;
            case INITIAL_INTERVAL:
            case MAX_INTERVAL:
            case JITTER:
                return backoff;
            case MULTIPLIER:
                return backoff && r.backoff().equals("exponential");
            case BUDGET_PERCENT:
                return retries && !r.budget().equals("none");
            default:
                return true;
        }
    }
}
