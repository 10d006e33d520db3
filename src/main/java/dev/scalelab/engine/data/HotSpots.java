package dev.scalelab.engine.data;

import java.util.List;
import java.util.Locale;

/**
 * A database's hot shards (load over the last second above hotShardFactor times the mean) and hot
 * keys (a share of the last second's queries above hotKeyShare), reported as each starts and stops.
 * Confined to the simulation thread, as its {@link Database}.
 */
final class HotSpots {
    /** Below this many queries in the last second nothing is called hot: too few to judge. */
    static final long MIN_QUERIES = 100;
    private final Database db;
    /** Shard loads are judged only once a whole second has been seen. */
    private final long firstFullWindowNanos;

    HotSpots(Database db, long firstFullWindowNanos) {
        this.db = db;
        this.firstFullWindowNanos = firstFullWindowNanos;
    }

    /** A shard is hot while its load over the last second exceeds hotShardFactor times the mean. */
    void evaluateShards(long now) {
        if (now < firstFullWindowNanos) {
            return;
        }
        List<Shard> active = db.activeShards();
        long total = 0;
        for (Shard s : active) {
            total += s.load.lastSecond(now);
        }
        double mean = total / (double) active.size();
        for (Shard s : active) {
            long load = s.load.lastSecond(now);
            boolean hot = total >= MIN_QUERIES && load > db.config.hotShardFactor() * mean;
            if (hot != s.hot) {
                s.hot = hot;
                db.report(hot ? DataEvent.Kind.HOT_SHARD : DataEvent.Kind.HOT_SHARD_CLEARED, s.id,
                        String.format(Locale.ROOT, "shard %d %s: %,d q/s, %.1fx the mean %s q/s of %d shards (threshold %sx)",
                                s.id, hot ? "hot" : "no longer hot", load, mean > 0 ? load / mean : 0, Database.fmt(mean),
                                active.size(), Database.fmt(db.config.hotShardFactor())));
            }
        }
    }

    void keyHeatChanged(int key, boolean hot, double share, long count, long total) {
        if (hot) {
            db.report(DataEvent.Kind.HOT_KEY, db.keys.holder(key), String.format(Locale.ROOT,
                    "key %d hot: %.1f%% of %,d queries in the last second (threshold %s%%), on shard %d",
                    key, 100 * share, total, Database.fmt(100 * db.config.hotKeyShare()), db.keys.holder(key)));
        } else {
            db.report(DataEvent.Kind.HOT_KEY_CLEARED, db.keys.holder(key), String.format(Locale.ROOT,
                    "key %d no longer hot: %,d of %,d queries in the last second", key, count, total));
        }
    }
}
