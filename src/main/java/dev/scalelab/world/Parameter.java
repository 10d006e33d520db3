package dev.scalelab.world;

import java.util.List;
import java.util.Locale;

/**
 * The parameters that can change while a simulation runs: by the user, or by a {@code set}
 * command on the scenario's timeline. Each is a path into the scenario; its type, range, unit,
 * meaning and choices are the record component's there ({@link Field}), so the scenario file, the
 * timeline and the UI's text fields all validate alike.
 */
public enum Parameter implements FieldSpec {
    ARRIVAL_RATE("workload.arrival.ratePerSecond"),
    USERS("workload.arrival.users"),
    READ_RATIO("workload.readRatio"),
    INSTANCES("service.instances"),
    WORKERS("service.workersPerInstance"),
    QUEUE_CAPACITY("service.queueCapacity"),
    SERVICE_TIME_MEAN("service.serviceTime.meanMs"),
    SERVICE_TIME_DISTRIBUTION("service.serviceTime.distribution"),
    SIZE("service.size"),
    PROVISION_SECONDS("service.provisionSeconds"),
    BOOT_SECONDS("service.bootSeconds"),
    WARMUP_SECONDS("service.warmupSeconds"),
    AUTOSCALER_POLICY("autoscaler.policy"),
    MIN_REPLICAS("autoscaler.minReplicas"),
    MAX_REPLICAS("autoscaler.maxReplicas"),
    TARGET_UTILIZATION("autoscaler.targetUtilization"),
    TOLERANCE("autoscaler.tolerance"),
    SYNC_PERIOD("autoscaler.syncPeriodSeconds"),
    SCALE_UP_STABILIZATION("autoscaler.scaleUpStabilizationSeconds"),
    SCALE_DOWN_STABILIZATION("autoscaler.scaleDownStabilizationSeconds"),
    SCALE_UP_PODS("autoscaler.scaleUpPods"),
    SCALE_UP_PERCENT("autoscaler.scaleUpPercent"),
    SCALE_UP_PERIOD("autoscaler.scaleUpPeriodSeconds"),
    SCALE_UP_SELECT("autoscaler.scaleUpSelectPolicy"),
    SCALE_DOWN_PODS("autoscaler.scaleDownPods"),
    SCALE_DOWN_PERCENT("autoscaler.scaleDownPercent"),
    SCALE_DOWN_PERIOD("autoscaler.scaleDownPeriodSeconds"),
    SCALE_DOWN_SELECT("autoscaler.scaleDownSelectPolicy"),
    TARGET_METRIC("autoscaler.metric"),
    TARGET_VALUE("autoscaler.targetValue"),
    VERTICAL_POLICY("verticalScaler.policy"),
    VERTICAL_INTERVAL("verticalScaler.intervalSeconds"),
    VERTICAL_UP("verticalScaler.upThreshold"),
    VERTICAL_DOWN("verticalScaler.downThreshold"),
    VPA_PERCENTILE("verticalScaler.targetPercentile"),
    VPA_MARGIN("verticalScaler.marginFraction"),
    BALANCER_STRATEGY("balancer.strategy"),
    BALANCER_CHOICES("balancer.choices"),
    BALANCER_BIAS("balancer.activeRequestBias"),
    RING_VIRTUAL_NODES("balancer.ringVirtualNodes"),
    SLOW_START("balancer.slowStartSeconds"),
    OUTLIER_ERRORS("balancer.outlierConsecutiveErrors"),
    OUTLIER_BASE_EJECTION("balancer.outlierBaseEjectionSeconds"),
    OUTLIER_MAX_EJECTION("balancer.outlierMaxEjectionPercent"),
    HEALTH_CHECK_INTERVAL("balancer.healthCheckIntervalSeconds"),
    HEALTH_CHECK_UNHEALTHY("balancer.healthCheckUnhealthyThreshold"),
    HEALTH_CHECK_HEALTHY("balancer.healthCheckHealthyThreshold"),
    PANIC_THRESHOLD("balancer.panicThresholdPercent"),
    KEY_DISTRIBUTION("workload.keys.distribution"),
    KEY_ALPHA("workload.keys.alpha"),
    KEY_HOT_TRAFFIC("workload.keys.hotTrafficFraction"),
    KEY_HOT_KEYS("workload.keys.hotKeyFraction"),
    KEY_SCAN("workload.keys.scanFraction"),
    CACHE_WRITE_POLICY("cache.writePolicy"),
    CACHE_COALESCE("cache.coalesce"),
    L1_CAPACITY("cache.levels[0].capacity"),
    L1_POLICY("cache.levels[0].policy"),
    L1_TTL("cache.levels[0].ttlSeconds"),
    L2_CAPACITY("cache.levels[1].capacity"),
    L2_POLICY("cache.levels[1].policy"),
    L2_TTL("cache.levels[1].ttlSeconds"),
    L3_CAPACITY("cache.levels[2].capacity"),
    L3_POLICY("cache.levels[2].policy"),
    L3_TTL("cache.levels[2].ttlSeconds"),
    DB_STRATEGY("database.sharding.strategy"),
    DB_VIRTUAL_NODES("database.sharding.virtualNodes"),
    DB_READ_POLICY("database.readPolicy"),
    DB_CONSISTENCY("database.consistency"),
    DB_REPLICATION("database.replication"),
    DB_MIGRATION_RATE("database.migrationKeysPerSecond"),
    DB_MIGRATION_READS("database.migrationReads");

    private final String path;
    // Taken from the record component at the path on first use: the scenario records are loaded then.
    private volatile FieldSpec declared;

    Parameter(String path) {
        this.path = path;
    }

    private FieldSpec declared() {
        FieldSpec d = declared;
        if (d == null) {
            d = ScenarioFields.declared(path);
            declared = d;
        }
        return d;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Type type() {
        return declared().type();
    }

    @Override
    public double min() {
        return declared().min();
    }

    @Override
    public double max() {
        return declared().max();
    }

    @Override
    public boolean minExclusive() {
        return declared().minExclusive();
    }

    @Override
    public String unit() {
        return declared().unit();
    }

    @Override
    public String description() {
        return declared().description();
    }

    @Override
    public List<String> choices() {
        return declared().choices();
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

    static int editDistance(String a, String b) {
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

    /**
     * The value of this parameter in {@code s}: a Double, Integer, String or Boolean. A parameter of a
     * section or list item the scenario does not have (a third cache level of a two-level cache)
     * reads as 0, false or "", which its form shows disabled.
     */
    public Object read(Scenario s) {
        Object value = ScenarioFields.read(s, path);
        if (value != null) {
            return value;
        }
        switch (type()) {
            case INTEGER:
                return 0;
            case NUMBER:
                return 0.0;
            case BOOLEAN:
                return Boolean.FALSE;
            default:
                return "";
        }
    }

    /**
     * {@code s} with this parameter set to a value already checked by {@link #parse} or
     * {@link #validate}. Throws a {@link ScenarioException} when the value conflicts with another
     * field (a maxReplicas below minReplicas).
     */
    public Scenario applyTo(Scenario s, Object value) {
        return ScenarioFields.with(s, path, value);
    }

    public static String format(double v) {
        return FieldSpec.format(v);
    }
}
