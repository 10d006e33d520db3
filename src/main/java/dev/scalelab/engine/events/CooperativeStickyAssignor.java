package dev.scalelab.engine.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka's CooperativeStickyAssignor for one topic (the constrained assignment of
 * AbstractStickyAssignor): every member keeps what it owns as far as balance allows, and only the
 * surplus moves. With P partitions and N members each member's quota is P / N, and P mod N of them
 * may hold one more.
 * <ol>
 *   <li>A member keeps its lowest-numbered partitions, up to P / N, or up to P / N + 1 while those
 *       larger quotas last (given, in member order, to members that own at least that many).
 *       It gives up the rest, its highest-numbered surplus.</li>
 *   <li>Every partition now unowned (a new one, a departed member's, a surplus) goes, in ascending
 *       order, to the member with the fewest partitions, ties by member id.</li>
 * </ol>
 * A larger quota is worth one kept partition only to a member owning at least P / N + 1, so handing
 * them to such members first keeps the most partitions possible: the moves are the fewest that
 * leave the counts balanced. Cooperative: only the partitions that move stop.
 */
final class CooperativeStickyAssignor implements Assignor {

    static final CooperativeStickyAssignor INSTANCE = new CooperativeStickyAssignor();

    private CooperativeStickyAssignor() {
    }

    @Override
    public Map<String, List<Integer>> assign(List<String> members, int partitions, Map<String, List<Integer>> current) {
        List<String> sorted = Assignor.sortedMembers(members);
        int n = sorted.size();
        Map<String, List<Integer>> result = new LinkedHashMap<>();
        if (n == 0) {
            return result;
        }
        int minQuota = partitions / n;
        int largerQuotasLeft = partitions % n;
        boolean[] claimed = new boolean[partitions];
        boolean[] taken = new boolean[partitions];
        List<List<Integer>> owned = new ArrayList<>(n);
        for (String member : sorted) {
            List<Integer> before = ascendingOwned(current.get(member), partitions, claimed, member);
            int quota = minQuota;
            if (largerQuotasLeft > 0 && before.size() > minQuota) {
                quota = minQuota + 1;
                largerQuotasLeft--;
            }
            List<Integer> kept = new ArrayList<>(before.subList(0, Math.min(quota, before.size())));
            for (int p : kept) {
                taken[p] = true;
            }
            owned.add(kept);
        }
        for (int p = 0; p < partitions; p++) {
            if (!taken[p]) {
                int fewest = 0;
                for (int i = 1; i < n; i++) {
                    if (owned.get(i).size() < owned.get(fewest).size()) {
                        fewest = i;
                    }
                }
                owned.get(fewest).add(p);
            }
        }
        for (int i = 0; i < n; i++) {
            List<Integer> list = owned.get(i);
            list.sort(null);
            result.put(sorted.get(i), List.copyOf(list));
        }
        return result;
    }

    /** What {@code member} owned, ascending; a partition out of range or owned twice is a caller's error. */
    private static List<Integer> ascendingOwned(List<Integer> before, int partitions, boolean[] claimed, String member) {
        List<Integer> sorted = before == null ? new ArrayList<>() : new ArrayList<>(before);
        sorted.sort(null);
        for (int p : sorted) {
            if (p < 0 || p >= partitions || claimed[p]) {
                throw new IllegalArgumentException("partition " + p + " of member " + member
                        + " is out of range or owned twice");
            }
            claimed[p] = true;
        }
        return sorted;
    }

    @Override
    public boolean cooperative() {
        return true;
    }
}
