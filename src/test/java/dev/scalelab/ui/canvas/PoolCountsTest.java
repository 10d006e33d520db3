package dev.scalelab.ui.canvas;

import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Snapshot.InstanceState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PoolCountsTest {

    private static Snapshot.InstanceView instance(int number, InstanceState state) {
        return new Snapshot.InstanceView(number, "i-" + number, state, 4, 0, 0, 10, 0, 0, 0,
                "medium", 2, 0, false, 1, 0, 1, 0);
    }

    @Test
    void provisioningAndBootingCountAsStartingAndEmptyStatesAreLeftOut() {
        List<Snapshot.InstanceView> pool = List.of(instance(1, InstanceState.READY), instance(2, InstanceState.PROVISIONING),
                instance(3, InstanceState.BOOTING), instance(4, InstanceState.READY), instance(5, InstanceState.FAILED));
        assertEquals("2 ready, 2 starting, 1 failed", PoolCounts.summary(pool));
    }

    @Test
    void anEmptyPoolStillSaysHowManyAreReady() {
        assertEquals("0 ready", PoolCounts.summary(List.of()));
    }
}
