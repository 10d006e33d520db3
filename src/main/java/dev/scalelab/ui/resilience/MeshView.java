package dev.scalelab.ui.resilience;

import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.canvas.CanvasRegion;
import dev.scalelab.ui.canvas.CanvasShapes;
import dev.scalelab.ui.canvas.StyleableColors;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.VPos;
import dev.scalelab.ui.canvas.CanvasFont;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;

import java.util.List;

import static dev.scalelab.ui.resilience.MeshLayout.LEGEND_HEIGHT;
import static dev.scalelab.ui.resilience.MeshLayout.MARGIN;
import static dev.scalelab.ui.resilience.MeshLayout.ROW_FOOTER;
import static dev.scalelab.ui.resilience.MeshLayout.ROW_HEADER;
import static dev.scalelab.ui.resilience.MeshLayout.SERVICE_HEIGHT;
import static dev.scalelab.ui.resilience.MeshLayout.SERVICE_WIDTH;
import static dev.scalelab.ui.resilience.MeshTexts.LABEL_FONT;
import static dev.scalelab.ui.resilience.MeshTexts.SMALL_FONT;
import static dev.scalelab.ui.resilience.MeshTexts.TITLE_FONT;

/**
 * The animated picture of the Resilience panel: the calling service on the left and, for each
 * dependency, a row with its mesh client's circuit breaker ({@link BreakerDiagram}, a control of its
 * own) in front of the dependency itself ({@link DependencyCard}: its workers, its queue, its faults).
 * Dots sample the attempts ({@link AttemptDotLayer}): they fly from the service through the breaker
 * to the dependency, flash red where the dependency fails them, and bounce off an open breaker.
 *
 * <p>Layers, bottom first: the picture (service, wires, dependency cards, legend), the breaker
 * diagrams, the dots. Colours are CSS properties ({@code -sl-…} in {@code styles/resilience.css}).
 * FX thread only; {@link #draw} allocates nothing: the texts are made when a frame arrives
 * ({@link MeshTexts}).
 */
public final class MeshView extends CanvasRegion {
    private static final StyleableColors<MeshView> CSS = new StyleableColors<>(Region.getClassCssMetaData());
    /**
     * The picture changes a little with every frame (counters, busy workers, the countdown), but ten
     * redraws a second read as live and cost a sixth of sixty; only the dots need every pulse.
     */
    static final long PICTURE_INTERVAL_NANOS = 100_000_000L;

    final MeshColors colors = new MeshColors(CSS, this, v -> v.colors);
    /** The picture: service, wires, dependency cards, texts. Redrawn at most {@link #PICTURE_INTERVAL_NANOS} apart. */
    private final Canvas picture;
    /** The dots on top, redrawn every pulse while any is in flight: a small fraction of the picture's cost. */
    private final Canvas dotLayer;
    private final MeshLayout layout = new MeshLayout();
    private final MeshTexts texts = new MeshTexts();
    private final DependencyCard dependencyCard = new DependencyCard(colors, texts, layout);
    private final MeshLegend legend = new MeshLegend(colors, texts);
    private final AttemptDotLayer dots = new AttemptDotLayer(colors, layout);
    private final List<BreakerDiagram> breakers = new java.util.ArrayList<>();

    private Snapshot snapshot;
    private List<DependencyTrack> tracks = List.of();
    private double attemptsPerDot = 1;
    private boolean pictureDirty = true;
    /** Set when something must show at once rather than at the next tenth of a second: a breaker changed state. */
    private boolean pictureUrgent = true;
    private long pictureDrawnNanos = Long.MIN_VALUE;
    private byte[] drawnStates = new byte[0];
    private boolean dotsShown;

    public MeshView() {
        this(new Canvas(), new Canvas());
    }

    private MeshView(Canvas picture, Canvas dotLayer) {
        super("mesh-view", picture, dotLayer);
        this.picture = picture;
        this.dotLayer = dotLayer;
    }

    @Override
    protected void resized() {
        pictureDirty = true; // redrawn at the next pulse, not here
        pictureUrgent = true;
    }

