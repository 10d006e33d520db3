package dev.scalelab.ui.database;

import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.engine.data.DatabaseView.NodeView;
import dev.scalelab.engine.data.DatabaseView.ShardView;
import dev.scalelab.engine.data.ShardRouter;
import dev.scalelab.world.Action;
import dev.scalelab.world.ScenarioException;

import java.util.ArrayList;
import java.util.List;

/**
 * What the Database panel's action buttons may aim at, read from the database's view, and the
 * checks on what the user typed for a lag spike. Pure: no JavaFX.
 */
final class ActionTargets {
    /** The remove-shard choice that leaves the pick to the engine: its last shard. */
    static final String LAST_SHARD = "last shard";

    private ActionTargets() {
    }

    /** "last shard", then "shard N" for each shard the router can remove (jump hash: only its last bucket). */
    static List<String> removableShards(DatabaseView db, ShardRouter router) {
        List<String> out = new ArrayList<>();
        out.add(LAST_SHARD);
        for (ShardView s : db.shards()) {
            if (!s.retiring() && router.canRemove(s.shardId())) {
                out.add("shard " + s.shardId());
            }
        }
        return out;
    }

    /** "shard N" for each shard with a live primary to kill. */
    static List<String> shardsWithPrimary(DatabaseView db) {
        List<String> out = new ArrayList<>();
        for (ShardView s : db.shards()) {
            if (s.available()) {
                out.add("shard " + s.shardId());
            }
        }
        return out;
    }

    /** Every live replica's name ("s0-r1"): a lag spike hits a replica. */
    static List<String> liveReplicas(DatabaseView db) {
        List<String> out = new ArrayList<>();
        for (ShardView s : db.shards()) {
            for (NodeView n : s.nodes()) {
                if (n.alive() && !n.primary()) {
                    out.add(n.name());
                }
            }
        }
        return out;
    }

    /** Changes whenever one of the lists above would: a shard comes or goes, loses its primary, a node dies. */
    static long signature(DatabaseView db, ShardRouter router) {
        long h = System.identityHashCode(router);
        for (ShardView s : db.shards()) {
            h = h * 31 + s.shardId();
            h = h * 4 + (s.available() ? 1 : 0) + (s.retiring() ? 2 : 0);
            for (NodeView n : s.nodes()) {
                h = h * 4 + (n.alive() ? 1 : 0) + (n.primary() ? 2 : 0);
            }
        }
        return h;
    }

    /** The action's target for a choice: "shard 3" is "3", "last shard" is none (null). */
    static String shardTarget(String choice) {
        if (choice == null || choice.equals(LAST_SHARD)) {
            return null;
        }
        return choice.substring(choice.lastIndexOf(' ') + 1);
    }

    /** A lag spike's extra lag, checked as the timeline checks it; throws a ScenarioException naming the field. */
    static double lagSpikeMs(String text) {
        return Action.LAG_SPIKE.checkValue("lag spike", number("lag spike", text));
    }

    /** A lag spike's duration in seconds, above 0. */
    static double lagSpikeSeconds(String text) {
        double seconds = number("lag spike duration", text);
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new ScenarioException("lag spike duration", text.trim() + " is out of range; a number of seconds above 0");
        }
        return seconds;
    }

    private static double number(String field, String text) {
        String t = text == null ? "" : text.trim();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new ScenarioException(field, "\"" + t + "\" is not a number");
        }
    }
}
