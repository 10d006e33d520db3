package dev.scalelab.ui.resilience;

import dev.scalelab.ui.canvas.CanvasFont;

import dev.scalelab.engine.resilience.BreakerState;
import java.util.function.Supplier;
import dev.scalelab.engine.resilience.BreakerView;
import dev.scalelab.ui.TextFit;
import dev.scalelab.ui.canvas.CanvasShapes;
import dev.scalelab.world.Scenario;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import static dev.scalelab.ui.resilience.MeshTexts.NODE_FONT;
import static dev.scalelab.ui.resilience.MeshTexts.SMALL_FONT;

/**
 * Draws a circuit breaker's state machine: its states as pills, the lit one in its colour (OPEN with
 * the countdown to HALF_OPEN), and the transitions between them as arrows. Part of a
 * {@link BreakerDiagram}. FX thread only.
 */
final class BreakerMachine {
    static final double NODE_WIDTH = 96;
    static final double NODE_HEIGHT = 26;
    private static final Supplier<Double> FAIL_WIDTH = CanvasFont.perScale(() -> TextFit.width("fail", SMALL_FONT.font()));
    private static final Supplier<Double> PASS_WIDTH = CanvasFont.perScale(() -> TextFit.width("pass", SMALL_FONT.font()));

    private final MeshColors colors;
    private final MeshTexts texts;

    BreakerMachine(MeshColors colors, MeshTexts texts) {
        this.colors = colors;
        this.texts = texts;
    }

    /** The text of a lit pill: OPEN and HALF-OPEN carry their countdown and trial permits. */
    String stateText(int i, BreakerState state) {
        switch (state) {
            case OPEN: return texts.openNodeTexts[i];
            case HALF_OPEN: return texts.halfOpenNodeTexts[i];
            case CLOSED: return "CLOSED";
            case FORCED_OPEN: return "FORCED OPEN";
            case METRICS_ONLY: return "METRICS ONLY";
            default: return "DISABLED";
        }
    }

    /** How much of the wait in OPEN is left (the lit node empties as it runs out), or 1. */
    static double nodeFraction(BreakerView b, Scenario.Dependency d) {
        if (b.state() != BreakerState.OPEN || d.breaker() == null) {
            return 1;
        }
        double waitNanos = d.breaker().waitDurationInOpenStateMs() * 1e6;
        return waitNanos <= 0 ? 0 : MeshLayout.clamp(b.remainingWaitNanos() / waitNanos, 0, 1);
    }

