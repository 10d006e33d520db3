package dev.scalelab.practice;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.sim.HasId;

import java.util.Arrays;
import java.util.Map;
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
    /**
     * {@code cost.meanPerHour}: the mean dollars per hour of the service pool's instances over the
     * run (consumers and database nodes are not priced).
     */
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
        return switch (this) {
            case P99_MS -> field(report, "latencyMs", "p99");
            case P999_MS -> field(report, "latencyMs", "p999");
            case ERROR_RATIO -> {
                JsonNode r = section(report, "requests", "offered");
                double errors = number(r, "requests", "failed") + number(r, "requests", "rejected")
                        + number(r, "requests", "timedOut") + r.path("shed").asDouble(0); // "shed" only with a gateway
                yield share(errors, number(r, "requests", "offered"), 0);
            }
            case AVAILABILITY -> share(field(report, "requests", "completed"), field(report, "requests", "offered"), 1);
            case COST_PER_HOUR -> field(report, "cost", "meanPerHour");
            case HIT_RATIO -> field(report, "cache", "hitRatio");
            case CACHE_STALE_RATIO -> share(field(report, "cache", "staleReads"), field(report, "cache", "reads"), 0);
            case DB_STALE_RATIO -> share(field(report, "database", "staleReads"), field(report, "database", "reads"), 0);
            case LOST_WRITES -> field(report, "database", "lostAcknowledgedWrites");
            case KEYS_MOVED_FRACTION -> field(report, "database", "movedFraction");
            case AMPLIFICATION -> field(report, "retries", "amplification");
            case BREAKER_CLOSED_AT_END -> {
                String state = named(report, "breakers", "dependency", target).path("state").asText("");
                yield state.equals("CLOSED") || state.equals("DISABLED") ? 1 : 0;
            }
            case END_TO_END_P99_MS -> number(topic(report, target), "events.topics[" + target + "].endToEndMs", "endToEndMs", "p99");
            case LAG_MAX -> number(topic(report, target), "events.topics[" + target + "]", "lagMax");
            case CLIENT_P99_MS -> number(client(report, target), "gateway.perClient." + target, "p99Ms");
            case CLIENT_SUCCESS_RATIO -> {
                JsonNode c = client(report, target);
                String at = "gateway.perClient." + target;
                yield share(number(c, at, "completed"), number(c, at, "offered"), 1);
            }
            case CLIENT_LIMITED_RATIO -> {
                JsonNode c = client(report, target);
                String at = "gateway.perClient." + target;
                yield share(number(c, at, "limited"), number(c, at, "offered"), 0);
            }
        };
    }

    /**
     * {@code part / whole}; {@code none} when nothing was counted (a run without reads has no stale
     * reads, and a client that sent nothing was refused nothing).
     */
    private static double share(double part, double whole, double none) {
        return whole == 0 ? none : part / whole;
    }

    /** The report's section {@code name}, which must hold {@code field}. */
    private static JsonNode section(JsonNode report, String name, String field) {
        JsonNode s = report.get(name);
        if (s == null || !s.isObject()) {
            throw new IllegalArgumentException(name + "." + field + ": the design has no " + SECTION_NAMES.getOrDefault(name, name));
        }
        return s;
    }

    /** {@code report.section.field}, which must be a number. */
    private static double field(JsonNode report, String section, String field) {
        return number(section(report, section, field), section, field);
    }

    /** {@code node.field} (with {@code at} its path for a message); a chain of fields for a nested one. */
    private static double number(JsonNode node, String at, String... fields) {
        JsonNode v = node;
        for (String f : fields) {
            v = v.path(f);
        }
        if (!v.isNumber()) {
            String last = fields[fields.length - 1];
            throw new IllegalArgumentException(at + "." + last + ": the report has no such number");
        }
        return v.doubleValue();
    }

    /** The element of the array {@code report[array]} whose {@code key} is {@code name}. */
    private static JsonNode named(JsonNode report, String array, String key, String name) {
        JsonNode list = report.path(array);
        for (JsonNode item : list) {
            if (name.equals(item.path(key).asText(null))) {
                return item;
            }
        }
        throw new IllegalArgumentException(array + "[" + key + " = " + name + "]: the design has no "
                + (array.equals("breakers") ? "dependency" : "element") + " named \"" + name + "\"");
    }

    private static JsonNode topic(JsonNode report, String name) {
        JsonNode events = report.get("events");
        if (events == null || !events.isObject()) {
            throw new IllegalArgumentException("events.topics[" + name + "]: the design has no events section");
        }
        for (JsonNode t : events.path("topics")) {
            if (name.equals(t.path("name").asText(null))) {
                return t;
            }
        }
        throw new IllegalArgumentException("events.topics[" + name + "]: the design has no topic named \"" + name + "\"");
    }

    private static JsonNode client(JsonNode report, String name) {
        JsonNode gateway = report.get("gateway");
        if (gateway == null || !gateway.isObject()) {
            throw new IllegalArgumentException("gateway.perClient." + name + ": the design has no gateway and no client classes");
        }
        JsonNode c = gateway.path("perClient").get(name);
        if (c == null || !c.isObject()) {
            throw new IllegalArgumentException("gateway.perClient." + name + ": the design has no client named \"" + name + "\"");
        }
        return c;
    }

    /** How a message names a missing section: "the design has no cache". */
    private static final Map<String, String> SECTION_NAMES = Map.of("cache", "cache", "database", "database",
            "retries", "dependencies", "latencyMs", "latency figures", "requests", "request counts", "cost", "cost figures");

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
