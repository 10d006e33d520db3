package dev.scalelab.engine.balancing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hashing and weighted strategies rebuild only when the ids or weights they balance over change. */
class MembershipTest {

    @Test
    void onlyAChangeOfEligibleIdsOrWeightsCountsAsAChange() {
        Membership hosts = new Membership(true);
        List<TestBackend> pool = TestBackend.pool(4);
        assertTrue(hosts.update(pool));
        assertFalse(hosts.update(pool));
        pool.get(1).active = 9;
        assertFalse(hosts.update(pool), "load is not membership");
        pool.get(1).up = false;
        assertTrue(hosts.update(pool));
        assertEquals(3, hosts.size());
        assertEquals("i-2", hosts.id(1));
        assertEquals(2, hosts.listIndex(1));
        pool.get(3).weight = 2;
        assertTrue(hosts.update(pool));
        assertFalse(hosts.update(pool));
        pool.get(1).up = true;
        assertTrue(hosts.update(pool));
        assertEquals(4, hosts.size());
    }

    @Test
    void aListThatShiftsAroundTheSameEligibleHostsOnlyRemapsIndices() {
        Membership hosts = new Membership(true);
        TestBackend down = new TestBackend("down");
        down.up = false;
        List<TestBackend> pool = TestBackend.pool(2);
        assertTrue(hosts.update(pool));
        assertFalse(hosts.update(List.of(down, pool.get(0), pool.get(1))));
        assertEquals(1, hosts.listIndex(0));
        assertEquals(2, hosts.listIndex(1));
    }

    @Test
    void followingTheWholeListKeepsOneSlotPerIndex() {
        Membership peers = new Membership(false);
        List<TestBackend> pool = TestBackend.pool(3);
        assertTrue(peers.update(pool));
        pool.get(0).up = false;
        assertFalse(peers.update(pool), "a peer going down keeps its slot");
        assertEquals(3, peers.size());
    }
}
