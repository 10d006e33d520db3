package dev.scalelab.engine.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka's RoundRobinAssignor for one topic: partitions in order dealt to the members sorted by id,
 * one each in turn. P = 7, N = 3 gives [0,3,6], [1,4], [2,5]. Eager.
 */
final class RoundRobinAssignor implements Assignor {

    static final RoundRobinAssignor INSTANCE = new RoundRobinAssignor();

    private RoundRobinAssignor() {
    }

    @Override
    public Map<String, List<Integer>> assign(List<String> members, int partitions, Map<String, List<Integer>> current) {
        List<String> sorted = Assignor.sortedMembers(members);
        List<List<Integer>> owned = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            owned.add(new ArrayList<>());
        }
        if (!sorted.isEmpty()) {
            for (int p = 0; p < partitions; p++) {
                owned.get(p % sorted.size()).add(p);
            }
        }
        Map<String, List<Integer>> result = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            result.put(sorted.get(i), List.copyOf(owned.get(i)));
        }
        return result;
    }

    @Override
    public boolean cooperative() {
        return false;
    }
}
