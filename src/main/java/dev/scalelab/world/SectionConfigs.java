package dev.scalelab.world;

import dev.scalelab.engine.balancing.LoadBalancingStrategy;
import dev.scalelab.engine.caching.CacheHierarchyConfig;
import dev.scalelab.engine.caching.CacheLevelConfig;
import dev.scalelab.engine.caching.Scope;
import dev.scalelab.engine.caching.WritePolicy;
import dev.scalelab.engine.data.DatabaseConfig;
import dev.scalelab.engine.gateway.LoadShedder;
import dev.scalelab.engine.gateway.RateLimiter;
import dev.scalelab.engine.gateway.SlidingWindowCounter;
import dev.scalelab.engine.gateway.TokenBucket;
import dev.scalelab.engine.pools.ConnectionPoolConfig;
import dev.scalelab.engine.resilience.MeshConfig;
import dev.scalelab.engine.runtime.Heap;
import dev.scalelab.engine.runtime.ObjectPool;
import dev.scalelab.engine.scaling.HorizontalPodAutoscaler;
import dev.scalelab.engine.scaling.HorizontalPolicy;
import dev.scalelab.engine.scaling.TargetTrackingPolicy;
import dev.scalelab.engine.scaling.ThresholdPolicy;
import dev.scalelab.engine.scaling.Tolerance;
import dev.scalelab.engine.scaling.ThresholdResizePolicy;
import dev.scalelab.engine.scaling.VerticalPolicy;
import dev.scalelab.engine.scaling.VpaRecommender;
import dev.scalelab.sim.KeySampler;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A scenario section as the engine that runs it is configured: the one translation the pipeline's
 * subsystems use, offered to the nodes of a drawn system so both run the same settings alike.
 */
public final class SectionConfigs {
    private SectionConfigs() {
    }

    /** The keys a workload draws from. */
    public static KeySampler keys(Scenario.Keys keys) {
        return WorkloadSystem.keySampler(keys);
    }

    /** A balancer section's strategy. */
    public static LoadBalancingStrategy balancer(Scenario.Balancer b) {
        return BalancerSystem.strategy(b);
    }

    /** The balancer's passive outlier ejection (Envoy's defaults for what the section leaves out); null when off. */
    public static dev.scalelab.engine.balancing.OutlierDetector outlierDetector(Scenario.Balancer b) {
        if (b.outlierConsecutiveErrors() <= 0) {
            return null;
        }
        dev.scalelab.engine.balancing.OutlierDetector.Config d = dev.scalelab.engine.balancing.OutlierDetector.Config.DEFAULTS;
        return new dev.scalelab.engine.balancing.OutlierDetector(new dev.scalelab.engine.balancing.OutlierDetector.Config(
                b.outlierConsecutiveErrors(), Simulation.secondsToNanos(b.outlierBaseEjectionSeconds()), d.maxEjectionNanos(),
                d.intervalNanos(), b.outlierMaxEjectionPercent(), d.alwaysEjectOneHost()));
    }

    /** The balancer's active health checks; null when off. */
    public static dev.scalelab.engine.balancing.ActiveHealthChecker healthChecker(Scenario.Balancer b) {
        if (b.healthCheckIntervalSeconds() <= 0) {
            return null;
        }
        return new dev.scalelab.engine.balancing.ActiveHealthChecker(new dev.scalelab.engine.balancing.ActiveHealthChecker.Config(
                Simulation.secondsToNanos(b.healthCheckIntervalSeconds()), b.healthCheckUnhealthyThreshold(),
                b.healthCheckHealthyThreshold()));
    }

    /** A call's sidecar: breaker (null for none), retries, per-attempt timeout (0: none), bulkhead (0: none). */
    public static MeshConfig mesh(Scenario.Breaker breaker, Scenario.Retry retry, double timeoutMs, int maxConcurrentCalls) {
        return MeshSystem.meshConfig(breaker, retry, timeoutMs, maxConcurrentCalls);
    }

    /** A database section over {@code keyCount} keys. */
    public static DatabaseConfig database(Scenario.Database d, int keyCount) {
        return DataSystem.toConfig(d, keyCount);
    }

