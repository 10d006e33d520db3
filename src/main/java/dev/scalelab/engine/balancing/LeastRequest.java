package dev.scalelab.engine.balancing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Envoy's least_request balancer ({@code least_request_lb.cc} on {@code EdfLoadBalancerBase}).
 *
 * <ul>
 *   <li>All weights equal: draw {@code choice_count} hosts with replacement, as Envoy's
 *       {@code random() % hosts.size()}, and take the one with the fewest active requests; ties
 *       keep the earlier draw. O(d).</li>
 *   <li>Weights differ: an EDF schedule ({@link EdfScheduler}) over the dynamic weight
 *       weight / (active + 1)^bias, computed when a host is (re)scheduled. Bias 0 is plain
 *       weighted round robin; a host never drains fully. O(log n).</li>
 *   <li>Slow start, when configured, scales each weight by {@link SlowStart} from the time the
 *       host joined the set of hosts that accept traffic (for the world: when it became ready or
 *       healthy again). While any host ramps up the EDF schedule is used even with equal weights,
 *       as Envoy does.</li>
 * </ul>
 * The schedule is rebuilt when the hosts or their weights change, as Envoy rebuilds on a host-set
 * update. Envoy also advances a new schedule by a random number of picks so a fleet of proxies
 * does not start in step; one simulated balancer has no fleet to desynchronise, so it starts at
 * the beginning.
 */
public final class LeastRequest implements LoadBalancingStrategy {
    private final int choiceCount;
    private final double activeRequestBias;
    private final SlowStart slowStart;
    private final Membership hosts = new Membership(true);
    private String[] joinedIds = new String[0];
    private long[] joinedAtNanos = new long[0];
    private long latestJoinNanos;
    private boolean weightsEqual;
    private EdfScheduler schedule;

    public LeastRequest(int choiceCount, double activeRequestBias, SlowStart slowStart) {
        if (choiceCount < 1) {
            throw new IllegalArgumentException("choice count must be at least 1");
        }
        this.choiceCount = choiceCount;
        this.activeRequestBias = activeRequestBias;
        this.slowStart = slowStart;
    }

    /** Envoy's {@code hostWeight}: weight / (active + 1)^bias, with bias 1 and 0 computed exactly. */
    static double dynamicWeight(double weight, int activeRequests, double bias) {
        if (bias == 0) {
            return weight;
        }
        double activePlusOne = activeRequests + 1.0;
        return bias == 1 ? weight / activePlusOne : weight / Math.pow(activePlusOne, bias);
    }

    @Override
    public int pick(List<? extends Backend> backends, long requestHash, long nowNanos, SplittableRandom random) {
        if (hosts.update(backends)) {
            rebuild(backends, nowNanos);
        }
        int k = hosts.size();
        if (k <= 1) {
            return k == 0 ? -1 : hosts.listIndex(0);
        }
        int slot;
        if (weightsEqual && !slowStart.ramping(nowNanos - latestJoinNanos)) {
            slot = leastOfChoices(backends, k, random);
        } else {
            slot = schedule.pickAndAdd(s -> hostWeight(backends, s, nowNanos));
        }
        return hosts.listIndex(slot);
    }

    private int leastOfChoices(List<? extends Backend> backends, int k, SplittableRandom random) {
        int best = random.nextInt(k);
        int bestActive = activeRequests(backends, best);
        for (int c = 1; c < choiceCount; c++) {
            int slot = random.nextInt(k);
            int active = activeRequests(backends, slot);
            if (active < bestActive) {
                best = slot;
                bestActive = active;
            }
        }
        return best;
    }

    private void rebuild(List<? extends Backend> backends, long nowNanos) {
        Map<String, Long> joinedBefore = new HashMap<>();
        for (int j = 0; j < joinedIds.length; j++) {
            joinedBefore.put(joinedIds[j], joinedAtNanos[j]);
        }
        int k = hosts.size();
        joinedIds = new String[k];
        joinedAtNanos = new long[k];
        latestJoinNanos = Long.MIN_VALUE;
        weightsEqual = true;
        for (int slot = 0; slot < k; slot++) {
            joinedIds[slot] = hosts.id(slot);
            joinedAtNanos[slot] = joinedBefore.getOrDefault(joinedIds[slot], nowNanos);
            latestJoinNanos = Math.max(latestJoinNanos, joinedAtNanos[slot]);
            weightsEqual &= hosts.weight(slot) == hosts.weight(0);
        }
        schedule = k > 1 ? new EdfScheduler(k, s -> hostWeight(backends, s, nowNanos)) : null;
    }

    private double hostWeight(List<? extends Backend> backends, int slot, long nowNanos) {
        double weight = dynamicWeight(hosts.weight(slot), activeRequests(backends, slot), activeRequestBias);
        return slowStart.weight(weight, nowNanos - joinedAtNanos[slot]);
    }

    private int activeRequests(List<? extends Backend> backends, int slot) {
        return backends.get(hosts.listIndex(slot)).activeRequests();
    }

    @Override
    public String id() {
        return Strategy.LEAST_REQUEST.id();
    }
}
