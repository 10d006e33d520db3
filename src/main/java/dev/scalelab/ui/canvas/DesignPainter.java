package dev.scalelab.ui.canvas;

import dev.scalelab.design.Connections;
import dev.scalelab.design.NodeKind;
import dev.scalelab.world.Topology;
import dev.scalelab.world.network.NetworkSnapshot;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link DesignView}: the grid, the edges (solid for sync, dashed for forward, dotted for
 * async, with their weight and traffic when not the default), the boxes (glyph, label, kind or live
 * figures, zone tag, ports), the edge being drawn, and while a run goes on each node's utilisation
 * as its colour and gauge, and particles on each edge in proportion to its rate. FX thread only.
 */
final class DesignPainter {
    static final double[] FORWARD_DASHES = {9, 5};
    static final double[] ASYNC_DASHES = {2, 5};
    private static final double GRID = 24;
    private static final double CORNER = 12;
    private static final double GLYPH = 22;
    private static final double TEXT_X = 42;
    /** At most this many particles on the busiest edge, so drawing stays cheap at any rate. */
    static final int MAX_PARTICLES = 8;
    /** The busiest edge gets one particle per this many canvas units of its length (up to the maximum). */
    private static final double PARTICLE_SPACING = 36;
    private static final double PARTICLE_SPEED = 0.35; // curve lengths per wall second
    private static final Font LABEL = Font.font("System", FontWeight.BOLD, 13);
    private static final Font SMALL = Font.font("System", 11);
    private static final Font TAG = Font.font("System", FontWeight.BOLD, 10);
    private static final int FITTED_TEXTS = 512;

    private final DesignView view;
    private final Map<String, String> fitted = new HashMap<>();
    private final Text measure = new Text();

    DesignPainter(DesignView view) {
        this.view = view;
    }

