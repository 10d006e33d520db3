package dev.scalelab.engine.balancing;

import java.util.Arrays;
import java.util.List;

/**
 * The (id, weight) sequence of the backends a strategy balances over, remembered between picks so
 * the strategy rebuilds what it derives from it (a ring, a table, a schedule) only when it changes,
 * as Envoy rebuilds on a host-set update. The world hands over the whole list on every pick
 * instead of announcing changes, so noticing one costs a pass of comparisons over the list; the
 * rebuild itself happens only on a real change.
 */
final class Membership {
    private final boolean eligibleOnly;
    private String[] ids = new String[8];
    private double[] weights = new double[8];
    private int[] listIndex = new int[8];
    private int size;
    /** The stamped list of the latest full pass and its stamp then; null after a list without a stamp. */
    private List<? extends Backend> stampedList;
    private long listStamp;

    /**
     * @param eligibleOnly true to follow only the backends a weighted strategy may use
     *                     ({@link #eligible}); false to follow the whole list, one slot per index
     */
    Membership(boolean eligibleOnly) {
        this.eligibleOnly = eligibleOnly;
    }

    /** Accepts traffic and has a positive weight: what hashing and weighted strategies balance over. */
    static boolean eligible(Backend b) {
        return b.acceptsTraffic() && b.weight() > 0;
    }

    /**
     * Reads the list; returns true when the (id, weight) sequence differs from the previous call.
     * The slot-to-list-index mapping is refreshed either way.
     */
    boolean update(List<? extends Backend> backends) {
        // Kept small so the JIT inlines it into every strategy's pick: the same stamped list,
        // unchanged since the last pass, leaves slots and list indexes as they stand.
        if (backends == stampedList && ((StampedBackends) backends).membershipStamp() == listStamp) {
            return false;
        }
        return compare(backends);
    }

    /** The pass over the list: records the stamp of a stamped list, then compares backend by backend. */
    private boolean compare(List<? extends Backend> backends) {
        if (backends instanceof StampedBackends stamped) {
            stampedList = backends;
            listStamp = stamped.membershipStamp();
        } else {
            stampedList = null;
        }
        int n = backends.size();
        if (n > ids.length) {
            int capacity = Math.max(n, 2 * ids.length);
            ids = Arrays.copyOf(ids, capacity);
            weights = Arrays.copyOf(weights, capacity);
            listIndex = Arrays.copyOf(listIndex, capacity);
        }
        boolean changed = false;
        int k = 0;
        for (int i = 0; i < n; i++) {
            Backend b = backends.get(i);
            if (eligibleOnly && !eligible(b)) {
                continue;
            }
            String id = b.id();
            double weight = b.weight();
            if (k >= size || !id.equals(ids[k]) || weight != weights[k]) {
                changed = true;
                ids[k] = id;
                weights[k] = weight;
            }
            listIndex[k++] = i;
        }
        changed |= k != size;
        size = k;
        return changed;
    }

    int size() {
        return size;
    }

    String id(int slot) {
        return ids[slot];
    }

    double weight(int slot) {
        return weights[slot];
    }

    /** Where the backend in {@code slot} sits in the list of the latest {@link #update}. */
    int listIndex(int slot) {
        return listIndex[slot];
    }
}
