package dev.scalelab.world;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.engine.scaling.ScalingRules;
import dev.scalelab.engine.scaling.TargetTrackingPolicy;
import dev.scalelab.sim.RateShape;

import java.util.List;

/**
 * One simulated system, immutable: what the scenario file holds. Every field has a default, so
 * {@code {"schema":1}} is {@link #DEFAULT}.
 */
public record Scenario(String name, String description, long seed, double durationSeconds, Workload workload,
                       Service service, Autoscaler autoscaler, VerticalScaler verticalScaler, Balancer balancer,
                       Cache cache, Database database, List<Dependency> dependencies, List<TimelineEntry> timeline) {

    public static final int SCHEMA = 1;
    /** The range of {@code durationSeconds}: one rule for the scenario file and {@code simulate --duration}. */
    public static final double MIN_DURATION_SECONDS = 0.001;
    public static final double MAX_DURATION_SECONDS = 10_000_000;
    public static final String DURATION_RANGE = "a number from " + Parameter.format(MIN_DURATION_SECONDS) + " to "
            + Parameter.format(MAX_DURATION_SECONDS) + " seconds";

    /** Whether {@code seconds} is a duration a scenario may have (NaN and infinities are not). */
    public static boolean isValidDuration(double seconds) {
        return seconds >= MIN_DURATION_SECONDS && seconds <= MAX_DURATION_SECONDS;
    }

    public Scenario {
        dependencies = List.copyOf(dependencies);
        timeline = List.copyOf(timeline);
    }

    public enum ArrivalProcess {
        POISSON("poisson"), CLOSED("closed");

        private final String id;

        ArrivalProcess(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public enum KeyDistribution {
        ZIPF("zipf"), UNIFORM("uniform"), HOTSPOT("hotspot");

        private final String id;

        KeyDistribution(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** Open (Poisson at a shaped rate) or closed (users who wait for their answer, then think). */
    public record Arrival(ArrivalProcess process, double ratePerSecond, RateShape shape, int users,
                          DistributionSpec thinkTime) {
    }

    /**
     * The keys requests touch (key 0 is the most popular). {@code scanFraction} of requests instead
     * sweep the key space in order, as a batch job or a crawler does, which pushes hot keys out of
     * recency-based caches.
     */
    public record Keys(KeyDistribution distribution, double alpha, int count, double hotTrafficFraction,
                       double hotKeyFraction, double scanFraction) {
    }

    public record Workload(Arrival arrival, Keys keys, double readRatio) {
    }

    /**
     * The service pool. {@code workersPerInstance} is for instances of {@code size}; other sizes get
     * workers in proportion to their vCPUs. New instances spend {@code provisionSeconds} pending and
     * {@code bootSeconds} booting before they are ready, then {@code warmupSeconds} at reduced speed
     * (rising linearly from half speed), as a JIT-compiled service does. The initial instances start ready.
     */
    public record Service(int instances, int workersPerInstance, int queueCapacity, DistributionSpec serviceTime,
                          InstanceSize size, double provisionSeconds, double bootSeconds, double warmupSeconds,
                          List<Double> weights, List<Double> speeds) {
        public Service {
            weights = List.copyOf(weights);
            speeds = List.copyOf(speeds);
        }

        public Service withInstances(int n) {
            return new Service(n, workersPerInstance, queueCapacity, serviceTime, size, provisionSeconds, bootSeconds, warmupSeconds, weights, speeds);
        }

        public Service withServiceTime(DistributionSpec d) {
            return new Service(instances, workersPerInstance, queueCapacity, d, size, provisionSeconds, bootSeconds, warmupSeconds, weights, speeds);
        }

        public Service withSize(InstanceSize s) {
            return new Service(instances, workersPerInstance, queueCapacity, serviceTime, s, provisionSeconds, bootSeconds, warmupSeconds, weights, speeds);
        }

        /** The balancing weight of the initial instance {@code i} (nginx weight=); 1 when not given. */
        public double weight(int i) {
            return i < weights.size() ? weights.get(i) : 1;
        }

        /** The speed of the initial instance {@code i} (1 = normal; heterogeneous hardware); 1 when not given. */
        public double speed(int i) {
            return i < speeds.size() ? speeds.get(i) : 1;
        }
    }

    public enum AutoscalerPolicy {
        NONE("none"), HPA("hpa"), THRESHOLD("threshold"), TARGET_TRACKING("target-tracking");

        private final String id;

        AutoscalerPolicy(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static AutoscalerPolicy byId(String id) {
            for (AutoscalerPolicy p : values()) {
                if (p.id.equals(id)) {
                    return p;
                }
            }
            return null;
        }
    }

    /**
     * The horizontal autoscaler. {@code targetUtilization} is a CPU percentage as in an HPA's
     * {@code averageUtilization}. The behavior is kept as one Pods and one Percent policy per
     * direction sharing a period (0 turns a policy off), which covers Kubernetes' defaults;
     * {@code behavior: false} is an HPA without {@code spec.behavior} (legacy rate limit).
     * Target tracking follows {@code metric} toward {@code targetValue}.
     */
    public record Autoscaler(AutoscalerPolicy policy, int minReplicas, int maxReplicas, double targetUtilization,
                             double tolerance, double syncPeriodSeconds, double scaleUpStabilizationSeconds,
                             double scaleDownStabilizationSeconds, int scaleUpPods, int scaleUpPercent,
                             double scaleUpPeriodSeconds, ScalingRules.SelectPolicy scaleUpSelectPolicy,
                             int scaleDownPods, int scaleDownPercent, double scaleDownPeriodSeconds,
                             ScalingRules.SelectPolicy scaleDownSelectPolicy, boolean behavior,
                             TargetTrackingPolicy.Metric metric, double targetValue) {
        public static final Autoscaler DEFAULT = new Autoscaler(AutoscalerPolicy.NONE, 1, 20, 60, 0.1, 15, 0, 300,
                4, 100, 15, ScalingRules.SelectPolicy.MAX, 0, 100, 15, ScalingRules.SelectPolicy.MAX, true,
                TargetTrackingPolicy.Metric.P95_LATENCY, 100);

        public ScalingRules scaleUpRules() {
            return rules(scaleUpStabilizationSeconds, scaleUpPods, scaleUpPercent, scaleUpPeriodSeconds, scaleUpSelectPolicy);
        }

        public ScalingRules scaleDownRules() {
            return rules(scaleDownStabilizationSeconds, scaleDownPods, scaleDownPercent, scaleDownPeriodSeconds, scaleDownSelectPolicy);
        }

        private static ScalingRules rules(double window, int pods, int percent, double period, ScalingRules.SelectPolicy select) {
            List<ScalingRules.Policy> policies = new java.util.ArrayList<>();
            if (pods > 0) {
                policies.add(new ScalingRules.Policy(ScalingRules.PolicyType.PODS, pods, (int) Math.round(period)));
            }
            if (percent > 0) {
                policies.add(new ScalingRules.Policy(ScalingRules.PolicyType.PERCENT, percent, (int) Math.round(period)));
            }
            return new ScalingRules((int) Math.round(window), policies, select);
        }
    }

    /**
     * One level of the cache: {@code scope} "instance" gives every service instance its own copy
     * (an in-process cache); "shared" is one cache all instances use (Redis, Memcached).
     */
    public record CacheLevel(String name, String scope, int capacity, String policy, double ttlSeconds,
                             double ttlJitterFraction, double latencyMs) {
    }

    /**
     * The multi-level cache in front of the data store, or absent. Without a database section,
     * misses and writes go to a backing store answering after {@code storeLatency}.
     */
    public record Cache(List<CacheLevel> levels, String writePolicy, boolean coalesce, boolean exclusive,
                        double writeBackFlushDelayMs, double xfetchBeta, DistributionSpec storeLatency) {
        public Cache {
            levels = List.copyOf(levels);
        }

        /** By default L1 per instance, L2 shared and L3 regional. */
        public static final Cache DEFAULT = new Cache(List.of(
                new CacheLevel("L1", "instance", 1_000, "lru", 60, 0, 0.05),
                new CacheLevel("L2", "shared", 10_000, "lru", 300, 0, 1),
                new CacheLevel("L3", "shared", 100_000, "lru", 3600, 0, 5)),
                "cache-aside", true, false, 1000, 0, DistributionSpec.lognormal(20, 80));
    }

    /**
     * The sharded, replicated database behind the cache (or behind the service when there is no
     * cache), or absent. {@code sessions} client sessions carry the session guarantees; each
     * request belongs to one of them.
     */
    public record Database(String strategy, int shards, int virtualNodes, int replicasPerShard,
                           DistributionSpec replicationLag, String readPolicy, String consistency, String replication,
                           int connectionLimit, int queueCapacity, DistributionSpec readServiceTime,
                           DistributionSpec writeServiceTime, double migrationKeysPerSecond, String migrationReads,
                           double failoverDetectionMs, int sessions) {
        public static final Database DEFAULT = new Database("consistent-hash", 4, 100, 2, DistributionSpec.uniform(20, 200),
                "replicas-first", "eventual", "async", 20, 200, DistributionSpec.exponential(1), DistributionSpec.exponential(2),
                1000, "dual-read", 5000, 100);
    }

    /** A downstream circuit breaker: Resilience4j's settings, or the pattern notes' consecutive-failures rule. */
    public record Breaker(String mode, String slidingWindowType, int slidingWindowSize, int minimumNumberOfCalls,
                          double failureRateThreshold, double slowCallRateThreshold, double slowCallDurationThresholdMs,
                          double waitDurationInOpenStateMs, int permittedNumberOfCallsInHalfOpenState,
                          boolean automaticTransition, int consecutiveFailures) {
        /** Resilience4j's defaults, but with a 10 s open wait and windows sized for seconds of simulated traffic. */
        public static final Breaker DEFAULT = new Breaker("resilience4j", "count-based", 100, 20, 50, 100, 60_000,
                10_000, 10, false, 5);
    }

    /**
     * Retries of a failed attempt: {@code maxAttempts} counts the first call. {@code budget} is
     * "none", "envoy" ({@code budgetPercent} of active requests, at least 3) or "finagle" (a token
     * bucket allowing {@code budgetPercent} of requests plus 10 retries/s).
     */
    public record Retry(int maxAttempts, String backoff, double initialIntervalMs, double multiplier, double maxIntervalMs,
                        String jitter, String budget, double budgetPercent) {
        public static final Retry DEFAULT = new Retry(1, "none", 100, 2, 10_000, "none", "none", 20);
    }

    /**
     * A downstream service reached through the mesh: called by {@code callProbability} of requests,
     * served by its instances, failing at {@code errorRate}; protected by a per-attempt
     * {@code timeoutMs} (0: none), a breaker, retries and a bulkhead of {@code maxConcurrentCalls}.
     */
    public record Dependency(String name, double callProbability, int instances, int workersPerInstance,
                             int queueCapacity, DistributionSpec serviceTime, double errorRate, double timeoutMs,
                             int maxConcurrentCalls, Breaker breaker, Retry retry) {
    }

    public enum VerticalPolicyKind {
        NONE("none"), THRESHOLD("threshold"), VPA("vpa");

        private final String id;

        VerticalPolicyKind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static VerticalPolicyKind byId(String id) {
            for (VerticalPolicyKind p : values()) {
                if (p.id.equals(id)) {
                    return p;
                }
            }
            return null;
        }
    }

    /**
     * The vertical scaler, deciding every {@code intervalSeconds}: the threshold rule (next size up
     * above {@code upThreshold} of capacity, down below {@code downThreshold}) or a VPA-style
     * recommender (target percentile of usage x (1 + margin)).
     */
    public record VerticalScaler(VerticalPolicyKind policy, double intervalSeconds, double upThreshold,
                                 double downThreshold, double targetPercentile, double marginFraction) {
        public static final VerticalScaler DEFAULT = new VerticalScaler(VerticalPolicyKind.NONE, 60, 0.8, 0.3, 0.9, 0.15);
    }

    /**
     * The load balancer: a strategy and its parameters (Envoy's names and defaults), and health
     * handling: passive outlier ejection after {@code outlierConsecutiveErrors} errors in a row (0:
     * off), active health checks every {@code healthCheckIntervalSeconds} (0: off), and the panic
     * threshold below which it balances over every ready instance, healthy or not.
     */
    public record Balancer(Strategy strategy, int choices, double activeRequestBias, int ringVirtualNodes,
                           double slowStartSeconds, int outlierConsecutiveErrors, double outlierBaseEjectionSeconds,
                           double outlierMaxEjectionPercent, double healthCheckIntervalSeconds,
                           int healthCheckUnhealthyThreshold, int healthCheckHealthyThreshold,
                           double panicThresholdPercent) {
        public static final Balancer DEFAULT = new Balancer(Strategy.ROUND_ROBIN, 2, 1.0, 0, 0, 0, 30, 10, 0, 3, 2, 50);

        public Balancer withStrategy(Strategy s) {
            return new Balancer(s, choices, activeRequestBias, ringVirtualNodes, slowStartSeconds, outlierConsecutiveErrors,
                    outlierBaseEjectionSeconds, outlierMaxEjectionPercent, healthCheckIntervalSeconds,
                    healthCheckUnhealthyThreshold, healthCheckHealthyThreshold, panicThresholdPercent);
        }
    }

    /**
     * A command at a virtual time: {@code set} of a {@link Parameter} ({@code path}) to {@code value},
     * or an {@link Action} on a {@code target} instance (null when the action needs none).
     */
    public record TimelineEntry(double atSeconds, String command, String path, String target, Object value,
                                double durationSeconds) {
        public static TimelineEntry set(double atSeconds, String path, Object value) {
            return new TimelineEntry(atSeconds, "set", path, null, value, 0);
        }

        public static TimelineEntry action(double atSeconds, Action action, String target, Object value, double durationSeconds) {
            return new TimelineEntry(atSeconds, action.id(), null, target, value, durationSeconds);
        }
    }

    public static final Scenario DEFAULT = new Scenario("default", "", 42, 600,
            new Workload(new Arrival(ArrivalProcess.POISSON, 400, RateShape.CONSTANT, 50,
                    DistributionSpec.exponential(1000)),
                    new Keys(KeyDistribution.ZIPF, 0.9, 10_000, 0.8, 0.2, 0), 0.9),
            new Service(4, 4, 100, DistributionSpec.lognormal(20, 80), InstanceSize.MEDIUM, 5, 30, 0, List.of(), List.of()),
            Autoscaler.DEFAULT, VerticalScaler.DEFAULT,
            Balancer.DEFAULT, null, null, List.of(),
            List.of());

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, durationSeconds, workload, service, autoscaler, verticalScaler, balancer, cache, database, dependencies, timeline);
    }

    public Scenario withDurationSeconds(double seconds) {
        return new Scenario(name, description, seed, seconds, workload, service, autoscaler, verticalScaler, balancer, cache, database, dependencies, timeline);
    }

    public Scenario withTimeline(List<TimelineEntry> entries) {
        return new Scenario(name, description, seed, durationSeconds, workload, service, autoscaler, verticalScaler, balancer, cache, database, dependencies, entries);
    }

    public Scenario withWorkload(Workload w) {
        return new Scenario(name, description, seed, durationSeconds, w, service, autoscaler, verticalScaler, balancer, cache, database, dependencies, timeline);
    }

    public Scenario withService(Service s) {
        return new Scenario(name, description, seed, durationSeconds, workload, s, autoscaler, verticalScaler, balancer, cache, database, dependencies, timeline);
    }

    public Scenario withAutoscaler(Autoscaler a) {
        return new Scenario(name, description, seed, durationSeconds, workload, service, a, verticalScaler, balancer, cache, database, dependencies, timeline);
    }

    public Scenario withVerticalScaler(VerticalScaler v) {
        return new Scenario(name, description, seed, durationSeconds, workload, service, autoscaler, v, balancer, cache, database, dependencies, timeline);
    }

    public Scenario withCache(Cache c) {
        return new Scenario(name, description, seed, durationSeconds, workload, service, autoscaler, verticalScaler, balancer, c, database, dependencies, timeline);
    }

    public Scenario withDatabase(Database d) {
        return new Scenario(name, description, seed, durationSeconds, workload, service, autoscaler, verticalScaler, balancer, cache, d, dependencies, timeline);
    }

    public Scenario withBalancer(Balancer b) {
        return new Scenario(name, description, seed, durationSeconds, workload, service, autoscaler, verticalScaler, b, cache, database, dependencies, timeline);
    }
}
