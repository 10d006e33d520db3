package dev.scalelab.world;

import dev.scalelab.engine.runtime.CollectorKind;
import dev.scalelab.engine.runtime.GcEvent;
import dev.scalelab.engine.runtime.Heap;

/**
 * How the decision log writes what the instances' collectors did: a collection with its cause, an
 * allocation stall, and a second whose longest pause went over the pause target. The
 * {@link RuntimeSystem} (or a drawn service) decides when; this says it, with the figures that explain it.
 */
public final class GcLog {
    private GcLog() {
    }

    /** A collection on {@code instance}, whose collector is {@code collector}. */
    public static String collection(String instance, CollectorKind collector, GcEvent e) {
        String what = switch (e.kind()) {
            case YOUNG -> "young collection";
            case OLD -> collector == CollectorKind.ZGC ? "major cycle" : "old collection";
            case FULL -> "full collection";
            case ALLOCATION_STALL -> "allocation stall";
        };
        return instance + " " + what + " (" + collector.id() + "): " + e.cause() + "; pause " + ms(e.pauseMs())
                + " ms, old space " + mb(e.oldBeforeBytes()) + " -> " + mb(e.oldAfterBytes()) + " MB (threshold "
                + mb(e.thresholdBytes()) + " MB)";
    }

    /** Threads of {@code instance} stall on allocation until the concurrent cycle ends. */
    public static String stall(String instance, CollectorKind collector, GcEvent e) {
        return instance + " allocation stall (" + collector.id() + "): " + e.cause()
                + "; allocating threads wait " + ms(e.pauseMs()) + " ms for it to end";
    }

    /** A second whose longest pause, on {@code longestInstance}, exceeded the pause target. */
    public static String overTarget(double pauseMs, long collections, double longestMs, String longestInstance, double targetMs) {
        return "the fleet's pauses added up to " + ms(pauseMs) + " ms in the last second (" + collections
                + " collections); the longest, " + ms(longestMs) + " ms on " + longestInstance + ", exceeds the "
                + ms(targetMs) + " ms pause target";
    }

    private static String ms(double v) {
        return Parameter.format(Math.round(v * 1000) / 1000.0);
    }

    private static String mb(long bytes) {
        return Parameter.format(Math.round(Heap.mb(bytes) * 10) / 10.0);
    }
}