    /**
     * The state machine: CLOSED, OPEN and HALF_OPEN with the four transitions as arrows (the trip,
     * labelled with the threshold; the wait; the trial calls passing or failing). With room, a
     * triangle (HALF_OPEN below between the others); in a low card, a row with the way back from
     * HALF_OPEN drawn underneath. The arrow of the last transition is drawn in the colour of the
     * state it led to.
     */
    void draw(GraphicsContext g, int i, BreakerView b, Scenario.Dependency d,
              double x, double y, double w, double h) {
        BreakerState state = b.state();
        boolean moved = b.transitionCount() > 0;
        Color idle = colors.linkStroke.getValue();
        Color trip = state == BreakerState.OPEN && moved ? colors.openFill.getValue() : idle;
        Color wait = state == BreakerState.HALF_OPEN ? colors.halfOpenFill.getValue() : idle;
        Color pass = state == BreakerState.CLOSED && moved ? colors.closedFill.getValue() : idle;
        g.setFont(SMALL_FONT.font());
        g.setFill(colors.mutedTextFill.getValue());
        double closedX;
        double openX;
        double halfX;
        double topY;
        double halfY;
        double nodeW;
        if (h >= MeshLayout.TRIANGLE_HEIGHT) {
            nodeW = Math.min(NODE_WIDTH + 14, (w - 40) / 2);
            closedX = x;
            openX = x + w - nodeW;
            topY = y + 12;
            halfX = x + (w - nodeW) / 2;
            halfY = y + h - NODE_HEIGHT - 2;
            double topBottom = topY + NODE_HEIGHT + 6; // below the countdown bar of OPEN
            double midY = topY + NODE_HEIGHT / 2;
            arrow(g, closedX + nodeW + 4, midY, openX - 4, midY, trip);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(texts.tripConditions[i], (closedX + nodeW + openX) / 2, midY - 11);
            // OPEN -> HALF_OPEN after the wait (outer arrow), HALF_OPEN -> OPEN when the trials fail (inner one).
            double ax0 = openX + nodeW * 0.66;
            double ax1 = halfX + nodeW * 0.92;
            arrow(g, ax0, topBottom + 3, ax1, halfY - 3, wait);
            double bx0 = halfX + nodeW * 0.72;
            double bx1 = openX + nodeW * 0.42;
            arrow(g, bx0, halfY - 3, bx1, topBottom + 3, idle);
            double labelY = (topBottom + halfY) / 2;
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(texts.waits[i], (ax0 + ax1) / 2 + 8, labelY);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("fail", (bx0 + bx1) / 2 - 8, labelY);
            // HALF_OPEN -> CLOSED when the trials pass.
            double cx0 = halfX + nodeW * 0.12;
            double cx1 = closedX + nodeW * 0.5;
            arrow(g, cx0, halfY - 3, cx1, topBottom + 3, pass);
            g.fillText("pass", (cx0 + cx1) / 2 - 8, labelY);
        } else {
            nodeW = Math.min(NODE_WIDTH + 4, (w - 2 * 44) / 3);
            double gap = (w - 3 * nodeW) / 2;
            closedX = x;
            openX = x + nodeW + gap;
            halfX = x + 2 * (nodeW + gap);
            topY = y + Math.max(16, (h - NODE_HEIGHT - 20) / 2 + 8);
            halfY = topY;
            double midY = topY + NODE_HEIGHT / 2;
            arrow(g, closedX + nodeW + 3, midY, openX - 3, midY, trip);
            arrow(g, openX + nodeW + 3, midY, halfX - 3, midY, wait);
            // The labels of the arrows sit above the pills' top edge, clear of the lines.
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(texts.tripConditions[i], closedX + nodeW + gap / 2, topY - 6);
            g.fillText(texts.waits[i], openX + nodeW + gap / 2, topY - 6);
            // The way back, underneath: to OPEN when the trials fail, to CLOSED when they pass.
            double under = topY + NODE_HEIGHT + 9; // below the countdown bar
            returnPath(g, halfX + nodeW * 0.35, openX + nodeW * 0.65, topY + NODE_HEIGHT + 1, under, idle);
            returnPath(g, halfX + nodeW * 0.15, closedX + nodeW * 0.5, topY + NODE_HEIGHT + 1, under + 9, pass);
            inlineLabel(g, "fail", FAIL_WIDTH.get(), (halfX + openX + nodeW) / 2, under);
            inlineLabel(g, "pass", PASS_WIDTH.get(), (closedX + nodeW + openX) / 2, under + 9);
        }
        drawNode(g, closedX, topY, nodeW, "CLOSED", state == BreakerState.CLOSED, BreakerState.CLOSED, 1);
        drawNode(g, openX, topY, nodeW, texts.openNodeTexts[i], state == BreakerState.OPEN || state == BreakerState.FORCED_OPEN,
                BreakerState.OPEN, nodeFraction(b, d));
        drawNode(g, halfX, halfY, nodeW, texts.halfOpenNodeTexts[i], state == BreakerState.HALF_OPEN, BreakerState.HALF_OPEN, 1);
        if (state == BreakerState.DISABLED || state == BreakerState.METRICS_ONLY) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(NODE_FONT.font());
            g.setFill(colors.textFill.getValue());
            g.fillText(stateText(i, state), x + w / 2, y + h / 2);
        }
    }

    /** A label on a line, with the card's colour behind it so that the line stops either side of it. */
    private void inlineLabel(GraphicsContext g, String text, double textWidth, double cx, double cy) {
        g.setFill(colors.cardFill.getValue());
        g.fillRect(cx - textWidth / 2 - 3, cy - 6, textWidth + 6, 12);
        g.setFill(colors.mutedTextFill.getValue());
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(text, cx, cy);
    }

    /** A way back under a row of states: down from {@code fromX}, across at {@code depth}, up into {@code toX}. */
    private void returnPath(GraphicsContext g, double fromX, double toX, double top, double depth, Color color) {
        g.setStroke(color);
        g.setLineWidth(1.4);
        g.strokeLine(fromX, top + 6, fromX, depth);
        g.strokeLine(fromX, depth, toX, depth);
        g.strokeLine(toX, depth, toX, top + 9);
        CanvasShapes.arrowHead(g, toX, top + 6, 0, -1, 9, 4.5, color);
    }

    /**
     * A state as a pill: lit in its colour, else an outline. Under a lit OPEN, a bar empties as the
     * wait runs out ({@code fraction} is the part left).
     */
    void drawNode(GraphicsContext g, double x, double y, double w, String text, boolean lit, BreakerState state, double fraction) {
        Color color = colors.state(state);
        if (lit) {
            g.setFill(color);
            g.fillRoundRect(x, y, w, NODE_HEIGHT, NODE_HEIGHT, NODE_HEIGHT);
            if (state == BreakerState.OPEN) {
                g.setFill(colors.idleFill.getValue());
                g.fillRect(x + NODE_HEIGHT / 2, y + NODE_HEIGHT + 3, w - NODE_HEIGHT, 3);
                g.setFill(color);
                g.fillRect(x + NODE_HEIGHT / 2, y + NODE_HEIGHT + 3, (w - NODE_HEIGHT) * fraction, 3);
            }
        } else {
            g.setFill(colors.cardFill.getValue());
            g.fillRoundRect(x, y, w, NODE_HEIGHT, NODE_HEIGHT, NODE_HEIGHT);
            g.setStroke(colors.cardBorder.getValue());
            g.setLineWidth(1);
            g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, NODE_HEIGHT - 1, NODE_HEIGHT, NODE_HEIGHT);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(NODE_FONT.font());
        g.setFill(lit ? colors.onStateText.getValue() : colors.mutedTextFill.getValue());
        g.fillText(text, x + w / 2, y + NODE_HEIGHT / 2);
    }

    private void arrow(GraphicsContext g, double fromX, double fromY, double toX, double toY, Color color) {
        double dx = toX - fromX;
        double dy = toY - fromY;
        double length = Math.hypot(dx, dy);
        if (length < 12) {
            return;
        }
        double ux = dx / length;
        double uy = dy / length;
        g.setStroke(color);
        g.setLineWidth(1.6);
        g.strokeLine(fromX, fromY, toX - 7 * ux, toY - 7 * uy);
        CanvasShapes.arrowHead(g, toX, toY, ux, uy, 8, 4, color);
    }
}
