package dev.scalelab.ui.canvas;

import dev.scalelab.world.Snapshot.InstanceView;

import java.util.List;

/** The instances of a pool counted by state, as the pool views' titles print them. */
public final class PoolCounts {

    private PoolCounts() {
    }

    /**
     * "4 ready, 2 starting, 1 draining, 1 failed": provisioning and booting count as starting, and a
     * state no instance is in is left out (ready is always said, so an empty pool reads "0 ready").
     */
    public static String summary(List<InstanceView> instances) {
        int ready = 0;
        int starting = 0;
        int draining = 0;
        int failed = 0;
        for (InstanceView in : instances) {
            switch (in.state()) {
                case READY -> ready++;
                case PROVISIONING, BOOTING -> starting++;
                case DRAINING -> draining++;
                case FAILED -> failed++;
            }
        }
        return ready + " ready"
                + (starting > 0 ? ", " + starting + " starting" : "")
                + (draining > 0 ? ", " + draining + " draining" : "")
                + (failed > 0 ? ", " + failed + " failed" : "");
    }
}
