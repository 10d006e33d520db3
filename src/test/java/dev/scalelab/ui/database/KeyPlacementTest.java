package dev.scalelab.ui.database;

import dev.scalelab.engine.data.DatabaseView.MigrationView;
import dev.scalelab.engine.data.ShardRouter;
import dev.scalelab.engine.data.ShardRouter.Strategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyPlacementTest {
    private static final int KEYS = 20_000;
    private final ShardRouter four = ShardRouter.create(Strategy.MOD, new int[] {0, 1, 2, 3}, 100, KEYS);
    private final ShardRouter five = four.withShardAdded(4);

    private static MigrationView migrating(ShardRouter from, int nextKey) {
        return new MigrationView(true, "add shard 4", 16_000, 0, 0.8, 0, 60, Double.NaN, from, nextKey);
    }

    @Test
    void withoutAReshardingEveryKeyIsAtItsOwnerAndNoneWaits() {
        KeyPlacement placement = new KeyPlacement(KeySample.of(KEYS));
        assertTrue(placement.follow(four, MigrationView.NONE), "the first frame lays the keys out");
        for (int i = 0; i < placement.sample().size(); i++) {
            assertEquals(four.shardFor(placement.sample().key(i)), placement.owner(i));
            assertFalse(placement.waiting(i));
        }
        assertFalse(placement.follow(four, MigrationView.NONE), "the same router: nothing to lay out again");
    }

    @Test
    void keysBelowTheMigrationsNextKeyHaveMovedAndTheOthersWaitInTheirOldShard() {
        KeyPlacement placement = new KeyPlacement(KeySample.of(KEYS));
        placement.follow(five, migrating(four, 10_000));
        int moving = 0;
        for (int i = 0; i < placement.sample().size(); i++) {
            int key = placement.sample().key(i);
            boolean moves = four.shardFor(key) != five.shardFor(key);
            moving += moves ? 1 : 0;
            int expected = moves && key >= 10_000 ? four.shardFor(key) : five.shardFor(key);
            assertEquals(expected, placement.owner(i), "key " + key);
            assertEquals(moves && key >= 10_000, placement.waiting(i), "key " + key);
        }
        // Mod 4 -> 5 keeps a key only when h mod 4 == h mod 5: about 1 in 5 stays.
        assertEquals(0.8, moving / 500.0, 0.06);
    }

    @Test
    void onlyKeysThatMovedSinceTheLastFrameAreNewArrivals() {
        KeyPlacement placement = new KeyPlacement(KeySample.of(KEYS));
        placement.follow(five, migrating(four, 5_000));
        assertEquals(0, placement.newArrivalCount(), "keys moved before the panel looked are not replayed");
        placement.follow(five, migrating(four, 6_000));
        int expected = 0;
        for (int i = 0; i < placement.sample().size(); i++) {
            int key = placement.sample().key(i);
            if (key >= 5_000 && key < 6_000 && four.shardFor(key) != five.shardFor(key)) {
                expected++;
            }
        }
        assertTrue(expected > 10);
        assertEquals(expected, placement.newArrivalCount());
        for (int j = 0; j < placement.newArrivalCount(); j++) {
            int key = placement.sample().key(placement.newArrival(j));
            assertTrue(key >= 5_000 && key < 6_000);
        }
        placement.follow(five, migrating(four, 6_000));
        assertEquals(0, placement.newArrivalCount());
    }

    @Test
    void aFinishedMigrationLeavesEveryKeyAtItsNewOwner() {
        KeyPlacement placement = new KeyPlacement(KeySample.of(KEYS));
        placement.follow(five, migrating(four, 19_000));
        MigrationView done = new MigrationView(false, "add shard 4", 16_000, 16_000, 0.8, 1, 60, 76, four, KEYS);
        assertFalse(placement.follow(five, done));
        assertTrue(placement.newArrivalCount() > 0, "the last keys still fly in");
        for (int i = 0; i < placement.sample().size(); i++) {
            assertEquals(five.shardFor(placement.sample().key(i)), placement.owner(i));
            assertFalse(placement.waiting(i));
        }
    }
}
