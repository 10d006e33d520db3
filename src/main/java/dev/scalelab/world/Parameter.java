package dev.scalelab.world;

import java.util.List;
import java.util.Locale;

/**
 * The parameters that can change while a simulation runs: by the user, or by a {@code set}
 * command on the scenario's timeline. Each is a path into the scenario and the step of the
 * subsystem that applies it live ({@link ApplyStep}); its type, range, unit, meaning and choices
 * are the record component's there ({@link Field}), so the scenario file, the timeline and the
 * UI's text fields all validate alike.
 */
public enum Parameter implements FieldSpec {
    ARRIVAL_RATE("workload.arrival.ratePerSecond", WorkloadSystem.Step.RESTART_ARRIVALS),
    USERS("workload.arrival.users", WorkloadSystem.Step.SET_USERS),
    READ_RATIO("workload.readRatio", WorkloadSystem.Step.READ_EACH_REQUEST),
    INSTANCES("service.instances", ScalingSystem.Step.REPLICAS),
    WORKERS("service.workersPerInstance", ScalingSystem.Step.RECONFIGURE_POOL),
    QUEUE_CAPACITY("service.queueCapacity", ScalingSystem.Step.RECONFIGURE_POOL),
    SERVICE_TIME_MEAN("service.serviceTime.meanMs", ScalingSystem.Step.SERVICE_TIME),
    SERVICE_TIME_DISTRIBUTION("service.serviceTime.distribution", ScalingSystem.Step.SERVICE_TIME),
    SIZE("service.size", ScalingSystem.Step.RESIZE),
    PROVISION_SECONDS("service.provisionSeconds", ScalingSystem.Step.RECONFIGURE_POOL),
    BOOT_SECONDS("service.bootSeconds", ScalingSystem.Step.RECONFIGURE_POOL),
    WARMUP_SECONDS("service.warmupSeconds", ScalingSystem.Step.RECONFIGURE_POOL),
    AUTOSCALER_POLICY("autoscaler.policy", ScalingSystem.Step.RESTART_AUTOSCALER),
    MIN_REPLICAS("autoscaler.minReplicas", ScalingSystem.Step.EDIT_AUTOSCALER),
    MAX_REPLICAS("autoscaler.maxReplicas", ScalingSystem.Step.EDIT_AUTOSCALER),
    TARGET_UTILIZATION("autoscaler.targetUtilization", ScalingSystem.Step.EDIT_AUTOSCALER),
    TOLERANCE("autoscaler.tolerance", ScalingSystem.Step.EDIT_AUTOSCALER),
    SYNC_PERIOD("autoscaler.syncPeriodSeconds", ScalingSystem.Step.RESTART_AUTOSCALER),
    SCALE_UP_STABILIZATION("autoscaler.scaleUpStabilizationSeconds", ScalingSystem.Step.EDIT_AUTOSCALER),
    SCALE_DOWN_STABILIZATION("autoscaler.scaleDownStabilizationSeconds", ScalingSystem.Step.EDIT_AUTOSCALER),
    SCALE_UP_PODS("autoscaler.scaleUpPods", ScalingSystem.Step.EDIT_AUTOSCALER),
    SCALE_UP_PERCENT("autoscaler.scaleUpPercent", ScalingSystem.Step.EDIT_AUTOSCALER),
    SCALE_UP_PERIOD("autoscaler.scaleUpPeriodSeconds", ScalingSystem.Step.EDIT_AUTOSCALER),
    SCALE_UP_SELECT("autoscaler.scaleUpSelectPolicy", ScalingSystem.Step.EDIT_AUTOSCALER),
    SCALE_DOWN_PODS("autoscaler.scaleDownPods", ScalingSystem.Step.EDIT_AUTOSCALER),
    SCALE_DOWN_PERCENT("autoscaler.scaleDownPercent", ScalingSystem.Step.EDIT_AUTOSCALER),
    SCALE_DOWN_PERIOD("autoscaler.scaleDownPeriodSeconds", ScalingSystem.Step.EDIT_AUTOSCALER),
    SCALE_DOWN_SELECT("autoscaler.scaleDownSelectPolicy", ScalingSystem.Step.EDIT_AUTOSCALER),
    TARGET_METRIC("autoscaler.metric", ScalingSystem.Step.EDIT_AUTOSCALER),
    TARGET_VALUE("autoscaler.targetValue", ScalingSystem.Step.EDIT_AUTOSCALER),
    VERTICAL_POLICY("verticalScaler.policy", ScalingSystem.Step.RESTART_VERTICAL),
    VERTICAL_INTERVAL("verticalScaler.intervalSeconds", ScalingSystem.Step.RESTART_VERTICAL),
    VERTICAL_UP("verticalScaler.upThreshold", ScalingSystem.Step.RESTART_VERTICAL),
    VERTICAL_DOWN("verticalScaler.downThreshold", ScalingSystem.Step.RESTART_VERTICAL),
    VPA_PERCENTILE("verticalScaler.targetPercentile", ScalingSystem.Step.RESTART_VERTICAL),
    VPA_MARGIN("verticalScaler.marginFraction", ScalingSystem.Step.RESTART_VERTICAL),
    BALANCER_STRATEGY("balancer.strategy", BalancerSystem.Step.RECONFIGURE),
    BALANCER_CHOICES("balancer.choices", BalancerSystem.Step.RECONFIGURE),
    BALANCER_BIAS("balancer.activeRequestBias", BalancerSystem.Step.RECONFIGURE),
    RING_VIRTUAL_NODES("balancer.ringVirtualNodes", BalancerSystem.Step.RECONFIGURE),
    SLOW_START("balancer.slowStartSeconds", BalancerSystem.Step.RECONFIGURE),
    OUTLIER_ERRORS("balancer.outlierConsecutiveErrors", BalancerSystem.Step.RECONFIGURE),
    OUTLIER_BASE_EJECTION("balancer.outlierBaseEjectionSeconds", BalancerSystem.Step.RECONFIGURE),
    OUTLIER_MAX_EJECTION("balancer.outlierMaxEjectionPercent", BalancerSystem.Step.RECONFIGURE),
    HEALTH_CHECK_INTERVAL("balancer.healthCheckIntervalSeconds", BalancerSystem.Step.RECONFIGURE),
    HEALTH_CHECK_UNHEALTHY("balancer.healthCheckUnhealthyThreshold", BalancerSystem.Step.RECONFIGURE),
    HEALTH_CHECK_HEALTHY("balancer.healthCheckHealthyThreshold", BalancerSystem.Step.RECONFIGURE),
    PANIC_THRESHOLD("balancer.panicThresholdPercent", BalancerSystem.Step.RECONFIGURE),
    KEY_DISTRIBUTION("workload.keys.distribution", WorkloadSystem.Step.NEW_KEYS),
    KEY_ALPHA("workload.keys.alpha", WorkloadSystem.Step.NEW_KEYS),
    KEY_HOT_TRAFFIC("workload.keys.hotTrafficFraction", WorkloadSystem.Step.NEW_KEYS),
    KEY_HOT_KEYS("workload.keys.hotKeyFraction", WorkloadSystem.Step.NEW_KEYS),
    KEY_SCAN("workload.keys.scanFraction", WorkloadSystem.Step.READ_EACH_REQUEST),
    CACHE_WRITE_POLICY("cache.writePolicy", CacheSubsystem.Step.RECONFIGURE),
    CACHE_COALESCE("cache.coalesce", CacheSubsystem.Step.RECONFIGURE),
    L1_CAPACITY("cache.levels[0].capacity", CacheSubsystem.Step.REBUILD),
    L1_POLICY("cache.levels[0].policy", CacheSubsystem.Step.REBUILD),
    L1_TTL("cache.levels[0].ttlSeconds", CacheSubsystem.Step.REBUILD),
    L2_CAPACITY("cache.levels[1].capacity", CacheSubsystem.Step.REBUILD),
    L2_POLICY("cache.levels[1].policy", CacheSubsystem.Step.REBUILD),
    L2_TTL("cache.levels[1].ttlSeconds", CacheSubsystem.Step.REBUILD),
    L3_CAPACITY("cache.levels[2].capacity", CacheSubsystem.Step.REBUILD),
    L3_POLICY("cache.levels[2].policy", CacheSubsystem.Step.REBUILD),
    L3_TTL("cache.levels[2].ttlSeconds", CacheSubsystem.Step.REBUILD),
    DB_STRATEGY("database.sharding.strategy", DataSystem.Step.CONFIGURE),
    DB_VIRTUAL_NODES("database.sharding.virtualNodes", DataSystem.Step.CONFIGURE),
    DB_READ_POLICY("database.readPolicy", DataSystem.Step.CONFIGURE),
    DB_CONSISTENCY("database.consistency", DataSystem.Step.CONFIGURE),
    DB_REPLICATION("database.replication", DataSystem.Step.CONFIGURE),
    DB_MIGRATION_RATE("database.migrationKeysPerSecond", DataSystem.Step.CONFIGURE),
    DB_MIGRATION_READS("database.migrationReads", DataSystem.Step.CONFIGURE),
    RUNTIME_COLLECTOR("service.runtime.collector", RuntimeSystem.Step.RECONFIGURE_HEAPS),
    RUNTIME_HEAP("service.runtime.heapMb", RuntimeSystem.Step.RECONFIGURE_HEAPS),
    RUNTIME_YOUNG("service.runtime.youngMb", RuntimeSystem.Step.RECONFIGURE_HEAPS),
    RUNTIME_ALLOCATION("service.runtime.allocationKbPerRequest", RuntimeSystem.Step.RECONFIGURE_HEAPS),
    RUNTIME_SURVIVING("service.runtime.survivingFraction", RuntimeSystem.Step.RECONFIGURE_HEAPS),
    RUNTIME_TENURING("service.runtime.maxTenuringThreshold", RuntimeSystem.Step.RECONFIGURE_HEAPS),
    RUNTIME_LIVE_SET("service.runtime.liveSetMb", RuntimeSystem.Step.RECONFIGURE_HEAPS),
    RUNTIME_PAUSE_TARGET("service.runtime.pauseTargetMs", RuntimeSystem.Step.RECONFIGURE_HEAPS),
    RUNTIME_INITIATING_OCCUPANCY("service.runtime.initiatingOccupancyPercent", RuntimeSystem.Step.RECONFIGURE_HEAPS),
    OBJECT_POOL_CAPACITY("service.objectPool.capacity", RuntimeSystem.Step.RECONFIGURE_POOLS),
    OBJECT_POOL_OBJECTS("service.objectPool.objectsPerRequest", RuntimeSystem.Step.RECONFIGURE_POOLS),
    OBJECT_POOL_OBJECT_KB("service.objectPool.objectKb", RuntimeSystem.Step.RECONFIGURE_POOLS),
    DB_MAX_CONNECTIONS("database.maxConnections", DataSystem.Step.CONFIGURE),
    DB_CORES("database.cores", DataSystem.Step.CONFIGURE),
    POOL_MAXIMUM_SIZE("service.connectionPool.maximumPoolSize", ConnectionSystem.Step.RECONFIGURE_POOLS),
    POOL_MINIMUM_IDLE("service.connectionPool.minimumIdle", ConnectionSystem.Step.RECONFIGURE_POOLS),
    POOL_CONNECTION_TIMEOUT("service.connectionPool.connectionTimeoutMs", ConnectionSystem.Step.RECONFIGURE_POOLS),
    POOL_CONNECTION_SETUP("service.connectionPool.connectionSetupMs", ConnectionSystem.Step.RECONFIGURE_POOLS),
    POOL_MAX_LIFETIME("service.connectionPool.maxLifetimeSeconds", ConnectionSystem.Step.RECONFIGURE_POOLS),
    POOL_LEAK_DETECTION("service.connectionPool.leakDetectionThresholdMs", ConnectionSystem.Step.RECONFIGURE_POOLS),
    TOPIC_PARTITIONS("events.topics[0].partitions", EventsSystem.Step.PARTITIONS),
    TOPIC_MAX_RECORDS("events.topics[0].maxRecords", EventsSystem.Step.TOPIC),
    PRODUCER_FRACTION("events.producers[0].fraction", EventsSystem.Step.PRODUCERS),
    PRODUCER_RATE("events.producers[0].ratePerSecond", EventsSystem.Step.PRODUCERS),
    GROUP_CONSUMERS("events.groups[0].consumers", EventsSystem.Step.CONSUMERS),
    GROUP_ASSIGNOR("events.groups[0].assignor", EventsSystem.Step.GROUP),
    GROUP_PROCESSING_MEAN("events.groups[0].processingTime.meanMs", EventsSystem.Step.GROUP),
    GROUP_MAX_POLL("events.groups[0].maxPollRecords", EventsSystem.Step.GROUP),
    GROUP_COMMIT("events.groups[0].commit", EventsSystem.Step.GROUP),
    GROUP_IDEMPOTENT("events.groups[0].idempotent", EventsSystem.Step.GROUP),
    GROUP_ERROR_RATE("events.groups[0].errorRate", EventsSystem.Step.GROUP),
    GROUP_RETRY_MODE("events.groups[0].retry.mode", EventsSystem.Step.GROUP),
    GROUP_MAX_ATTEMPTS("events.groups[0].retry.maxAttempts", EventsSystem.Step.GROUP),
    GROUP_DEAD_LETTER("events.groups[0].retry.deadLetter", EventsSystem.Step.GROUP),
    LAG_THRESHOLD("events.groups[0].autoscaler.lagThreshold", EventsSystem.Step.AUTOSCALER),
    LAG_MIN_REPLICAS("events.groups[0].autoscaler.minReplicas", EventsSystem.Step.AUTOSCALER),
    LAG_MAX_REPLICAS("events.groups[0].autoscaler.maxReplicas", EventsSystem.Step.AUTOSCALER),
    LAG_ALLOW_IDLE("events.groups[0].autoscaler.allowIdleConsumers", EventsSystem.Step.AUTOSCALER),
    QUEUE_CONSUMERS("events.queues[0].consumers", EventsSystem.Step.CONSUMERS),
    QUEUE_PROCESSING_MEAN("events.queues[0].processingTime.meanMs", EventsSystem.Step.QUEUE),
    QUEUE_VISIBILITY("events.queues[0].visibilityTimeoutSeconds", EventsSystem.Step.QUEUE),
    QUEUE_MAX_RECEIVE("events.queues[0].maxReceiveCount", EventsSystem.Step.QUEUE),
    GATEWAY_GLOBAL_RATE("gateway.global.ratePerSecond", GatewaySystem.Step.GLOBAL_LIMIT),
    GATEWAY_GLOBAL_BURST("gateway.global.burst", GatewaySystem.Step.GLOBAL_LIMIT),
    GATEWAY_CLIENT_RATE("gateway.perClient.ratePerSecond", GatewaySystem.Step.CLIENT_LIMITS),
    GATEWAY_CLIENT_BURST("gateway.perClient.burst", GatewaySystem.Step.CLIENT_LIMITS),
    GATEWAY_SHEDDING_MODE("gateway.shedding.mode", GatewaySystem.Step.SHEDDING),
    GATEWAY_QUEUE_THRESHOLD("gateway.shedding.queueThreshold", GatewaySystem.Step.SHEDDING),
    GATEWAY_TARGET_DELAY("gateway.shedding.targetDelayMs", GatewaySystem.Step.SHEDDING),
    CLIENT_0_SHARE("workload.clients[0].share", WorkloadSystem.Step.CLIENT_SHARES),
    CLIENT_1_SHARE("workload.clients[1].share", WorkloadSystem.Step.CLIENT_SHARES),
    CLIENT_2_SHARE("workload.clients[2].share", WorkloadSystem.Step.CLIENT_SHARES);

    private final String path;
    /** How its owner applies a change: naming a step is what makes a parameter live, so one without a step does not compile. */
    private final ApplyStep step;
    // Taken from the record component at the path on first use: the scenario records are loaded then.
    private volatile FieldSpec declared;

    Parameter(String path, ApplyStep step) {
        this.path = path;
        this.step = step;
    }

    /** The step of the subsystem that applies a change of this parameter. */
    ApplyStep step() {
        return step;
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
     * section that setting it creates with its defaults ({@code service.connectionPool}) reads as
     * that default; one of a list item or top-level section the scenario does not have (a third
     * cache level of a two-level cache) reads as 0, false or "".
     */
    public Object read(Scenario s) {
        Object value = ScenarioFields.readAsCreated(s, path);
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