    /** Takes in a new frame; drawn at the next {@link #draw}. FX thread only. */
    void show(Snapshot newSnapshot, List<DependencyTrack> newTracks, double newAttemptsPerDot, boolean restarted) {
        assert FxThread.isCurrent();
        if (restarted) {
            dots.clear();
        }
        snapshot = newSnapshot;
        tracks = newTracks;
        attemptsPerDot = newAttemptsPerDot;
        pictureDirty = true;
        List<Snapshot.DependencyView> views = newSnapshot.dependencies();
        if (restarted || drawnStates.length != views.size()) {
            pictureUrgent = true;
        } else {
            for (int i = 0; i < views.size(); i++) {
                if (drawnStates[i] != views.get(i).breaker().state().ordinal()) {
                    pictureUrgent = true;
                }
            }
        }
    }

    /** Launches this frame's dots, spread over the time since the last frame. FX thread only. */
    void launch(long nowNanos) {
        assert FxThread.isCurrent();
        dots.launch(tracks, nowNanos);
    }

    /** Redraws the picture when a frame changed it and its time has come, and the dots while any moves. Once per pulse, FX thread only. */
    void draw(long nowNanos) {
        assert FxThread.isCurrent();
        if (snapshot == null) {
            return;
        }
        if (pictureDirty && (pictureUrgent || nowNanos - pictureDrawnNanos >= PICTURE_INTERVAL_NANOS)) {
            texts.make(snapshot, tracks, attemptsPerDot);
            renderPicture(picture.getGraphicsContext2D());
            pictureDirty = false;
            pictureUrgent = false;
            pictureDrawnNanos = nowNanos;
            List<Snapshot.DependencyView> views = snapshot.dependencies();
            if (drawnStates.length != views.size()) {
                drawnStates = new byte[views.size()];
            }
            for (int i = 0; i < views.size(); i++) {
                drawnStates[i] = (byte) views.get(i).breaker().state().ordinal();
            }
        }
        dots.expire(nowNanos);
        if (dots.size() > 0 || dotsShown) {
            GraphicsContext g = dotLayer.getGraphicsContext2D();
            g.clearRect(0, 0, dotLayer.getWidth(), dotLayer.getHeight());
            if (laidOut()) {
                CanvasFont.beginMagnified(g, drawnScale); // over the picture, at its scale
                try {
                    dots.draw(g, snapshot.dependencies().size(), nowNanos);
                } finally {
                    CanvasFont.endMagnified(g);
                }
            }
            dotsShown = dots.size() > 0;
        }
    }

    /**
     * The breaker card of the dependency named {@code name} (case-insensitive) as last laid out, in this
     * view's coordinates, or null when there is no such dependency or the picture is too small to draw.
     */
    public javafx.geometry.Bounds breakerBounds(String name) {
        if (snapshot == null || !laidOut()) {
            return null;
        }
        List<Snapshot.DependencyView> dependencies = snapshot.dependencies();
        for (int i = 0; i < dependencies.size(); i++) {
            if (dependencies.get(i).name().equalsIgnoreCase(name)) {
                double s = drawnScale;
                return new javafx.geometry.BoundingBox(s * layout.breakerX, s * layout.cardTop(i), s * layout.breakerWidth,
                        s * layout.cardHeight);
            }
        }
        return null;
    }

    /** True when the last picture laid out rows, so the dots know where to fly. */
    private boolean laidOut() {
        return layout.laidOut() && drawnStates.length == snapshot.dependencies().size() && !snapshot.dependencies().isEmpty()
                && legible();
    }

    private boolean legible() {
        return picture.getWidth() / drawnScale >= MeshLayout.MIN_WIDTH && picture.getHeight() / drawnScale >= MeshLayout.MIN_HEIGHT;
    }

    /**
     * The font scale of the last picture: it is laid out in 100 % units over the canvas divided by
     * this and drawn magnified by it, the breaker diagrams and the dots with it.
     */
    private double drawnScale = 1;

    private void renderPicture(GraphicsContext g) {
        g.clearRect(0, 0, picture.getWidth(), picture.getHeight());
        drawnScale = CanvasFont.paintMagnified(picture, (gc, w, h) -> renderPicture(gc, w, h));
    }

