package dev.scalelab.ui.database;

import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.world.Presets;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActionTargetsTest {

    private static Snapshot.DataView replicaLagAt(double seconds) {
        World world = new World(Presets.load("replica-lag"));
        world.advanceTo(Simulation.secondsToNanos(seconds));
        return world.snapshot().data();
    }

    @Test
    void targetsComeFromTheDatabasesShardsAndReplicas() {
        Snapshot.DataView data = replicaLagAt(1);
        DatabaseView db = data.database();
        assertEquals(List.of("last shard", "shard 0", "shard 1"), ActionTargets.removableShards(db, data.router()));
        assertEquals(List.of("shard 0", "shard 1"), ActionTargets.shardsWithPrimary(db));
        assertEquals(List.of("s0-r1", "s0-r2", "s1-r1", "s1-r2"), ActionTargets.liveReplicas(db));
    }

    @Test
    void aChoiceNamesTheShardTheActionTakesAndLastShardLeavesThePickToTheEngine() {
        assertEquals("3", ActionTargets.shardTarget("shard 3"));
        assertNull(ActionTargets.shardTarget(ActionTargets.LAST_SHARD));
        assertNull(ActionTargets.shardTarget(null));
    }

    @Test
    void aLagSpikeIsCheckedAsTheTimelineChecksIt() {
        assertEquals(3000, ActionTargets.lagSpikeMs(" 3000 "));
        assertEquals(20, ActionTargets.lagSpikeSeconds("20"));
        assertEquals("lag spike: \"lots\" is not a number",
                assertThrows(ScenarioException.class, () -> ActionTargets.lagSpikeMs("lots")).getMessage());
        assertEquals("lag spike: 5000000 is out of range; a number from 0 to 3600000 (extra replication lag in ms)",
                assertThrows(ScenarioException.class, () -> ActionTargets.lagSpikeMs("5000000")).getMessage());
        assertEquals("lag spike duration: 0 is out of range; a number of seconds above 0",
                assertThrows(ScenarioException.class, () -> ActionTargets.lagSpikeSeconds("0")).getMessage());
    }
}
