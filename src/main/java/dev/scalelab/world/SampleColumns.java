package dev.scalelab.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The time-series columns of the parts a scenario has, beyond {@link Sample#CSV_HEADER}: each
 * subsystem declares its own ({@link Subsystem#declareColumns}) and gives their values each second
 * ({@link Subsystem#columnValues}). Which columns exist is decided once, from the scenario at the
 * start and its timeline, so every row of a file has the same columns; a part that has nothing to
 * say in a second leaves its cells empty. Each name ends with its unit: {@code _ratio} (0 to 1),
 * {@code _per_s} (events in the one-second interval), {@code _count} (a level or a total now) or
 * {@code _state}.
 * <ul>
 *   <li>autoscaler (a policy at the start, or set by the timeline): {@code autoscaler_proposed_replicas_count}
 *       (what its metric asked for at its last sync) and {@code autoscaler_desired_replicas_count}
 *       (what it settled on);</li>
 *   <li>cache: {@code cache_hit_ratio}, {@code cache_<level>_hit_ratio} per level, {@code cache_store_loads_per_s};</li>
 *   <li>database: {@code db_queries_per_s}, {@code db_stale_reads_per_s}, {@code db_keys_moved_count} (since the start);</li>
 *   <li>per dependency {@code <name>}: {@code <name>_requests_per_s}, {@code <name>_attempts_per_s}
 *       (sent to it, retries included); with a breaker (at the start, or set by the timeline)
 *       {@code <name>_not_permitted_per_s} and {@code <name>_breaker_state} (CLOSED, OPEN,
 *       HALF_OPEN, ...).</li>
 *   <li>runtime (at the start, or set by the timeline): {@code gc_pause_ms_per_s} (the fleet's pause
 *       time in the second, summed over instances), {@code gc_collections_per_s},
 *       {@code gc_allocated_mb_per_s}; object pool: {@code object_pool_hit_ratio},
 *       {@code object_pool_drops_per_s}.</li>
 *   <li>gateway: {@code gateway_limited_per_s} (answered 429 over a rate limit) and
 *       {@code gateway_shed_per_s} (answered 503 by the load shedder).</li>
 * </ul>
 * Names are lower case, with anything other than letters and digits turned into {@code _}.
 */
final class SampleColumns {
    private final List<String> names = new ArrayList<>();
    private final Set<String> used = new HashSet<>(List.of(Sample.CSV_HEADER.split(",")));
    /**
     * The questions about the timeline that decided which columns exist (a path or, ending in a dot,
     * a prefix), with their answers: a world can go on with another future only if it answers them alike.
     */
    private final Map<String, Boolean> timelineAnswers = new LinkedHashMap<>();

    /**
     * Whether {@code initial}'s timeline ever sets {@code pathOrPrefix} (a field's path, or a prefix
     * ending in a dot for any field under it); the answer is remembered for {@link #sameTimelineAnswers}.
     */
    boolean timelineSets(Scenario initial, String pathOrPrefix) {
        boolean answer = pathOrPrefix.endsWith(".") ? Timeline.setsUnder(initial, pathOrPrefix) : Timeline.sets(initial, pathOrPrefix);
        timelineAnswers.put(pathOrPrefix, answer);
        return answer;
    }

    /** Whether {@code other}'s timeline would have declared the same columns as the one these were declared from. */
    boolean sameTimelineAnswers(Scenario other) {
        for (Map.Entry<String, Boolean> e : timelineAnswers.entrySet()) {
            String q = e.getKey();
            boolean answer = q.endsWith(".") ? Timeline.setsUnder(other, q) : Timeline.sets(other, q);
            if (answer != e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Declares a column; a name already taken gets a suffix ({@code _2}, {@code _3}, ...). Returns the name given. */
    String add(String column) {
        String c = column;
        for (int k = 2; !used.add(c); k++) {
            c = column + "_" + k;
        }
        names.add(c);
        return c;
    }

    boolean taken(String column) {
        return used.contains(column);
    }

    /** "Payments-API" -> "payments_api". */
    static String name(String raw) {
        String n = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return n.isEmpty() ? "part" : n;
    }

    /** The header of the time-series file: the base columns and the parts'. */
    String header() {
        return names.isEmpty() ? Sample.CSV_HEADER : Sample.CSV_HEADER + "," + String.join(",", names);
    }

    /**
     * This second's values of every part column, in order. Called once per sample, after the parts
     * took their own samples.
     */
    Map<String, String> values(List<Subsystem> parts) {
        if (names.isEmpty()) {
            return Map.of();
        }
        List<String> cells = new ArrayList<>(names.size());
        for (Subsystem part : parts) {
            part.columnValues(cells);
        }
        if (cells.size() != names.size()) {
            throw new IllegalStateException(cells.size() + " values for the " + names.size() + " columns " + names);
        }
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            v.put(names.get(i), cells.get(i));
        }
        return Collections.unmodifiableMap(v);
    }

    /** A ratio cell: 6 decimals, empty when there was nothing to divide. */
    static String ratio(double r) {
        return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.6f", r);
    }

    /** A count cell: a whole number, empty when there is none. */
    static String count(double c) {
        return Double.isNaN(c) ? "" : Long.toString(Math.round(c));
    }
}
