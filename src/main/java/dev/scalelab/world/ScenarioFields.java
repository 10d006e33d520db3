package dev.scalelab.world;

import java.util.List;
import java.util.Map;

/**
 * Any settable field of a scenario by its path, list indices included: what it is
 * ({@link FieldSpec}), its value in a scenario, and a scenario with it changed. The UI's parameter
 * forms edit the live parameters and a dependency's client settings through this one door.
 */
public final class ScenarioFields {
    private static final String DEPENDENCY_PREFIX = "dependencies[";

    /** A dependency client setting, by its path inside {@code dependencies[i]}. */
    private record DependencyFieldSpec(String path, Type type, double min, double max, String unit,
                                       String description, List<String> choices) implements FieldSpec {
        DependencyFieldSpec at(String fullPath) {
            return new DependencyFieldSpec(fullPath, type, min, max, unit, description, choices);
        }
    }

    private static DependencyFieldSpec number(String path, double min, double max, String unit, String description) {
        return new DependencyFieldSpec(path, FieldSpec.Type.NUMBER, min, max, unit, description, List.of());
    }

    private static DependencyFieldSpec integer(String path, long min, long max, String unit, String description) {
        return new DependencyFieldSpec(path, FieldSpec.Type.INTEGER, min, max, unit, description, List.of());
    }

    private static DependencyFieldSpec choice(String path, String description, String... choices) {
        return new DependencyFieldSpec(path, FieldSpec.Type.CHOICE, 0, 0, "", description, List.of(choices));
    }

    /** The ranges are those the scenario file reader enforces for a dependency's breaker, retry and calls. */
    private static final Map<String, DependencyFieldSpec> DEPENDENCY_FIELDS = Map.ofEntries(
            entry(choice("breaker.mode",
                    "resilience4j: Resilience4j's breaker, which trips on the failure or slow-call rate over a sliding window. "
                            + "consecutive: the pattern notes' simple breaker, which trips after N failures in a row and lets one trial call decide.",
                    "resilience4j", "consecutive")),
            entry(choice("breaker.slidingWindowType",
                    "Resilience4j's slidingWindowType: count-based keeps the outcomes of the last N calls; "
                            + "time-based those of the last N seconds.",
                    "count-based", "time-based")),
            entry(integer("breaker.slidingWindowSize", 1, 100_000, "calls",
                    "Resilience4j's slidingWindowSize: the last N calls (count-based) or the last N seconds (time-based) "
                            + "over which the failure and slow-call rates are computed.")),
            entry(integer("breaker.minimumNumberOfCalls", 1, 100_000, "calls",
                    "Resilience4j's minimumNumberOfCalls: the rates are evaluated only once the window holds this many calls, "
                            + "so a few early failures cannot trip it (capped at the window size for count-based windows).")),
            entry(number("breaker.failureRateThreshold", 0, 100, "%",
                    "Resilience4j's failureRateThreshold: the breaker opens when the window's failure rate is at or above "
                            + "this percentage. Errors and timeouts count as failures.")),
            entry(number("breaker.slowCallRateThreshold", 0, 100, "%",
                    "Resilience4j's slowCallRateThreshold: the breaker also opens when this percentage of the window's calls "
                            + "or more were slow (100: only when every call was slow).")),
            entry(number("breaker.slowCallDurationThresholdMs", 0, 3_600_000, "ms",
                    "Resilience4j's slowCallDurationThreshold: a call that takes longer than this counts as slow.")),
            entry(number("breaker.waitDurationInOpenStateMs", 0, 3_600_000, "ms",
                    "Resilience4j's waitDurationInOpenState: how long the open breaker rejects every call before it lets "
                            + "trial calls through (half-open).")),
            entry(integer("breaker.permittedNumberOfCallsInHalfOpenState", 1, 10_000, "calls",
                    "Resilience4j's permittedNumberOfCallsInHalfOpenState: the trial calls let through when half-open; "
                            + "their failure rate decides between closing and opening again.")),
            entry(new DependencyFieldSpec("breaker.automaticTransition", FieldSpec.Type.BOOLEAN, 0, 0, "",
                    "Resilience4j's automaticTransitionFromOpenToHalfOpenEnabled: when on, the breaker turns half-open as soon "
                            + "as the wait is over; when off, only when the next call arrives after the wait.", List.of())),
            entry(integer("breaker.consecutiveFailures", 1, 10_000, "in a row",
                    "Consecutive mode: this many failed calls in a row open the breaker for the wait in open.")),
            entry(integer("retry.maxAttempts", 1, 100, "incl. first",
                    "Resilience4j's maxAttempts, counting the first call: 1 means no retry, 3 means a call and two retries. "
                            + "Errors and timeouts are retried; calls the breaker or the bulkhead rejected are not.")),
            entry(choice("retry.backoff",
                    "The wait before each retry: none retries at once (the naive client), fixed waits the initial interval, "
                            + "linear the interval times the attempt, exponential the interval times multiplier^(attempt - 1).",
                    "none", "fixed", "linear", "exponential")),
            entry(number("retry.initialIntervalMs", 0, 3_600_000, "ms",
                    "The wait before the first retry (Resilience4j's waitDuration / initialInterval).")),
            entry(number("retry.multiplier", 1, 100, "×",
                    "Exponential back-off: each wait is this many times the one before (Resilience4j's default 1.5 gives "
                            + "500, 750, 1125 ms ...).")),
            entry(number("retry.maxIntervalMs", 0, 3_600_000, "ms",
                    "The cap on one back-off wait, as Resilience4j's maxInterval.")),
            entry(choice("retry.jitter",
                    "Randomizes each wait so that clients that failed together do not retry together (AWS Architecture "
                            + "Blog's schemes): full waits uniformly 0 to the back-off, equal half of it plus up to the other "
                            + "half, decorrelated between the initial interval and 3 × the previous wait.",
                    "none", "full", "equal", "decorrelated")),
            entry(choice("retry.budget",
                    "Caps retries as a share of traffic so a failing dependency is not hit by a multiple of its load: "
                            + "envoy allows concurrent retries up to the budget percent of active requests (at least 3); "
                            + "finagle a token bucket of the budget percent of requests plus 10 retries/s.",
                    "none", "envoy", "finagle")),
            entry(number("retry.budgetPercent", 0, 100, "%",
                    "The retry budget's share: retries allowed as a percentage of requests (Envoy's budget_percent, "
                            + "Finagle's percentCanRetry).")),
            entry(number("timeoutMs", 0, 3_600_000, "ms",
                    "The per-attempt timeout (Resilience4j's TimeLimiter, Envoy's per_try_timeout): an attempt without an "
                            + "answer by then fails and counts as a breaker failure. 0: wait however long it takes.")),
            entry(integer("maxConcurrentCalls", 0, 1_000_000, "calls",
                    "The bulkhead (Resilience4j's maxConcurrentCalls, Envoy's max_requests): attempts beyond this many in "
                            + "flight are rejected at once. 0: no limit.")));

