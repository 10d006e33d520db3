package dev.scalelab.world.network;

/** Drawings the watch's tests and the canvas's robot test share. */
public final class NodeWatchTestDesigns {
    private NodeWatchTestDesigns() {
    }

    /**
     * 800 req/s of Zipf keys (the default: 10,000 keys, α 0.9) through api's 3 instances to a cache of
     * an instance-scope L1 (200 keys) and a shared L2 (2,000 keys) in front of a database.
     */
    public static final String CACHED = """
            {"schema":1,"name":"cached","seed":5,"durationSeconds":60,
             "topology":{"nodes":[
               {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":800}}},
               {"id":"api","kind":"service","service":{"instances":3,"workersPerInstance":8,
                 "serviceTime":{"distribution":"constant","meanMs":2}}},
               {"id":"redis","kind":"cache","cache":{"levels":[{"name":"L1","scope":"instance","capacity":200},
                 {"name":"L2","scope":"shared","capacity":2000}]}},
               {"id":"db","kind":"database"}],
              "edges":[{"from":"users","to":"api"},{"from":"api","to":"redis"},{"from":"redis","to":"db"}]}}
            """;

    /**
     * 300 req/s, three in four to checkout and one in four to refunds, both calling the external API pay
     * (2 instances of 16 workers, lognormal 30 ms, 2 % errors): checkout through a sidecar with a 500 ms
     * timeout, a Resilience4j breaker (20 calls, 50 %, 5 s open) and three attempts with backoff;
     * refunds through one with three attempts at once and no breaker. pay is out from 30 s to 50 s.
     */
    public static final String CALLED = """
            {"schema":1,"name":"called","seed":11,"durationSeconds":90,
             "topology":{"nodes":[
               {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":300}}},
               {"id":"checkout","kind":"service","service":{"instances":3,"workersPerInstance":16,"queueCapacity":100,
                 "serviceTime":{"distribution":"constant","meanMs":5}}},
               {"id":"refunds","kind":"service","service":{"instances":2,"workersPerInstance":16,"queueCapacity":100,
                 "serviceTime":{"distribution":"constant","meanMs":5}}},
               {"id":"pay","kind":"external","external":{"latency":{"distribution":"lognormal","meanMs":30,"p99Ms":120},
                 "errorRate":0.02,"instances":2,"workersPerInstance":16,"queueCapacity":50}}],
              "edges":[{"from":"users","to":"checkout","weight":3},{"from":"users","to":"refunds","weight":1},
                {"from":"checkout","to":"pay","timeoutMs":500,
                 "breaker":{"mode":"resilience4j","slidingWindowType":"count-based","slidingWindowSize":20,"minimumNumberOfCalls":20,
                   "failureRateThreshold":50,"waitDurationInOpenStateMs":5000,"permittedNumberOfCallsInHalfOpenState":5},
                 "retry":{"maxAttempts":3,"backoff":"exponential","initialIntervalMs":100,"multiplier":2,"maxIntervalMs":2000,
                   "jitter":"full"}},
                {"from":"refunds","to":"pay","retry":{"maxAttempts":3,"backoff":"none"}}]},
             "timeline":[{"atSeconds":30,"command":"outage","target":"pay","durationSeconds":20}]}
            """;

    /**
     * 300 req/s of 5,000 uniform keys through web to the topic orders (6 partitions; sessions time out
     * after 6 s, a rebalance pauses 1 s), read by two groups: billing (3 instances, 8 ms a record on average) and
     * audit (2 instances, 4 ms; exponential, so no record ends on a whole second, when the watch reads). One of billing's members crashes at 20 s.
     */
    public static final String PUBLISHED = """
            {"schema":1,"name":"published","seed":13,"durationSeconds":90,
             "topology":{"nodes":[
               {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":300},"keys":{"distribution":"uniform","count":5000}}},
               {"id":"web","kind":"service","service":{"instances":2,"workersPerInstance":16,
                 "serviceTime":{"distribution":"constant","meanMs":1}}},
               {"id":"orders","kind":"topic","topic":{"partitions":6,"sessionTimeoutMs":6000,"rebalanceMs":1000}},
               {"id":"billing","kind":"service","service":{"instances":3,"workersPerInstance":4,"provisionSeconds":2,"bootSeconds":3,
                 "serviceTime":{"distribution":"exponential","meanMs":8}}},
               {"id":"audit","kind":"service","service":{"instances":2,"workersPerInstance":2,
                 "serviceTime":{"distribution":"exponential","meanMs":4}}}],
              "edges":[{"from":"users","to":"web"},{"from":"web","to":"orders","mode":"async"},
                {"from":"orders","to":"billing","mode":"async"},{"from":"orders","to":"audit","mode":"async"}]},
             "timeline":[{"atSeconds":20,"command":"crash-consumer","target":"billing"}]}
            """;

