package dev.scalelab.engine.balancing;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Maglev consistent hashing (Google's NSDI 2016 paper, pseudocode listing 1) as Envoy builds it
 * ({@code maglev_lb.cc}, {@code OriginalMaglevTable}). Hosts are sorted by their key (here the id)
 * and each gets a permutation of the M table slots: offset = xxHash64(id, seed 0) mod M,
 * skip = xxHash64(id, seed 1) mod (M - 1) + 1, slot j = (offset + j * skip) mod M. Round after
 * round, each host claims its next unclaimed preferred slot; with normalised weights w and the
 * largest one maxW, a host takes its turn in round r only if r * w &gt;= its target, and each turn
 * adds maxW to the target, so weights 1:2 get 21,846 and 43,691 of 65,537 entries. A request goes
 * to table[hash mod M] (O(1)). The table is rebuilt only when the ids or weights of the hosts
 * accepting traffic change.
 */
public final class Maglev implements LoadBalancingStrategy {
    private final int tableSize;
    private final Membership hosts = new Membership(true);
    private int[] table = new int[0];

    public Maglev(int tableSize) {
        this.tableSize = tableSize;
    }

    @Override
    public int pick(List<? extends Backend> backends, long requestHash, long nowNanos, SplittableRandom random) {
        if (hosts.update(backends)) {
            build();
        }
        if (hosts.size() == 0) {
            return -1;
        }
        return hosts.listIndex(table[(int) Long.remainderUnsigned(requestHash, tableSize)]);
    }

    private void build() {
        int k = hosts.size();
        table = new int[tableSize];
        if (k == 0) {
            return;
        }
        Integer[] byKey = new Integer[k];
        double sum = 0;
        for (int slot = 0; slot < k; slot++) {
            byKey[slot] = slot;
            sum += hosts.weight(slot);
        }
        // A stable order, so the table does not depend on where hosts sit in the list.
        Arrays.sort(byKey, Comparator.comparing(hosts::id));
        long[] offset = new long[k];
        long[] skip = new long[k];
        double[] weight = new double[k];
        double maxWeight = 0;
        for (int e = 0; e < k; e++) {
            String id = hosts.id(byKey[e]);
            offset[e] = Long.remainderUnsigned(XxHash64.hash(id, 0), tableSize);
            skip[e] = Long.remainderUnsigned(XxHash64.hash(id, 1), tableSize - 1) + 1;
            weight[e] = hosts.weight(byKey[e]) / sum;
            maxWeight = Math.max(maxWeight, weight[e]);
        }
        double[] target = new double[k];
        long[] next = new long[k];
        Arrays.fill(table, -1);
        int filled = 0;
        for (int round = 1; filled < tableSize; round++) {
            for (int e = 0; e < k && filled < tableSize; e++) {
                if (round * weight[e] < target[e]) {
                    continue;
                }
                target[e] += maxWeight;
                int c = (int) ((offset[e] + skip[e] * next[e]) % tableSize);
                while (table[c] >= 0) {
                    next[e]++;
                    c = (int) ((offset[e] + skip[e] * next[e]) % tableSize);
                }
                table[c] = byKey[e];
                next[e]++;
                filled++;
            }
        }
    }

    @Override
    public String id() {
        return Strategy.MAGLEV.id();
    }
}