    /**
     * A cache section as one hierarchy; {@code sharedOnly} makes every level one shared copy (a cache
     * box of a drawn system is a server of its own, so it has no per-instance levels).
     */
    public static CacheHierarchyConfig cache(Scenario.Cache c, boolean sharedOnly, int eventRingCapacity) {
        List<CacheLevelConfig> levels = new ArrayList<>();
        for (Scenario.CacheLevel l : c.levels()) {
            levels.add(new CacheLevelConfig(l.name(), sharedOnly ? Scope.SHARED : Scope.parse(l.scope()), l.capacity(), l.policy(),
                    l.ttlSeconds(), l.ttlJitterFraction(), l.latencyMs()));
        }
        return new CacheHierarchyConfig(levels, c.exclusive(), WritePolicy.parse(c.writePolicy()), c.writeBackFlushDelayMs(),
                c.coalesce(), c.xfetchBeta(), eventRingCapacity);
    }

    /** A gateway's rate limit, new (a token bucket starts full); null for none. */
    public static RateLimiter limiter(ApiGateway.Limit limit) {
        if (limit == null) {
            return null;
        }
        return switch (limit.kind()) {
            case TOKEN_BUCKET -> new TokenBucket(limit.ratePerSecond(), limit.burst());
            case SLIDING_WINDOW -> new SlidingWindowCounter(limit.ratePerSecond(), Simulation.secondsToNanos(limit.windowSeconds()));
        };
    }

    /** A gateway's load shedder; null when it sheds nothing. */
    public static LoadShedder shedder(ApiGateway.Shedding s) {
        if (s == null) {
            return null;
        }
        return switch (s.mode()) {
            case NONE -> null;
            case QUEUE_LENGTH -> LoadShedder.byQueueLength(s.queueThreshold());
            case LATENCY -> LoadShedder.byDelay(Simulation.millisToNanos(s.targetDelayMs()), Simulation.millisToNanos(s.intervalMs()));
        };
    }

    /**
     * The shedder of {@code s} as a live change leaves it: {@code existing}, of the same mode, takes
     * the new threshold or target for the next request; another mode makes a new one (null for none).
     */
    public static LoadShedder shedder(ApiGateway.Shedding s, LoadShedder existing) {
        boolean sameMode = existing != null && s != null && s.mode() == (existing.byQueue()
                ? ApiGateway.SheddingMode.QUEUE_LENGTH : ApiGateway.SheddingMode.LATENCY);
        if (sameMode && existing.byQueue()) {
            existing.setQueueThreshold(s.queueThreshold());
        } else if (sameMode) {
            existing.setDelayTarget(Simulation.millisToNanos(s.targetDelayMs()), Simulation.millisToNanos(s.intervalMs()));
        } else {
            return shedder(s);
        }
        return existing;
    }

    /**
     * The limiter of {@code limit} as a live change leaves it: {@code existing}, of the same kind, takes
     * the new rate (a token bucket keeps its tokens, capped at the new burst, as reconfiguring Envoy's
     * local rate limit does); another kind makes a new one; null for none.
     */
    public static RateLimiter limiter(ApiGateway.Limit limit, RateLimiter existing, long nowNanos) {
        if (limit == null) {
            return null;
        }
        if (limit.kind() == ApiGateway.LimitKind.TOKEN_BUCKET && existing instanceof TokenBucket bucket) {
            bucket.reconfigure(limit.ratePerSecond(), limit.burst(), nowNanos);
            return bucket;
        }
        if (limit.kind() == ApiGateway.LimitKind.SLIDING_WINDOW && existing instanceof SlidingWindowCounter window) {
            window.setRate(limit.ratePerSecond());
            return window;
        }
        return limiter(limit);
    }

    /** A client class's priority as the shedder ranks it ({@link LoadShedder#HIGH} is never shed). */
    public static int priority(ApiGateway.Priority p) {
        return switch (p) {
            case HIGH -> LoadShedder.HIGH;
            case NORMAL -> LoadShedder.NORMAL;
            case LOW -> LoadShedder.LOW;
        };
    }

    /** HikariCP ignores a leak detection threshold below 2 s (or above maxLifetime), with a warning. */
    static final double MIN_LEAK_DETECTION_MS = 2000;
    /** VPA's decaying-histogram half-life. */
    static final long VPA_HALF_LIFE_NANOS = 24 * 3600 * Simulation.NANOS_PER_SECOND;
    private static final double BYTES_PER_KB = 1024;

