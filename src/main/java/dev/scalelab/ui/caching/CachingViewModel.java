package dev.scalelab.ui.caching;

import dev.scalelab.runtime.PanelSource;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.charts.ChartPacer;
import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Snapshot.CacheLevelView;
import dev.scalelab.world.Snapshot.CacheView;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What the Caching panel shows besides the drawing itself: whether the scenario has a cache, the
 * headline figures of the last virtual second, each level's card text, the request path's rates,
 * and when the charts need new points. It alone sends the panel's changes to the runner.
 *
 * <p>FX thread only.
 */
public final class CachingViewModel implements CachingParameters.Commands {
    /** At 100× a sample arrives every frame; a few chart updates a second still read as live. */
    static final long MIN_CHART_UPDATE_INTERVAL_NANOS = ChartPacer.MIN_UPDATE_INTERVAL_NANOS;
    /**
     * A second counts as a stampede when duplicate loads (loads of a key that was already loading)
     * are at least this many and at least {@link #STAMPEDE_SHARE} of the store's loads: some happen by
     * chance whenever two reads of a cold key meet (a third of the loads, in cache-stampede's quiet
     * seconds), but in a stampede most loads are duplicates.
     */
    static final double STAMPEDE_MIN_DUPLICATES = 50;
    static final double STAMPEDE_SHARE = 0.5;
    /** Figures change text at most this often: a few times a second is live and still readable. */
    static final long FIGURES_INTERVAL_NANOS = 250_000_000L;

    private final ReadOnlyBooleanWrapper hasCache = new ReadOnlyBooleanWrapper(this, "hasCache", false);
    private final ReadOnlyStringWrapper hitRatio = new ReadOnlyStringWrapper(this, "hitRatio", "–");
    private final ReadOnlyStringWrapper optimum = new ReadOnlyStringWrapper(this, "optimum", "–");
    private final ReadOnlyStringWrapper storeLoads = new ReadOnlyStringWrapper(this, "storeLoads", "–");
    private final ReadOnlyStringWrapper duplicateLoads = new ReadOnlyStringWrapper(this, "duplicateLoads", "–");
    private final ReadOnlyStringWrapper coalescedReads = new ReadOnlyStringWrapper(this, "coalescedReads", "–");
    private final ReadOnlyStringWrapper staleReads = new ReadOnlyStringWrapper(this, "staleReads", "–");
    private final ReadOnlyStringWrapper coalescing = new ReadOnlyStringWrapper(this, "coalescing", "–");
    private final ReadOnlyBooleanWrapper stampede = new ReadOnlyBooleanWrapper(this, "stampede", false);

    private final List<LevelFigures> levels = new ArrayList<>();
    private final List<RollingRate> missMeters = new ArrayList<>();
    private final List<RollingRate> lookupMeters = new ArrayList<>();
    private final RollingRate readMeter = new RollingRate();
    private final RollingRate storeLoadMeter = new RollingRate();
    private final RollingRate duplicateLoadMeter = new RollingRate();
    private final RollingRate coalescedReadMeter = new RollingRate();
    private String structure = "";
    private String readsPerSecond = "–";
    private String storeTitle = "";
    /** What the store is called when the panel is told (a CDN's origin); null: the database, or the store. */
    private String storeName;
    /** Who reads when no instance calls the cache (a CDN's clients); null: the instances, counted. */
    private String readers;
    private double storeLoadsPerSecond = Double.NaN;
    private double duplicateLoadsPerSecond = Double.NaN;
    private double coalescedReadsPerSecond = Double.NaN;
    /** The newest snapshot, not yet in the figures' text; null when they show it. */
    private Snapshot pending;
    /** The snapshot the figures show. */
    private Snapshot shown;
    private boolean publishNow = true;
    private long publishedAtNanos;
    private final ChartPacer chartPacer = new ChartPacer();
    private final PanelSource runner;
    private final Consumer<String> startPreset;

    /**
     * @param startPreset starts a built-in scenario by name, as the window's scenario menu does
     */
    public CachingViewModel(PanelSource runner, Consumer<String> startPreset) {
        this.runner = runner;
        this.startPreset = startPreset;
    }

    /** Sets a parameter of the running scenario. */
    void set(Parameter parameter, Object value) {
        runner.set(parameter, value);
    }

    /** Sends an action to the simulation at once: {@code target} a level name or null, {@code value} or null. */
    @Override
    public void act(Action action, String target, Double value) {
        runner.act(action, target, value, 0);
    }

    /** Starts a built-in scenario from t = 0, as choosing it in the toolbar's scenario menu does. */
    void openPreset(String name) {
        startPreset.accept(name);
    }

