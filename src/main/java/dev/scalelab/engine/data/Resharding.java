package dev.scalelab.engine.data;

import dev.scalelab.engine.data.DatabaseConfig.RangeSplit;
import dev.scalelab.engine.data.DatabaseView.MigrationView;
import dev.scalelab.sim.Simulation;

import java.util.Locale;

/**
 * A database's resharding: a shard added or removed, and the keys the new layout gives another
 * shard moved at the configured rate, in key order, one resharding at a time (a Vitess workflow per
 * keyspace). The router changes at the start; a key's reads and writes follow it at its cutover.
 * Confined to the simulation thread, as its {@link Database}.
 */
final class Resharding {
    private static final long MIGRATION_TICK_NANOS = 10 * Simulation.NANOS_PER_MILLI;
    private final Database db;
    private Migration migration;
    private MigrationView lastMigration = MigrationView.NONE;

    Resharding(Database db) {
        this.db = db;
    }

    /** Whether keys are moving now (reads may then look at the old holder too). */
    boolean running() {
        return migration != null;
    }

    /** The running migration's progress, or the last one's when none runs. */
    MigrationView view() {
        Migration m = migration;
        if (m == null) {
            return lastMigration;
        }
        return new MigrationView(true, m.description, m.keys.length, m.moved, m.keys.length / (double) db.config.keyCount(),
                m.moved / (double) m.keys.length, m.startNanos / 1e9, Double.NaN, m.from,
                m.moved < m.keys.length ? m.keys[m.moved] : db.config.keyCount());
    }

    int addShard() {
        if (migration != null) {
            refuse("add a shard");
            return -1;
        }
        int id = db.shardsById.size();
        String how = "";
        ShardRouter after;
        LoadSplit choice = db.router instanceof RangeRouter && db.config.rangeSplit() == RangeSplit.HOTTEST
                ? LoadSplit.ofHottest((RangeRouter) db.router, db.keys.holders(), db.keyHeat.lastSecond(), db.shardsById.size(), id) : null;
        if (choice != null) {
            after = choice.router();
            how = choice.explanation();
        } else {
            after = db.router.withShardAdded(id);
            if (db.router instanceof RangeRouter) {
                how = "split the widest range: ";
            }
        }
        db.shardsById.add(new Shard(id, db.config.replicasPerShard()));
        if (after instanceof RangeRouter) {
            how += "shard " + id + " takes " + ((RangeRouter) after).rangeName(id) + "; ";
        }
        startMigration(after, "add shard " + id, how, -1);
        return id;
    }

    /**
     * Starts moving a shard's keys to the others; when the last has moved the shard is gone. Returns
     * false when the router cannot remove it (the last shard; for jump hash, any but the last
     * bucket) or a migration is running.
     */
    boolean removeShard(int shardId) {
        Shard shard = db.liveShard(shardId);
        if (migration != null || shard == null || !db.router.canRemove(shardId)) {
            refuse("remove shard " + shardId + (shard != null && !db.router.canRemove(shardId) && migration == null
                    ? " (" + db.config.strategy().label() + " cannot remove it)" : ""));
            return false;
        }
        shard.retiring = true;
        startMigration(db.router.withShardRemoved(shardId), "remove shard " + shardId, "", shardId);
        return true;
    }

    private void refuse(String what) {
        db.report(DataEvent.Kind.RESHARD_REFUSED, -1, "cannot " + what
                + (migration != null ? ": " + migration.description + " is still running" : ""));
    }

