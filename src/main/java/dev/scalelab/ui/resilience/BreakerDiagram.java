package dev.scalelab.ui.resilience;

import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.engine.resilience.BreakerView;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.canvas.CanvasShapes;
import dev.scalelab.ui.canvas.StyleableColors;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.geometry.VPos;
import dev.scalelab.ui.canvas.CanvasFont;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;

import java.util.List;

import static dev.scalelab.ui.resilience.MeshLayout.BREAKER_FOOTER;
import static dev.scalelab.ui.resilience.MeshLayout.BREAKER_TITLE;
import static dev.scalelab.ui.resilience.MeshTexts.BIG_FONT;
import static dev.scalelab.ui.resilience.MeshTexts.BOLD_FONT;
import static dev.scalelab.ui.resilience.MeshTexts.LABEL_FONT;
import static dev.scalelab.ui.resilience.MeshTexts.SMALL_FONT;

/**
 * One mesh client's circuit breaker, as a card: its title and settings on top, its state machine
 * ({@link BreakerMachine}) with the current state lit, its sliding window as a ring of recent
 * outcomes ({@link WindowRing}), and what it does now along the bottom. A client without a breaker
 * shows how many attempts it sends per request instead.
 *
 * <p>A control of its own, placed by the {@link MeshView} over its row: style class
 * {@code breaker-diagram}, pseudo-classes {@code :closed}, {@code :open} (also when forced open),
 * {@code :half-open} for the state it is in and {@code :none} without a breaker, colours as the
 * mesh view's ({@code -sl-…} in {@code styles/resilience.css}). FX thread only.
 */
final class BreakerDiagram extends Region {
    static final PseudoClass CLOSED = PseudoClass.getPseudoClass("closed");
    static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");
    static final PseudoClass HALF_OPEN = PseudoClass.getPseudoClass("half-open");
    static final PseudoClass NONE = PseudoClass.getPseudoClass("none");
    private static final StyleableColors<BreakerDiagram> CSS = new StyleableColors<>(Region.getClassCssMetaData());

    final MeshColors colors = new MeshColors(CSS, this, d -> d.colors);
    private final Canvas canvas = new Canvas();
    private final MeshTexts texts;
    private final MeshLayout layout;
    private final BreakerMachine machine;
    private final WindowRing ring = new WindowRing(colors);

    BreakerDiagram(MeshTexts texts, MeshLayout layout) {
        this.texts = texts;
        this.layout = layout;
        machine = new BreakerMachine(colors, texts);
        getStyleClass().add("breaker-diagram");
        getChildren().add(canvas);
        // Placed and sized by the mesh view when it paints, not by a layout pass.
        setManaged(false);
    }

    /**
     * Moves to row {@code i}'s breaker place in the last layout and paints the breaker of {@code v}.
     * The card's pixels stay on the picture's grid: the node sits on whole pixels and the drawing
     * carries the fraction. The layout is in 100 % units; the picture is drawn magnified by
     * {@code scale} (the font scale), and so is the card. FX thread only.
     */
    void paint(int i, Snapshot.DependencyView v, Scenario.Dependency d, double scale) {
        assert FxThread.isCurrent();
        double x = scale * layout.breakerX;
        double y = scale * layout.cardTop(i);
        double left = Math.floor(x);
        double top = Math.floor(y);
        double width = Math.ceil(x + scale * layout.breakerWidth) - left;
        double height = Math.ceil(y + scale * layout.cardHeight) - top;
        resizeRelocate(left, top, width, height);
        canvas.setWidth(width);
        canvas.setHeight(height);
        BreakerState state = v.breaker().state();
        boolean none = d.breaker() == null;
        pseudoClassStateChanged(NONE, none);
        pseudoClassStateChanged(CLOSED, !none && state == BreakerState.CLOSED);
        pseudoClassStateChanged(OPEN, !none && (state == BreakerState.OPEN || state == BreakerState.FORCED_OPEN));
        pseudoClassStateChanged(HALF_OPEN, !none && state == BreakerState.HALF_OPEN);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        CanvasFont.beginMagnified(g, scale);
        try {
            g.setTextBaseline(VPos.CENTER);
            drawCard(g, i, v, d, (x - left) / scale, (y - top) / scale);
        } finally {
            CanvasFont.endMagnified(g);
        }
    }