    private void renderPicture(GraphicsContext g, double width, double height) {
        int n = snapshot.dependencies().size();
        showBreakers(legible() ? n : 0);
        if (n == 0 || !legible()) {
            return; // nothing to draw, or too small to be legible: the region is being collapsed
        }
        if (layout.layout(width, height, n)) {
            texts.unfit();
        }
        texts.fit(layout);
        g.setTextBaseline(VPos.CENTER);
        double serviceY = layout.serviceY();
        for (int i = 0; i < n; i++) {
            drawLink(g, MARGIN + SERVICE_WIDTH, serviceY, layout.breakerX, layout.wireY(i));
            drawLink(g, layout.breakerX + layout.breakerWidth, layout.wireY(i), layout.dependencyX, layout.wireY(i));
        }
        drawService(g, serviceY);
        for (int i = 0; i < n; i++) {
            Snapshot.DependencyView v = snapshot.dependencies().get(i);
            Scenario.Dependency d = snapshot.current().dependencies().get(i);
            drawRowHeader(g, i);
            breakers.get(i).paint(i, v, d, drawnScale);
            dependencyCard.draw(g, i, v, d);
            g.setFont(SMALL_FONT.font());
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(colors.mutedTextFill.getValue());
            g.fillText(texts.counters[i], layout.breakerX, layout.rowTop(i) + layout.rowHeight - ROW_FOOTER / 2 - 2);
        }
        legend.draw(g, height - MARGIN - LEGEND_HEIGHT / 2 + 4, width - MARGIN);
    }

    /** Keeps one breaker diagram per row, between the picture and the dots. */
    private void showBreakers(int n) {
        while (breakers.size() > n) {
            getChildren().remove(breakers.remove(breakers.size() - 1));
        }
        while (breakers.size() < n) {
            BreakerDiagram diagram = new BreakerDiagram(texts, layout);
            breakers.add(diagram);
            getChildren().add(getChildren().indexOf(dotLayer), diagram);
        }
    }

    /** The breaker diagrams, one per row, top first. */
    List<BreakerDiagram> breakers() {
        return breakers;
    }

    private void drawLink(GraphicsContext g, double fromX, double fromY, double toX, double toY) {
        g.setStroke(colors.linkStroke.getValue());
        g.setLineWidth(2);
        double dx = toX - fromX;
        double dy = toY - fromY;
        double length = Math.hypot(dx, dy);
        double ux = dx / length;
        double uy = dy / length;
        g.strokeLine(fromX + 3 * ux, fromY + 3 * uy, toX - 9 * ux, toY - 9 * uy);
        CanvasShapes.arrowHead(g, toX - 2 * ux, toY - 2 * uy, ux, uy, 9, 4.5, colors.linkStroke.getValue());
    }

    private void drawService(GraphicsContext g, double centerY) {
        double top = centerY - SERVICE_HEIGHT / 2;
        CanvasShapes.card(g, MARGIN, top, SERVICE_WIDTH, SERVICE_HEIGHT, colors.cardFill.getValue(), colors.cardBorder.getValue(), 1);
        double cx = MARGIN + SERVICE_WIDTH / 2;
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(colors.textFill.getValue());
        g.setFont(TITLE_FONT.font());
        g.fillText(texts.serviceTitle, cx, top + 22);
        g.setFont(LABEL_FONT.font());
        g.fillText(texts.serviceRate, cx, top + 46);
        g.setFill(colors.mutedTextFill.getValue());
        g.setFont(SMALL_FONT.font());
        g.fillText(texts.serviceLines[0], cx, top + 68);
        g.fillText(texts.serviceLines[1], cx, top + 82);
    }

    private void drawRowHeader(GraphicsContext g, int i) {
        double y = layout.rowTop(i) + ROW_HEADER / 2;
        double x = layout.breakerX;
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(colors.textFill.getValue());
        g.setFont(TITLE_FONT.font());
        g.fillText(texts.headers[i], x, y);
        g.setFill(colors.mutedTextFill.getValue());
        g.setFont(SMALL_FONT.font());
        g.fillText(texts.summaries[i], x + texts.headerWidths[i] + 10, y + 1);
    }

    @Override
    protected StyleableColors<?> colors() {
        return CSS;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.cssMetaData();
    }
}
