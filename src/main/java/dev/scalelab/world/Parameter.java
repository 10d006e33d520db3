package dev.scalelab.world;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.engine.scaling.ScalingRules;
import dev.scalelab.engine.scaling.TargetTrackingPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The parameters that can change while a simulation runs: by the user, or by a {@code set}
 * command on the scenario's timeline. One place holds each one's path, type, range and meaning,
 * so the scenario file, the timeline and the UI's text fields all validate alike.
 */
public enum Parameter implements FieldSpec {
    ARRIVAL_RATE("workload.arrival.ratePerSecond", Type.NUMBER, 0, 10_000_000, "req/s",
            "Mean arrival rate of the open (Poisson) workload, before the rate shape is applied."),
    USERS("workload.arrival.users", Type.INTEGER, 1, 1_000_000, "users",
            "Closed workload: how many users each wait for their response, think, and send again."),
    READ_RATIO("workload.readRatio", Type.NUMBER, 0, 1, "",
            "Fraction of requests that are reads; the rest are writes."),
    INSTANCES("service.instances", Type.INTEGER, 1, 500, "instances",
            "Instances the pool keeps (spec.replicas). New ones provision and boot first; removed ones drain their queue. "
                    + "An autoscaler overrides this at its next sync."),
    WORKERS("service.workersPerInstance", Type.INTEGER, 1, 1024, "workers",
            "Requests one instance of the base size serves at the same time (threads). Other sizes get workers in proportion to vCPUs."),
    QUEUE_CAPACITY("service.queueCapacity", Type.INTEGER, 0, 10_000_000, "requests",
            "Requests one instance holds waiting for a worker. A request that finds the queue full is rejected."),
    SERVICE_TIME_MEAN("service.serviceTime.meanMs", Type.NUMBER, 0.001, 3_600_000, "ms",
            "Mean time a worker spends on one request. The spread scales with it."),
    SERVICE_TIME_DISTRIBUTION("service.serviceTime.distribution", Type.CHOICE, 0, 0, "",
            "Shape of the service time: constant, exponential (memoryless), uniform, lognormal or pareto (heavy tail).",
            ids(DistributionSpec.Kind.values(), DistributionSpec.Kind::id)),
    SIZE("service.size", Type.CHOICE, 0, 0, "",
            "Instance size: small 1 vCPU, medium 2, large 4, xlarge 8, each doubling price. Changing it rolls the pool one instance at a time.",
            ids(InstanceSize.values(), InstanceSize::id)),
    PROVISION_SECONDS("service.provisionSeconds", Type.NUMBER, 0, 3600, "s",
            "Time a new instance is pending (scheduling, pulling the image) before it starts booting. It costs money already."),
    BOOT_SECONDS("service.bootSeconds", Type.NUMBER, 0, 3600, "s",
            "Time a new instance boots (process start, readiness probe) before the balancer may send it traffic."),
    WARMUP_SECONDS("service.warmupSeconds", Type.NUMBER, 0, 3600, "s",
            "After it is ready, an instance runs slower for this long (from half speed, rising linearly), as a JIT warms up. 0 for none."),
    AUTOSCALER_POLICY("autoscaler.policy", Type.CHOICE, 0, 0, "",
            "Horizontal autoscaler: none, hpa (Kubernetes HPA on CPU), threshold (+1 above target, -1 below half) or "
                    + "target-tracking (on p95 latency or queue length).",
            ids(Scenario.AutoscalerPolicy.values(), Scenario.AutoscalerPolicy::id)),
    MIN_REPLICAS("autoscaler.minReplicas", Type.INTEGER, 1, 500, "instances",
            "The autoscaler never goes below this many instances."),
    MAX_REPLICAS("autoscaler.maxReplicas", Type.INTEGER, 1, 500, "instances",
            "The autoscaler never goes above this many instances."),
    TARGET_UTILIZATION("autoscaler.targetUtilization", Type.INTEGER, 1, 100, "%",
            "CPU utilization the HPA and the threshold rule aim for: sum of usage over sum of requested CPU of ready instances."),
    TOLERANCE("autoscaler.tolerance", Type.NUMBER, 0, 1, "",
            "HPA dead band: no change while usage/target stays within 1 +/- tolerance (both ends inclusive). Kubernetes default 0.1."),
    SYNC_PERIOD("autoscaler.syncPeriodSeconds", Type.NUMBER, 1, 3600, "s",
            "How often the autoscaler decides (Kubernetes --horizontal-pod-autoscaler-sync-period, 15 s)."),
    SCALE_UP_STABILIZATION("autoscaler.scaleUpStabilizationSeconds", Type.NUMBER, 0, 3600, "s",
            "HPA scales up only to the lowest recommendation of this window (default 0: at once)."),
    SCALE_DOWN_STABILIZATION("autoscaler.scaleDownStabilizationSeconds", Type.NUMBER, 0, 3600, "s",
            "HPA scales down only to the highest recommendation of this window (default 300 s), so a dip does not shrink the pool; "
                    + "also the target-tracking scale-in cooldown."),
    SCALE_UP_PODS("autoscaler.scaleUpPods", Type.INTEGER, 0, 1000, "pods",
            "HPA behavior: at most this many pods added per scale-up period (0: no Pods policy). Default 4."),
    SCALE_UP_PERCENT("autoscaler.scaleUpPercent", Type.INTEGER, 0, 10_000, "%",
            "HPA behavior: at most this percentage added per scale-up period (0: no Percent policy). Default 100."),
    SCALE_UP_PERIOD("autoscaler.scaleUpPeriodSeconds", Type.NUMBER, 1, 1800, "s",
            "HPA behavior: the period the scale-up policies count over. Default 15 s."),
    SCALE_UP_SELECT("autoscaler.scaleUpSelectPolicy", Type.CHOICE, 0, 0, "",
            "HPA behavior: max takes the policy allowing the most change, min the least, disabled forbids scaling up.",
            ids(ScalingRules.SelectPolicy.values(), ScalingRules.SelectPolicy::id)),
    SCALE_DOWN_PODS("autoscaler.scaleDownPods", Type.INTEGER, 0, 1000, "pods",
            "HPA behavior: at most this many pods removed per scale-down period (0: no Pods policy). Default 0."),
    SCALE_DOWN_PERCENT("autoscaler.scaleDownPercent", Type.INTEGER, 0, 100, "%",
            "HPA behavior: at most this percentage removed per scale-down period (0: no Percent policy). Default 100."),
    SCALE_DOWN_PERIOD("autoscaler.scaleDownPeriodSeconds", Type.NUMBER, 1, 1800, "s",
            "HPA behavior: the period the scale-down policies count over. Default 15 s."),
    SCALE_DOWN_SELECT("autoscaler.scaleDownSelectPolicy", Type.CHOICE, 0, 0, "",
            "HPA behavior: max takes the policy allowing the most change, min the least, disabled forbids scaling down.",
            ids(ScalingRules.SelectPolicy.values(), ScalingRules.SelectPolicy::id)),
    TARGET_METRIC("autoscaler.metric", Type.CHOICE, 0, 0, "",
            "Target tracking: the metric to hold at the target value.",
            ids(TargetTrackingPolicy.Metric.values(), TargetTrackingPolicy.Metric::id)),
    TARGET_VALUE("autoscaler.targetValue", Type.NUMBER, 0.001, 1_000_000, "",
            "Target tracking: the value to hold the metric at (ms for p95 latency, requests for queue length)."),
    VERTICAL_POLICY("verticalScaler.policy", Type.CHOICE, 0, 0, "",
            "Vertical scaler: none, threshold (next size up above the up threshold, down below the down threshold) "
                    + "or vpa (Kubernetes VPA recommender: P90 of usage x (1 + margin)).",
            ids(Scenario.VerticalPolicyKind.values(), Scenario.VerticalPolicyKind::id)),
    VERTICAL_INTERVAL("verticalScaler.intervalSeconds", Type.NUMBER, 1, 86_400, "s",
            "How often the vertical scaler decides."),
    VERTICAL_UP("verticalScaler.upThreshold", Type.NUMBER, 0, 1, "",
            "Threshold rule: above this fraction of CPU capacity, go to the next size up (pattern notes: 0.8)."),
    VERTICAL_DOWN("verticalScaler.downThreshold", Type.NUMBER, 0, 1, "",
            "Threshold rule: below this fraction of CPU capacity, go to the next size down (0: never). Keep it under half the up threshold."),
    VPA_PERCENTILE("verticalScaler.targetPercentile", Type.NUMBER, 0.01, 1, "",
            "VPA: the usage percentile its target follows (Kubernetes default 0.9)."),
    VPA_MARGIN("verticalScaler.marginFraction", Type.NUMBER, 0, 10, "",
            "VPA: safety margin added to every estimate (Kubernetes default 0.15)."),
    BALANCER_STRATEGY("balancer.strategy", Type.CHOICE, 0, 0, "",
            "How the load balancer picks an instance for each request.",
            ids(Strategy.values(), Strategy::id)),
    BALANCER_CHOICES("balancer.choices", Type.INTEGER, 1, 10, "",
            "p2c and least-request: how many instances are sampled per pick, the least busy wins (Envoy choice_count, 2)."),
    BALANCER_BIAS("balancer.activeRequestBias", Type.NUMBER, 0, 10, "",
            "least-request with unequal weights: weight / (active + 1)^bias. 0 is plain weighted round robin (Envoy default 1)."),
    RING_VIRTUAL_NODES("balancer.ringVirtualNodes", Type.INTEGER, 0, 10_000, "",
            "ring-hash: points per instance (0 sizes the ring as Envoy does, 1024 points in all)."),
    SLOW_START("balancer.slowStartSeconds", Type.NUMBER, 0, 3600, "s",
            "least-request: a new instance's weight ramps up over this window, from 10% (Envoy slow start). 0 is off."),
    OUTLIER_ERRORS("balancer.outlierConsecutiveErrors", Type.INTEGER, 0, 1000, "errors",
            "Passive outlier ejection: this many errors in a row eject an instance (Envoy consecutive_5xx, 5). 0 is off."),
    OUTLIER_BASE_EJECTION("balancer.outlierBaseEjectionSeconds", Type.NUMBER, 1, 3600, "s",
            "An ejection lasts this long times the number of times the instance was ejected (Envoy base_ejection_time, 30 s)."),
    OUTLIER_MAX_EJECTION("balancer.outlierMaxEjectionPercent", Type.NUMBER, 0, 100, "%",
            "At most this share of instances is ejected at once; at least one may be (Envoy max_ejection_percent, 10%)."),
    HEALTH_CHECK_INTERVAL("balancer.healthCheckIntervalSeconds", Type.NUMBER, 0, 3600, "s",
            "Active health checks probe every instance this often. 0 is off. A slow instance still passes them."),
    HEALTH_CHECK_UNHEALTHY("balancer.healthCheckUnhealthyThreshold", Type.INTEGER, 1, 100, "probes",
            "Probes in a row that time out before an instance is marked unhealthy."),
    HEALTH_CHECK_HEALTHY("balancer.healthCheckHealthyThreshold", Type.INTEGER, 1, 100, "probes",
            "Probes in a row that pass before an unhealthy instance is healthy again."),
    PANIC_THRESHOLD("balancer.panicThresholdPercent", Type.NUMBER, 0, 100, "%",
            "Below this share of healthy instances the balancer panics and uses every ready instance (Envoy 50%)."),
    KEY_DISTRIBUTION("workload.keys.distribution", Type.CHOICE, 0, 0, "",
            "Which keys requests touch: zipf (a few very hot keys), uniform, or hotspot (x% of traffic on y% of keys).",
            "zipf", "uniform", "hotspot"),
    KEY_ALPHA("workload.keys.alpha", Type.NUMBER, 0, 10, "",
            "Zipf skew: key k is requested in proportion to 1/(k+1)^alpha. 0 is uniform; around 1 is typical of web traffic."),
    KEY_HOT_TRAFFIC("workload.keys.hotTrafficFraction", Type.NUMBER, 0, 1, "",
            "Hotspot: the fraction of traffic that goes to the hot keys."),
    KEY_HOT_KEYS("workload.keys.hotKeyFraction", Type.NUMBER, 0.000001, 1, "",
            "Hotspot: the fraction of keys that are hot."),
    KEY_SCAN("workload.keys.scanFraction", Type.NUMBER, 0, 1, "",
            "Fraction of requests that sweep the key space in order (a batch job, a crawler): poison for LRU, harmless for W-TinyLFU."),
    CACHE_WRITE_POLICY("cache.writePolicy", Type.CHOICE, 0, 0, "",
            "cache-aside (write the store, invalidate the cache), write-through (both at once), write-back (cache now, "
                    + "store later: lost if the cache fails) or write-around (store only).",
            "cache-aside", "write-through", "write-back", "write-around"),
    CACHE_COALESCE("cache.coalesce", Type.BOOLEAN, 0, 0, "",
            "Single flight: concurrent misses of one key share one load. Off, an expiring hot key sends a stampede to the store."),
    L1_CAPACITY("cache.levels[0].capacity", Type.INTEGER, 1, 10_000_000, "entries", "Entries level 1 holds (per instance if its scope is instance)."),
    L1_POLICY("cache.levels[0].policy", Type.CHOICE, 0, 0, "", "Eviction policy of level 1.", "lru", "fifo", "lfu", "random", "clock", "w-tinylfu"),
    L1_TTL("cache.levels[0].ttlSeconds", Type.NUMBER, 0, 1e7, "s", "Time to live of level 1's entries (0: none)."),
    L2_CAPACITY("cache.levels[1].capacity", Type.INTEGER, 1, 10_000_000, "entries", "Entries level 2 holds."),
    L2_POLICY("cache.levels[1].policy", Type.CHOICE, 0, 0, "", "Eviction policy of level 2.", "lru", "fifo", "lfu", "random", "clock", "w-tinylfu"),
    L2_TTL("cache.levels[1].ttlSeconds", Type.NUMBER, 0, 1e7, "s", "Time to live of level 2's entries (0: none)."),
    L3_CAPACITY("cache.levels[2].capacity", Type.INTEGER, 1, 10_000_000, "entries", "Entries level 3 holds."),
    L3_POLICY("cache.levels[2].policy", Type.CHOICE, 0, 0, "", "Eviction policy of level 3.", "lru", "fifo", "lfu", "random", "clock", "w-tinylfu"),
    L3_TTL("cache.levels[2].ttlSeconds", Type.NUMBER, 0, 1e7, "s", "Time to live of level 3's entries (0: none)."),
    DB_STRATEGY("database.sharding.strategy", Type.CHOICE, 0, 0, "",
            "How keys map to shards: mod (CRC32 mod N), consistent-hash (ring), jump (Lamping-Veach), rendezvous (HRW), "
                    + "range or hashed-range. Changing it builds a new database.",
            "mod", "consistent-hash", "jump", "rendezvous", "range", "hashed-range"),
    DB_VIRTUAL_NODES("database.sharding.virtualNodes", Type.INTEGER, 1, 10_000, "points",
            "consistent-hash: points per shard on the ring; more points, more even load (spread shrinks like 1/sqrt(V))."),
    DB_READ_POLICY("database.readPolicy", Type.CHOICE, 0, 0, "",
            "Which node serves a read: primary, replicas-first (any replica, else the primary), round-robin or least-lag.",
            "primary", "replicas-first", "round-robin", "least-lag"),
    DB_CONSISTENCY("database.consistency", Type.CHOICE, 0, 0, "",
            "eventual (any replica, maybe stale), read-your-writes (never older than the session's own writes) "
                    + "or monotonic-reads (never older than what the session already saw).",
            "eventual", "read-your-writes", "monotonic-reads"),
    DB_REPLICATION("database.replication", Type.CHOICE, 0, 0, "",
            "async (ack at once; a failover loses what replicas had not applied), semi-sync (ack after one replica) or sync (after all).",
            "async", "semi-sync", "sync"),
    DB_MIGRATION_RATE("database.migrationKeysPerSecond", Type.NUMBER, 0.001, 10_000_000, "keys/s",
            "How fast resharding copies keys to their new owner."),
    DB_MIGRATION_READS("database.migrationReads", Type.CHOICE, 0, 0, "",
            "During a migration: dual-read (try the new owner, fall back to the old) or old-owner (read the old one until moved).",
            "dual-read", "old-owner");