    /** An instance's heap, as {@code service.runtime} sets it. */
    public static Heap.Config heap(ServiceResources.ServiceRuntime r) {
        return new Heap.Config(r.collector(), r.heapMb() * Heap.BYTES_PER_MB, r.youngMb() * Heap.BYTES_PER_MB,
                r.survivingFraction(), r.maxTenuringThreshold(), Heap.bytes(r.liveSetMb()), r.pauseTargetMs(),
                r.initiatingOccupancyPercent());
    }

    /** An instance's object pool, as {@code service.objectPool} sets it. */
    public static ObjectPool objectPool(ServiceResources.ObjectPool p) {
        return new ObjectPool(p.capacity(), bytesOfKb(p.objectKb()));
    }

    public static long bytesOfKb(double kb) {
        return Math.round(kb * BYTES_PER_KB);
    }

    /**
     * What one request allocates besides its pooled objects: an exponential draw of mean
     * {@code allocationKbPerRequest} from {@code random}, which is not drawn from when the mean is 0.
     */
    public static long allocationBytes(ServiceResources.ServiceRuntime r, SplittableRandom random) {
        double meanKb = r.allocationKbPerRequest();
        return meanKb > 0 ? Math.round(-Math.log(1 - random.nextDouble()) * meanKb * BYTES_PER_KB) : 0;
    }

    /** An instance's connection pool, as {@code service.connectionPool} sets it (a leak threshold HikariCP ignores is off). */
    public static ConnectionPoolConfig connectionPool(ServiceResources.ConnectionPool c) {
        double leakMs = c.leakDetectionThresholdMs();
        boolean leakDetection = leakMs >= MIN_LEAK_DETECTION_MS && leakMs <= c.maxLifetimeSeconds() * 1000;
        return new ConnectionPoolConfig(c.maximumPoolSize(), c.minimumIdle(), Simulation.millisToNanos(c.connectionTimeoutMs()),
                Simulation.millisToNanos(c.connectionSetupMs()), Simulation.secondsToNanos(c.maxLifetimeSeconds()),
                leakDetection ? Simulation.millisToNanos(leakMs) : 0);
    }

    /**
     * The HPA an autoscaler section configures. {@code running}, the HPA in use until now, takes the
     * new settings and keeps its recommendations and scale events, as editing a live HPA object
     * does; null makes a fresh one.
     */
    public static HorizontalPodAutoscaler hpa(Scenario.Autoscaler a, HorizontalPodAutoscaler running) {
        HorizontalPodAutoscaler.Config config = new HorizontalPodAutoscaler.Config(a.minReplicas(), a.maxReplicas(),
                (int) a.targetUtilization(), Tolerance.of(a.tolerance()), a.scaleUpRules(), a.scaleDownRules(), a.behavior());
        if (running == null) {
            return new HorizontalPodAutoscaler(config);
        }
        running.setConfig(config);
        return running;
    }

    /**
     * The horizontal policy an autoscaler section names, deciding through {@code hpa} when it is the
     * HPA ({@link #hpa}); null for none.
     */
    public static HorizontalPolicy horizontal(Scenario.Autoscaler a, HorizontalPodAutoscaler hpa) {
        return switch (a.policy()) {
            case HPA -> HorizontalPolicy.hpa(hpa);
            case THRESHOLD -> new ThresholdPolicy(a.minReplicas(), a.maxReplicas(), (int) a.targetUtilization());
            case TARGET_TRACKING -> new TargetTrackingPolicy(a.minReplicas(), a.maxReplicas(), a.metric(), a.targetValue(),
                    a.tolerance(), Simulation.secondsToNanos(a.scaleDownStabilizationSeconds()));
            default -> null;
        };
    }

    /** The vertical scaler's policy, starting at {@code nowNanos}; null for none. */
    public static VerticalPolicy vertical(Scenario.VerticalScaler v, long nowNanos) {
        return switch (v.policy()) {
            case THRESHOLD -> new ThresholdResizePolicy(v.upThreshold(), v.downThreshold());
            case VPA -> new VpaRecommender(v.targetPercentile(), v.marginFraction(), VPA_HALF_LIFE_NANOS, nowNanos);
            case NONE -> null;
        };
    }
}
