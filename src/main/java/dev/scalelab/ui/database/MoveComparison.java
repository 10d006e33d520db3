package dev.scalelab.ui.database;

import dev.scalelab.engine.data.ShardRouter;
import dev.scalelab.engine.data.ShardRouter.Strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The lesson "hash mod N against consistent hashing": what share of the keys would change owner if
 * one shard were added to the current N, under each scheme (and under jump or rendezvous hashing
 * when one of them is in use), measured with the engine's pure routers. Mod N moves about N/(N+1) of the
 * keys, to every shard; a ring moves about 1/(N+1), all to the new shard. Range sharding has no row:
 * the engine splits the hottest range at its load median, which depends on the traffic. Immutable.
 */
final class MoveComparison {

    /** Every key is measured up to this many; beyond, this many spread evenly (a few ms once per resharding). */
    static final int MAX_MEASURED_KEYS = 100_000;

    /**
     * One scheme's answer.
     *
     * @param measured  keys compared (all of them up to {@link #MAX_MEASURED_KEYS})
     * @param cells     {@code cellCount} cells for the strip: for each share of the keys that moves, that
     *                  share of cells holding the new owner's id, grouped by owner, then -1 for the keys that stay
     * @param theory    what theory predicts, such as "N/(N+1) = 80%"
     */
    record Row(Strategy strategy, String label, boolean inUse, int moved, int measured, int[] cells, String theory) {
        double movedFraction() {
            return measured == 0 ? 0 : moved / (double) measured;
        }
    }

    private final int shards;
    private final List<Row> rows;

    private MoveComparison(int shards, List<Row> rows) {
        this.shards = shards;
        this.rows = rows;
    }

    /**
     * @param current   the router in use (its shards and strategy; the comparison adds one shard to it)
     * @param cellCount how many cells each row's strip has
     */
    static MoveComparison of(ShardRouter current, int virtualNodes, int keyCount, int cellCount) {
        int[] ids = current.shardIds();
        int n = ids.length;
        int newId = Arrays.stream(ids).max().orElse(-1) + 1;
        Strategy inUse = current.strategy();
        List<Row> rows = new ArrayList<>(3);
        ShardRouter mod = inUse == Strategy.MOD ? current : ShardRouter.create(Strategy.MOD, ids, virtualNodes, keyCount);
        rows.add(row(mod, newId, keyCount, cellCount, "Hash mod N", inUse == Strategy.MOD,
                String.format(Locale.ROOT, "theory N/(N+1) = %s", percent(n / (n + 1.0)))));
        ShardRouter ring = inUse == Strategy.CONSISTENT_HASH ? current
                : ShardRouter.create(Strategy.CONSISTENT_HASH, ids, virtualNodes, keyCount);
        rows.add(row(ring, newId, keyCount, cellCount, "Consistent hashing", inUse == Strategy.CONSISTENT_HASH,
                String.format(Locale.ROOT, "theory 1/(N+1) = %s", percent(1 / (n + 1.0)))));
        if (inUse == Strategy.JUMP || inUse == Strategy.RENDEZVOUS) {
            rows.add(row(current, newId, keyCount, cellCount, inUse.label(), true,
                    String.format(Locale.ROOT, "theory 1/(N+1) = %s", percent(1 / (n + 1.0)))));
        }
        return new MoveComparison(n, List.copyOf(rows));
    }

    private static Row row(ShardRouter before, int newId, int keyCount, int cellCount, String label, boolean inUse,
                           String theory) {
        ShardRouter after = before.withShardAdded(newId);
        int measured = Math.min(keyCount, MAX_MEASURED_KEYS);
        int[] movedTo = new int[newId + 1];
        int moved = 0;
        for (int i = 0; i < measured; i++) {
            int key = (int) ((long) i * keyCount / measured);
            int was = before.shardFor(key);
            int now = after.shardFor(key);
            if (was != now) {
                movedTo[now]++;
                moved++;
            }
        }
        return new Row(before.strategy(), label, inUse, moved, measured, cells(movedTo, measured, cellCount), theory);
    }

    /**
     * Cells for a strip: each destination gets its share of {@code cellCount} (largest remainders
     * rounded up), in shard order, then -1s; so the strip reads as a bar of how many move and where to.
     */
    static int[] cells(int[] movedTo, int measured, int cellCount) {
        int[] share = new int[movedTo.length];
        double[] remainder = new double[movedTo.length];
        int movedTotal = 0;
        for (int count : movedTo) {
            movedTotal += count;
        }
        int movedCells = (int) Math.round(movedTotal * (double) cellCount / Math.max(1, measured));
        int given = 0;
        for (int id = 0; id < movedTo.length; id++) {
            double exact = movedTotal == 0 ? 0 : movedTo[id] * (double) movedCells / movedTotal;
            share[id] = (int) Math.floor(exact);
            remainder[id] = exact - share[id];
            given += share[id];
        }
        while (given < movedCells) {
            int best = 0;
            for (int id = 1; id < movedTo.length; id++) {
                if (remainder[id] > remainder[best]) {
                    best = id;
                }
            }
            share[best]++;
            remainder[best] = -1;
            given++;
        }
        int[] cells = new int[cellCount];
        int c = 0;
        for (int id = 0; id < share.length; id++) {
            for (int k = 0; k < share[id]; k++) {
                cells[c++] = id;
            }
        }
        Arrays.fill(cells, c, cellCount, -1);
        return cells;
    }

    static String percent(double fraction) {
        double p = fraction * 100;
        return String.format(Locale.ROOT, p < 10 ? "%.1f%%" : "%.0f%%", p);
    }

    /** The shard count the comparison starts from. */
    int shards() {
        return shards;
    }

    List<Row> rows() {
        return rows;
    }
}
