package dev.scalelab.engine.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A Kafka partition assignor for one topic: who reads which partition after a rebalance.
 * Deterministic: the same members, partition count and current assignment give the same result.
 */
public interface Assignor {

    /**
     * The assignment of partitions {@code 0 .. partitions-1} to {@code members} (in any order; the
     * assignor sorts them as Kafka does, by member id). {@code current} is the assignment before this
     * rebalance (members absent from it own nothing); only the sticky assignor reads it. Every member
     * of {@code members} has an entry, empty when it gets nothing; each list is in ascending order.
     */
    Map<String, List<Integer>> assign(List<String> members, int partitions, Map<String, List<Integer>> current);

    /** Whether a rebalance stops only the partitions that move (true) or every partition (eager). */
    boolean cooperative();

    static Assignor of(AssignorKind kind) {
        return switch (kind) {
            case RANGE -> RangeAssignor.INSTANCE;
            case ROUND_ROBIN -> RoundRobinAssignor.INSTANCE;
            case COOPERATIVE_STICKY -> CooperativeStickyAssignor.INSTANCE;
        };
    }

    /**
     * The members in Kafka's order: plain String order of the ids, so "g-10" comes before "g-2".
     * A member listed twice is a caller's error.
     */
    static List<String> sortedMembers(List<String> members) {
        List<String> sorted = new ArrayList<>(members);
        Collections.sort(sorted);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).equals(sorted.get(i - 1))) {
                throw new IllegalArgumentException("member " + sorted.get(i) + " is listed twice");
            }
        }
        return sorted;
    }
}
