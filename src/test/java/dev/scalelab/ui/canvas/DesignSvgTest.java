package dev.scalelab.ui.canvas;

import dev.scalelab.design.NodeKind;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SVG export is written from the canvas geometry: one group per box, one curve per edge, dashes by mode. */
class DesignSvgTest {

    @Test
    void everyBoxAndEdgeIsDrawnWhereTheCanvasDrawsItAndAsyncEdgesAreDotted() {
        DesignEditor e = DesignExamples.apiGateway();
        String service = "service-1";
        String queue = e.addNode(NodeKind.QUEUE, 1200, 400);
        String worker = e.addNode(NodeKind.SERVICE, 1460, 400);
        e.connect(service, queue);
        e.connect(queue, worker);
        assertEquals(null, e.setField("topology.edges[0].weight", 2.0));
        String svg = DesignSvg.of(e.topology());
        assertEquals(9, count(svg, "<g id=\""));
        assertEquals(8, count(svg, "stroke=\"#57606a\" stroke-width=\"1.6\""), "one curve per edge");
        assertEquals(2, count(svg, "stroke-dasharray=\"2 5\""), "the two async edges");
        assertTrue(svg.contains(">×2</text>"), "a weight other than 1 is labelled");
        double[] box = DesignGeometry.positions(e.topology()).get(queue);
        assertTrue(svg.contains(String.format(java.util.Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"176.0\"", box[0], box[1])));
        assertTrue(svg.contains("<text x=\"1242.0\" y=\"427.0\" font-size=\"13\" font-weight=\"bold\" fill=\"#24292f\">queue-1</text>"));
        assertTrue(svg.contains("Orders DB"));
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