    /**
     * 200 req/s through web to the queue jobs (5 s visibility timeout, 3 receives), read by worker's
     * 2 instances of 4 workers (15 ms a message on average): 8 consumers. The next message published
     * from 10 s on is poison: it fails on every receive and is dead-lettered after its third.
     */
    public static final String QUEUED = """
            {"schema":1,"name":"queued","seed":17,"durationSeconds":90,
             "topology":{"nodes":[
               {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":200}}},
               {"id":"web","kind":"service","service":{"instances":2,"workersPerInstance":16,
                 "serviceTime":{"distribution":"constant","meanMs":1}}},
               {"id":"jobs","kind":"queue","queue":{"visibilityTimeoutSeconds":5,"maxReceives":3}},
               {"id":"worker","kind":"service","service":{"instances":2,"workersPerInstance":4,
                 "serviceTime":{"distribution":"exponential","meanMs":15}}}],
              "edges":[{"from":"users","to":"web"},{"from":"web","to":"jobs","mode":"async"},
                {"from":"jobs","to":"worker","mode":"async"}]},
             "timeline":[{"atSeconds":10,"command":"poison","target":"jobs"}]}
            """;

    /**
     * 300 req/s through the balancer lb, round robin with outlier ejection after 5 errors in a row, to
     * web's 3 instances of 8 workers, weighted 5, 1, 1 (which round robin does not read; smooth weighted
     * round robin gives them a a b a c a a), 5 ms of work and a 5 ms call to the external API pay (of no
     * known capacity, so the drawing is not of the pipeline's shape). Nothing queues and nothing fails.
     */
    public static final String BALANCED = """
            {"schema":1,"name":"balanced","seed":19,"durationSeconds":90,
             "topology":{"nodes":[
               {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":300}}},
               {"id":"lb","kind":"balancer","balancer":{"strategy":"round-robin","outlierConsecutiveErrors":5}},
               {"id":"web","kind":"service","service":{"instances":3,"workersPerInstance":8,"queueCapacity":50,"weights":[5,1,1],
                 "serviceTime":{"distribution":"constant","meanMs":5}}},
               {"id":"pay","kind":"external","external":{"latency":{"distribution":"constant","meanMs":5}}}],
              "edges":[{"from":"users","to":"lb"},{"from":"lb","to":"web"},{"from":"web","to":"pay"}]}}
            """;

    /**
     * 600 req/s of Zipf keys (the default: 10,000 keys, α 0.9) from users to the CDN cdn (1,000 objects,
     * LRU, a 20 s TTL, 2 ms a hit) in front of its origin web (3 instances of 8 workers, 10 ms a request),
     * which reads db. The default workload's writes go past the CDN to web.
     */
    public static final String FRONTED = """
            {"schema":1,"name":"fronted","seed":19,"durationSeconds":60,
             "topology":{"nodes":[
               {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":600}}},
               {"id":"cdn","kind":"cdn","cdn":{"capacity":1000,"ttlSeconds":20,"hitMs":2,"policy":"lru"}},
               {"id":"web","kind":"service","service":{"instances":3,"workersPerInstance":8,
                 "serviceTime":{"distribution":"constant","meanMs":10}}},
               {"id":"db","kind":"database"}],
              "edges":[{"from":"users","to":"cdn"},{"from":"cdn","to":"web"},{"from":"web","to":"db"}]}}
            """;
}
