package dev.scalelab.world;

import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.engine.scaling.ScalingDecision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The time-series columns of the parts a scenario has, beyond {@link Sample#CSV_HEADER}. Which
 * columns exist is decided once, from the scenario at the start and its timeline, so every row of
 * a file has the same columns; a part that has nothing to say in a second leaves its cells empty.
 * Each name ends with its unit: {@code _ratio} (0 to 1), {@code _per_s} (events in the one-second
 * interval), {@code _count} (a level or a total now) or {@code _state}.
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
 * </ul>
 * Names are lower case, with anything other than letters and digits turned into {@code _}.
 */
final class SampleColumns {
    private final List<String> names = new ArrayList<>();
    private final boolean autoscaler;
    private final boolean cache;
    private final List<String> cacheLevels = new ArrayList<>();
    private final boolean database;
    private final List<String> dependencyPrefixes = new ArrayList<>();
    private final List<Boolean> dependencyBreakers = new ArrayList<>();
    /** Per dependency, the totals at the last sample: requests, attempts sent, not permitted. */
    private final List<long[]> lastTotals = new ArrayList<>();

    SampleColumns(Scenario s) {
        Set<String> used = new HashSet<>(List.of(Sample.CSV_HEADER.split(",")));
        autoscaler = s.autoscaler().policy() != Scenario.AutoscalerPolicy.NONE || Timeline.sets(s, "autoscaler.policy");
        if (autoscaler) {
            add(used, "autoscaler_proposed_replicas_count");
            add(used, "autoscaler_desired_replicas_count");
        }
        cache = s.cache() != null;
        if (cache) {
            add(used, "cache_hit_ratio");
            for (Scenario.CacheLevel l : s.cache().levels()) {
                cacheLevels.add(add(used, "cache_" + name(l.name()) + "_hit_ratio"));
            }
            add(used, "cache_store_loads_per_s");
        }
        database = s.database() != null;
        if (database) {
            add(used, "db_queries_per_s");
            add(used, "db_stale_reads_per_s");
            add(used, "db_keys_moved_count");
        }
        for (int i = 0; i < s.dependencies().size(); i++) {
            Scenario.Dependency d = s.dependencies().get(i);
            String prefix = name(d.name());
            while (used.contains(prefix + "_requests_per_s")) {
                prefix = prefix + "_" + i;
            }
            dependencyPrefixes.add(prefix);
            add(used, prefix + "_requests_per_s");
            add(used, prefix + "_attempts_per_s");
            boolean breaker = d.breaker() != null || Timeline.setsUnder(s, "dependencies[" + i + "].breaker.");
            dependencyBreakers.add(breaker);
            if (breaker) {
                add(used, prefix + "_not_permitted_per_s");
                add(used, prefix + "_breaker_state");
            }
            lastTotals.add(new long[3]);
        }
    }

    private String add(Set<String> used, String column) {
        String c = column;
        for (int k = 2; !used.add(c); k++) {
            c = column + "_" + k;
        }
        names.add(c);
        return c;
    }

    /** "Payments-API" -> "payments_api". */
    static String name(String raw) {
        String n = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return n.isEmpty() ? "part" : n;
    }

    /** The part columns, in order. */
    List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /** The header of the time-series file: the base columns and the parts'. */
    String header() {
        return names.isEmpty() ? Sample.CSV_HEADER : Sample.CSV_HEADER + "," + String.join(",", names);
    }

    /**
     * This second's values of every part column, in order. Called once per sample, after the parts
     * took their own samples; reads state only, so it changes nothing in the run.
     */
    Map<String, String> values(World w) {
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, String> v = new LinkedHashMap<>();
        int next = 0;
        if (autoscaler) {
            ScalingDecision d = w.scaling().activeDecision();
            v.put(names.get(next++), d == null ? "" : Integer.toString(d.proposed()));
            v.put(names.get(next++), d == null ? "" : Integer.toString(d.desired()));
        }
        if (cache) {
            CacheSystem c = w.cache();
            v.put(names.get(next++), c == null ? "" : ratio(c.lastHitRatio()));
            for (int i = 0; i < cacheLevels.size(); i++) {
                v.put(names.get(next++), c == null ? "" : ratio(c.lastLevelHitRatio(i)));
            }
            v.put(names.get(next++), c == null ? "" : count(c.lastStoreLoads()));
        }
        if (database) {
            DataSystem d = w.data();
            v.put(names.get(next++), d == null ? "" : count(d.lastQueries()));
            v.put(names.get(next++), d == null ? "" : count(d.lastStaleReads()));
            v.put(names.get(next++), d == null ? "" : Long.toString(d.keysMoved()));
        }
        MeshSystem m = w.mesh();
        for (int i = 0; i < dependencyPrefixes.size(); i++) {
            long[] now = m.totals(i);
            long[] last = lastTotals.get(i);
            v.put(names.get(next++), Long.toString(now[0] - last[0]));
            v.put(names.get(next++), Long.toString(now[1] - last[1]));
            if (dependencyBreakers.get(i)) {
                boolean has = m.dependency(i).breaker() != null;
                BreakerState state = m.breakerState(i);
                v.put(names.get(next++), has ? Long.toString(now[2] - last[2]) : "");
                v.put(names.get(next++), has ? state.name() : "");
            }
            lastTotals.set(i, now);
        }
        return Collections.unmodifiableMap(v);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.6f", r);
    }

    private static String count(double c) {
        return Double.isNaN(c) ? "" : Long.toString(Math.round(c));
    }
}
