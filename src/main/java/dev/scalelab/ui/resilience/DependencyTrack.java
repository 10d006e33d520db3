package dev.scalelab.ui.resilience;

import dev.scalelab.engine.resilience.MeshStats;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;

/**
 * What the panel remembers of one dependency across frames: its per-second points for the charts,
 * its breaker's state over time and the dot sampler of its attempts.
 *
 * <p>FX thread only.
 */
final class DependencyTrack {
    /** On the first frame, the charts are filled with up to this many seconds the snapshot already holds. */
    static final int MAX_BACKFILL_SECONDS = 240;

    private final String name;
    private final SecondHistory history = new SecondHistory();
    private final StateSpans states = new StateSpans();
    private final DotSampler dots = new DotSampler();
    private long lastSecond = -1;
    /** The counters when the last per-second point was made: the failed share of a client without a breaker. */
    private MeshStats atLastSecond;

    DependencyTrack(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    SecondHistory history() {
        return history;
    }

    StateSpans states() {
        return states;
    }

    DotSampler dots() {
        return dots;
    }

    /** The run restarted: forget everything. */
    void clear() {
        history.clear();
        states.clear();
        dots.reset();
        lastSecond = -1;
        atLastSecond = null;
    }

    /**
     * Takes in a frame at virtual time {@code nowSeconds}: adds a point for each second completed
     * since the last frame and follows the breaker's state.
     *
     * @return true when a new per-second point was added
     */
    boolean update(Snapshot.DependencyView view, Scenario.Dependency config, double nowSeconds) {
        states.update(view.transitions(), view.breaker().state(), nowSeconds);
        long newest = (long) Math.floor(nowSeconds);
        if (newest < 1 || newest <= lastSecond) {
            return false;
        }
        double[] attempts = view.offeredLoadPerSecond();
        double[] requests = view.requestsPerSecond();
        long from = lastSecond < 0 ? newest - Math.min(Math.max(attempts.length, 1), MAX_BACKFILL_SECONDS) + 1 : lastSecond + 1;
        double failure = failureRatePercent(view, config);
        double threshold = config.breaker() != null && config.breaker().mode().equals("resilience4j")
                ? config.breaker().failureRateThreshold() : Double.NaN;
        for (long s = Math.max(1, from); s <= newest; s++) {
            int back = (int) (newest - s); // 0: the newest completed second, the last element of the arrays
            double a = back < attempts.length ? attempts[attempts.length - 1 - back] : Double.NaN;
            double r = back < requests.length ? requests[requests.length - 1 - back] : Double.NaN;
            double amplification = r > 0 ? a / r : Double.NaN;
            // A breaker's rate is a window, known only now: earlier seconds of a long frame get no point.
            history.append(s, a, r, amplification, s == newest ? failure : Double.NaN, threshold);
        }
        lastSecond = newest;
        atLastSecond = view.stats();
        return true;
    }

    /**
     * The breaker's failure rate over its window; for a client without a breaker, the share of the
     * attempts sent since the last point that failed (errors and timeouts), which is what a breaker
     * would have seen.
     */
    private double failureRatePercent(Snapshot.DependencyView view, Scenario.Dependency config) {
        if (config.breaker() != null) {
            return view.breaker().failureRatePercent();
        }
        MeshStats now = view.stats();
        MeshStats before = atLastSecond;
        boolean rebuilt = before == null || now.attempts() < before.attempts();
        long sent = now.attemptsSent() - (rebuilt ? 0 : before.attemptsSent());
        long failed = now.errors() + now.timeouts() - (rebuilt ? 0 : before.errors() + before.timeouts());
        return sent > 0 ? Math.min(100, 100.0 * failed / sent) : Double.NaN;
    }
}
