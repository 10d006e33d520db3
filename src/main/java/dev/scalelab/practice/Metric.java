package dev.scalelab.practice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.sim.HasId;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a requirement measures, read from a run's report (the report's field names are the
 * contract DESIGN.md fixes). A metric that needs a {@code target} names it in its description.
 * Each has a per-second view for "when did it break" (see {@link Grader}) where the time series
 * has one.
 */
public enum Metric implements HasId {
    /** {@code latencyMs.p99}. */
    P99_MS("p99-ms", "p99 latency", "ms", false),
    /** {@code latencyMs.p999}. */
    P999_MS("p999-ms", "p99.9 latency", "ms", false),
    /** (requests.failed + requests.rejected + requests.timedOut + requests.shed) / requests.offered; 429s (limited) are not errors. */
    ERROR_RATIO("error-ratio", "error rate", "", false),
    /** requests.completed / requests.offered: every request not answered counts against it, 429s too. */
    AVAILABILITY("availability", "availability", "", true),
    /** {@code cost.meanPerHour}: the mean dollars per hour of every instance (and consumer) over the run. */
    COST_PER_HOUR("cost-per-hour", "cost", "$/h", false),
    /** {@code cache.hitRatio}. */
    HIT_RATIO("hit-ratio", "cache hit ratio", "", true),
    /** cache.staleReads / cache.reads: reads answered from the cache with a value older than the store's. */
    CACHE_STALE_RATIO("cache-stale-ratio", "stale cache reads", "", false),
    /** database.staleReads / database.reads: replica reads behind the primary. */
    DB_STALE_RATIO("db-stale-ratio", "stale database reads", "", false),
    /** {@code database.lostAcknowledgedWrites}: writes acknowledged to the client and then lost. */
    LOST_WRITES("lost-writes", "lost acknowledged writes", "writes", false),
    /** {@code database.movedFraction}: the fraction of keys that moved shards in the run's resharding. */
    KEYS_MOVED_FRACTION("keys-moved-fraction", "keys moved", "", false),
    /** {@code retries.amplification}: attempts sent downstream per request that called a dependency. */
    AMPLIFICATION("amplification", "retry amplification", "×", false),
    /** 1 when the breaker of the dependency named by {@code target} is CLOSED (or DISABLED) at the end, else 0. */
    BREAKER_CLOSED_AT_END("breaker-closed-at-end", "breaker closed at the end", "", true),
    /** {@code events.topics[name = target].endToEndMs.p99}: publish to processed, for the topic named by {@code target}. */
    END_TO_END_P99_MS("end-to-end-p99-ms", "end-to-end p99", "ms", false),
    /** {@code events.topics[name = target].lagMax}: the topic's largest total lag of any group over the run. */
    LAG_MAX("lag-max", "largest consumer lag", "records", false),
    /** {@code gateway.perClient[target].p99Ms}: the p99 latency of the answered requests of the client named by {@code target}. */
    CLIENT_P99_MS("client-p99-ms", "client p99 latency", "ms", false),
    /** gateway.perClient[target].completed / offered: the share of that client's requests answered. */
    CLIENT_SUCCESS_RATIO("client-success-ratio", "client success rate", "", true),
    /** {@code gateway.perClient[target].limited} / offered: the share of that client's requests refused with 429. */
    CLIENT_LIMITED_RATIO("client-limited-ratio", "client requests limited", "", false);

    private final String id;
    private final String label;
    private final String unit;
    private final boolean higherIsBetter;

    Metric(String id, String label, String unit, boolean higherIsBetter) {
        this.id = id;
        this.label = label;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** "p99 latency": what a verdict calls it. */
    public String label() {
        return label;
    }

    /** "ms", "$/h", "" for a ratio (shown as a percentage). */
    public String unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether it needs a {@code target} (a dependency, a topic or a client name). */
    public boolean needsTarget() {
        return this == BREAKER_CLOSED_AT_END || this == END_TO_END_P99_MS || this == LAG_MAX || this == CLIENT_P99_MS
                || this == CLIENT_SUCCESS_RATIO || this == CLIENT_LIMITED_RATIO;
    }

    /**
     * Its value in {@code report} for {@code target} (null when it needs none). A report without
     * the section it reads (no cache, no gateway, no such topic) is an {@link IllegalArgumentException}
     * naming the missing field: the challenge's own data is wrong, or the design removed the part.
     */
    public double measure(JsonNode report, String target) {
        throw new UnsupportedOperationException("not built yet");
    }

    @JsonCreator
    static Metric of(String id) {
        Metric m = HasId.byId(Metric.class, id);
        if (m == null) {
            throw new IllegalArgumentException("\"" + id + "\" is not a metric; one of "
                    + Arrays.stream(values()).map(Metric::id).collect(Collectors.joining(", ")));
        }
        return m;
    }
}
