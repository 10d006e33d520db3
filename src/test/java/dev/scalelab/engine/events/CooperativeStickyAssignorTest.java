package dev.scalelab.engine.events;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CooperativeStickyAssignorTest {

    private final Assignor sticky = Assignor.of(AssignorKind.COOPERATIVE_STICKY);

    /** Partitions owned before (by anyone) whose owner changed. */
    private static int moves(Map<String, List<Integer>> before, Map<String, List<Integer>> after) {
        Map<Integer, String> ownerAfter = new HashMap<>();
        after.forEach((m, ps) -> ps.forEach(p -> ownerAfter.put(p, m)));
        int moved = 0;
        for (Map.Entry<String, List<Integer>> e : before.entrySet()) {
            for (int p : e.getValue()) {
                if (!e.getKey().equals(ownerAfter.get(p))) {
                    moved++;
                }
            }
        }
        return moved;
    }

    /**
     * The fewest moves of any balanced assignment, by brute force over which members get one of the
     * P mod N larger quotas: a staying member keeps at most min(owned, quota); everything a departed
     * member owned must move.
     */
    private static int minimumMoves(List<String> members, int partitions, Map<String, List<Integer>> before) {
        int n = members.size();
        int minQuota = partitions / n;
        int larger = partitions % n;
        int ownedBefore = 0;
        for (List<Integer> ps : before.values()) {
            ownedBefore += ps.size();
        }
        int bestKept = 0;
        for (int subset = 0; subset < 1 << n; subset++) {
            if (Integer.bitCount(subset) != larger) {
                continue;
            }
            int kept = 0;
            for (int i = 0; i < n; i++) {
                int quota = minQuota + ((subset >> i) & 1);
                kept += Math.min(quota, before.getOrDefault(members.get(i), List.of()).size());
            }
            bestKept = Math.max(bestKept, kept);
        }
        return ownedBefore - bestKept;
    }

    @Test
    void aFirstAssignmentDealsPartitionsToTheFewestInMemberOrder() {
        assertEquals("{c1=[0, 3, 6], c2=[1, 4], c3=[2, 5]}",
                sticky.assign(List.of("c3", "c2", "c1"), 7, Map.of()).toString());
        assertTrue(sticky.cooperative());
    }

    @Test
    void membersAreSortedAsPlainStrings() {
        assertEquals("{g-1=[0], g-10=[1], g-2=[2]}", sticky.assign(List.of("g-2", "g-10", "g-1"), 3, Map.of()).toString());
    }

    @Test
    void aFourthMemberJoiningThreeOverEightPartitionsTakesExactlyTwo() {
        Map<String, List<Integer>> before = Map.of("c1", List.of(0, 1, 2), "c2", List.of(3, 4, 5), "c3", List.of(6, 7));
        List<String> members = List.of("c1", "c2", "c3", "c4");
        Map<String, List<Integer>> after = sticky.assign(members, 8, before);
        // Quota 8 / 4 = 2 each: c1 and c2 give up their highest-numbered surplus, c3 keeps both.
        assertEquals("{c1=[0, 1], c2=[3, 4], c3=[6, 7], c4=[2, 5]}", after.toString());
        // 6 of the 8 stay (min(3,2) + min(3,2) + min(2,2)), so 2 move, the fewest possible.
        assertEquals(2, moves(before, after));
        assertEquals(2, minimumMoves(members, 8, before));
    }

    @Test
    void aMemberLeavingMovesOnlyItsOwnPartitions() {
        Map<String, List<Integer>> before = Map.of("c1", List.of(0, 1), "c2", List.of(2, 3), "c3", List.of(4, 5),
                "c4", List.of(6, 7));
        Map<String, List<Integer>> after = sticky.assign(List.of("c1", "c3", "c4"), 8, before);
        // c2's 2 goes to the fewest, c1 first by id; its 3 to the fewest left, c3 before c4.
        assertEquals("{c1=[0, 1, 2], c3=[3, 4, 5], c4=[6, 7]}", after.toString());
        assertEquals(2, moves(before, after));
    }

    @Test
    void largerQuotasGoToMembersThatOwnEnoughToKeepThem() {
        Map<String, List<Integer>> before = Map.of("c1", List.of(0, 1, 2, 3, 4, 5), "c2", List.of(6, 7));
        List<String> members = List.of("c1", "c2", "c3");
        Map<String, List<Integer>> after = sticky.assign(members, 8, before);
        // 8 over 3: quotas 2, 2 of them 3. c1 keeps 3 (0, 1, 2); c2 keeps its 2; 3 and 4 go to the
        // empty c3, then 5 to the fewest of c2 and c3 (2 each), c2 by id.
        assertEquals("{c1=[0, 1, 2], c2=[5, 6, 7], c3=[3, 4]}", after.toString());
        assertEquals(3, moves(before, after));
        assertEquals(3, minimumMoves(members, 8, before));
    }

    @Test
    void newPartitionsGoToTheMembersWithTheFewest() {
        Map<String, List<Integer>> before = Map.of("a", List.of(0, 1), "b", List.of(2, 3, 4));
        // 5 to a (2 against 3), then 6 to a again: 3 each, a first by id.
        assertEquals("{a=[0, 1, 5, 6], b=[2, 3, 4]}", sticky.assign(List.of("a", "b"), 7, before).toString());
    }

    @Test
    void aPartitionClaimedTwiceIsRejected() {
        Map<String, List<Integer>> before = Map.of("a", List.of(0, 1), "b", List.of(1));
        assertThrows(IllegalArgumentException.class, () -> sticky.assign(List.of("a", "b"), 2, before));
        assertThrows(IllegalArgumentException.class, () -> sticky.assign(List.of("a"), 1, before));
    }

    @Test
    void everyAssignmentIsBalancedCompleteDisjointAndMovesTheFewest() {
        SplittableRandom random = new SplittableRandom(31);
        for (int trial = 0; trial < 3_000; trial++) {
            int partitions = random.nextInt(25);
            int before = random.nextInt(partitions + 1);
            // Some old members, some of which stay; ids from a shared pool so joiners are new.
            List<String> old = new ArrayList<>();
            List<String> members = new ArrayList<>();
            for (int id = 0; id < 12; id++) {
                String member = "c" + id;
                boolean wasThere = random.nextInt(3) > 0;
                if (wasThere) {
                    old.add(member);
                }
                if (random.nextInt(3) > 0) {
                    members.add(member);
                }
                if (members.size() == 8) {
                    break;
                }
            }
            if (members.isEmpty()) {
                members.add("c0");
            }
            Map<String, List<Integer>> current = new HashMap<>();
            for (int p = 0; p < before; p++) {
                if (!old.isEmpty() && random.nextInt(5) > 0) {
                    current.computeIfAbsent(old.get(random.nextInt(old.size())), k -> new ArrayList<>()).add(p);
                }
            }
            Map<String, List<Integer>> after = sticky.assign(members, partitions, current);
            String context = "members " + members + ", " + partitions + " partitions, current " + current;

            assertEquals(new HashSet<>(members), after.keySet(), context);
            Set<Integer> seen = new HashSet<>();
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (Map.Entry<String, List<Integer>> e : after.entrySet()) {
                List<Integer> ps = e.getValue();
                for (int i = 0; i < ps.size(); i++) {
                    assertTrue(seen.add(ps.get(i)), "disjoint: " + context);
                    assertTrue(i == 0 || ps.get(i - 1) < ps.get(i), "ascending: " + context);
                }
                min = Math.min(min, ps.size());
                max = Math.max(max, ps.size());
                // A member that lost partitions gained none: only surplus leaves.
                List<Integer> had = current.getOrDefault(e.getKey(), List.of());
                boolean lost = !ps.containsAll(had);
                boolean gained = !had.containsAll(ps);
                assertTrue(!(lost && gained), "lost and gained: " + context + " → " + after);
            }
            assertEquals(partitions, seen.size(), "complete: " + context);
            assertTrue(max - min <= 1, "balanced: " + context + " → " + after);
            assertEquals(minimumMoves(members, partitions, current), moves(current, after), context + " → " + after);
            List<String> reversed = new ArrayList<>(members);
            Collections.reverse(reversed);
            assertEquals(after, sticky.assign(reversed, partitions, current), "deterministic");
        }
    }
}
