package dev.scalelab.ui.canvas;

import dev.scalelab.design.Connections;
import dev.scalelab.world.Topology;

import java.util.Locale;
import java.util.Map;

/**
 * The diagram as an SVG document, written from {@link DesignGeometry} rather than from pixels, so it
 * scales without blur and its texts stay texts: the same boxes, glyphs, curves, dashes and labels as
 * the canvas, in the light theme's colours.
 */
final class DesignSvg {
    private static final double PAD = 24;

    private DesignSvg() {
    }

    static String of(Topology t) {
        Map<String, double[]> at = DesignGeometry.positions(t);
        double[] b = DesignGeometry.bounds(at);
        double w = b[2] - b[0] + 2 * PAD;
        double h = b[3] - b[1] + 2 * PAD;
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                + "viewBox=\"%.1f %.1f %.1f %.1f\" font-family=\"sans-serif\">\n", w, h, b[0] - PAD, b[1] - PAD, w, h));
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#f6f8fa\"/>\n",
                b[0] - PAD, b[1] - PAD, w, h));
        for (Topology.Edge e : t.edges()) {
            double[] c = DesignGeometry.curve(at.get(e.from()), at.get(e.to()));
            String dashes = switch (e.edgeMode()) {
                case FORWARD -> " stroke-dasharray=\"9 5\"";
                case ASYNC -> " stroke-dasharray=\"2 5\"";
                default -> "";
            };
            s.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\" fill=\"none\" "
                    + "stroke=\"#57606a\" stroke-width=\"1.6\"%s><title>%s → %s (%s)</title></path>\n",
                    c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], dashes, xml(e.from()), xml(e.to()), e.mode()));
            s.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"#57606a\"/>\n",
                    c[6], c[7], c[6] - 10, c[7] - 5, c[6] - 10, c[7] + 5));
            String label = DesignGeometry.edgeLabel(e);
            if (!label.isEmpty()) {
                double[] mid = new double[2];
                DesignGeometry.pointOn(c, 0.5, mid);
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" font-weight=\"bold\" "
                        + "fill=\"#57606a\" text-anchor=\"middle\">%s</text>\n", mid[0], mid[1] - 8, xml(label)));
            }
        }
        for (Topology.Node n : t.nodes()) {
            double[] p = at.get(n.id());
            s.append(String.format(Locale.ROOT, "<g id=\"%s\">\n", xml(n.id())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\" "
                    + "fill=\"#ffffff\" stroke=\"#afb8c1\" stroke-width=\"1.2\"/>\n", p[0], p[1], DesignGeometry.W, DesignGeometry.H));
            s.append(String.format(Locale.ROOT, "<path d=\"%s\" transform=\"translate(%.1f %.1f) scale(%.4f)\" fill=\"none\" "
                    + "stroke=\"#24292f\" stroke-width=\"1.8\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>\n",
                    KindGlyphs.path(n.nodeKind()), p[0] + 11, p[1] + 11, 22 / KindGlyphs.BOX));
            String label = n.label().isEmpty() ? n.id() : n.label();
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" font-weight=\"bold\" "
                    + "fill=\"#24292f\">%s</text>\n", p[0] + 42, p[1] + 27, xml(label)));
            String second = n.label().isEmpty() ? n.nodeKind().label() : n.nodeKind().label() + " · " + n.id();
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#57606a\">%s</text>\n",
                    p[0] + 42, p[1] + 44, xml(second)));
            if (!n.zone().isEmpty()) {
                // A badge on the box's top edge, as on the canvas; its width estimated from the text (6 units a letter).
                double badge = 6 * n.zone().length() + 10;
                double right = p[0] + DesignGeometry.W - 12;
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" rx=\"8\" "
                        + "fill=\"#ddf4ff\" stroke=\"#e2e6eb\"/>\n", right - badge, p[1] - 8, badge));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" font-weight=\"bold\" "
                        + "fill=\"#0969da\" text-anchor=\"middle\">%s</text>\n", right - badge / 2, p[1] + 3.5, xml(n.zone())));
            }
            if (!Connections.targetsOf(n.nodeKind()).isEmpty()) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#0969da\"/>\n",
                        p[0] + DesignGeometry.W, p[1] + DesignGeometry.H / 2, DesignGeometry.PORT_RADIUS));
            }
            s.append("</g>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
