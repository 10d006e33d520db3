package dev.scalelab.ui.resilience;

import dev.scalelab.runtime.PanelSource;
import dev.scalelab.world.Action;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the Resilience panel keeps across frames: a {@link DependencyTrack} per dependency (chart
 * points, breaker states, dot samplers), the scale of the dots, and when the charts need new points.
 * It reacts to a snapshot's time and to the list of dependencies; a restart (time going back) or a
 * scenario with other dependencies starts it afresh. It alone sends the panel's changes to the
 * runner.
 *
 * <p>FX thread only.
 */
final class ResilienceViewModel implements FaultModel.Sink {
    /** At most this many dots per dependency and frame: the first frame after a pause must not flood the canvas. */
    static final int MAX_DOTS_PER_FRAME = 24;
    /** At 100× a new second arrives every frame; a few chart updates a second still read as live. */
    static final long MIN_CHART_UPDATE_INTERVAL_NANOS = 250_000_000L;

    private final PanelSource runner;
    private final Consumer<String> startPreset;
    private final List<DependencyTrack> tracks = new ArrayList<>();
    private final DotScale scale = new DotScale();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);

    private double lastTimeSeconds = Double.NaN;
    private long lastWallNanos = Long.MIN_VALUE;
    private long lastRequests;
    private long structure;
    private double chartedUntilSeconds = Double.NaN;
    private long chartedAtNanos;
    private boolean restarted;
    /** A restart the charts have not shown yet: they must drop the old run's curves even before a new point. */
    private boolean chartRestartPending;

    /**
     * @param startPreset starts a built-in scenario by name, as the window's scenario menu does
     */
    ResilienceViewModel(PanelSource runner, Consumer<String> startPreset) {
        this.runner = runner;
        this.startPreset = startPreset;
    }

    /** Sets a field of the selected dependency ({@code dependencies[i].…}) in the running scenario. */
    void setDependencyField(String path, Object value) {
        runner.setDependencyField(path, value);
    }

    @Override
    public void act(Action action, String target, Double value, double durationSeconds) {
        runner.act(action, target, value, durationSeconds);
    }

    /** Starts a built-in scenario from t = 0, as choosing it in the toolbar's scenario menu does. */
    void openPreset(String name) {
        startPreset.accept(name);
    }

    /**
     * Takes in a new frame seen at wall time {@code nowNanos}. Afterwards each track's dot sampler
     * holds the dots to launch for this frame.
     */
    void update(Snapshot snapshot, long nowNanos) {
        List<Snapshot.DependencyView> views = snapshot.dependencies();
        List<Scenario.Dependency> configs = snapshot.current().dependencies();
        empty.set(views.isEmpty());
        restarted = !(snapshot.timeSeconds() >= lastTimeSeconds) && !Double.isNaN(lastTimeSeconds);
        if (!sameNames(views)) {
            tracks.clear();
            for (Snapshot.DependencyView v : views) {
                tracks.add(new DependencyTrack(v.name()));
            }
            structure++;
            restarted = true;
        } else if (restarted) {
            for (DependencyTrack t : tracks) {
                t.clear();
            }
        }
        if (restarted) {
            scale.reset();
            lastWallNanos = Long.MIN_VALUE;
            chartedUntilSeconds = Double.NaN;
            chartRestartPending = true;
        }
        lastTimeSeconds = snapshot.timeSeconds();

        long requests = 0;
        for (int i = 0; i < views.size(); i++) {
            tracks.get(i).update(views.get(i), configs.get(i), snapshot.timeSeconds());
            requests += views.get(i).stats().requests();
        }
        // Requests made over the wall time since the last frame set how many attempts a dot stands for.
        long requestDelta = lastWallNanos == Long.MIN_VALUE ? 0 : Math.max(0, requests - lastRequests);
        double perDot = lastWallNanos == Long.MIN_VALUE ? scale.attemptsPerDot()
                : scale.update(requestDelta, nowNanos - lastWallNanos);
        lastWallNanos = nowNanos;
        lastRequests = requests;
        for (int i = 0; i < views.size(); i++) {
            tracks.get(i).dots().sample(views.get(i).stats(), perDot, MAX_DOTS_PER_FRAME);
        }
    }

    private boolean sameNames(List<Snapshot.DependencyView> views) {
        if (views.size() != tracks.size()) {
            return false;
        }
        for (int i = 0; i < views.size(); i++) {
            if (!views.get(i).name().equals(tracks.get(i).name())) {
                return false;
            }
        }
        return true;
    }

    /** True when the last {@link #update} restarted the run or changed the dependencies: views drop what they drew. */
    boolean restarted() {
        return restarted;
    }

    /** Counts changes of the list of dependencies, so views rebuild their series only then. */
    long structure() {
        return structure;
    }

    List<DependencyTrack> tracks() {
        return tracks;
    }

    double attemptsPerDot() {
        return scale.attemptsPerDot();
    }

    /** The newest per-second point of any dependency, or NaN before the first. */
    double newestSecond() {
        double newest = Double.NaN;
        for (DependencyTrack t : tracks) {
            double n = t.history().newestTime();
            if (!(n <= newest)) {
                newest = n;
            }
        }
        return newest;
    }

    /**
     * True when a per-second point exists that the charts have not shown and they may redraw now (at
     * most every {@link #MIN_CHART_UPDATE_INTERVAL_NANOS}, at once after a restart).
     */
    boolean chartsDue(long nowNanos) {
        double newest = newestSecond();
        if (chartRestartPending) {
            // At once, new point or not: a run restarted while paused shows no point until Play.
            chartRestartPending = false;
            chartedUntilSeconds = newest;
            chartedAtNanos = nowNanos;
            return true;
        }
        if (Double.isNaN(newest) || Double.compare(newest, chartedUntilSeconds) == 0) {
            return false;
        }
        boolean first = Double.isNaN(chartedUntilSeconds);
        if (!first && nowNanos - chartedAtNanos < MIN_CHART_UPDATE_INTERVAL_NANOS) {
            return false;
        }
        chartedUntilSeconds = newest;
        chartedAtNanos = nowNanos;
        return true;
    }

    /** True while the scenario has no dependencies: the panel shows how to get some instead of empty charts. */
    ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }
}
