package dev.scalelab.engine.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka's RangeAssignor for one topic: members sorted by id, each gets P / N consecutive
 * partitions and the first P mod N one more, so member i starts at i·(P / N) + min(i, P mod N).
 * P = 7, N = 3 gives [0,1,2], [3,4], [5,6]. Eager.
 */
final class RangeAssignor implements Assignor {

    static final RangeAssignor INSTANCE = new RangeAssignor();

    private RangeAssignor() {
    }

    @Override
    public Map<String, List<Integer>> assign(List<String> members, int partitions, Map<String, List<Integer>> current) {
        List<String> sorted = Assignor.sortedMembers(members);
        Map<String, List<Integer>> result = new LinkedHashMap<>();
        int n = sorted.size();
        for (int i = 0; i < n; i++) {
            int each = partitions / n;
            int extra = partitions % n;
            int start = i * each + Math.min(i, extra);
            int length = i < extra ? each + 1 : each;
            List<Integer> owned = new ArrayList<>(length);
            for (int p = start; p < start + length; p++) {
                owned.add(p);
            }
            result.put(sorted.get(i), List.copyOf(owned));
        }
        return result;
    }

    @Override
    public boolean cooperative() {
        return false;
    }
}
