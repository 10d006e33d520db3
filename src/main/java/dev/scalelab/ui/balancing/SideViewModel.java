package dev.scalelab.ui.balancing;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.overview.OverviewViewModel;
import dev.scalelab.world.Snapshot;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What one world's side of the panel shows besides the drawing: its strategy, p50 and p99 of the
 * last virtual second, the longest queue now, the requests dropped so far, and its last balancer
 * decision in words. In race mode there are two, one per world.
 *
 * <p>FX thread only.
 */
final class SideViewModel {
    /**
     * While the simulation runs, a new decision every frame could not be read; the inspector shows
     * one every half second. Paused (stepping), it shows every new one.
     */
    static final long DECISION_REFRESH_NANOS = 500_000_000L;
    /** Max queue and drops change with every frame; a label change costs a layout pass, so at most four a second while running. */
    static final long FIGURE_REFRESH_NANOS = 250_000_000L;

    /** The Overview's headline model gives p50 and p99 of the last second and which dispatches are new. */
    private final OverviewViewModel headline = new OverviewViewModel();
    private final ReadOnlyStringWrapper strategy = new ReadOnlyStringWrapper(this, "strategy", "");
    private final ReadOnlyStringWrapper maxQueue = new ReadOnlyStringWrapper(this, "maxQueue", "–");
    private final ReadOnlyStringWrapper drops = new ReadOnlyStringWrapper(this, "drops", "–");
    private final ReadOnlyStringWrapper decision = new ReadOnlyStringWrapper(this, "decision", PickText.NONE.headline());
    private final ReadOnlyStringWrapper rule = new ReadOnlyStringWrapper(this, "rule", "");

    private PickText shownPick = PickText.NONE;
    private long figuresShownAtNanos;
    private boolean figuresShown;
    private long pickShownAtNanos;
    private boolean pickShown;

    /** Takes in this side's newest snapshot at pulse time {@code nowNanos}. */
    void update(Snapshot snapshot, boolean paused, long nowNanos) {
        headline.update(snapshot);
        Strategy s = snapshot.current().balancer().strategy();
        strategy.set(s.label());
        boolean restarted = snapshot.dispatches().total() < shownPick.decision();
        if (paused || restarted || !figuresShown || nowNanos - figuresShownAtNanos >= FIGURE_REFRESH_NANOS) {
            maxQueue.set(Integer.toString(maxQueue(snapshot)));
            drops.set(Formats.count(snapshot.rejected()));
            figuresShownAtNanos = nowNanos;
            figuresShown = true;
        }
        if (paused || restarted || !pickShown || nowNanos - pickShownAtNanos >= DECISION_REFRESH_NANOS) {
            shownPick = PickText.of(snapshot);
            pickShownAtNanos = nowNanos;
            pickShown = true;
            decision.set(shownPick.numberedHeadline());
            rule.set(shownPick.rule());
        }
    }

    /** The longest queue of any instance now. */
    static int maxQueue(Snapshot snapshot) {
        int max = 0;
        for (Snapshot.InstanceView in : snapshot.instances()) {
            max = Math.max(max, in.queued());
        }
        return max;
    }

    /** Where in {@code dispatches} the decisions new since the last call start (see {@link OverviewViewModel#firstNewDispatch}). */
    int firstNewDispatch(Snapshot.Dispatches dispatches) {
        return headline.firstNewDispatch(dispatches);
    }

    /** The decision the inspector shows now, which the live view rings. */
    PickText shownPick() {
        return shownPick;
    }

    ReadOnlyStringProperty strategyProperty() {
        return strategy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty p50Property() {
        return headline.p50Property();
    }

    ReadOnlyStringProperty p99Property() {
        return headline.p99Property();
    }

    ReadOnlyStringProperty maxQueueProperty() {
        return maxQueue.getReadOnlyProperty();
    }

    ReadOnlyStringProperty dropsProperty() {
        return drops.getReadOnlyProperty();
    }

    ReadOnlyStringProperty decisionProperty() {
        return decision.getReadOnlyProperty();
    }

    ReadOnlyStringProperty ruleProperty() {
        return rule.getReadOnlyProperty();
    }
}