    /**
     * Takes in a new snapshot: the rates sample every frame, and the stampede alarm follows at once;
     * the figures' text follows at the next {@link #publish}.
     */
    public void update(Snapshot snapshot) {
        CacheView cache = snapshot.cache();
        hasCache.set(cache != null);
        if (cache == null) {
            structure = "";
            levels.clear();
            missMeters.clear();
            lookupMeters.clear();
            pending = null;
            return;
        }
        String newStructure = structureOf(cache);
        boolean restarted = pending != null && snapshot.timeSeconds() < pending.timeSeconds()
                || shown != null && snapshot.timeSeconds() < shown.timeSeconds();
        if (!newStructure.equals(structure)) {
            structure = newStructure;
            levels.clear();
            missMeters.clear();
            lookupMeters.clear();
            for (int i = 0; i < cache.levels().size(); i++) {
                levels.add(new LevelFigures());
                missMeters.add(new RollingRate());
                lookupMeters.add(new RollingRate());
            }
            publishNow = true;
        }
        double time = snapshot.timeSeconds();
        readMeter.update(time, cache.reads());
        // Over the last second up to now, so a stampede shows while it happens, even when paused in it.
        storeLoadMeter.update(time, cache.storeLoads());
        duplicateLoadMeter.update(time, cache.duplicateLoads());
        coalescedReadMeter.update(time, cache.coalescedReads());
        for (int i = 0; i < cache.levels().size(); i++) {
            CacheLevelView level = cache.levels().get(i);
            missMeters.get(i).update(time, level.misses());
            lookupMeters.get(i).update(time, level.hits() + level.misses());
        }
        boolean alarm = isStampede(duplicateLoadMeter.perSecond(), storeLoadMeter.perSecond());
        publishNow |= restarted || alarm != stampede.get();
        stampede.set(alarm);
        pending = snapshot;
    }

    /**
     * Brings the figures' text up to the newest snapshot, at most every
     * {@link #FIGURES_INTERVAL_NANOS} unless something changed state: numbers that change every frame
     * cannot be read, and every new text lays out its label again. Call every pulse; true when the
     * figures changed.
     */
    public boolean publish(long nowNanos) {
        if (pending == null || (!publishNow && nowNanos - publishedAtNanos < FIGURES_INTERVAL_NANOS)) {
            return false;
        }
        Snapshot snapshot = pending;
        pending = null;
        shown = snapshot;
        publishNow = false;
        publishedAtNanos = nowNanos;
        CacheView cache = snapshot.cache();
        readsPerSecond = rate(readMeter.perSecond());
        storeLoadsPerSecond = storeLoadMeter.perSecond();
        duplicateLoadsPerSecond = duplicateLoadMeter.perSecond();
        coalescedReadsPerSecond = coalescedReadMeter.perSecond();
        hitRatio.set(percent(last(cache.hitRatioSeries())));
        optimum.set(percent(cache.optimalHitRatio()));
        storeLoads.set(perSecond(storeLoadsPerSecond));
        duplicateLoads.set(perSecond(duplicateLoadsPerSecond));
        coalescedReads.set(perSecond(coalescedReadsPerSecond));
        staleReads.set(Formats.count(cache.staleReads()));
        coalescing.set(cache.coalesce() ? "on" : "off");

        Scenario scenario = snapshot.current();
        double storeMs = storeLatencyMs(scenario);
        storeTitle = storeName != null ? storeName : scenario.database() != null ? "Database" : "Store";
        String owner = drawnCopyOwner(snapshot.instances());
        for (int i = 0; i < cache.levels().size() && i < levels.size(); i++) {
            CacheLevelView level = cache.levels().get(i);
            LevelFigures f = levels.get(i);
            boolean perInstance = "instance".equals(level.scope());
            f.title = level.name() + " · " + level.policy();
            f.scope = perInstance ? "per instance × " + level.copies() : "shared";
            int shownSlots = level.slotKeys().length;
            String slots = shownSlots < level.capacity()
                    ? "showing " + Formats.count(shownSlots) + " of " + Formats.count(level.capacity()) + " slots"
                    : Formats.count(level.capacity()) + " slots";
            f.drawn = perInstance ? (owner == null ? "no copy yet" : owner + "'s copy · " + slots) : slots;
            // The last full second, as the headline and the chart; the whole run's until a second has passed.
            double lastSecond = last(level.hitRatioSeries());
            f.hitRatio = percent(Double.isNaN(lastSecond) ? level.hitRatio() : lastSecond);
            long capacityAll = (long) level.capacity() * Math.max(1, level.copies());
            // Large levels in short numbers, so the line fits a narrow card: "18.6k / 20.0k".
            f.occupancy = capacityAll >= 10_000
                    ? Formats.compact(level.occupancy()) + " / " + Formats.compact(capacityAll)
                    : Formats.count(level.occupancy()) + " / " + Formats.count(capacityAll);
            f.latency = Formats.millis(level.latencyMs()) + " ms";
            f.ttl = ttl(level.ttlSeconds());
            f.evicted = Formats.compact(level.evictions());
            f.expired = Formats.compact(level.expiries());
            f.saved = duration(savedSeconds(level.hits(), storeMs, level.latencyMs()));
            f.missesPerSecond = rate(missMeters.get(i).perSecond());
            f.lookupsPerSecond = rate(lookupMeters.get(i).perSecond());
        }
        return true;
    }

