package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalelab.engine.runtime.CollectorProfile;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Live changes of a drawn service's heaps, object pools and connection pools, taken in place as the
 * pipeline's runtime and connections take them, or made when the section is new.
 */
class LiveResourcesTest {
    private static final double MB = 1024 * 1024;

    /**
     * engines.md §7: young collections come at allocation rate ÷ eden. 200 req/s × 256 KB into an eden
     * of 0.8 × 64 MB for 150 s, then of 0.8 × 128 MB for 150 s: 146.5 + 73.2 = 219.7 collections
     * (293 had the young generation stayed at 64 MB), within 3% (the allocation's noise is 0.6%).
     */
    @Test
    void aLargerYoungGenerationLiveHalvesTheCollectionsFromTheChange() {
        Network net = new Network(ServiceResourcesTest.zoned(ScenarioFiles.parse(ServiceResourcesTest.HEAP)));
        net.runUntil(150);
        assertThat(net.apply("nodes.service.service.runtime.youngMb", 128)).isEqualTo("service.runtime.youngMb 64 -> 128");
        net.run();
        JsonNode gc = net.report().get("nodes").get("service").get("runtime").get("gc");
        double bytes = 200.0 * 150 * 256 * 1024;
        double expected = bytes / (64 * CollectorProfile.EDEN_SHARE_OF_YOUNG * MB) + bytes / (128 * CollectorProfile.EDEN_SHARE_OF_YOUNG * MB);
        assertThat(expected).isCloseTo(219.7, within(0.1));
        assertThat(gc.get("youngCollections").asDouble()).isCloseTo(expected, within(0.03 * expected));
    }

    /**
     * An object pool of capacity 0 keeps nothing: each request of one user allocates its 10 objects.
     * Capacity 10 from 30 s: the first request after it fills the pool, and every later one takes
     * its 10 objects from it, so hits are 10 × (requests after the change − 1).
     */
    @Test
    void anObjectPoolGrownLiveKeepsWhatItNowHasRoomFor() {
        Network net = new Network(ScenarioFiles.parse(ServiceResourcesTest.PAUSED));
        net.runUntil(30);
        long before = net.report().get("nodes").get("web").get("arrivals").asLong();
        assertThat(net.report().get("nodes").get("web").get("pools").get("objects").get("hits").asLong()).isZero();
        net.apply("nodes.web.service.objectPool.capacity", 10);
        net.run();
        JsonNode web = net.report().get("nodes").get("web");
        long after = web.get("arrivals").asLong() - before;
        assertThat(after).isGreaterThan(20);
        assertThat(web.get("pools").get("objects").get("hits").asLong()).isEqualTo(10 * (after - 1));
    }

    /**
     * A pool of 2 in front of 100 ms queries passes 20 a second of the 50 offered, and times the rest
     * out. Grown to 10 at 60 s it passes them all (100 a second of room): the database runs more than
     * 2 queries at once from then on, and once the waiting backlog is through no borrow times out.
     */
    @Test
    void aConnectionPoolGrownLiveLetsTheDatabaseRunMoreQueries() {
        Network net = new Network(ScenarioFiles.parse(ServiceResourcesTest.POOLED));
        DatabaseNode db = (DatabaseNode) net.nodeList().get(2);
        int[] maxQueries = new int[2];
        net.sim.schedule(1, new Event() {
            @Override
            public void fire() {
                int slot = net.sim.nowNanos() < Simulation.secondsToNanos(60) ? 0 : 1;
                maxQueries[slot] = Math.max(maxQueries[slot], db.inFlight);
                net.sim.scheduleIn(Simulation.millisToNanos(1), this);
            }
        });
        net.runUntil(60);
        assertThat(net.apply("nodes.web.service.connectionPool.maximumPoolSize", 10))
                .isEqualTo("service.connectionPool.maximumPoolSize 2 -> 10");
        net.runUntil(62);
        long timeouts = net.report().get("nodes").get("web").get("pools").get("connections").get("timeouts").asLong();
        net.run();
        assertThat(maxQueries[0]).isEqualTo(2);
        assertThat(maxQueries[1]).isBetween(3, 10);
        assertThat(net.report().get("nodes").get("web").get("pools").get("connections").get("timeouts").asLong()).isEqualTo(timeouts);
    }

    /**
     * A service without a heap gets one live (the section made with its defaults, young generation
     * 64 MB): each request of the one user then allocates its 10 pooled objects of 1 MB (the pool keeps
     * none) and 256 KB on average, about 10.25 MB, so eden (0.8 × 64 MB = 51.2 MB) fills about every fifth.
     */
    @Test
    void aHeapAddedLiveCollectsFromTheChange() {
        String noHeap = ServiceResourcesTest.PAUSED.replaceAll("\"runtime\":\\{[^}]*},", "");
        Network net = new Network(ScenarioFiles.parse(noHeap));
        net.runUntil(20);
        long before = net.report().get("nodes").get("web").get("arrivals").asLong();
        assertThat(net.report().get("nodes").get("web").has("runtime")).isFalse();
        assertThat(net.apply("nodes.web.service.runtime.youngMb", 64)).isEqualTo("service.runtime.youngMb (new section) -> 64");
        net.run();
        JsonNode web = net.report().get("nodes").get("web");
        long after = web.get("arrivals").asLong() - before;
        assertThat(after).isGreaterThan(20);
        JsonNode gc = web.get("runtime").get("gc");
        // Only what the requests after the change allocated: 10 MB of objects each, and 256 KB mean (an
        // exponential draw: over ~36 requests the sum is within ±50 % of its mean, more than 3 sd).
        double allocatedMb = gc.get("allocatedMb").asDouble();
        assertThat(allocatedMb).isBetween(after * (10 + 0.125), after * (10 + 0.375));
        // A collection each time eden (51.2 MB, less what survivors keep in G1) fills.
        long filled = (long) (allocatedMb / (64 * CollectorProfile.EDEN_SHARE_OF_YOUNG));
        assertThat(gc.get("youngCollections").asLong()).isBetween(filled, filled + 1);
    }
}