    private void startMigration(ShardRouter after, String description, String how, int removedShard) {
        RoutingChange change = new RoutingChange(db.router, after);
        int[] keys = change.movedKeys(db.config.keyCount());
        db.route(after);
        migration = new Migration(description, change.before(), keys, db.sim.nowNanos(), removedShard);
        int[] toShard = new int[db.shardsById.size()];
        for (int key : keys) {
            toShard[after.shardFor(key)]++;
        }
        String destinations = "";
        for (int id = 0; id < toShard.length; id++) {
            if (toShard[id] > 0) {
                destinations += (destinations.isEmpty() ? "" : ", ") + "shard " + id + ": " + toShard[id];
            }
        }
        db.report(DataEvent.Kind.MIGRATION_STARTED, -1, String.format(Locale.ROOT,
                "%s (%s): %s%,d of %,d keys move (%.2f%%)%s at %s keys/s, about %s s; reads %s",
                description, db.config.strategy().label(), how, keys.length, db.config.keyCount(),
                100.0 * keys.length / db.config.keyCount(), destinations.isEmpty() ? "" : " (to " + destinations + ")",
                Database.fmt(db.config.migrationKeysPerSecond()), Database.fmt(keys.length / db.config.migrationKeysPerSecond()),
                db.config.migrationReads().id()));
        migrationTick();
    }

    /**
     * Moves the keys the rate allows since the last tick, in key order (Vitess copies rows in primary
     * key order). Ticks every 10 ms, and exactly when the last key is due, so N keys at R keys/s take
     * N/R seconds. A key does not move while its source or destination has no primary.
     */
    private void migrationTick() {
        Migration m = migration;
        long now = db.sim.nowNanos();
        m.creditKeys += (now - m.lastTickNanos) * db.config.migrationKeysPerSecond() / Simulation.NANOS_PER_SECOND;
        m.lastTickNanos = now;
        int due = (int) Math.min(m.keys.length - m.moved, Math.floor(m.creditKeys + 1e-6));
        int movedNow = 0;
        while (movedNow < due) {
            int key = m.keys[m.moved];
            Shard from = db.shardsById.get(db.keys.holder(key));
            Shard to = db.shardsById.get(db.router.shardFor(key));
            if (from.primary == null || to.primary == null) {
                m.creditKeys = 0; // stalled: the rate does not pile up while waiting
                break;
            }
            db.cutover(key, from, to);
            m.moved++;
            movedNow++;
        }
        m.creditKeys = Math.max(0, m.creditKeys - movedNow);
        if (m.moved == m.keys.length) {
            finishMigration();
            return;
        }
        double keysToNext = Math.max(1e-9, m.keys.length - m.moved - m.creditKeys);
        long untilLast = (long) Math.ceil(keysToNext * Simulation.NANOS_PER_SECOND / db.config.migrationKeysPerSecond());
        db.sim.scheduleIn(Math.max(1, Math.min(MIGRATION_TICK_NANOS, untilLast)), this::migrationTick);
    }

    private void finishMigration() {
        Migration m = migration;
        migration = null;
        double seconds = (db.sim.nowNanos() - m.startNanos) / 1e9;
        lastMigration = new MigrationView(false, m.description, m.keys.length, m.moved,
                m.keys.length / (double) db.config.keyCount(), 1, m.startNanos / 1e9, db.sim.nowSeconds(), m.from,
                db.config.keyCount());
        if (m.removedShard >= 0) {
            Shard removed = db.shardsById.get(m.removedShard);
            removed.retired = true;
            removed.retiring = false;
        }
        db.report(DataEvent.Kind.MIGRATION_FINISHED, m.removedShard, String.format(Locale.ROOT,
                "%s done: %,d keys moved in %s s", m.description, m.moved, Database.fmt(seconds)));
    }

    private static final class Migration {
        final String description;
        final ShardRouter from;
        final int[] keys;
        final long startNanos;
        final int removedShard;
        int moved;
        long lastTickNanos;
        double creditKeys;

        Migration(String description, ShardRouter from, int[] keys, long startNanos, int removedShard) {
            this.description = description;
            this.from = from;
            this.keys = keys;
            this.startNanos = startNanos;
            this.removedShard = removedShard;
            lastTickNanos = startNanos;
        }
    }
}