    private static <T> String[] ids(T[] values, java.util.function.Function<T, String> id) {
        return Arrays.stream(values).map(id).toArray(String[]::new);
    }

    private final String path;
    private final Type type;
    private final double min;
    private final double max;
    private final String unit;
    private final String description;
    private final List<String> choices;

    Parameter(String path, Type type, double min, double max, String unit, String description, String... choices) {
        this.path = path;
        this.type = type;
        this.min = min;
        this.max = max;
        this.unit = unit;
        this.description = description;
        this.choices = List.of(choices);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public double min() {
        return min;
    }

    @Override
    public double max() {
        return max;
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<String> choices() {
        return choices;
    }

    public static Parameter byPath(String path) {
        for (Parameter p : values()) {
            if (p.path.equals(path)) {
                return p;
            }
        }
        return null;
    }

    /**
     * "; did you mean X?" for the closest parameter path, or a pointer to where they are listed:
     * seventy paths are too many for a one-line message.
     */
    public static String suggest(String path) {
        if (path.length() > 2 * Quote.MAX_CHARS) {
            return "; the parameters are listed in README.md";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Parameter p : values()) {
            int d = editDistance(path.toLowerCase(Locale.ROOT), p.path.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = p.path;
            }
        }
        if (best != null && bestDistance <= Math.max(3, path.length() / 4)) {
            return "; did you mean " + best + "?";
        }
        return "; the parameters are listed in README.md (and a dependency's fields, such as dependencies[0].retry.maxAttempts, can be set too)";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitute, Math.min(previous[j] + 1, row[j - 1] + 1));
            }
            int[] t = previous;
            previous = row;
            row = t;
        }
        return previous[b.length()];
    }

    public static List<String> paths() {
        List<String> out = new ArrayList<>();
        for (Parameter p : values()) {
            out.add(p.path);
        }
        return out;
    }

    /** The value of this parameter in {@code s}: a Double, Integer or String. */
    public Object read(Scenario s) {
        switch (this) {
            case SERVICE_TIME_MEAN: return s.service().serviceTime().mean();
            case SERVICE_TIME_DISTRIBUTION: return s.service().serviceTime().kind().id();
            default: return ScenarioFiles.readField(s, path, type);
        }
    }

    /**
     * {@code s} with this parameter set to a value already checked by {@link #parse} or
     * {@link #validate}. Throws a {@link ScenarioException} when the value conflicts with another
     * field (a maxReplicas below minReplicas).
     */
    public Scenario applyTo(Scenario s, Object value) {
        Scenario.Service sv = s.service();
        switch (this) {
            case SERVICE_TIME_MEAN:
                // Scale the whole distribution, so a log-normal keeps its p99/mean ratio.
                return s.withService(sv.withServiceTime(sv.serviceTime().withMean((Double) value)));
            case SERVICE_TIME_DISTRIBUTION:
                return s.withService(sv.withServiceTime(sv.serviceTime().withKind(DistributionSpec.Kind.byId((String) value))));
            default:
                return ScenarioFiles.withField(s, path, value);
        }
    }

    public static String format(double v) {
        return FieldSpec.format(v);
    }
}
