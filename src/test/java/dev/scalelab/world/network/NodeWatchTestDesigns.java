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

}
