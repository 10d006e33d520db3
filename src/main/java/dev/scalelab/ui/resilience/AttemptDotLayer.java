package dev.scalelab.ui.resilience;

import dev.scalelab.ui.canvas.DotRing;
import dev.scalelab.ui.canvas.DotSprites;
import javafx.scene.canvas.GraphicsContext;

import java.util.List;

/**
 * The attempt dots of the {@link MeshView}: each flies from the service to its breaker; one the
 * breaker (or the bulkhead) rejects bounces back and fades, the others go on to the dependency, where
 * a failed one flashes red. A frame's dots come from each track's {@link DotSampler}. FX thread only.
 */
final class AttemptDotLayer {
    static final int CAPACITY = 2048;

    /** Reached the dependency, which answered. */
    static final byte SENT = 0;
    /** Reached the dependency, which failed it (an error, a refused connection, a timeout). */
    static final byte FAILED = 1;
    /** Not permitted by the open breaker: bounces back without reaching the dependency. */
    static final byte REJECTED_BY_BREAKER = 2;
    /** Refused by the full bulkhead: bounces back too. */
    static final byte REJECTED_BY_BULKHEAD = 3;

    private static final long TO_BREAKER_NANOS = 320_000_000L;
    private static final long BOUNCE_NANOS = 300_000_000L;
    private static final long TO_DEPENDENCY_NANOS = 320_000_000L;
    private static final long FLASH_NANOS = 260_000_000L;
    static final long DOT_LIFETIME_NANOS = TO_BREAKER_NANOS + TO_DEPENDENCY_NANOS + FLASH_NANOS;
    /** A frame's new dots leave spread over at most this long, not as one clump. */
    private static final long MAX_SPREAD_NANOS = 50_000_000L;
    static final double DOT_RADIUS = 3.2;

    private static final int FIRST_SPRITE = 0;
    private static final int RETRY_SPRITE = 1;
    private static final int REJECTED_SPRITE = 2;
    private static final int BULKHEAD_SPRITE = 3;
    private static final int FLASH_SPRITE = 4;

    /** Per dot: its dependency's row, its kind, and whether it is a retry. */
    private final DotRing dots = new DotRing(CAPACITY);
    /** A rejected attempt is hollow, so a bounce reads apart from a failure at the dependency. */
    private final DotSprites sprites = new DotSprites(false, false, true, true, false);
    private final MeshColors colors;
    private final MeshLayout layout;
    private long lastLaunchNanos;

    AttemptDotLayer(MeshColors colors, MeshLayout layout) {
        this.colors = colors;
        this.layout = layout;
    }

    void clear() {
        dots.clear();
    }

    int size() {
        return dots.size();
    }

    /** Launches this frame's dots, sampled by each track's {@link DotSampler}, spread over the time since the last frame. */
    void launch(List<DependencyTrack> tracks, long nowNanos) {
        long spread = Math.min(MAX_SPREAD_NANOS, Math.max(0, nowNanos - lastLaunchNanos));
        lastLaunchNanos = nowNanos;
        for (int d = 0; d < tracks.size(); d++) {
            DotSampler s = tracks.get(d).dots();
            int total = s.sent() + s.rejectedByBreaker() + s.rejectedByBulkhead();
            int n = 0;
            int failedLeft = s.failed();
            int retriesLeft = s.retries();
            for (int i = 0; i < s.sent(); i++, n++) {
                // Failed and retry dots are spread through the frame's dots rather than bunched at the start.
                boolean failed = failedLeft > 0 && (long) (i + 1) * s.failed() / s.sent() > s.failed() - failedLeft;
                boolean retry = retriesLeft > 0 && (long) (i + 1) * s.retries() / s.sent() > s.retries() - retriesLeft;
                if (failed) {
                    failedLeft--;
                }
                if (retry) {
                    retriesLeft--;
                }
                dots.add(start(nowNanos, spread, n, total), d, failed ? FAILED : SENT, retry);
            }
            for (int i = 0; i < s.rejectedByBreaker(); i++, n++) {
                dots.add(start(nowNanos, spread, n, total), d, REJECTED_BY_BREAKER, false);
            }
            for (int i = 0; i < s.rejectedByBulkhead(); i++, n++) {
                dots.add(start(nowNanos, spread, n, total), d, REJECTED_BY_BULKHEAD, false);
            }
        }
    }

    private static long start(long nowNanos, long spread, int index, int count) {
        return nowNanos - spread * (count - 1 - index) / Math.max(1, count);
    }

    /** Drops the dots that have arrived or faded. */
    void expire(long nowNanos) {
        dots.expire(nowNanos, DOT_LIFETIME_NANOS);
    }

    /** Draws the dots in flight at {@code nowNanos} over rows laid out by the layout; {@code rows} is how many there are. */
    void draw(GraphicsContext g, int rows, long nowNanos) {
        sprites.update(colors.dotFill.getValue(), colors.retryFill.getValue(), colors.failFill.getValue(),
                colors.mutedTextFill.getValue(), colors.failFill.getValue());
        double fromX = MeshLayout.MARGIN + MeshLayout.SERVICE_WIDTH;
        double serviceY = layout.serviceY();
        double breakerX = layout.breakerX;
        for (int k = 0; k < dots.size(); k++) {
            long age = nowNanos - dots.startNanos(k);
            int i = dots.target(k);
            if (age < 0 || i >= rows) {
                continue;
            }
            byte kind = dots.kind(k);
            int sprite = dots.flag(k) ? RETRY_SPRITE : FIRST_SPRITE;
            double wire = layout.wireY(i);
            if (age < TO_BREAKER_NANOS) {
                double t = age / (double) TO_BREAKER_NANOS;
                sprites.draw(g, sprite, fromX + (breakerX - fromX) * t, serviceY + (wire - serviceY) * t, DOT_RADIUS, 1);
                continue;
            }
            long after = age - TO_BREAKER_NANOS;
            if (kind == REJECTED_BY_BREAKER || kind == REJECTED_BY_BULKHEAD) {
                if (after < BOUNCE_NANOS) {
                    double t = after / (double) BOUNCE_NANOS;
                    double back = 0.35 * (1 - (1 - t) * (1 - t)); // eases out: a bounce, not a return trip
                    sprites.draw(g, kind == REJECTED_BY_BREAKER ? REJECTED_SPRITE : BULKHEAD_SPRITE,
                            breakerX - (breakerX - fromX) * back, wire - (wire - serviceY) * back, DOT_RADIUS, 1 - t);
                }
                continue;
            }
            double gateX = breakerX + layout.breakerWidth;
            if (after < TO_DEPENDENCY_NANOS) {
                double t = after / (double) TO_DEPENDENCY_NANOS;
                sprites.draw(g, sprite, gateX + (layout.dependencyX - gateX) * t, wire, DOT_RADIUS, 1);
            } else if (kind == FAILED) {
                double t = (after - TO_DEPENDENCY_NANOS) / (double) FLASH_NANOS;
                sprites.draw(g, FLASH_SPRITE, layout.dependencyX, wire, 4 + 7 * t, 1 - t);
            }
        }
    }
}