    /**
     * The breaker card: title and settings on top, the state machine on the left, the window ring on
     * the right, and along the bottom what the breaker does now and what the ring is measured against.
     */
    private void drawCard(GraphicsContext g, int i, Snapshot.DependencyView v, Scenario.Dependency d, double x, double y) {
        double w = layout.breakerWidth;
        double h = layout.cardHeight;
        BreakerView b = v.breaker();
        CanvasShapes.card(g, x, y, w, h, colors.cardFill.getValue(),
                d.breaker() == null ? colors.cardBorder.getValue() : colors.state(b.state()), d.breaker() == null ? 1 : 2);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(colors.textFill.getValue());
        g.setFont(BOLD_FONT.font());
        g.fillText("Circuit breaker", x + 10, y + 15);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(colors.mutedTextFill.getValue());
        g.setFont(SMALL_FONT.font());
        g.fillText(texts.breakerSummaries[i], x + w - 10, y + 15);
        if (d.breaker() == null) {
            drawNoBreaker(g, i, x, y, w, h);
            return;
        }
        if (h < MeshLayout.LOW_CARD) {
            // Too little height for the machine: one lit pill and the rate.
            machine.drawNode(g, x + 10, y + 26, BreakerMachine.NODE_WIDTH + 30, machine.stateText(i, b.state()), true, b.state(),
                    BreakerMachine.nodeFraction(b, d));
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(BOLD_FONT.font());
            g.setFill(colors.textFill.getValue());
            g.fillText(texts.compactTexts[i], x + BreakerMachine.NODE_WIDTH + 54, y + 26 + BreakerMachine.NODE_HEIGHT / 2);
            return;
        }
        if (layout.compact) {
            // Too narrow for the machine: the lit state with what it is measured against, beside the ring.
            double pillWidth = Math.min(BreakerMachine.NODE_WIDTH + 30, w - 24 - (layout.ringRadius > 0 ? 2 * layout.ringRadius + 20 : 0));
            double top = y + BREAKER_TITLE + 6;
            machine.drawNode(g, x + 12, top, pillWidth, machine.stateText(i, b.state()), true, b.state(), BreakerMachine.nodeFraction(b, d));
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(SMALL_FONT.font());
            g.setFill(colors.mutedTextFill.getValue());
            g.fillText(texts.thresholds[i], x + 12, top + BreakerMachine.NODE_HEIGHT + 20);
            g.fillText(texts.windowFills[i], x + 12, top + BreakerMachine.NODE_HEIGHT + 34);
            if (layout.ringRadius > 0) {
                ring.draw(g, b, v.transitions(), d, texts.rates[i], x + w - 14 - layout.ringRadius,
                        y + BREAKER_TITLE + (h - BREAKER_TITLE - BREAKER_FOOTER) / 2, layout.ringRadius);
            }
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(SMALL_FONT.font());
            g.setFill(colors.textFill.getValue());
            g.fillText(texts.statuses[i], x + 12, y + h - BREAKER_FOOTER / 2 - 2);
            return;
        }
        double middleTop = y + BREAKER_TITLE;
        double middleHeight = h - BREAKER_TITLE - BREAKER_FOOTER;
        double ringSpace = layout.ringRadius > 0 ? 2 * layout.ringRadius + 30 : 0;
        machine.draw(g, i, b, d, x + 12, middleTop, w - 24 - ringSpace, middleHeight);
        if (layout.ringRadius > 0) {
            ring.draw(g, b, v.transitions(), d, texts.rates[i], x + w - 14 - layout.ringRadius, middleTop + middleHeight / 2, layout.ringRadius);
        }
        double footerY = y + h - BREAKER_FOOTER / 2 - 2;
        g.setFont(SMALL_FONT.font());
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(colors.textFill.getValue());
        g.fillText(texts.statuses[i], x + 12, footerY);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(colors.mutedTextFill.getValue());
        g.fillText(texts.ringCaptions[i], x + w - 10, footerY);
    }

    /** A client without a breaker: nothing stops its attempts, so the card shows how many it sends per request. */
    private void drawNoBreaker(GraphicsContext g, int i, double x, double y, double w, double h) {
        double cx = x + w / 2;
        double top = y + BREAKER_TITLE;
        double bottom = y + h - 8;
        boolean hint = bottom - top >= 110;
        double cy = (top + bottom - (hint ? 20 : 0)) / 2;
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(colors.mutedTextFill.getValue());
        g.setFont(LABEL_FONT.font());
        g.fillText(texts.noBreakerTexts[i], cx, cy - 24);
        g.setFill(texts.amplified[i] ? colors.failFill.getValue() : colors.textFill.getValue());
        g.setFont(BIG_FONT.font());
        g.fillText(texts.amplifications[i], cx, cy + 2);
        g.setFill(colors.mutedTextFill.getValue());
        g.setFont(SMALL_FONT.font());
        g.fillText("attempts per request in the last second", cx, cy + 22);
        if (hint) {
            g.fillText("“Add a circuit breaker” on the right gives it one", cx, bottom - 8);
        }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.cssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