    private static Map.Entry<String, DependencyFieldSpec> entry(DependencyFieldSpec spec) {
        return Map.entry(spec.path(), spec);
    }

    private ScenarioFields() {
    }

    /** The spec of a live parameter or of a dependency's client setting; a ScenarioException naming the path otherwise. */
    public static FieldSpec spec(String path) {
        Parameter parameter = Parameter.byPath(path);
        if (parameter != null) {
            return parameter;
        }
        if (ScenarioFiles.isDependencyField(path)) {
            DependencyFieldSpec spec = DEPENDENCY_FIELDS.get(path.substring(path.indexOf("].") + 2));
            if (spec != null) {
                return spec.at(path);
            }
        }
        throw new ScenarioException(path, "is not a field that can be set" + Parameter.suggest(path));
    }

    /** The value at {@code path} in {@code s}: Integer, Double, String or Boolean; null for a breaker field without a breaker. */
    public static Object read(Scenario s, String path) {
        Parameter parameter = Parameter.byPath(path);
        return parameter != null ? parameter.read(s) : ScenarioFiles.readDependencyField(s, path);
    }

    /** {@code s} with the field at {@code path} set to a value already checked by its spec. */
    public static Scenario with(Scenario s, String path, Object value) {
        Parameter parameter = Parameter.byPath(path);
        return parameter != null ? parameter.applyTo(s, value) : ScenarioFiles.withDependencyField(s, path, value);
    }

    /** Whether {@code path} may change while a run goes on. */
    public static boolean isLive(String path) {
        return Parameter.byPath(path) != null || ScenarioFiles.isDependencyField(path);
    }
}
