package dev.scalelab.ui.resilience;

import dev.scalelab.engine.resilience.BreakerTransition;
import dev.scalelab.engine.resilience.BreakerView;
import dev.scalelab.engine.resilience.CallOutcome;
import dev.scalelab.world.Scenario;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.TextAlignment;

import java.util.List;

import static dev.scalelab.ui.resilience.MeshTexts.BIG_FONT;
import static dev.scalelab.ui.resilience.MeshTexts.BOLD_FONT;
import static dev.scalelab.ui.resilience.MeshTexts.SMALL_FONT;

/** Draws a breaker's sliding window as a ring of recent outcomes around its failure rate. Part of a {@link BreakerDiagram}. FX thread only. */
final class WindowRing {
    private static final double RING_THICKNESS = 10;
    /** Ring segments drawn at most; a time window with more calls is drawn in groups. */
    private static final int MAX_RING_SEGMENTS = 180;
    /** Up to this many segments the ring shows each call apart. */
    private static final int SEPARATE_SEGMENTS = 30;

    private final MeshColors colors;

    WindowRing(MeshColors colors) {
        this.colors = colors;
    }

    /**
     * The sliding window as a ring read clockwise from the top, oldest first: one segment per call
     * the window can hold (count-based) or holds (time-based), coloured by outcome, the rest empty.
     * In the middle the failure rate, red once it has reached the threshold with enough calls.
     */
    void draw(GraphicsContext g, BreakerView b, List<BreakerTransition> transitions, Scenario.Dependency d,
              String rate, double cx, double cy, double ringRadius) {
        CallOutcome[] outcomes = b.recentOutcomes();
        int slots = Math.max(BreakerWindow.capacity(b, transitions, d.breaker()), Math.max(1, outcomes.length));
        int segments = Math.min(slots, MAX_RING_SEGMENTS);
        double thickness = Math.min(RING_THICKNESS, ringRadius / 3);
        double r = ringRadius - thickness / 2;
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineWidth(thickness);
        g.setStroke(colors.idleFill.getValue());
        g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        // Few segments are drawn apart; many are drawn as runs of one colour, a handful of arcs per ring.
        double gap = segments <= SEPARATE_SEGMENTS ? 2 : 0; // degrees
        double sweep = 360.0 / segments;
        int runStart = 0;
        Color runColor = null;
        for (int s = 0; s <= segments; s++) {
            Color color = s < segments ? segmentColor(outcomes, s, slots, segments) : null;
            if (s > 0 && (color != runColor || gap > 0 || s == segments)) {
                if (runColor != null) {
                    g.setStroke(runColor);
                    // JavaFX arcs run counter-clockwise from 3 o'clock; the ring runs clockwise from 12.
                    g.strokeArc(cx - r, cy - r, 2 * r, 2 * r, 90 - runStart * sweep - gap / 2,
                            -((s - runStart) * sweep - gap), ArcType.OPEN);
                }
                runStart = s;
            }
            runColor = color;
        }
        boolean evaluated = b.bufferedCalls() >= b.minimumCalls();
        boolean tripping = evaluated && !Float.isNaN(b.failureRatePercent()) && d.breaker().mode().equals("resilience4j")
                && b.failureRatePercent() >= d.breaker().failureRateThreshold();
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(ringRadius >= 34 ? BIG_FONT.font() : BOLD_FONT.font());
        g.setFill(tripping ? colors.failFill.getValue() : evaluated ? colors.textFill.getValue() : colors.mutedTextFill.getValue());
        if (ringRadius >= 34) {
            g.fillText(rate, cx, cy - 7);
            g.setFont(SMALL_FONT.font());
            g.setFill(colors.mutedTextFill.getValue());
            g.fillText("failed", cx, cy + 10);
        } else {
            g.fillText(rate, cx, cy);
        }
    }

    /** Segment s covers outcomes [from, to); with more outcomes than segments, the worst one shows. Null: empty. */
    private Color segmentColor(CallOutcome[] outcomes, int segment, int slots, int segments) {
        int from = (int) ((long) segment * slots / segments);
        int to = (int) ((long) (segment + 1) * slots / segments);
        Color color = null;
        for (int k = from; k < to && k < outcomes.length; k++) {
            Color c = outcomeColor(outcomes[k]);
            if (color == null || c == colors.failFill.getValue() || (c == colors.slowFill.getValue() && color == colors.successFill.getValue())) {
                color = c;
            }
        }
        return color;
    }

    private Color outcomeColor(CallOutcome outcome) {
        switch (outcome) {
            case SUCCESS: return colors.successFill.getValue();
            case SLOW_SUCCESS: return colors.slowFill.getValue();
            default: return colors.failFill.getValue();
        }
    }
}
