package dev.scalelab.ui.balancing;

import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Snapshot.InstanceView;

import java.util.List;

/**
 * Each instance's share of the traffic routed so far, and the scale of the share bars: the fair share
 * (one over the ready instances) sits mid-bar unless some instance got more than twice it.
 */
final class TrafficShares {
    private long totalRouted;
    private int readyCount;
    private double barScale = 1;

    /** Counts a new snapshot's instances. */
    void update(List<InstanceView> instances) {
        totalRouted = 0;
        readyCount = 0;
        for (InstanceView in : instances) {
            totalRouted += in.routed();
            if (in.state() == Snapshot.InstanceState.READY) {
                readyCount++;
            }
        }
        double maxShare = 0;
        for (InstanceView in : instances) {
            maxShare = Math.max(maxShare, share(in));
        }
        barScale = Math.max(readyCount > 0 ? 2.0 / readyCount : 1, maxShare);
    }

    /** The share of all requests routed so far that went to {@code in}, 0..1. */
    double share(InstanceView in) {
        return totalRouted == 0 ? 0 : in.routed() / (double) totalRouted;
    }

    /** The instances ready to take requests. */
    int readyCount() {
        return readyCount;
    }

    /** How much of a share bar {@code in} fills, 0..1. */
    double barFraction(InstanceView in) {
        return Math.min(1, share(in) / barScale);
    }

    /** Where the fair share falls along a share bar, 0..1, or NaN with no instance ready. */
    double fairShareFraction() {
        return readyCount > 0 ? (1.0 / readyCount) / barScale : Double.NaN;
    }
}
