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
import dev.scalelab.engine.resilience.MeshConfig;
import dev.scalelab.sim.KeySampler;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;

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

    /** A client class's priority as the shedder ranks it ({@link LoadShedder#HIGH} is never shed). */
    public static int priority(ApiGateway.Priority p) {
        return switch (p) {
            case HIGH -> LoadShedder.HIGH;
            case NORMAL -> LoadShedder.NORMAL;
            case LOW -> LoadShedder.LOW;
        };
    }
}
