package dev.scalelab.engine.caching;

/**
 * One level of a cache hierarchy as a scenario describes it.
 *
 * @param capacity entries held (unit size)
 * @param policy an eviction policy name: lru, fifo, lfu, random, clock or w-tinylfu
 * @param ttlSeconds time to live after each insert or overwrite; 0 or less for none
 * @param ttlJitterFraction each entry's TTL is lengthened by a uniform draw from
 *     [0, fraction x ttl), so entries filled together do not expire together
 * @param latencyMs virtual time a lookup, write or invalidation of this level costs; fills and
 *     promotions ride on the answer going back and cost nothing more
 */
public record CacheLevelConfig(String name, Scope scope, int capacity, String policy, double ttlSeconds,
                               double ttlJitterFraction, double latencyMs) {
    public CacheLevelConfig {
        if (capacity < 1) {
            throw new IllegalArgumentException("level " + name + " needs a capacity of at least 1");
        }
        if (!EvictionPolicy.NAMES.contains(policy)) {
            throw new IllegalArgumentException("level " + name + ": unknown policy '" + policy + "', expected one of "
                    + EvictionPolicy.NAMES);
        }
        if (ttlJitterFraction < 0 || latencyMs < 0) {
            throw new IllegalArgumentException("level " + name + ": jitter and latency must not be negative");
        }
    }
}
