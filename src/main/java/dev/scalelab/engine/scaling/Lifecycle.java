package dev.scalelab.engine.scaling;

import dev.scalelab.sim.HasId;

/**
 * The life of an instance. Provisioning is a pending pod (scheduled, image pulling); booting is a
 * running container that is not yet Ready; draining has a deletion timestamp and finishes its
 * requests in flight; failed was killed or crashed and is replaced.
 */
public enum Lifecycle implements HasId {
    PROVISIONING, BOOTING, READY, DRAINING, TERMINATED, FAILED;

    @Override
    public String id() {
        return name().toLowerCase();
    }

    /** Counts toward the replica set's size (Kubernetes counts every pod not being deleted and not failed). */
    public boolean isActive() {
        return this == PROVISIONING || this == BOOTING || this == READY;
    }
}
