package dev.scalelab.engine.events;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RangeAssignorTest {

    private final Assignor range = Assignor.of(AssignorKind.RANGE);

    @Test
    void sevenPartitionsOverThreeMembersGoInRunsOfThreeTwoTwo() {
        assertEquals("{c1=[0, 1, 2], c2=[3, 4], c3=[5, 6]}",
                range.assign(List.of("c3", "c1", "c2"), 7, Map.of()).toString());
        assertFalse(range.cooperative());
    }

    @Test
    void membersAreSortedAsPlainStringsSoTenComesBeforeTwo() {
        // Kafka sorts member ids as Strings: "g-10" < "g-2", so g-10 is the second member.
        assertEquals("{g-1=[0, 1, 2], g-10=[3, 4], g-2=[5, 6]}",
                range.assign(List.of("g-2", "g-10", "g-1"), 7, Map.of()).toString());
    }

    @Test
    void moreMembersThanPartitionsLeavesTheLastOnesEmpty() {
        assertEquals("{a=[0], b=[1], c=[], d=[]}", range.assign(List.of("a", "b", "c", "d"), 2, Map.of()).toString());
        assertEquals("{}", range.assign(List.of(), 4, Map.of()).toString());
    }

    @Test
    void ignoresTheCurrentAssignment() {
        Map<String, List<Integer>> current = Map.of("a", List.of(5, 6), "b", List.of(0, 1, 2, 3, 4));
        assertEquals("{a=[0, 1, 2, 3], b=[4, 5, 6]}", range.assign(List.of("a", "b"), 7, current).toString());
    }

    @Test
    void aMemberListedTwiceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> range.assign(List.of("a", "a"), 2, Map.of()));
    }
}