    /**
     * Time the level saved the requests it served, in seconds: each hit would otherwise have waited
     * for the store. A fair estimate, not an exact one: it takes the store's mean latency, and does
     * not charge a lower level's hits for the lookups above it that missed.
     */
    static double savedSeconds(long hits, double storeLatencyMs, double levelLatencyMs) {
        return hits * Math.max(0, storeLatencyMs - levelLatencyMs) / 1000;
    }

    /** The store's mean read latency: the database's read service time, or the backing store's latency. */
    static double storeLatencyMs(Scenario scenario) {
        if (scenario.database() != null) {
            return scenario.database().readServiceTime().mean();
        }
        return scenario.cache() == null ? Double.NaN : scenario.cache().storeLatency().mean();
    }

    static boolean isStampede(double duplicatesPerSecond, double loadsPerSecond) {
        return duplicatesPerSecond >= STAMPEDE_MIN_DUPLICATES && duplicatesPerSecond >= STAMPEDE_SHARE * loadsPerSecond;
    }

    /**
     * The instance whose copy of a per-instance level the view shows: the world draws the
     * lowest-numbered instance's copy, and an instance has one from its first request until it is
     * removed, so the lowest-numbered instance past booting. Null before any is ready.
     */
    static String drawnCopyOwner(List<Snapshot.InstanceView> instances) {
        Snapshot.InstanceView owner = null;
        for (Snapshot.InstanceView in : instances) {
            boolean started = in.state() != Snapshot.InstanceState.PROVISIONING && in.state() != Snapshot.InstanceState.BOOTING;
            if (started && (owner == null || in.number() < owner.number())) {
                owner = in;
            }
        }
        return owner == null ? null : owner.id();
    }

    /** Names, scopes and sizes of the levels: when it changes, the per-level state starts over. */
    static String structureOf(CacheView cache) {
        StringBuilder s = new StringBuilder();
        for (CacheLevelView level : cache.levels()) {
            s.append(level.name()).append('/').append(level.scope()).append('/').append(level.capacity())
                    .append('/').append(level.policy()).append(';');
        }
        return s.toString();
    }

    /**
     * True when the newest per-second sample is one the charts have not shown and the charts may
     * redraw now (at most every {@link #MIN_CHART_UPDATE_INTERVAL_NANOS}, except for a new run).
     */
    public boolean chartsDue(double newestSampleSeconds, long nowNanos) {
        return chartPacer.due(newestSampleSeconds, nowNanos);
    }

    // ------------------------------------------------------------------ formats

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    private static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "–" : Formats.count(perSecond) + "/s";
    }

    private static String perSecond(double value) {
        return Double.isNaN(value) ? "–" : Formats.count(value) + " /s";
    }

    static String ttl(double seconds) {
        if (!(seconds > 0)) {
            return "none";
        }
        if (seconds >= 3600 && seconds % 3600 == 0) {
            return (long) (seconds / 3600) + " h";
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return (long) (seconds / 60) + " min";
        }
        return dev.scalelab.world.Parameter.format(seconds) + " s";
    }

    /** 45 s, 12 min, 3.4 h, 2.1 d: a total of saved waiting, at the precision that matters. */
    static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "–";
        }
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 90 * 60) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        if (seconds < 48 * 3600) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.1f d", seconds / 86400);
    }

    private static double last(double[] series) {
        return series.length == 0 ? Double.NaN : series[series.length - 1];
    }

    // ------------------------------------------------------------------ read by the view

    List<LevelFigures> levels() {
        return levels;
    }

    String readsPerSecond() {
        return readsPerSecond;
    }

    /**
     * Names the store card and who reads where no instance does: a CDN's misses go to its origin,
     * whatever box that is, and its reads come from the clients unless a service calls it.
     */
    void nameStore(String name, String readersWithoutInstances) {
        storeName = name;
        readers = readersWithoutInstances;
    }

    /** Under the reads card: where the reads come from, given {@code instances} calling instances. */
    String readsFrom(int instances) {
        return instances == 0 && readers != null ? "from " + readers : "from " + instances + " instances";
    }

    String storeTitle() {
        return storeTitle;
    }

    double storeLoadsPerSecond() {
        return storeLoadsPerSecond;
    }

    double duplicateLoadsPerSecond() {
        return duplicateLoadsPerSecond;
    }

    double coalescedReadsPerSecond() {
        return coalescedReadsPerSecond;
    }

    public ReadOnlyBooleanProperty hasCacheProperty() {
        return hasCache.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hitRatioProperty() {
        return hitRatio.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty optimumProperty() {
        return optimum.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty storeLoadsProperty() {
        return storeLoads.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty duplicateLoadsProperty() {
        return duplicateLoads.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty coalescedReadsProperty() {
        return coalescedReads.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty staleReadsProperty() {
        return staleReads.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty coalescingProperty() {
        return coalescing.getReadOnlyProperty();
    }

    /** The last second's duplicate loads are a stampede (see {@link #isStampede}). */
    public ReadOnlyBooleanProperty stampedeProperty() {
        return stampede.getReadOnlyProperty();
    }
}
