package dev.scalelab.world;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.engine.scaling.ScalingRules;
import dev.scalelab.engine.scaling.TargetTrackingPolicy;
import dev.scalelab.sim.HasId;
import dev.scalelab.sim.RateShape;

import java.util.List;

/**
 * One simulated system, immutable: what the scenario file holds. Every field has a default, so
 * {@code {"schema":1}} is {@link #DEFAULT}.
 */
public record Scenario(
        @Field(description = "The scenario's name, shown in the app's title and the report.") String name,
        @Field(description = "What the scenario shows, in a sentence or two.", omitEmpty = true) String description,
        @Field(description = "What to watch while it runs: the panel, the figure and the moment that show the pattern; "
                + "the app shows it under the toolbar.", omitEmpty = true) String watch,
        @Field(description = "The moments that matter, marked on the charts' time axis (the expiry at 60 s, the outage "
                + "at 60-90 s).", omitEmpty = true, maxItems = 32) List<Marker> markers,
        @Field(description = "Seed of every random stream: the same scenario, seed and changes give the same run, bit for bit.",
                min = Long.MIN_VALUE, max = Long.MAX_VALUE) long seed,
        @Field(description = "How long the run lasts, in simulated seconds.", unit = "s",
                min = Scenario.MIN_DURATION_SECONDS, max = Scenario.MAX_DURATION_SECONDS) double durationSeconds,
        @Field(description = "The traffic: how requests arrive, which keys they touch, how many are reads.") Workload workload,
        @Field(description = "The service pool behind the load balancer.") Service service,
        @Field(description = "The horizontal autoscaler of the service pool.") Autoscaler autoscaler,
        @Field(description = "The vertical scaler, which changes the instances' size.") VerticalScaler verticalScaler,
        @Field(description = "The API gateway in front of the load balancer: rate limits per client and overall, and "
                + "load shedding by priority; absent for none.") ApiGateway.Gateway gateway,
        @Field(description = "The load balancer in front of the service pool.") Balancer balancer,
        @Field(description = "The multi-level cache in front of the data store; absent for none.") Cache cache,
        @Field(description = "The sharded, replicated database; absent for a plain backing store.") Database database,
        @Field(description = "Downstream services reached through the mesh (breaker, timeout, retries).",
                omitEmpty = true, maxItems = 64) List<Dependency> dependencies,
        @Field(description = "The asynchronous path: topics, producers, consumer groups and work queues; absent for none.")
        EventStreams.Events events,
        @Field(description = "A drawn system: nodes of each kind and the edges between them. Absent for today's pipeline, "
                + "built from the sections above.") Topology topology,
        @Field(description = "Timed commands: sets of a parameter, faults and actions, in time order.") List<TimelineEntry> timeline) {

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
        markers = markers == null ? List.of() : List.copyOf(markers);
        dependencies = List.copyOf(dependencies);
        timeline = List.copyOf(timeline);
    }

    public enum ArrivalProcess implements HasId {
        POISSON("poisson"), CLOSED("closed");

        private final String id;

        ArrivalProcess(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    public enum KeyDistribution implements HasId {
        ZIPF("zipf"), UNIFORM("uniform"), HOTSPOT("hotspot");

        private final String id;

        KeyDistribution(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** Open (Poisson at a shaped rate) or closed (users who wait for their answer, then think). */
    public record Arrival(
            @Field(description = "poisson: an open workload arriving at the shaped rate; closed: users who wait for "
                    + "their answer, think, and send again.") ArrivalProcess process,
            @WorkloadSystem.Applies(WorkloadSystem.Step.RESTART_ARRIVALS)
            @Field(description = "Mean arrival rate of the open (Poisson) workload, before the rate shape is applied.",
                    unit = "req/s", min = 0, max = 10_000_000) double ratePerSecond,
            @Field(description = "How the arrival rate changes over time: constant, ramp, step, spike or sine.") RateShape shape,
            @WorkloadSystem.Applies(WorkloadSystem.Step.SET_USERS)
            @Field(description = "Closed workload: how many users each wait for their response, think, and send again.",
                    unit = "users", min = 1, max = 1_000_000) int users,
            @Field(description = "Closed workload: how long a user thinks between a response and the next request.")
            DistributionSpec thinkTime) {
    }

    /**
     * The keys requests touch (key 0 is the most popular). {@code scanFraction} of requests instead
     * sweep the key space in order, as a batch job or a crawler does, which pushes hot keys out of
     * recency-based caches.
     */
    public record Keys(
            @WorkloadSystem.Applies(WorkloadSystem.Step.NEW_KEYS)
            @Field(description = "Which keys requests touch: zipf (a few very hot keys), uniform, or hotspot "
                    + "(x% of traffic on y% of keys).") KeyDistribution distribution,
            @WorkloadSystem.Applies(WorkloadSystem.Step.NEW_KEYS)
            @Field(description = "Zipf skew: key k is requested in proportion to 1/(k+1)^alpha. 0 is uniform; around 1 "
                    + "is typical of web traffic.", min = 0, max = 10, when = "distribution=zipf") double alpha,
            @Field(description = "How many distinct keys there are.", unit = "keys", min = 1, max = 10_000_000) int count,
            @WorkloadSystem.Applies(WorkloadSystem.Step.NEW_KEYS)
            @Field(description = "Hotspot: the fraction of traffic that goes to the hot keys.", min = 0, max = 1,
                    when = "distribution=hotspot") double hotTrafficFraction,
            @WorkloadSystem.Applies(WorkloadSystem.Step.NEW_KEYS)
            @Field(description = "Hotspot: the fraction of keys that are hot.", min = 0.000001, max = 1,
                    when = "distribution=hotspot") double hotKeyFraction,
            @WorkloadSystem.Applies(WorkloadSystem.Step.READ_EACH_REQUEST)
            @Field(description = "Fraction of requests that sweep the key space in order (a batch job, a crawler): "
                    + "poison for LRU, harmless for W-TinyLFU.", min = 0, max = 1) double scanFraction) {
    }

    public record Workload(
            @Field(description = "How requests arrive.") Arrival arrival,
            @Field(description = "Which keys requests touch.") Keys keys,
            @WorkloadSystem.Applies(WorkloadSystem.Step.READ_EACH_REQUEST)
            @Field(description = "Fraction of requests that are reads; the rest are writes.", min = 0, max = 1) double readRatio,
            @Field(description = "Classes of clients, each with its share of the traffic and its priority, which the API "
                    + "gateway limits and sheds apart; none: one anonymous client.", omitEmpty = true, maxItems = 64,
                    liveItems = 3)
            List<ApiGateway.Client> clients) {
        public Workload {
            clients = List.copyOf(clients);
        }
    }

    /**
     * The service pool. {@code workersPerInstance} is for instances of {@code size}; other sizes get
     * workers in proportion to their vCPUs. New instances spend {@code provisionSeconds} pending and
     * {@code bootSeconds} booting before they are ready, then {@code warmupSeconds} at reduced speed
     * (rising linearly from half speed), as a JIT-compiled service does. The initial instances start ready.
     */
    public record Service(
            @ScalingSystem.Applies(ScalingSystem.Step.REPLICAS)
            @Field(description = "Instances the pool keeps (spec.replicas). New ones provision and boot first; removed ones "
                    + "drain their queue. An autoscaler overrides this at its next sync.",
                    unit = "instances", min = 1, max = 500) int instances,
            @ScalingSystem.Applies(ScalingSystem.Step.RECONFIGURE_POOL)
            @Field(description = "Requests one instance of the base size serves at the same time (threads). Other sizes get "
                    + "workers in proportion to vCPUs.", unit = "workers", min = 1, max = 1024) int workersPerInstance,
            @ScalingSystem.Applies(ScalingSystem.Step.RECONFIGURE_POOL)
            @Field(description = "Requests one instance holds waiting for a worker. A request that finds the queue full is "
                    + "rejected.", unit = "requests", min = 0, max = 10_000_000) int queueCapacity,
            @ScalingSystem.Applies(value = ScalingSystem.Step.SERVICE_TIME, fields = {"meanMs", "distribution"})
            @Field(description = "Time a worker spends on one request.") DistributionSpec serviceTime,
            @ScalingSystem.Applies(ScalingSystem.Step.RESIZE)
            @Field(description = "Instance size: small 1 vCPU, medium 2, large 4, xlarge 8, each doubling price. Changing it "
                    + "rolls the pool one instance at a time.") InstanceSize size,
            @ScalingSystem.Applies(ScalingSystem.Step.RECONFIGURE_POOL)
            @Field(description = "Time a new instance is pending (scheduling, pulling the image) before it starts booting. "
                    + "It costs money already.", unit = "s", min = 0, max = 3600) double provisionSeconds,
            @ScalingSystem.Applies(ScalingSystem.Step.RECONFIGURE_POOL)
            @Field(description = "Time a new instance boots (process start, readiness probe) before the balancer may send "
                    + "it traffic.", unit = "s", min = 0, max = 3600) double bootSeconds,
            @ScalingSystem.Applies(ScalingSystem.Step.RECONFIGURE_POOL)
            @Field(description = "After it is ready, an instance runs slower for this long (from half speed, rising "
                    + "linearly), as a JIT warms up. 0 for none.", unit = "s", min = 0, max = 3600) double warmupSeconds,
            @Field(description = "The balancing weight of each initial instance (nginx weight=); 1 for those not given.",
                    min = 0.001, max = 1000, omitEmpty = true) List<Double> weights,
            @Field(description = "The speed of each initial instance (1 = normal; heterogeneous hardware); 1 for those not "
                    + "given.", min = 0.01, max = 100, omitEmpty = true) List<Double> speeds,
            @Field(description = "Each instance's JVM-like heap and garbage collector; absent for none (requests "
                    + "allocate nothing and nothing pauses).") ServiceResources.ServiceRuntime runtime,
            @Field(description = "Each instance's pool of reusable objects; absent for none.") ServiceResources.ObjectPool objectPool,
            @Field(description = "Each instance's pool of database connections (HikariCP); absent for none (queries "
                    + "need no connection of their own).") ServiceResources.ConnectionPool connectionPool) {
        public Service {
            weights = List.copyOf(weights);
            speeds = List.copyOf(speeds);
        }

        /** The pool as today's files without a runtime, object pool or connection pool describe it. */
        public Service(int instances, int workersPerInstance, int queueCapacity, DistributionSpec serviceTime, InstanceSize size,
                       double provisionSeconds, double bootSeconds, double warmupSeconds, List<Double> weights, List<Double> speeds) {
            this(instances, workersPerInstance, queueCapacity, serviceTime, size, provisionSeconds, bootSeconds, warmupSeconds,
                    weights, speeds, null, null, null);
        }

        public Service withInstances(int n) {
            return new Service(n, workersPerInstance, queueCapacity, serviceTime, size, provisionSeconds, bootSeconds, warmupSeconds,
                    weights, speeds, runtime, objectPool, connectionPool);
        }

        public Service withSize(InstanceSize s) {
            return new Service(instances, workersPerInstance, queueCapacity, serviceTime, s, provisionSeconds, bootSeconds, warmupSeconds,
                    weights, speeds, runtime, objectPool, connectionPool);
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

    public enum AutoscalerPolicy implements HasId {
        NONE("none"), HPA("hpa"), THRESHOLD("threshold"), TARGET_TRACKING("target-tracking");

        private final String id;

        AutoscalerPolicy(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static AutoscalerPolicy byId(String id) {
            return HasId.byId(AutoscalerPolicy.class, id);
        }
    }

    /**
     * The horizontal autoscaler. {@code targetUtilization} is a CPU percentage as in an HPA's
     * {@code averageUtilization}. The behavior is kept as one Pods and one Percent policy per
     * direction sharing a period (0 turns a policy off), which covers Kubernetes' defaults;
     * {@code behavior: false} is an HPA without {@code spec.behavior} (legacy rate limit).
     * Target tracking follows {@code metric} toward {@code targetValue}.
     */
    public record Autoscaler(
            @ScalingSystem.Applies(ScalingSystem.Step.RESTART_AUTOSCALER)
            @Field(description = "Horizontal autoscaler: none, hpa (Kubernetes HPA on CPU), threshold (+1 above target, -1 "
                    + "below half) or target-tracking (on p95 latency or queue length).") AutoscalerPolicy policy,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "The autoscaler never goes below this many instances.", unit = "instances",
                    min = 1, max = 500) int minReplicas,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "The autoscaler never goes above this many instances.", unit = "instances",
                    min = 1, max = 500, atLeast = "minReplicas") int maxReplicas,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "CPU utilization the HPA and the threshold rule aim for: sum of usage over sum of requested "
                    + "CPU of ready instances.", unit = "%", min = 1, max = 100, whole = true) double targetUtilization,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "HPA dead band: no change while usage/target stays within 1 +/- tolerance (both ends "
                    + "inclusive). Kubernetes default 0.1.", min = 0, max = 1) double tolerance,
            @ScalingSystem.Applies(ScalingSystem.Step.RESTART_AUTOSCALER)
            @Field(description = "How often the autoscaler decides (Kubernetes --horizontal-pod-autoscaler-sync-period, 15 s).",
                    unit = "s", min = 1, max = 3600) double syncPeriodSeconds,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "HPA scales up only to the lowest recommendation of this window (default 0: at once).",
                    unit = "s", min = 0, max = 3600) double scaleUpStabilizationSeconds,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "HPA scales down only to the highest recommendation of this window (default 300 s), so a "
                    + "dip does not shrink the pool; also the target-tracking scale-in cooldown.",
                    unit = "s", min = 0, max = 3600) double scaleDownStabilizationSeconds,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "HPA behavior: at most this many pods added per scale-up period (0: no Pods policy). "
                    + "Default 4.", unit = "pods", min = 0, max = 1000) int scaleUpPods,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "HPA behavior: at most this percentage added per scale-up period (0: no Percent policy). "
                    + "Default 100.", unit = "%", min = 0, max = 10_000) int scaleUpPercent,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "HPA behavior: the period the scale-up policies count over. Default 15 s.",
                    unit = "s", min = 1, max = 1800) double scaleUpPeriodSeconds,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "HPA behavior: max takes the policy allowing the most change, min the least, disabled "
                    + "forbids scaling up.") ScalingRules.SelectPolicy scaleUpSelectPolicy,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "HPA behavior: at most this many pods removed per scale-down period (0: no Pods policy). "
                    + "Default 0.", unit = "pods", min = 0, max = 1000) int scaleDownPods,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "HPA behavior: at most this percentage removed per scale-down period (0: no Percent "
                    + "policy). Default 100.", unit = "%", min = 0, max = 100) int scaleDownPercent,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "HPA behavior: the period the scale-down policies count over. Default 15 s.",
                    unit = "s", min = 1, max = 1800) double scaleDownPeriodSeconds,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "HPA behavior: max takes the policy allowing the most change, min the least, disabled "
                    + "forbids scaling down.") ScalingRules.SelectPolicy scaleDownSelectPolicy,
            @Field(description = "Whether the HPA has spec.behavior (the policies above); false is the legacy rate limit.")
            boolean behavior,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "Target tracking: the metric to hold at the target value.") TargetTrackingPolicy.Metric metric,
            @ScalingSystem.Applies(ScalingSystem.Step.EDIT_AUTOSCALER)
            @Field(description = "Target tracking: the value to hold the metric at (ms for p95 latency, requests for queue "
                    + "length).", min = 0.001, max = 1_000_000) double targetValue) {
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
    public record CacheLevel(
            @Field(description = "The level's name, shown in the panels and the report.") String name,
            @Field(description = "instance: every service instance has its own copy (in-process); shared: one cache all "
                    + "instances use (Redis, Memcached).", choices = {"instance", "shared"}) String scope,
            @CacheSubsystem.Applies(CacheSubsystem.Step.REBUILD)
            @Field(description = "Entries the level holds (per instance if its scope is instance).", unit = "entries",
                    min = 1, max = 10_000_000) int capacity,
            @CacheSubsystem.Applies(CacheSubsystem.Step.REBUILD)
            @Field(description = "Eviction policy of the level.", choices = {"lru", "fifo", "lfu", "random", "clock", "w-tinylfu"}) String policy,
            @CacheSubsystem.Applies(CacheSubsystem.Step.REBUILD)
            @Field(description = "Time to live of the level's entries (0: none).", unit = "s", min = 0, max = 1e7) double ttlSeconds,
            @Field(description = "Each entry's time to live is shortened by up to this fraction at random, so entries "
                    + "written together do not expire together.", min = 0, max = 1) double ttlJitterFraction,
            @Field(description = "Time one lookup in the level takes.", unit = "ms", min = 0, max = 60_000) double latencyMs) {
    }

    /**
     * The multi-level cache in front of the data store, or absent. Without a database section,
     * misses and writes go to a backing store answering after {@code storeLatency}.
     */
    public record Cache(
            @Field(description = "The levels, from the one asked first.", minItems = 1, maxItems = 3, liveItems = 3) List<CacheLevel> levels,
            @CacheSubsystem.Applies(CacheSubsystem.Step.RECONFIGURE)
            @Field(description = "cache-aside (write the store, invalidate the cache), write-through (both at once), "
                    + "write-back (cache now, store later: lost if the cache fails) or write-around (store only).",
                    choices = {"cache-aside", "write-through", "write-back", "write-around"}) String writePolicy,
            @CacheSubsystem.Applies(CacheSubsystem.Step.RECONFIGURE)
            @Field(description = "Single flight: concurrent misses of one key share one load. Off, an expiring hot key "
                    + "sends a stampede to the store.") boolean coalesce,
            @Field(description = "Exclusive levels: an entry lives in one level only, moving up on a hit.") boolean exclusive,
            @Field(description = "Write-back: how long a dirty entry waits before it is written to the store.",
                    unit = "ms", min = 0, max = 3_600_000) double writeBackFlushDelayMs,
            @Field(description = "XFetch (probabilistic early expiration) beta: 0 is off; 1 is the paper's default.",
                    min = 0, max = 100) double xfetchBeta,
            @Field(description = "Without a database section: the time the backing store takes to answer.")
            DistributionSpec storeLatency) {
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
    public record Database(
            @DataSystem.Applies(DataSystem.Step.CONFIGURE)
            @Field(description = "How keys map to shards: mod (CRC32 mod N), consistent-hash (ring), jump (Lamping-Veach), "
                    + "rendezvous (HRW), range or hashed-range. Changing it builds a new database.", json = "sharding.strategy",
                    choices = {"mod", "consistent-hash", "jump", "rendezvous", "range", "hashed-range"}) String strategy,
            @Field(description = "How many shards the keys are spread over.", unit = "shards", min = 1, max = 64,
                    json = "sharding.shards") int shards,
            @DataSystem.Applies(DataSystem.Step.CONFIGURE)
            @Field(description = "consistent-hash: points per shard on the ring; more points, more even load (spread "
                    + "shrinks like 1/sqrt(V)).", unit = "points", min = 1, max = 10_000, json = "sharding.virtualNodes")
            int virtualNodes,
            @Field(description = "Replicas of each shard besides its primary.", unit = "replicas", min = 0, max = 8)
            int replicasPerShard,
            @Field(description = "How long a write takes to reach a replica.") DistributionSpec replicationLag,
            @DataSystem.Applies(DataSystem.Step.CONFIGURE)
            @Field(description = "Which node serves a read: primary, replicas-first (any replica, else the primary), "
                    + "round-robin or least-lag.", choices = {"primary", "replicas-first", "round-robin", "least-lag"})
            String readPolicy,
            @DataSystem.Applies(DataSystem.Step.CONFIGURE)
            @Field(description = "eventual (any replica, maybe stale), read-your-writes (never older than the session's own "
                    + "writes) or monotonic-reads (never older than what the session already saw).",
                    choices = {"eventual", "read-your-writes", "monotonic-reads"}) String consistency,
            @DataSystem.Applies(DataSystem.Step.CONFIGURE)
            @Field(description = "async (ack at once; a failover loses what replicas had not applied), semi-sync (ack after "
                    + "one replica) or sync (after all).", choices = {"async", "semi-sync", "sync"}) String replication,
            @Field(description = "Queries one node serves at the same time (its connection pool).", unit = "connections",
                    min = 1, max = 10_000) int connectionLimit,
            @Field(description = "Queries one node holds waiting for a connection; more are rejected.", unit = "queries",
                    min = 0, max = 1_000_000) int queueCapacity,
            @Field(description = "Time a node spends on one read.") DistributionSpec readServiceTime,
            @Field(description = "Time a node spends on one write.") DistributionSpec writeServiceTime,
            @DataSystem.Applies(DataSystem.Step.CONFIGURE)
            @Field(description = "How fast resharding copies keys to their new owner.", unit = "keys/s",
                    min = 0.001, max = 10_000_000) double migrationKeysPerSecond,
            @DataSystem.Applies(DataSystem.Step.CONFIGURE)
            @Field(description = "During a migration: dual-read (try the new owner, fall back to the old) or old-owner "
                    + "(read the old one until moved).", choices = {"dual-read", "old-owner"}) String migrationReads,
            @Field(description = "Time before a failed primary is noticed and a replica promoted.", unit = "ms",
                    min = 0, max = 3_600_000) double failoverDetectionMs,
            @Field(description = "Client sessions that carry the session guarantees; each request belongs to one.",
                    unit = "sessions", min = 1, max = 10_000) int sessions,
            @DataSystem.Applies(DataSystem.Step.CONFIGURE)
            @Field(description = "Client connections the database accepts (PostgreSQL's max_connections, 100 by default); "
                    + "the instances' connection pools must fit in it, or new connections are refused.",
                    unit = "connections", min = 1, max = 100_000) int maxConnections,
            @DataSystem.Applies(DataSystem.Step.CONFIGURE)
            @Field(description = "CPU cores of each database node: more queries running at once than cores make each one "
                    + "slower (contention). 0 leaves contention out: a query takes its service time however many run.",
                    unit = "cores", min = 0, max = 1024) int cores) {
        public static final Database DEFAULT = new Database("consistent-hash", 4, 100, 2, DistributionSpec.uniform(20, 200),
                "replicas-first", "eventual", "async", 20, 200, DistributionSpec.exponential(1), DistributionSpec.exponential(2),
                1000, "dual-read", 5000, 100, 100, 0);
    }

    /** A downstream circuit breaker: Resilience4j's settings, or the pattern notes' consecutive-failures rule. */
    public record Breaker(
            @Field(description = "resilience4j: Resilience4j's breaker, which trips on the failure or slow-call rate over a "
                    + "sliding window. consecutive: the pattern notes' simple breaker, which trips after N failures in a row "
                    + "and lets one trial call decide.", choices = {"resilience4j", "consecutive"}) String mode,
            @Field(description = "Resilience4j's slidingWindowType: count-based keeps the outcomes of the last N calls; "
                    + "time-based those of the last N seconds.", choices = {"count-based", "time-based"})
            String slidingWindowType,
            @Field(description = "Resilience4j's slidingWindowSize: the last N calls (count-based) or the last N seconds "
                    + "(time-based) over which the failure and slow-call rates are computed.", unit = "calls",
                    min = 1, max = 100_000) int slidingWindowSize,
            @Field(description = "Resilience4j's minimumNumberOfCalls: the rates are evaluated only once the window holds "
                    + "this many calls, so a few early failures cannot trip it (capped at the window size for count-based "
                    + "windows).", unit = "calls", min = 1, max = 100_000) int minimumNumberOfCalls,
            @Field(description = "Resilience4j's failureRateThreshold: the breaker opens when the window's failure rate is "
                    + "at or above this percentage. Errors and timeouts count as failures.", unit = "%",
                    min = 0, minExclusive = true, max = 100) double failureRateThreshold,
            @Field(description = "Resilience4j's slowCallRateThreshold: the breaker also opens when this percentage of the "
                    + "window's calls or more were slow (100: only when every call was slow).", unit = "%",
                    min = 0, minExclusive = true, max = 100) double slowCallRateThreshold,
            @Field(description = "Resilience4j's slowCallDurationThreshold: a call that takes longer than this counts as "
                    + "slow.", unit = "ms", min = 0, max = 3_600_000) double slowCallDurationThresholdMs,
            @Field(description = "Resilience4j's waitDurationInOpenState: how long the open breaker rejects every call "
                    + "before it lets trial calls through (half-open).", unit = "ms", min = 0, max = 3_600_000)
            double waitDurationInOpenStateMs,
            @Field(description = "Resilience4j's permittedNumberOfCallsInHalfOpenState: the trial calls let through when "
                    + "half-open; their failure rate decides between closing and opening again.", unit = "calls",
                    min = 1, max = 10_000) int permittedNumberOfCallsInHalfOpenState,
            @Field(description = "Resilience4j's automaticTransitionFromOpenToHalfOpenEnabled: when on, the breaker turns "
                    + "half-open as soon as the wait is over; when off, only when the next call arrives after the wait.")
            boolean automaticTransition,
            @Field(description = "Consecutive mode: this many failed calls in a row open the breaker for the wait in open.",
                    unit = "in a row", min = 1, max = 10_000) int consecutiveFailures) {
        /** Resilience4j's defaults, but with a 10 s open wait and windows sized for seconds of simulated traffic. */
        public static final Breaker DEFAULT = new Breaker("resilience4j", "count-based", 100, 20, 50, 100, 60_000,
                10_000, 10, false, 5);
    }

    /**
     * Retries of a failed attempt: {@code maxAttempts} counts the first call. {@code budget} is
     * "none", "envoy" ({@code budgetPercent} of active requests, at least 3) or "finagle" (a token
     * bucket allowing {@code budgetPercent} of requests plus 10 retries/s).
     */
    public record Retry(
            @Field(description = "Resilience4j's maxAttempts, counting the first call: 1 means no retry, 3 means a call and "
                    + "two retries. Errors and timeouts are retried; calls the breaker or the bulkhead rejected are not.",
                    unit = "incl. first", min = 1, max = 100) int maxAttempts,
            @Field(description = "The wait before each retry: none retries at once (the naive client), fixed waits the "
                    + "initial interval, linear the interval times the attempt, exponential the interval times "
                    + "multiplier^(attempt - 1).", choices = {"none", "fixed", "linear", "exponential"}) String backoff,
            @Field(description = "The wait before the first retry (Resilience4j's waitDuration / initialInterval).",
                    unit = "ms", min = 0, max = 3_600_000) double initialIntervalMs,
            @Field(description = "Exponential back-off: each wait is this many times the one before (Resilience4j's default "
                    + "1.5 gives 500, 750, 1125 ms ...).", unit = "×", min = 1, max = 100) double multiplier,
            @Field(description = "The cap on one back-off wait, as Resilience4j's maxInterval.", unit = "ms",
                    min = 0, max = 3_600_000) double maxIntervalMs,
            @Field(description = "Randomizes each wait so that clients that failed together do not retry together (AWS "
                    + "Architecture Blog's schemes): full waits uniformly 0 to the back-off, equal half of it plus up to the "
                    + "other half, decorrelated between the initial interval and 3 × the previous wait.",
                    choices = {"none", "full", "equal", "decorrelated"}) String jitter,
            @Field(description = "Caps retries as a share of traffic so a failing dependency is not hit by a multiple of its "
                    + "load: envoy allows concurrent retries up to the budget percent of active requests (at least 3); "
                    + "finagle a token bucket of the budget percent of requests plus 10 retries/s.",
                    choices = {"none", "envoy", "finagle"}, impliedBy = "budgetPercent", impliedValue = "envoy") String budget,
            @Field(description = "The retry budget's share: retries allowed as a percentage of requests (Envoy's "
                    + "budget_percent, Finagle's percentCanRetry).", unit = "%", min = 0, minExclusive = true, max = 100)
            double budgetPercent) {
        /** No retries: a dependency without a retry section. */
        public static final Retry DEFAULT = new Retry(1, "none", 100, 2, 10_000, "none", "none", 20);
        /** What a written retry section means where it is silent: three attempts with exponential back-off. */
        public static final Retry WRITTEN = new Retry(3, "exponential", 100, 2, 10_000, "none", "none", 20);
    }

    /**
     * A downstream service reached through the mesh: called by {@code callProbability} of requests,
     * served by its instances, failing at {@code errorRate}; protected by a per-attempt
     * {@code timeoutMs} (0: none), a breaker, retries and a bulkhead of {@code maxConcurrentCalls}.
     */
    public record Dependency(
            @Field(description = "The dependency's name, used by the timeline's faults and the reports.",
                    pattern = "[a-z0-9][a-z0-9-]{0,30}", patternHint = "must be lower-case letters, digits and dashes (at most 31)",
                    example = "payments", unique = true) String name,
            @Field(description = "Fraction of requests that call this dependency.", min = 0, max = 1) double callProbability,
            @Field(description = "Instances serving the dependency.", unit = "instances", min = 1, max = 500) int instances,
            @Field(description = "Calls one instance of the dependency serves at the same time.", unit = "workers",
                    min = 1, max = 1024) int workersPerInstance,
            @Field(description = "Calls one instance holds waiting for a worker; more are rejected.", unit = "calls",
                    min = 0, max = 1_000_000) int queueCapacity,
            @Field(description = "Time the dependency spends on one call.") DistributionSpec serviceTime,
            @Field(description = "Fraction of calls the dependency fails.", min = 0, max = 1) double errorRate,
            @Field(description = "The per-attempt timeout (Resilience4j's TimeLimiter, Envoy's per_try_timeout): an attempt "
                    + "without an answer by then fails and counts as a breaker failure. 0: wait however long it takes.",
                    unit = "ms", min = 0, max = 3_600_000) double timeoutMs,
            @Field(description = "The bulkhead (Resilience4j's maxConcurrentCalls, Envoy's max_requests): attempts beyond "
                    + "this many in flight are rejected at once. 0: no limit.", unit = "calls", min = 0, max = 1_000_000)
            int maxConcurrentCalls,
            @Field(description = "The circuit breaker in front of the dependency; absent for none.") Breaker breaker,
            @Field(description = "Retries of a failed attempt.", whenWritten = "WRITTEN") Retry retry) {
        /** A dependency as a file's silence leaves it; the name has no default. */
        public static final Dependency DEFAULT = new Dependency(null, 1, 2, 8, 100, DistributionSpec.lognormal(30, 120),
                0, 0, 0, null, Retry.DEFAULT);
    }

    public enum VerticalPolicyKind implements HasId {
        NONE("none"), THRESHOLD("threshold"), VPA("vpa");

        private final String id;

        VerticalPolicyKind(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static VerticalPolicyKind byId(String id) {
            return HasId.byId(VerticalPolicyKind.class, id);
        }
    }

    /**
     * The vertical scaler, deciding every {@code intervalSeconds}: the threshold rule (next size up
     * above {@code upThreshold} of capacity, down below {@code downThreshold}) or a VPA-style
     * recommender (target percentile of usage x (1 + margin)).
     */
    public record VerticalScaler(
            @ScalingSystem.Applies(ScalingSystem.Step.RESTART_VERTICAL)
            @Field(description = "Vertical scaler: none, threshold (next size up above the up threshold, down below the down "
                    + "threshold) or vpa (Kubernetes VPA recommender: P90 of usage x (1 + margin)).") VerticalPolicyKind policy,
            @ScalingSystem.Applies(ScalingSystem.Step.RESTART_VERTICAL)
            @Field(description = "How often the vertical scaler decides.", unit = "s", min = 1, max = 86_400) double intervalSeconds,
            @ScalingSystem.Applies(ScalingSystem.Step.RESTART_VERTICAL)
            @Field(description = "Threshold rule: above this fraction of CPU capacity, go to the next size up (pattern "
                    + "notes: 0.8).", min = 0, max = 1) double upThreshold,
            @ScalingSystem.Applies(ScalingSystem.Step.RESTART_VERTICAL)
            @Field(description = "Threshold rule: below this fraction of CPU capacity, go to the next size down (0: never). "
                    + "Keep it under half the up threshold.", min = 0, max = 1) double downThreshold,
            @ScalingSystem.Applies(ScalingSystem.Step.RESTART_VERTICAL)
            @Field(description = "VPA: the usage percentile its target follows (Kubernetes default 0.9).",
                    min = 0.01, max = 1) double targetPercentile,
            @ScalingSystem.Applies(ScalingSystem.Step.RESTART_VERTICAL)
            @Field(description = "VPA: safety margin added to every estimate (Kubernetes default 0.15).", min = 0, max = 10)
            double marginFraction) {
        public static final VerticalScaler DEFAULT = new VerticalScaler(VerticalPolicyKind.NONE, 60, 0.8, 0.3, 0.9, 0.15);
    }

    /**
     * The load balancer: a strategy and its parameters (Envoy's names and defaults), and health
     * handling: passive outlier ejection after {@code outlierConsecutiveErrors} errors in a row (0:
     * off), active health checks every {@code healthCheckIntervalSeconds} (0: off), and the panic
     * threshold below which it balances over every ready instance, healthy or not.
     */
    public record Balancer(
            @BalancerSystem.Applies(BalancerSystem.Step.RECONFIGURE)
            @Field(description = "How the load balancer picks an instance for each request.") Strategy strategy,
            @BalancerSystem.Applies(BalancerSystem.Step.RECONFIGURE)
            @Field(description = "p2c and least-request: how many instances are sampled per pick, the least busy wins (Envoy "
                    + "choice_count, 2).", min = 1, max = 10) int choices,
            @BalancerSystem.Applies(BalancerSystem.Step.RECONFIGURE)
            @Field(description = "least-request with unequal weights: weight / (active + 1)^bias. 0 is plain weighted round "
                    + "robin (Envoy default 1).", min = 0, max = 10) double activeRequestBias,
            @BalancerSystem.Applies(BalancerSystem.Step.RECONFIGURE)
            @Field(description = "ring-hash: points per instance (0 sizes the ring as Envoy does, 1024 points in all).",
                    min = 0, max = 10_000) int ringVirtualNodes,
            @BalancerSystem.Applies(BalancerSystem.Step.RECONFIGURE)
            @Field(description = "least-request: a new instance's weight ramps up over this window, from 10% (Envoy slow "
                    + "start). 0 is off.", unit = "s", min = 0, max = 3600) double slowStartSeconds,
            @BalancerSystem.Applies(BalancerSystem.Step.RECONFIGURE)
            @Field(description = "Passive outlier ejection: this many errors in a row eject an instance (Envoy "
                    + "consecutive_5xx, 5). 0 is off.", unit = "errors", min = 0, max = 1000) int outlierConsecutiveErrors,
            @BalancerSystem.Applies(BalancerSystem.Step.RECONFIGURE)
            @Field(description = "An ejection lasts this long times the number of times the instance was ejected (Envoy "
                    + "base_ejection_time, 30 s).", unit = "s", min = 1, max = 3600) double outlierBaseEjectionSeconds,
            @BalancerSystem.Applies(BalancerSystem.Step.RECONFIGURE)
            @Field(description = "At most this share of instances is ejected at once; at least one may be (Envoy "
                    + "max_ejection_percent, 10%).", unit = "%", min = 0, max = 100) double outlierMaxEjectionPercent,
            @BalancerSystem.Applies(BalancerSystem.Step.RECONFIGURE)
            @Field(description = "Active health checks probe every instance this often. 0 is off. A slow instance still "
                    + "passes them.", unit = "s", min = 0, max = 3600) double healthCheckIntervalSeconds,
            @BalancerSystem.Applies(BalancerSystem.Step.RECONFIGURE)
            @Field(description = "Probes in a row that time out before an instance is marked unhealthy.", unit = "probes",
                    min = 1, max = 100) int healthCheckUnhealthyThreshold,
            @BalancerSystem.Applies(BalancerSystem.Step.RECONFIGURE)
            @Field(description = "Probes in a row that pass before an unhealthy instance is healthy again.", unit = "probes",
                    min = 1, max = 100) int healthCheckHealthyThreshold,
            @BalancerSystem.Applies(BalancerSystem.Step.RECONFIGURE)
            @Field(description = "Below this share of healthy instances the balancer panics and uses every ready instance "
                    + "(Envoy 50%).", unit = "%", min = 0, max = 100) double panicThresholdPercent) {
        public static final Balancer DEFAULT = new Balancer(Strategy.ROUND_ROBIN, 2, 1.0, 0, 0, 0, 30, 10, 0, 3, 2, 50);
    }

    /**
     * A command at a virtual time: {@code set} of a {@link Parameter} ({@code path}) to {@code value},
     * or an {@link Action} on a {@code target} instance (null when the action needs none).
     */
    /**
     * A moment of the run worth marking on the charts: from {@code atSeconds}, for {@code untilSeconds}
     * when it is a span (an outage), with a short label.
     */
    public record Marker(
            @Field(description = "When the moment begins, in simulated seconds.", unit = "s", min = 0) double atSeconds,
            @Field(description = "When a span ends, in simulated seconds; 0 for a single moment.", unit = "s", min = 0)
            double untilSeconds,
            @Field(description = "A few words shown at the marker: \"hot key expires\".") String label) {
        public static final Marker DEFAULT = new Marker(0, 0, "");
    }

    public record TimelineEntry(double atSeconds, String command, String path, String target, Object value,
                                double durationSeconds) {
        public static TimelineEntry set(double atSeconds, String path, Object value) {
            return new TimelineEntry(atSeconds, "set", path, null, value, 0);
        }

        public static TimelineEntry action(double atSeconds, Action action, String target, Object value, double durationSeconds) {
            return new TimelineEntry(atSeconds, action.id(), null, target, value, durationSeconds);
        }
    }

    public static final Scenario DEFAULT = new Scenario("default", "", "", List.of(), 42, 600,
            new Workload(new Arrival(ArrivalProcess.POISSON, 400, RateShape.CONSTANT, 50,
                    DistributionSpec.exponential(1000)),
                    new Keys(KeyDistribution.ZIPF, 0.9, 10_000, 0.8, 0.2, 0), 0.9, List.of()),
            new Service(4, 4, 100, DistributionSpec.lognormal(20, 80), InstanceSize.MEDIUM, 5, 30, 0, List.of(), List.of()),
            Autoscaler.DEFAULT, VerticalScaler.DEFAULT, null,
            Balancer.DEFAULT, null, null, List.of(), null, null,
            List.of());

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, watch, markers, newSeed, durationSeconds, workload, service, autoscaler, verticalScaler, gateway, balancer, cache, database, dependencies, events, topology, timeline);
    }

    public Scenario withDurationSeconds(double seconds) {
        return new Scenario(name, description, watch, markers, seed, seconds, workload, service, autoscaler, verticalScaler, gateway, balancer, cache, database, dependencies, events, topology, timeline);
    }

    public Scenario withTimeline(List<TimelineEntry> entries) {
        return new Scenario(name, description, watch, markers, seed, durationSeconds, workload, service, autoscaler, verticalScaler, gateway, balancer, cache, database, dependencies, events, topology, entries);
    }

    public Scenario withTopology(Topology t) {
        return new Scenario(name, description, watch, markers, seed, durationSeconds, workload, service, autoscaler, verticalScaler, gateway, balancer, cache, database, dependencies, events, t, timeline);
    }

    public Scenario withService(Service s) {
        return new Scenario(name, description, watch, markers, seed, durationSeconds, workload, s, autoscaler, verticalScaler, gateway, balancer, cache, database, dependencies, events, topology, timeline);
    }
}
