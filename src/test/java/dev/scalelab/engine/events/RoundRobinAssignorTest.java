package dev.scalelab.engine.events;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class RoundRobinAssignorTest {

    private final Assignor roundRobin = Assignor.of(AssignorKind.ROUND_ROBIN);

    @Test
    void sevenPartitionsAreDealtToThreeMembersInTurn() {
        assertEquals("{c1=[0, 3, 6], c2=[1, 4], c3=[2, 5]}",
                roundRobin.assign(List.of("c2", "c3", "c1"), 7, Map.of()).toString());
        assertFalse(roundRobin.cooperative());
    }

    @Test
    void membersAreSortedAsPlainStrings() {
        assertEquals("{g-1=[0, 3], g-10=[1, 4], g-2=[2]}",
                roundRobin.assign(List.of("g-2", "g-1", "g-10"), 5, Map.of()).toString());
    }

    @Test
    void aMemberLeavingReshufflesEveryone() {
        Map<String, List<Integer>> before = roundRobin.assign(List.of("a", "b", "c"), 6, Map.of());
        assertEquals("{a=[0, 3], b=[1, 4], c=[2, 5]}", before.toString());
        // Eager and stateless: b's departure moves a's partition 3 and c's 2 and 5 too.
        assertEquals("{a=[0, 2, 4], c=[1, 3, 5]}", roundRobin.assign(List.of("a", "c"), 6, before).toString());
        assertEquals("{}", roundRobin.assign(List.of(), 6, before).toString());
    }
}
