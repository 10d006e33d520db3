package dev.scalelab.ui.timeline;

import dev.scalelab.engine.metrics.SeriesView;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Source;

/**
 * Where the decision log wrote, per pixel column of the timeline bar: for each column the source of
 * its lines that ranks first in {@link #RANK} (a fault or a breaker outranks the autoscaler's routine
 * syncs), or null. Read from the run's history (lines per source per second), so it costs the same
 * whatever the number of lines. Plain data: any thread.
 */
final class TimelineMarks {
    /** Which source a column shows when several wrote in it: the rarer, more telling ones first. */
    static final Source[] RANK = {Source.USER, Source.TIMELINE, Source.BREAKER, Source.MESH, Source.GATEWAY, Source.DATABASE,
            Source.CACHE, Source.OUTLIER, Source.HEALTH, Source.BALANCER, Source.GC, Source.CONNECTIONS, Source.EVENTS,
            Source.KEDA, Source.AUTOSCALER, Source.VERTICAL, Source.VERTICAL_THRESHOLD, Source.VERTICAL_VPA, Source.POOL,
            Source.HPA, Source.THRESHOLD, Source.TARGET_TRACKING, Source.WORLD};

    private TimelineMarks() {
    }

    /** The source marked in each of {@code columns} columns spanning {@code [0, extentSeconds]}. */
    static Source[] of(RunHistory.View history, int columns, double extentSeconds) {
        Source[] marks = new Source[Math.max(0, columns)];
        if (columns <= 0 || !(extentSeconds > 0)) {
            return marks;
        }
        for (int r = RANK.length - 1; r >= 0; r--) { // lower ranks first, so the higher ones overwrite them
            SeriesView lines = history.get(RunHistory.Keys.logLines(RANK[r]));
            for (int k = 0; k < lines.buckets(); k++) {
                if (lines.count(k) > 0 && lines.max(k) > 0) {
                    // A line logged during second k (chart time k + 1) is drawn where it happened.
                    double at = (lines.startSeconds(k) + lines.endSeconds(k)) / 2;
                    int c = (int) Math.min(columns - 1, Math.max(0, at / extentSeconds * columns));
                    marks[c] = RANK[r];
                }
            }
        }
        return marks;
    }
}
