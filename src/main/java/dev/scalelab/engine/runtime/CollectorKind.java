package dev.scalelab.engine.runtime;

import dev.scalelab.sim.HasId;

/** The garbage collectors an instance's heap can run, named as the JVM's flags name them. */
public enum CollectorKind implements HasId {
    /** -XX:+UseParallelGC: stop-the-world young and full collections, tuned for throughput. */
    PARALLEL("parallel"),
    /** -XX:+UseG1GC, the default since JDK 9: regions, a pause-time target, mixed collections. */
    G1("g1"),
    /** -XX:+UseZGC (generational): concurrent, sub-millisecond pauses, allocation stalls under pressure. */
    ZGC("zgc");

    private final String id;

    CollectorKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static CollectorKind byId(String id) {
        return HasId.byId(CollectorKind.class, id);
    }
}
