package dev.scalelab.ui.database;

import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.engine.data.ShardRouter;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.charts.ChartPacer;
import dev.scalelab.world.Sample;
import dev.scalelab.world.Snapshot;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the Database panel shows besides its drawings: whether the scenario has a database, the
 * headline figures of the last virtual second, the reads and stale reads since the last frame (for
 * the read path's dots), the mod-N versus consistent-hashing comparison for the current shards, and
 * when the charts need new points.
 *
 * <p>FX thread only.
 */
public final class DatabaseViewModel {
    /** At 100x a sample arrives every frame; a few chart updates a second still read as live. */
    static final long MIN_CHART_UPDATE_INTERVAL_NANOS = ChartPacer.MIN_UPDATE_INTERVAL_NANOS;

    private final ReadOnlyBooleanWrapper hasDatabase = new ReadOnlyBooleanWrapper(this, "hasDatabase", false);
    private final ReadOnlyStringWrapper queries = new ReadOnlyStringWrapper(this, "queries", "–");
    private final ReadOnlyStringWrapper staleReads = new ReadOnlyStringWrapper(this, "staleReads", "–");
    private final ReadOnlyStringWrapper violations = new ReadOnlyStringWrapper(this, "violations", "–");
    private final ReadOnlyStringWrapper lostWrites = new ReadOnlyStringWrapper(this, "lostWrites", "–");
    private final ReadOnlyStringWrapper keysMoved = new ReadOnlyStringWrapper(this, "keysMoved", "–");
    private final ReadOnlyStringWrapper shards = new ReadOnlyStringWrapper(this, "shards", "–");

    private Sample shownSample;
    private long lastReads = -1;
    private long lastStaleReads;
    private double lastTimeSeconds = -1;
    private long newReads;
    private long newStaleReads;

    private MoveComparison comparison;
    private ShardRouter comparedRouter;
    private int comparedVirtualNodes;
    private int comparedKeyCount;

    private final ChartPacer chartPacer = new ChartPacer();

    /** Takes in a new snapshot. */
    public void update(Snapshot snapshot) {
        Snapshot.DataView data = snapshot.data();
        hasDatabase.set(data != null);
        if (data == null) {
            lastReads = -1;
            newReads = 0;
            newStaleReads = 0;
            shownSample = null;
            return;
        }
        DatabaseView.Counters c = data.database().counters();
        boolean restarted = lastReads < 0 || c.reads() < lastReads || c.staleReads() < lastStaleReads
                || snapshot.timeSeconds() < lastTimeSeconds;
        newReads = restarted ? 0 : c.reads() - lastReads;
        newStaleReads = restarted ? 0 : c.staleReads() - lastStaleReads;
        lastReads = c.reads();
        lastStaleReads = c.staleReads();
        lastTimeSeconds = snapshot.timeSeconds();
        if (snapshot.lastSample() != shownSample || shownSample == null) {
            shownSample = snapshot.lastSample();
            showRates(data);
        }
        showCounters(data);
    }

    /** The rates of the last full second: the same points the charts and the read path's label show. */
    private void showRates(Snapshot.DataView data) {
        queries.set(last(data.queriesPerSecond()) < 0 ? "–" : Formats.count(last(data.queriesPerSecond())) + " q/s");
        staleReads.set(last(data.staleReadsPerSecond()) < 0 ? "–" : Formats.count(last(data.staleReadsPerSecond())) + " /s");
    }

    /**
     * The counters since the start, from this frame's snapshot: the read path and the migration strip
     * draw the same frame's values, so a card must not lag them by up to a second.
     */
    private void showCounters(Snapshot.DataView data) {
        DatabaseView db = data.database();
        DatabaseView.Counters c = db.counters();
        violations.set(Formats.count(c.readYourWritesViolations()));
        lostWrites.set(c.lostWrites() == 0 ? "0"
                : Formats.count(c.lostWrites()) + " (" + Formats.count(c.lostAcknowledgedWrites()) + " acked)");
        keysMoved.set(Formats.count(c.keysMoved()));
        long hot = db.shards().stream().filter(DatabaseView.ShardView::hot).count();
        shards.set(data.router().shardCount() + (hot > 0 ? " · " + hot + " hot" : ""));
    }

    /** The newest value of a per-second series, or -1 before the first second. */
    static double last(double[] perSecond) {
        return perSecond.length == 0 ? -1 : perSecond[perSecond.length - 1];
    }

    /** Reads the database served since the previous snapshot (0 after a restart). */
    public long newReads() {
        return newReads;
    }

    /** Stale reads since the previous snapshot (0 after a restart). */
    public long newStaleReads() {
        return newStaleReads;
    }

    /**
     * Adding one shard to {@code router} under mod N, consistent hashing (with {@code virtualNodes})
     * and the strategy in use; measured again only when one of them changes (once per resharding).
     */
    MoveComparison comparison(ShardRouter router, int virtualNodes, int keyCount) {
        if (router != comparedRouter || virtualNodes != comparedVirtualNodes || keyCount != comparedKeyCount) {
            comparison = MoveComparison.of(router, virtualNodes, keyCount, LessonView.CELLS);
            comparedRouter = router;
            comparedVirtualNodes = virtualNodes;
            comparedKeyCount = keyCount;
        }
        return comparison;
    }

    /** True when the newest sample is one the charts have not shown and the charts may redraw now. */
    public boolean chartsDue(double newest, long nowNanos) {
        return chartPacer.due(newest, nowNanos);
    }

    public ReadOnlyBooleanProperty hasDatabaseProperty() {
        return hasDatabase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty queriesProperty() {
        return queries.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty staleReadsProperty() {
        return staleReads.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty violationsProperty() {
        return violations.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lostWritesProperty() {
        return lostWrites.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keysMovedProperty() {
        return keysMoved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty shardsProperty() {
        return shards.getReadOnlyProperty();
    }
}