    void paint(GraphicsContext g, double width, double height) {
        g.setFill(view.canvasFill.getValue());
        g.fillRect(0, 0, width, height);
        Topology t = view.editor().topology();
        drawGrid(g, width, height);
        if (t.nodes().isEmpty()) {
            g.setFill(view.mutedTextFill.getValue());
            g.setFont(Font.font("System", 15));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Drag a component from the palette onto the canvas, or double-click it.\n"
                    + "Then drag from a box's right-hand dot to another box to connect them.", width / 2, height / 2);
            return;
        }
        Map<String, double[]> at = shownPositions(t);
        g.save();
        g.translate(view.tx(), view.ty());
        double s = view.scale();
        g.scale(s, s);
        Map<String, NetworkSnapshot.NodeState> nodeStates = new HashMap<>();
        double maxRate = 0;
        if (view.live != null) {
            view.live.nodes().forEach(n -> nodeStates.put(n.id(), n));
            for (NetworkSnapshot.EdgeState e : view.live.edges()) {
                maxRate = Math.max(maxRate, e.ratePerSecond());
            }
        }
        for (int i = 0; i < t.edges().size(); i++) {
            Topology.Edge e = t.edges().get(i);
            double[] from = at.get(e.from());
            double[] to = at.get(e.to());
            if (from != null && to != null) {
                NetworkSnapshot.EdgeState state = view.live != null && i < view.live.edges().size() ? view.live.edges().get(i) : null;
                drawEdge(g, e, DesignGeometry.curve(from, to), i == view.editor().selectedEdge(), state, maxRate);
            }
        }
        for (Topology.Node n : t.nodes()) {
            drawNode(g, n, at.get(n.id()), view.editor().selectedNodes().contains(n.id()), nodeStates.get(n.id()));
        }
        if (view.connectFrom != null && at.containsKey(view.connectFrom)) {
            double[] port = DesignGeometry.outPort(at.get(view.connectFrom));
            g.setStroke(view.selectStroke.getValue());
            g.setLineWidth(2);
            g.setLineDashes(6, 4);
            g.strokeLine(port[0], port[1], view.connectX, view.connectY);
            g.setLineDashes();
        }
        g.restore();
    }

    /** Positions as drawn now: the selection offset by a move under way. */
    private Map<String, double[]> shownPositions(Topology t) {
        Map<String, double[]> at = DesignGeometry.positions(t);
        if (!view.moving()) {
            return at;
        }
        Map<String, double[]> moved = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : at.entrySet()) {
            double[] p = e.getValue();
            moved.put(e.getKey(), view.editor().selectedNodes().contains(e.getKey())
                    ? new double[] {p[0] + view.moveDx, p[1] + view.moveDy} : p);
        }
        return moved;
    }

    private void drawGrid(GraphicsContext g, double width, double height) {
        double step = GRID * view.scale();
        if (step < 10) {
            return;
        }
        g.setStroke(view.gridStroke.getValue());
        g.setLineWidth(1);
        g.setLineDashes();
        for (double x = mod(view.tx(), step); x < width; x += step) {
            g.strokeLine(Math.round(x) + 0.5, 0, Math.round(x) + 0.5, height);
        }
        for (double y = mod(view.ty(), step); y < height; y += step) {
            g.strokeLine(0, Math.round(y) + 0.5, width, Math.round(y) + 0.5);
        }
    }

    private static double mod(double a, double m) {
        return ((a % m) + m) % m;
    }

    private void drawEdge(GraphicsContext g, Topology.Edge e, double[] c, boolean selected, NetworkSnapshot.EdgeState state,
                          double maxRate) {
        Color stroke = selected ? view.selectStroke.getValue() : view.edgeStroke.getValue();
        g.setStroke(stroke);
        g.setLineWidth(selected ? 2.6 : 1.6);
        switch (e.edgeMode()) {
            case FORWARD -> g.setLineDashes(FORWARD_DASHES);
            case ASYNC -> g.setLineDashes(ASYNC_DASHES);
            default -> g.setLineDashes();
        }
        g.beginPath();
        g.moveTo(c[0], c[1]);
        g.bezierCurveTo(c[2], c[3], c[4], c[5], c[6], c[7]);
        g.stroke();
        g.setLineDashes();
        // The arrowhead, along the curve's last handle (always horizontal: edges enter from the left).
        g.setFill(stroke);
        g.fillPolygon(new double[] {c[6], c[6] - 10, c[6] - 10}, new double[] {c[7], c[7] - 5, c[7] + 5}, 3);
        double[] mid = new double[2];
        DesignGeometry.pointOn(c, 0.5, mid);
        String label = DesignGeometry.edgeLabel(e);
        boolean tripped = false;
        if (state != null) {
            drawParticles(g, c, state.ratePerSecond(), maxRate);
            if (!state.breaker().isEmpty()) {
                // A closed breaker is a small green ring on the edge; an open or half-open one says so in words.
                tripped = !state.breaker().equals("closed");
                Color ring = state.breaker().equals("open") ? view.hotFill.getValue()
                        : tripped ? view.busyFill.getValue() : view.calmFill.getValue();
                g.setFill(view.canvasFill.getValue());
                g.fillOval(mid[0] - 6, mid[1] - 6, 12, 12);
                g.setStroke(ring);
                g.setLineWidth(2.5);
                g.strokeOval(mid[0] - 6, mid[1] - 6, 12, 12);
                if (tripped) {
                    label = (label.isEmpty() ? "" : label + "  ") + "breaker " + state.breaker();
                }
            }
        }
        if (!label.isEmpty()) {
            drawTag(g, label, mid[0], mid[1] - 14, tripped ? view.hotFill.getValue() : view.canvasFill.getValue(),
                    tripped ? Color.WHITE : view.mutedTextFill.getValue(), true);
        }
    }

    private void drawParticles(GraphicsContext g, double[] c, double rate, double maxRate) {
        if (!(rate > 0) || !(maxRate > 0)) {
            return;
        }
        double length = Math.hypot(c[6] - c[0], c[7] - c[1]);
        double most = Math.max(1, Math.min(MAX_PARTICLES, length / PARTICLE_SPACING));
        int count = (int) Math.ceil(most * rate / maxRate);
        double[] p = new double[2];
        g.setFill(view.selectStroke.getValue());
        double phase = (view.clockSeconds * PARTICLE_SPEED) % 1.0;
        for (int i = 0; i < count; i++) {
            double t = (phase + i / (double) count) % 1.0;
            DesignGeometry.pointOn(c, t, p);
            g.fillOval(p[0] - 3.5, p[1] - 3.5, 7, 7);
        }
    }

    private void drawNode(GraphicsContext g, Topology.Node n, double[] p, boolean selected, NetworkSnapshot.NodeState state) {
        double w = DesignGeometry.W;
        double h = DesignGeometry.H;
        NodeKind kind = n.nodeKind();
        Color fill = view.nodeFill.getValue();
        Color gauge = null;
        if (state != null) {
            gauge = state.down() ? view.downFill.getValue() : utilisationColor(state.utilisation());
            if (gauge != null) {
                fill = fill.interpolate(gauge, state.down() ? 0.8 : 0.22);
            }
        }
        g.setFill(fill);
        g.fillRoundRect(p[0], p[1], w, h, CORNER, CORNER);
        if (gauge != null && !state.down() && !Double.isNaN(state.utilisation())) {
            double filled = Math.min(1, Math.max(0, state.utilisation())) * (w - 16);
            g.setFill(view.gridStroke.getValue());
            g.fillRoundRect(p[0] + 8, p[1] + h - 8, w - 16, 4, 4, 4);
            g.setFill(gauge);
            g.fillRoundRect(p[0] + 8, p[1] + h - 8, filled, 4, 4, 4);
        }
        g.setStroke(selected ? view.selectStroke.getValue() : view.nodeBorder.getValue());
        g.setLineWidth(selected ? 2.6 : 1.2);
        g.setLineDashes();
        g.strokeRoundRect(p[0], p[1], w, h, CORNER, CORNER);
        KindGlyphs.draw(g, kind, p[0] + 11, p[1] + 11, GLYPH, view.textFill.getValue());

        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
        if (!n.zone().isEmpty()) {
            // On the box's top edge, as a badge, so that the label keeps the box's width.
            String zone = fit(n.zone(), TAG, w - 40);
            double tagWidth = width(zone, TAG) + 10;
            drawTag(g, zone, p[0] + w - 12 - tagWidth / 2, p[1], view.zoneFill.getValue(), view.selectStroke.getValue(), true);
        }
        g.setFill(view.textFill.getValue());
        g.setFont(LABEL);
        String label = n.label().isEmpty() ? n.id() : n.label();
        g.fillText(fit(label, LABEL, w - TEXT_X - 10), p[0] + TEXT_X, p[1] + 27);
        g.setFill(view.mutedTextFill.getValue());
        g.setFont(SMALL);
        String second = state != null ? figures(state) : n.label().isEmpty() ? kind.label() : kind.label() + " · " + n.id();
        g.fillText(fit(second, SMALL, w - TEXT_X - 8), p[0] + TEXT_X, p[1] + 44);

        g.setStroke(view.nodeBorder.getValue());
        g.setLineWidth(1.2);
        if (kind != NodeKind.CLIENTS) {
            g.setFill(view.nodeFill.getValue());
            double[] in = DesignGeometry.inPort(p);
            g.fillOval(in[0] - 4, in[1] - 4, 8, 8);
            g.strokeOval(in[0] - 4, in[1] - 4, 8, 8);
        }
        if (!Connections.targetsOf(kind).isEmpty()) {
            double r = DesignGeometry.PORT_RADIUS;
            double[] out = DesignGeometry.outPort(p);
            g.setFill(view.selectStroke.getValue());
            g.fillOval(out[0] - r, out[1] - r, 2 * r, 2 * r);
        }
    }

    /**
     * The live line of a box: utilisation, queue, instances; the hit ratio of a cache or CDN; a
     * service's share of time in GC pauses and its connection wait (p99) once they matter; a
     * balancer's ejected or unhealthy instances and its panic; "down" when its zone is out.
     */
    static String figures(NetworkSnapshot.NodeState s) {
        if (s.down()) {
            return "down (zone out)";
        }
        StringBuilder b = new StringBuilder();
        if (!Double.isNaN(s.utilisation())) {
            b.append(String.format(Locale.ROOT, "ρ %.2f", s.utilisation()));
        } else {
            b.append(String.format(Locale.ROOT, "%.0f/s", s.arrivalsPerSecond()));
        }
        if (!Double.isNaN(s.hitRatio())) {
            b.append(String.format(Locale.ROOT, " · hit %.0f %%", 100 * s.hitRatio()));
        }
        if (s.queued() > 0) {
            b.append(" · q ").append(s.queued());
        }
        if (s.instances() > 0) {
            b.append(" · ").append(s.instances()).append(s.kind() == NodeKind.DATABASE ? " nodes" : " inst");
        }
        if (!s.health().isEmpty()) {
            b.append(" · ").append(s.health());
        }
        NetworkSnapshot.ServiceFigures f = s.service();
        if (f != null) {
            // What a service's runtime costs it, once it matters: time lost to pauses, requests waiting for a connection.
            if (f.gcPauseShare() >= 0.02) {
                b.append(String.format(Locale.ROOT, " · GC %.0f %%", 100 * f.gcPauseShare()));
            }
            if (f.connectionWaitMsP99() >= 10) {
                b.append(String.format(Locale.ROOT, " · conn wait %.0f ms", f.connectionWaitMsP99()));
            }
        }
        return b.toString();
    }

    /** Green below 0.6, amber towards 0.85, red from 0.95; null where utilisation means nothing. */
    Color utilisationColor(double rho) {
        if (Double.isNaN(rho)) {
            return null;
        }
        Color calm = view.calmFill.getValue();
        Color busy = view.busyFill.getValue();
        Color hot = view.hotFill.getValue();
        if (rho <= 0.6) {
            return calm;
        }
        if (rho <= 0.85) {
            return calm.interpolate(busy, (rho - 0.6) / 0.25);
        }
        return busy.interpolate(hot, Math.min(1, (rho - 0.85) / 0.1));
    }

    private void drawTag(GraphicsContext g, String text, double centerX, double centerY, Color fill, Color textColor, boolean border) {
        double w = width(text, TAG) + 10;
        g.setFill(fill);
        g.fillRoundRect(centerX - w / 2, centerY - 8, w, 16, 8, 8);
        if (border) {
            g.setStroke(view.gridStroke.getValue());
            g.setLineWidth(1);
            g.strokeRoundRect(centerX - w / 2, centerY - 8, w, 16, 8, 8);
        }
        g.setFill(textColor);
        g.setFont(TAG);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, centerX, centerY);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
    }

    private double width(String text, Font font) {
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    /** {@code text} cut with an ellipsis to fit {@code max} units; measured once per text and font. */
    private String fit(String text, Font font, double max) {
        String key = font.getSize() + "|" + (int) max + "|" + text;
        String known = fitted.get(key);
        if (known != null) {
            return known;
        }
        String shown = text;
        if (width(text, font) > max) {
            int n = text.length();
            while (n > 1 && width(text.substring(0, n) + "…", font) > max) {
                n--;
            }
            shown = text.substring(0, n) + "…";
        }
        if (fitted.size() > FITTED_TEXTS) {
            fitted.clear();
        }
        fitted.put(key, shown);
        return shown;
    }
}
