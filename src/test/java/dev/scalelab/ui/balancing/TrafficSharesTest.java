package dev.scalelab.ui.balancing;

import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Snapshot.InstanceState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrafficSharesTest {

    private static Snapshot.InstanceView instance(int number, InstanceState state, long routed) {
        return new Snapshot.InstanceView(number, "i-" + number, state, 4, 0, 0, 10, routed, 0, 0,
                "medium", 2, 0, false, 1, 0, 1, 0);
    }

    @Test
    void withAnEvenSplitTheFairShareSitsMidBar() {
        TrafficShares shares = new TrafficShares();
        Snapshot.InstanceView a = instance(1, InstanceState.READY, 250);
        shares.update(List.of(a, instance(2, InstanceState.READY, 250), instance(3, InstanceState.READY, 250),
                instance(4, InstanceState.READY, 250)));
        assertEquals(0.25, shares.share(a), 1e-12);
        assertEquals(0.5, shares.fairShareFraction(), 1e-12);
        assertEquals(0.5, shares.barFraction(a), 1e-12);
    }

    @Test
    void anInstanceWithMoreThanTwiceTheFairShareFillsItsBarAndMovesTheTick() {
        TrafficShares shares = new TrafficShares();
        // Four ready instances, fair share 1/4 (mid-bar would be 1/2); a draining one took 600 of 1,000.
        Snapshot.InstanceView hog = instance(5, InstanceState.DRAINING, 600);
        Snapshot.InstanceView ready = instance(1, InstanceState.READY, 100);
        shares.update(List.of(ready, instance(2, InstanceState.READY, 100), instance(3, InstanceState.READY, 100),
                instance(4, InstanceState.READY, 100), hog));
        assertEquals(4, shares.readyCount());
        assertEquals(1.0, shares.barFraction(hog), 1e-12);
        assertEquals(0.1 / 0.6, shares.barFraction(ready), 1e-12);
        assertEquals(0.25 / 0.6, shares.fairShareFraction(), 1e-12);
    }

    @Test
    void withNoInstanceReadyThereIsNoFairShare() {
        TrafficShares shares = new TrafficShares();
        shares.update(List.of(instance(1, InstanceState.BOOTING, 0)));
        assertTrue(Double.isNaN(shares.fairShareFraction()));
        assertEquals(0, shares.barFraction(instance(1, InstanceState.BOOTING, 0)));
    }
}
