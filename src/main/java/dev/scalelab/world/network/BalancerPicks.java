package dev.scalelab.world.network;

import dev.scalelab.world.Snapshot;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A watched drawn balancer's record of its picks within one edge's pool ({@link BalancerWatch}): the
 * newest {@link Snapshot.Dispatches#KEPT} decisions (instance number and outcome), as the pipeline's
 * balancer keeps them for its panel, and each instance's picks, since the watch began. The balancer
 * holds one only while it is watched ({@link RouterNode#picks}), so an unwatched run pays a null check
 * per pick; it only counts, so a watched run is the same run.
 *
 * <p>A pick's outcome is the instance's as the balancer hands it the request, judged as the service
 * takes a request: a free worker or room in its queue takes it, a full queue rejects it. An edge that
 * delivers at once (no zone crossed, no sidecar) hands it over in the same event, so that is the
 * outcome the request met; across a zone the instance may have changed by the time it arrives. A
 * request no instance (or no service behind it) would take is rejected with no instance.
 * Confined to the simulation thread.
 */
final class BalancerPicks {
    /** The edge whose pool is recorded: picks within the balancer's other edges are not. */
    final Link shown;
    private final ServiceNode service;
    private final int[] instanceNumbers = new int[Snapshot.Dispatches.KEPT];
    private final byte[] outcomes = new byte[Snapshot.Dispatches.KEPT];
    private long total;
    private long rejected;
    /** Per instance: its picks, those its full queue turned away, and its picks in the second under way. */
    private final Map<ServiceNode.Instance, long[]> counts = new IdentityHashMap<>();

    BalancerPicks(Link shown) {
        this.shown = shown;
        this.service = (ServiceNode) shown.to;
    }

    /** The balancer picked {@code in} within edge {@code l}. */
    void picked(Link l, ServiceNode.Instance in) {
        if (l != shown) {
            return;
        }
        boolean takes = in.busy < in.workers && !in.stopped() || in.queue.size() < service.pool().queueCapacity();
        long[] c = counts.computeIfAbsent(in, k -> new long[3]);
        c[0]++;
        c[2]++;
        if (!takes) {
            c[1]++;
        }
        record(in.number, takes ? Snapshot.Dispatches.QUEUED : Snapshot.Dispatches.REJECTED_QUEUE_FULL);
    }

    /** No instance within edge {@code l} (null: no edge at all) took the request. */
    void none(Link l) {
        if (l == shown || l == null) {
            record(-1, Snapshot.Dispatches.REJECTED_NO_INSTANCE);
        }
    }

    private void record(int number, byte outcome) {
        int slot = (int) (total++ % Snapshot.Dispatches.KEPT);
        instanceNumbers[slot] = number;
        outcomes[slot] = outcome;
        if (outcome != Snapshot.Dispatches.QUEUED) {
            rejected++;
        }
    }

    /** The newest decisions, oldest first, as the pipeline's record gives them. */
    Snapshot.Dispatches dispatches() {
        int k = (int) Math.min(total, Snapshot.Dispatches.KEPT);
        int[] numbers = new int[k];
        byte[] kinds = new byte[k];
        for (int i = 0; i < k; i++) {
            int slot = (int) ((total - k + i) % Snapshot.Dispatches.KEPT);
            numbers[i] = instanceNumbers[slot];
            kinds[i] = outcomes[slot];
        }
        return new Snapshot.Dispatches(total, numbers, kinds);
    }

    /** Requests rejected at a pick (no instance, or a full queue) since the watch began. */
    long rejected() {
        return rejected;
    }

    /** {@code in}'s picks since the watch began. */
    long routed(ServiceNode.Instance in) {
        long[] c = counts.get(in);
        return c == null ? 0 : c[0];
    }

    /** Of {@code in}'s picks, those its full queue turned away. */
    long rejected(ServiceNode.Instance in) {
        long[] c = counts.get(in);
        return c == null ? 0 : c[1];
    }

    /** {@code in}'s picks in the second under way; the next second starts at 0 ({@link #secondOver}). */
    long routedThisSecond(ServiceNode.Instance in) {
        long[] c = counts.get(in);
        return c == null ? 0 : c[2];
    }

    /** The second is over: each instance's count of it starts again, and instances gone are forgotten. */
    void secondOver() {
        counts.keySet().retainAll(service.instances);
        for (long[] c : counts.values()) {
            c[2] = 0;
        }
    }
}
