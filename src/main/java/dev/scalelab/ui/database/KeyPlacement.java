package dev.scalelab.ui.database;

import dev.scalelab.engine.data.DatabaseView.MigrationView;
import dev.scalelab.engine.data.ShardRouter;

/**
 * Where each sampled key is: its place in the router's key space, its owner before and after the
 * latest resharding, and whether it has moved yet. Keys move in ascending order, so a moving key
 * has arrived once it is below the migration's {@link MigrationView#nextKey()}. Also reports which
 * keys arrived since the last frame, for the map to animate.
 *
 * <p>Recomputes per key only when the routers change (once per resharding); a frame costs one
 * comparison per key and allocates nothing. FX thread only.
 */
final class KeyPlacement {
    private final KeySample sample;
    private final double[] position;
    private final int[] before;
    private final int[] after;
    private final boolean[] moving;
    private final boolean[] arrived;
    private final int[] newArrivals;
    private int newArrivalCount;
    private boolean migrating;
    private ShardRouter shownRouter;
    private ShardRouter shownFrom;

    KeyPlacement(KeySample sample) {
        this.sample = sample;
        int n = sample.size();
        position = new double[n];
        before = new int[n];
        after = new int[n];
        moving = new boolean[n];
        arrived = new boolean[n];
        newArrivals = new int[n];
    }

    KeySample sample() {
        return sample;
    }

    /**
     * Takes in the frame's router and migration. Returns true when the routers changed (the layout
     * must be redrawn); keys already moved then count as placed, not as new arrivals, so opening the
     * panel mid-migration does not replay the past.
     */
    boolean follow(ShardRouter router, MigrationView migration) {
        ShardRouter from = migration.from();
        migrating = migration.active();
        boolean changed = router != shownRouter || from != shownFrom;
        if (changed) {
            shownRouter = router;
            shownFrom = from;
            for (int i = 0; i < sample.size(); i++) {
                int key = sample.key(i);
                position[i] = router.position(key);
                after[i] = router.shardFor(key);
                before[i] = from == null ? after[i] : from.shardFor(key);
                moving[i] = before[i] != after[i];
            }
        }
        newArrivalCount = 0;
        int nextKey = from == null ? sample.keyCount() : migration.nextKey();
        for (int i = 0; i < sample.size(); i++) {
            boolean now = moving[i] && sample.key(i) < nextKey;
            if (now && !arrived[i] && !changed) {
                newArrivals[newArrivalCount++] = i;
            }
            arrived[i] = now;
        }
        return changed;
    }

    /** Sampled position of key i in [0, 1): its angle on the ring, its place on the range bar. */
    double position(int i) {
        return position[i];
    }

    /** The shard that holds key i now. */
    int owner(int i) {
        return moving[i] && !arrived[i] ? before[i] : after[i];
    }

    int ownerBefore(int i) {
        return before[i];
    }

    int ownerAfter(int i) {
        return after[i];
    }

    /** Key i changes owner in the running migration and has not moved yet. */
    boolean waiting(int i) {
        return migrating && moving[i] && !arrived[i];
    }

    /** How many keys arrived at their new owner since the previous {@link #follow}. */
    int newArrivalCount() {
        return newArrivalCount;
    }

    /** The j-th of them, as an index into the sample. */
    int newArrival(int j) {
        return newArrivals[j];
    }
}
