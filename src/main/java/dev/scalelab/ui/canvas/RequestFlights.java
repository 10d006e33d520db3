package dev.scalelab.ui.canvas;

import dev.scalelab.world.Snapshot;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The balancer's decisions as dots flying from the balancer to the instance each one chose, as the
 * Overview's pool and the Load balancing view draw them. A dot flies for {@link #FLIGHT_NANOS}; a
 * request the instance's full queue turned away then flashes red where it arrived, and one no
 * instance would take flashes at the balancer without leaving it.
 *
 * <p>FX thread only; launching and drawing allocate nothing.
 */
public final class RequestFlights {
    public static final long FLIGHT_NANOS = 350_000_000L;
    public static final long FLASH_NANOS = 300_000_000L;
    /** Frames are at most this far apart when spreading a frame's new dots over time. */
    private static final long MAX_SPREAD_NANOS = 50_000_000L;
    private static final double FLASH_START_RADIUS = 4;
    private static final double FLASH_GROWTH = 8;
    /** More dots than a pulse can show in flight; past it the oldest, nearly landed, make room. */
    private static final int DOT_CAPACITY = 1024;

    /** Where the dots go: the slots (rows or tiles) of the instances the view draws. */
    public interface Targets {
        /** The slot of the instance with this number, or -1 when the view no longer draws it. */
        int slotOf(int instanceNumber);

        /** The point a dot for slot {@code slot} flies to. */
        double x(int slot);

        double y(int slot);

        /** The colour of a dot flying to slot {@code slot}. */
        Color dotFill(int slot);
    }

    /** Each dot's target is its instance's number, its kind the balancer's outcome. */
    private final DotRing dots = new DotRing(DOT_CAPACITY);
    private long lastFrameNanos;

    /** Forgets every dot: the run restarted and they fly to instances that no longer exist. */
    public void clear() {
        dots.clear();
    }

    /** True while any dot flies or flashes. */
    public boolean active() {
        return dots.size() > 0;
    }

    /**
     * Launches dots for {@code dispatches[from, length)}, spread over the time since the last frame so
     * that a frame's worth of decisions does not leave the balancer as one clump.
     */
    public void launch(Snapshot.Dispatches dispatches, int from, long nowNanos) {
        int count = dispatches.instanceNumbers().length - from;
        long spread = Math.min(MAX_SPREAD_NANOS, Math.max(0, nowNanos - lastFrameNanos));
        for (int i = 0; i < count; i++) {
            long start = nowNanos - spread * (count - 1 - i) / Math.max(1, count);
            dots.add(start, dispatches.instanceNumbers()[from + i], dispatches.outcomes()[from + i], false);
        }
    }

    /** Drops the dots that have landed and flashed; call once per pulse before drawing. */
    public void expire(long nowNanos) {
        dots.expire(nowNanos, FLIGHT_NANOS + FLASH_NANOS);
    }

    /** Marks the end of a pulse: the next frame's dots are spread over the time from here. */
    public void frameDone(long nowNanos) {
        lastFrameNanos = nowNanos;
    }

    /**
     * Draws the dots in flight ({@code flights}) and the flashes of rejected requests ({@code flashes})
     * from the balancer at (fromX, fromY). A view that lets dots pass under its tiles draws the
     * flights before the tiles and the flashes after them.
     */
    public void draw(GraphicsContext g, double fromX, double fromY, long nowNanos, double radius, Targets targets,
                     Color rejectFill, boolean flights, boolean flashes) {
        for (int i = 0; i < dots.size(); i++) {
            long age = nowNanos - dots.startNanos(i);
            if (age < 0) {
                continue; // spread into this frame; appears in a moment
            }
            byte outcome = dots.kind(i);
            if (outcome == Snapshot.Dispatches.REJECTED_NO_INSTANCE) {
                // No instance would take it: it never leaves the balancer.
                if (flashes) {
                    flash(g, fromX, fromY, (double) age / (FLIGHT_NANOS + FLASH_NANOS), rejectFill);
                }
                continue;
            }
            int slot = targets.slotOf(dots.target(i));
            if (slot < 0) {
                continue; // its instance drained away meanwhile
            }
            double toX = targets.x(slot);
            double toY = targets.y(slot);
            if (age < FLIGHT_NANOS) {
                if (flights) {
                    double t = easeOut(age / (double) FLIGHT_NANOS);
                    g.setFill(targets.dotFill(slot));
                    g.fillOval(fromX + (toX - fromX) * t - radius, fromY + (toY - fromY) * t - radius, 2 * radius, 2 * radius);
                }
            } else if (flashes && outcome == Snapshot.Dispatches.REJECTED_QUEUE_FULL) {
                flash(g, toX, toY, (age - FLIGHT_NANOS) / (double) FLASH_NANOS, rejectFill);
            }
        }
    }

    /** A red disc that grows and fades over {@code progress} 0..1. */
    private static void flash(GraphicsContext g, double x, double y, double progress, Color fill) {
        double radius = FLASH_START_RADIUS + FLASH_GROWTH * progress;
        g.setGlobalAlpha(Math.max(0, 1 - progress));
        g.setFill(fill);
        g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
        g.setGlobalAlpha(1);
    }

    /** Fast off the balancer, slowing into the instance: the eye follows where it lands. */
    private static double easeOut(double t) {
        return 1 - (1 - t) * (1 - t);
    }
}
