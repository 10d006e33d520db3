package dev.scalelab.world;

import dev.scalelab.engine.balancing.StampedBackends;

import java.util.ArrayList;

/**
 * The pool's instances, in creation order, stamped for the balancer: the stamp moves with every
 * structural change of the list (ArrayList's modCount) and with every {@link #membershipChanged()},
 * which the world calls wherever an instance's {@code routable} flag or weight is set, the two
 * things besides the list itself that decide whom a strategy balances over.
 */
final class InstanceList extends ArrayList<ServiceInstance> implements StampedBackends {
    private int changes;

    /** An instance's routable flag or weight may have changed. */
    void membershipChanged() {
        changes++;
    }

    @Override
    public long membershipStamp() {
        return ((long) modCount << 32) | (changes & 0xFFFF_FFFFL);
    }
}
