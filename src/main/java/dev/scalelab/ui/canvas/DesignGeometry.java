package dev.scalelab.ui.canvas;

import dev.scalelab.world.Topology;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the design canvas draws things, in canvas units (the view scales and shifts them): each
 * node's box, its ports, and each edge's curve. The view, the minimap, the hit tests and the SVG
 * export all take their shapes from here, so an export matches the screen.
 */
public final class DesignGeometry {
    static final double W = DesignEditor.NODE_WIDTH;
    static final double H = DesignEditor.NODE_HEIGHT;
    /** A port's radius: what the user grabs to draw an edge. */
    static final double PORT_RADIUS = 6;
    /** Samples along an edge for hit tests and particles. */
    private static final int CURVE_SAMPLES = 24;

    private DesignGeometry() {
    }

    /**
     * The top-left corner of each node's box, in the topology's order: its own position, or for a node
     * without one (a file written by hand, an import) its place in the layered layout.
     */
    public static Map<String, double[]> positions(Topology t) {
        Map<String, double[]> at = new LinkedHashMap<>();
        Topology laid = null;
        for (Topology.Node n : t.nodes()) {
            if (n.position().size() == 2) {
                at.put(n.id(), new double[] {n.position().get(0), n.position().get(1)});
            } else {
                if (laid == null) {
                    laid = DesignEditor.laidOut(t);
                }
                java.util.List<Double> p = laid.node(n.id()).position();
                at.put(n.id(), new double[] {p.get(0), p.get(1)});
            }
        }
        return at;
    }

    /** The smallest box around every node: {minX, minY, maxX, maxY}; a unit box at 0 for an empty design. */
    public static double[] bounds(Map<String, double[]> at) {
        if (at.isEmpty()) {
            return new double[] {0, 0, W, H};
        }
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] p : at.values()) {
            b[0] = Math.min(b[0], p[0]);
            b[1] = Math.min(b[1], p[1]);
            b[2] = Math.max(b[2], p[0] + W);
            b[3] = Math.max(b[3], p[1] + H);
        }
        return b;
    }

    /** The node whose box holds (x, y), the last drawn (on top) first; null for none. */
    static String nodeAt(Map<String, double[]> at, double x, double y) {
        String hit = null;
        for (Map.Entry<String, double[]> e : at.entrySet()) {
            double[] p = e.getValue();
            if (x >= p[0] && x <= p[0] + W && y >= p[1] && y <= p[1] + H) {
                hit = e.getKey();
            }
        }
        return hit;
    }

    /** The node whose out-port (the dot on the right edge of its box) is within {@code slop} of (x, y); null for none. */
    static String portAt(Map<String, double[]> at, double x, double y, double slop) {
        for (Map.Entry<String, double[]> e : at.entrySet()) {
            double[] port = outPort(e.getValue());
            if (Math.hypot(x - port[0], y - port[1]) <= PORT_RADIUS + slop) {
                return e.getKey();
            }
        }
        return null;
    }

    static double[] outPort(double[] box) {
        return new double[] {box[0] + W, box[1] + H / 2};
    }

    static double[] inPort(double[] box) {
        return new double[] {box[0], box[1] + H / 2};
    }

    /**
     * An edge's cubic curve from the source's out-port to the target's in-port: {x0,y0, c1x,c1y, c2x,c2y,
     * x1,y1}. The handles leave and enter horizontally, as requests flow left to right; an edge going back
     * bows out further so that it does not run through the boxes.
     */
    static double[] curve(double[] fromBox, double[] toBox) {
        double[] a = outPort(fromBox);
        double[] b = inPort(toBox);
        double reach = Math.max(40, Math.abs(b[0] - a[0]) / 2);
        if (b[0] < a[0]) {
            reach = Math.max(80, (a[0] - b[0]) / 3);
        }
        return new double[] {a[0], a[1], a[0] + reach, a[1], b[0] - reach, b[1], b[0], b[1]};
    }

    /** The point at {@code t} in [0, 1] along curve {@code c}, into {@code out}. */
    static void pointOn(double[] c, double t, double[] out) {
        double u = 1 - t;
        double a = u * u * u;
        double b = 3 * u * u * t;
        double d = 3 * u * t * t;
        double e = t * t * t;
        out[0] = a * c[0] + b * c[2] + d * c[4] + e * c[6];
        out[1] = a * c[1] + b * c[3] + d * c[5] + e * c[7];
    }

    /** The shortest distance from (x, y) to curve {@code c}, by samples. */
    static double distanceTo(double[] c, double x, double y) {
        double best = Double.MAX_VALUE;
        double[] p = new double[2];
        double[] q = new double[2];
        pointOn(c, 0, p);
        for (int i = 1; i <= CURVE_SAMPLES; i++) {
            pointOn(c, i / (double) CURVE_SAMPLES, q);
            best = Math.min(best, segmentDistance(p, q, x, y));
            p[0] = q[0];
            p[1] = q[1];
        }
        return best;
    }

    private static double segmentDistance(double[] p, double[] q, double x, double y) {
        double dx = q[0] - p[0];
        double dy = q[1] - p[1];
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - p[0]) * dx + (y - p[1]) * dy) / len2));
        return Math.hypot(x - (p[0] + t * dx), y - (p[1] + t * dy));
    }

    /** The index of the edge whose curve passes within {@code slop} of (x, y), or -1. */
    static int edgeAt(Topology t, Map<String, double[]> at, double x, double y, double slop) {
        for (int i = t.edges().size() - 1; i >= 0; i--) {
            Topology.Edge e = t.edges().get(i);
            double[] from = at.get(e.from());
            double[] to = at.get(e.to());
            if (from != null && to != null && distanceTo(curve(from, to), x, y) <= slop) {
                return i;
            }
        }
        return -1;
    }

    /** "×2 · reads": what differs from a plain edge, so the common case stays clean. */
    static String edgeLabel(Topology.Edge e) {
        StringBuilder b = new StringBuilder();
        if (e.weight() != 1) {
            b.append('×').append(dev.scalelab.world.FieldSpec.format(e.weight()));
        }
        if (e.probability() != 1) {
            b.append(b.length() > 0 ? " · " : "").append(Math.round(e.probability() * 100)).append(" %");
        }
        if (!e.traffic().equals("all")) {
            b.append(b.length() > 0 ? " · " : "").append(e.traffic());
        }
        return b.toString();
    }
}
