package dev.scalelab.engine.balancing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The check sequences of nginx's smooth weighted round robin (engines.md 3.2), ties to the lower index. */
class SmoothWeightedRoundRobinTest {
    private final SplittableRandom random = new SplittableRandom(1);

    private String sequence(LoadBalancingStrategy s, List<TestBackend> peers, int picks) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < picks; i++) {
            int pick = s.pick(peers, 0, 0, random);
            out.append(pick < 0 ? '-' : (char) ('a' + pick));
        }
        return out.toString();
    }

    @Test
    void weightsFiveOneOneInterleaveAsNginx() {
        SmoothWeightedRoundRobin swrr = new SmoothWeightedRoundRobin();
        assertEquals("aabacaa" + "aabacaa", sequence(swrr, TestBackend.weighted(5, 1, 1), 14));
    }

    @Test
    void weightsTwoOneGiveABA() {
        SmoothWeightedRoundRobin swrr = new SmoothWeightedRoundRobin();
        assertEquals("aba" + "aba" + "aba", sequence(swrr, TestBackend.weighted(2, 1), 9));
    }

    @Test
    void weightsFourTwoOneGiveABACABA() {
        SmoothWeightedRoundRobin swrr = new SmoothWeightedRoundRobin();
        assertEquals("abacaba" + "abacaba", sequence(swrr, TestBackend.weighted(4, 2, 1), 14));
    }

    @Test
    void peersNotAcceptingTrafficAreSkippedAndKeepTheirCurrentWeight() {
        SmoothWeightedRoundRobin swrr = new SmoothWeightedRoundRobin();
        List<TestBackend> peers = TestBackend.weighted(5, 1, 1);
        assertEquals("aab", sequence(swrr, peers, 3));
        // Currents are now a = 1, b = -4, c = 3; with b down a and c share 5:1 from there.
        peers.get(1).up = false;
        assertEquals("aac" + "aaaaac" + "aaa", sequence(swrr, peers, 12));
        peers.forEach(p -> p.up = false);
        assertEquals("-", sequence(swrr, peers, 1));
    }

    @Test
    void aChangedListStartsAgainFromZeroAsAfterAReload() {
        SmoothWeightedRoundRobin swrr = new SmoothWeightedRoundRobin();
        List<TestBackend> peers = TestBackend.weighted(2, 1);
        assertEquals("ab", sequence(swrr, peers, 2));
        peers.add(new TestBackend("i-2", 1));
        // Carrying a = -1, b = -1 over would give a c b a; from zero it is a b c a.
        assertEquals("abca", sequence(swrr, peers, 4));
    }
}
