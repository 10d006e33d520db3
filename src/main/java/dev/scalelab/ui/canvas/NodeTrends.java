package dev.scalelab.ui.canvas;

import dev.scalelab.design.NodeKind;
import dev.scalelab.world.network.NetworkSnapshot;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each box's live figures over the run so far, for the trend lines the inspector shows for the
 * selected box while the design runs: one point per simulated second the canvas saw (a snapshot's
 * rates are over its last simulated second, so a frame that spans several seconds gives the last of
 * them, as a chart downsamples). Memory is bounded: past {@link #CAPACITY} points a box keeps every
 * other one and its spacing doubles, so an hour-long run at max speed keeps its whole shape.
 *
 * <p>Plain Java, fed a snapshot per frame by the canvas (FX thread); a snapshot earlier than the
 * last one is a new run, and starts the trends over.
 */
final class NodeTrends {
    static final int CAPACITY = 512;

    /** A figure a box can show, with the kinds it means something for. */
    enum Figure {
        ARRIVALS("requests", "/s"), ERRORS("errors", "/s"), P99("p99", " ms"), UTILISATION("ρ", ""),
        INSTANCES("instances", ""), QUEUED("waiting", ""), HIT_RATIO("hit ratio", " %");

        final String label;
        final String unit;

        Figure(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        double of(NetworkSnapshot.NodeState n) {
            return switch (this) {
                case ARRIVALS -> n.arrivalsPerSecond();
                case ERRORS -> n.errorsPerSecond();
                case P99 -> n.p99Ms();
                case UTILISATION -> n.utilisation();
                case INSTANCES -> n.instances();
                case QUEUED -> n.queued();
                case HIT_RATIO -> 100 * n.hitRatio();
            };
        }

        /** The figures a box of {@code kind} shows, the traffic's first. */
        static List<Figure> of(NodeKind kind) {
            return switch (kind) {
                case CLIENTS, BALANCER -> List.of(ARRIVALS, ERRORS, P99);
                case SERVICE -> List.of(ARRIVALS, ERRORS, P99, UTILISATION, INSTANCES, QUEUED);
                case DATABASE -> List.of(ARRIVALS, ERRORS, P99, UTILISATION, QUEUED);
                case QUEUE, TOPIC -> List.of(ARRIVALS, ERRORS, P99, QUEUED);
                case CACHE, CDN -> List.of(ARRIVALS, ERRORS, P99, HIT_RATIO);
                case GATEWAY, EXTERNAL -> List.of(ARRIVALS, ERRORS, P99, UTILISATION);
            };
        }
    }

    /** One box's points: simulated seconds and, per figure of its kind, the value then (NaN: none). */
    static final class Track {
        final NodeKind kind;
        final List<Figure> figures;
        private double[] seconds = new double[64];
        private double[][] values;
        private int size;
        private int spacingSeconds = 1;

        Track(NodeKind kind) {
            this.kind = kind;
            this.figures = Figure.of(kind);
            values = new double[figures.size()][64];
        }

        int size() {
            return size;
        }

        double second(int i) {
            return seconds[i];
        }

        double value(Figure f, int i) {
            return values[figures.indexOf(f)][i];
        }

        /** Seconds between kept points: 1, doubling each time the track filled up. */
        int spacingSeconds() {
            return spacingSeconds;
        }

        private void add(double second, NetworkSnapshot.NodeState n) {
            if (size > 0 && second < seconds[size - 1] + spacingSeconds) {
                return;
            }
            if (size == CAPACITY) {
                halve();
            }
            if (size == seconds.length) {
                seconds = Arrays.copyOf(seconds, Math.min(CAPACITY, 2 * size));
                for (int f = 0; f < values.length; f++) {
                    values[f] = Arrays.copyOf(values[f], seconds.length);
                }
            }
            seconds[size] = second;
            for (int f = 0; f < figures.size(); f++) {
                values[f][size] = figures.get(f).of(n);
            }
            size++;
        }

        /** Keeps every other point, the first included, and doubles the spacing. */
        private void halve() {
            int kept = 0;
            for (int i = 0; i < size; i += 2) {
                seconds[kept] = seconds[i];
                for (double[] v : values) {
                    v[kept] = v[i];
                }
                kept++;
            }
            size = kept;
            spacingSeconds *= 2;
        }
    }

    private final Map<String, Track> tracks = new HashMap<>();
    private double lastTime = Double.NEGATIVE_INFINITY;
    private long lastSecond = -1;

    /**
     * Takes the figures of {@code s} when it is in a simulated second not taken yet (it must have
     * ended: a snapshot before t = 1 s has no whole second to show). Returns whether any point was added.
     */
    boolean take(NetworkSnapshot s) {
        if (s.timeSeconds() < lastTime) {
            clear();
        }
        lastTime = s.timeSeconds();
        long second = (long) Math.floor(s.timeSeconds());
        if (second < 1 || second == lastSecond) {
            return false;
        }
        lastSecond = second;
        for (NetworkSnapshot.NodeState n : s.nodes()) {
            Track t = tracks.get(n.id());
            if (t == null || t.kind != n.kind()) {
                t = new Track(n.kind());
                tracks.put(n.id(), t);
            }
            t.add(second, n);
        }
        return true;
    }

    /** The box's points; null before its first. */
    Track track(String nodeId) {
        return tracks.get(nodeId);
    }

    void clear() {
        tracks.clear();
        lastTime = Double.NEGATIVE_INFINITY;
        lastSecond = -1;
    }
}
