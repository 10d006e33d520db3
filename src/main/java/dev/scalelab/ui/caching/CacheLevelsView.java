package dev.scalelab.ui.caching;

import dev.scalelab.ui.canvas.CanvasFont;

import dev.scalelab.ui.Formats;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.canvas.CanvasRegion;
import dev.scalelab.ui.canvas.CanvasShapes;
import dev.scalelab.ui.canvas.DotRing;
import dev.scalelab.ui.canvas.StyleableColors;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Snapshot.CacheLevelView;
import dev.scalelab.world.Snapshot.CacheView;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * The animated picture of the Caching panel: the request path Reads → L1 → L2 → … → Store, each
 * level a card with a grid of its slots coloured by the popularity of the key they hold, and the
 * store with its loads per second, so that a stampede shows as a red burst of dots into the store
 * and a red bar in its history.
 *
 * <p>A level's grid, its cells and their flashes, is written pixel by pixel into one
 * {@link WritableImage} and drawn as one image: thousands of slots cost one draw, not thousands of
 * shapes (the software renderer pays for each shape). A hit marks its cell green, a fill after a miss
 * red; evictions, expiries and invalidations leave a fading outline where the key was (see
 * {@link CellFlashes}); each miss sends a dot to the next level. Under W-TinyLFU the grid is split
 * into its window, probation and protected regions.
 *
 * <p>Colours are CSS properties ({@code -sl-…} in {@code styles/caching.css}) that refer to the
 * theme's looked-up colours. FX thread only; {@link #draw} allocates nothing but short strings.
 */
public final class CacheLevelsView extends CanvasRegion {
    private static final double MARGIN = 14;
    private static final double READS_WIDTH = 84;
    private static final double READS_HEIGHT = 96;
    private static final double STORE_WIDTH = 156;
    private static final double LINK_GAP = 52;
    /** In a narrow window: no reads card, a narrower store and shorter links, so the level cards keep their text. */
    private static final double COMPACT_STORE_WIDTH = 132;
    private static final double COMPACT_LINK_GAP = 40;
    private static final double MIN_CARD_WIDTH = 150;
    private static final double MAX_CARD_WIDTH = 360;
    private static final double LEGEND_HEIGHT = 30;
    private static final double CARD_HEADER = 60;
    private static final double STAT_LINE = 16;
    private static final int STAT_LINES = 8;
    private static final int SHORT_STAT_LINES = 4;
    private static final double MIN_GRID_HEIGHT = 140;
    private static final double CARD_PADDING = 10;
    private static final double DOT_RADIUS = 3;
    private static final long FLIGHT_NANOS = 450_000_000L;
    /** Frames are at most this far apart when spreading a frame's new events over time. */
    private static final long MAX_SPREAD_NANOS = 50_000_000L;
    /**
     * At most one dot per link this often: below about 15 misses a second every miss has its dot, above
     * it the link carries a steady stream (its rate is printed over it); closer dots would merge into a bar.
     */
    private static final long MIN_DOT_INTERVAL_NANOS = 65_000_000L;
    /** Dots in flight at most; the oldest make room, as they have nearly arrived. */
    private static final int MAX_DOTS = 512;

    /** The name of the stat line of the waiting a level spared its readers, and what it means (its tooltip). */
    static final String SAVED_NAME = "time saved";
    static final String SAVED_EXPLANATION = "Time saved: the waiting this level has spared its readers since the start. "
            + "Each hit is answered at this level's latency instead of the store's, which saves (store latency − "
            + "level latency); this is that, added up over all its hits. Many requests wait at the same time, so the "
            + "sum can be far longer than the run: days saved in minutes means that many requests' worth of waiting, "
            + "not a clock.";

    static final CanvasFont TITLE_FONT = CanvasFont.of("System", FontWeight.BOLD, 13);
    static final CanvasFont LABEL_FONT = CanvasFont.of("System", 12);
    static final CanvasFont SMALL_FONT = CanvasFont.of("System", 11);
    static final CanvasFont BIG_FONT = CanvasFont.of("System", FontWeight.BOLD, 20);

    final CacheColors colors = new CacheColors(this);
    private final Canvas canvas;
    private CachingViewModel model;
    private final List<Bounds> savedSpots = new java.util.ArrayList<>();
    private final Tooltip savedTooltip = new Tooltip(SAVED_EXPLANATION);
    private boolean savedTooltipInstalled;
    private final KeyColors keyColors = new KeyColors();
    private final SlotGridPainter grid = new SlotGridPainter(colors, keyColors);
    private final CacheLegend legend = new CacheLegend(colors, keyColors);
    private StoreCard store;
    /** Per dot: the level whose miss it is. */
    private final DotRing dots = new DotRing(MAX_DOTS);
    private int dotLevel;
    private long[] lastDotNanos = new long[0];
    /** Sends a level's new misses down the request path, at most one per {@link #MIN_DOT_INTERVAL_NANOS}. */
    private final CellFlashes.MissListener launchDot = start -> {
        if (dotLevel < lastDotNanos.length && start - lastDotNanos[dotLevel] >= MIN_DOT_INTERVAL_NANOS) {
            lastDotNanos[dotLevel] = start;
            dots.add(start, dotLevel, (byte) 0, false);
        }
    };
    private CacheLevel[] levels = new CacheLevel[0];
    private String structure = "";

    private Snapshot snapshot;
    private CacheView cache;
    /** The last render laid out the level cards (the view was large enough); a lesson's outline needs them. */
    private boolean levelsDrawn;
    private boolean dirty = true;
    private long lastFrameNanos;

    // Layout of the current render, shared by the drawing steps.
    private double cardTop;
    private double cardBottom;
    private double linkY;
    private double storeX;
    private double readsWidth = READS_WIDTH;
    private double linkGap = LINK_GAP;
    private double storeWidth = STORE_WIDTH;
    private int statLines = STAT_LINES;

    /** A view that draws nothing until it is given its model ({@link #setModel}): as FXML makes it. */
    public CacheLevelsView() {
        this(new Canvas());
    }

    private CacheLevelsView(Canvas canvas) {
        super("cache-levels-view", canvas);
        this.canvas = canvas;
        // A canvas has no controls to carry tooltips: the "time saved" lines explain themselves on hover.
        savedTooltip.setWrapText(true);
        savedTooltip.setMaxWidth(360);
        savedTooltip.setShowDelay(javafx.util.Duration.millis(300));
        setOnMouseMoved(event -> showSavedTooltip(spotAt(savedSpots, event.getX(), event.getY()) >= 0));
        setOnMouseExited(event -> showSavedTooltip(false));
    }

    /** The figures the cards print and the store's state come from {@code newModel}. FX thread only. */
    public void setModel(CachingViewModel newModel) {
        assert FxThread.isCurrent();
        model = newModel;
        store = new StoreCard(colors, newModel);
        dirty = true;
    }

    /** The index of the first of {@code spots} that holds (x, y), or -1. */
    static int spotAt(List<? extends Bounds> spots, double x, double y) {
        for (int i = 0; i < spots.size(); i++) {
            if (spots.get(i).contains(x, y)) {
                return i;
            }
        }
        return -1;
    }

    private void showSavedTooltip(boolean over) {
        if (over != savedTooltipInstalled) {
            savedTooltipInstalled = over;
            if (over) {
                Tooltip.install(this, savedTooltip);
            } else {
                Tooltip.uninstall(this, savedTooltip);
            }
        }
    }

    /** For tests: where the "time saved" lines were drawn last. */
    List<Bounds> savedSpots() {
        return savedSpots;
    }

    @Override
    protected void resized() {
        dirty = true; // redrawn at the next pulse, not here
    }

    /** Takes in a new snapshot and the events it brings; drawn at the next {@link #draw}. FX thread only. */
    public void show(Snapshot newSnapshot, long nowNanos) {
        assert FxThread.isCurrent();
        boolean restarted = snapshot != null && newSnapshot.timeSeconds() < snapshot.timeSeconds();
        snapshot = newSnapshot;
        cache = newSnapshot.cache();
        dirty = true;
        if (cache == null) {
            levels = new CacheLevel[0];
            structure = "";
            dots.clear();
            return;
        }
        keyColors.setKeyCount(newSnapshot.current().workload().keys().count());
        String newStructure = CachingViewModel.structureOf(cache);
        if (restarted || !newStructure.equals(structure)) {
            // A new run or a rebuilt cache: old flashes and dots belong to slots that no longer exist.
            structure = newStructure;
            levels = new CacheLevel[cache.levels().size()];
            lastDotNanos = new long[levels.length];
            for (int i = 0; i < levels.length; i++) {
                levels[i] = new CacheLevel();
                levels[i].flashes.reset(cache.levels().get(i).slotKeys().length);
            }
            dots.clear();
        }
        long spread = Math.min(MAX_SPREAD_NANOS, Math.max(0, nowNanos - lastFrameNanos));
        lastFrameNanos = nowNanos;
        for (int i = 0; i < levels.length; i++) {
            CacheLevel level = levels[i];
            CacheLevelView view = cache.levels().get(i);
            KeySlotIndex swap = level.previousIndex;
            level.previousIndex = level.index;
            level.index = swap;
            level.index.rebuild(view.slotKeys());
            dotLevel = i;
            level.flashes.takeIn(view.eventKinds(), view.eventKeys(), view.eventsRecorded(), view.slotKeys().length,
                    level.index, level.previousIndex, nowNanos, spread, launchDot);
        }
    }

    /** Redraws at the next {@link #draw}, for instance because the figures the cards print changed. */
    public void invalidate() {
        dirty = true;
    }

    /** Redraws when the snapshot changed or something is animating. Call once per pulse, on the FX thread. */
    public void draw(long nowNanos) {
        assert FxThread.isCurrent();
        dots.expire(nowNanos, FLIGHT_NANOS);
        boolean animating = dots.size() > 0;
        for (CacheLevel level : levels) {
            animating |= level.flashes.animating(nowNanos);
        }
        if (cache != null && model != null && (dirty || animating)) {
            render(canvas.getGraphicsContext2D(), nowNanos);
            dirty = false;
        } else if (cache == null && dirty) {
            canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            dirty = false;
        }
    }

    /**
     * The card of the cache level named {@code name} ("L1", "L2"; case-insensitive) as last drawn, in
     * this view's coordinates, or null when there is none or the view is too small to draw the cards.
     */
    public javafx.geometry.Bounds levelBounds(String name) {
        if (!levelsDrawn || cache == null) {
            return null;
        }
        for (int i = 0; i < levels.length && i < cache.levels().size(); i++) {
            if (cache.levels().get(i).name().equalsIgnoreCase(name)) {
                return new javafx.geometry.BoundingBox(levels[i].cardX, cardTop, levels[i].cardWidth, cardBottom - cardTop);
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ drawing

    private void render(GraphicsContext g, long nowNanos) {
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height);
        savedSpots.clear();
        int n = levels.length;
        // Sizes at the font scale, so the texts stay inside their cards at 150 % or 200 %.
        readsWidth = CanvasFont.px(READS_WIDTH);
        linkGap = CanvasFont.px(LINK_GAP);
        storeWidth = CanvasFont.px(STORE_WIDTH);
        double cardWidth = cardWidth(width, n);
        if (cardWidth < CanvasFont.px(MIN_CARD_WIDTH)) {
            readsWidth = 0;
            linkGap = CanvasFont.px(COMPACT_LINK_GAP);
            storeWidth = CanvasFont.px(COMPACT_STORE_WIDTH);
            cardWidth = cardWidth(width, n);
        }
        levelsDrawn = false;
        if (cardWidth < 110 || height < 300) {
            return; // too small to draw anything legible; the region is being collapsed
        }
        legend.refreshRamp(snapshot);
        cardTop = MARGIN;
        cardBottom = height - MARGIN - CanvasFont.px(LEGEND_HEIGHT);
        double gridTop = cardTop + CanvasFont.px(CARD_HEADER);
        // A short window keeps the grid and drops the finer figures.
        statLines = cardBottom - padding() - STAT_LINES * lineHeight() - 6 - gridTop >= MIN_GRID_HEIGHT ? STAT_LINES : SHORT_STAT_LINES;
        double gridBottom = cardBottom - padding() - statLines * lineHeight() - 6;
        linkY = Math.round((gridTop + gridBottom) / 2);
        g.setTextBaseline(VPos.CENTER);

        double levelsX = levelsX();
        for (int i = 0; i < n; i++) {
            levels[i].cardX = levelsX + i * (cardWidth + linkGap);
            levels[i].cardWidth = cardWidth;
        }
        storeX = levelsX + n * cardWidth + n * linkGap;

        if (readsWidth > 0) {
            drawReads(g);
            drawLink(g, MARGIN + readsWidth, levels[0].cardX, 2, colors.linkStroke.getValue(), model.readsPerSecond(), "reads");
        }
        List<LevelFigures> figures = model.levels();
        for (int i = 0; i < n; i++) {
            LevelFigures f = i < figures.size() ? figures.get(i) : null;
            drawLevel(g, i, f, gridTop, gridBottom, nowNanos);
            double toX = i + 1 < n ? levels[i + 1].cardX : storeX;
            if (i + 1 < n) {
                drawLink(g, levels[i].cardX + cardWidth, toX, 2, colors.linkStroke.getValue(), f == null ? "" : f.missesPerSecond, "misses");
            } else {
                drawStoreLink(g, levels[i].cardX + cardWidth, toX);
            }
        }
        levelsDrawn = true;
        store.draw(g, snapshot, storeX, storeWidth, cardTop, cardBottom);
        drawDots(g, nowNanos);
        legend.draw(g, snapshot, MARGIN, height - MARGIN - 10, width - MARGIN);
    }

    /** A figure's line on a card, at the font scale. */
    static double lineHeight() {
        return CanvasFont.px(STAT_LINE);
    }

    /** A card's inner margin, at the font scale. */
    static double padding() {
        return CanvasFont.px(CARD_PADDING);
    }

    private double levelsX() {
        return readsWidth > 0 ? MARGIN + readsWidth + linkGap : MARGIN;
    }

    /** Level cards share what the reads card, the store and the links leave, up to {@link #MAX_CARD_WIDTH}. */
    private double cardWidth(double width, int n) {
        double available = width - MARGIN - storeWidth - levelsX() - linkGap * n;
        return Math.min(CanvasFont.px(MAX_CARD_WIDTH), Math.floor(available / Math.max(1, n)));
    }

    private void drawReads(GraphicsContext g) {
        double height = CanvasFont.px(READS_HEIGHT);
        double top = linkY - height / 2;
        CanvasShapes.card(g, MARGIN, top, readsWidth, height, colors.cardFill.getValue(), colors.cardBorder.getValue(), 1);
        double cx = MARGIN + readsWidth / 2;
        CanvasShapes.people(g, cx, top, 8, colors.mutedTextFill.getValue());
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(colors.textFill.getValue());
        g.setFont(TITLE_FONT.font());
        g.fillText("Reads", cx, top + CanvasFont.px(50));
        g.setFont(SMALL_FONT.font());
        g.setFill(colors.mutedTextFill.getValue());
        g.fillText(model.readsFrom(snapshot.instances().size()), cx, top + CanvasFont.px(72));
    }

    /** A link with an arrow head, its rate above and what flows below. */
    private void drawLink(GraphicsContext g, double fromX, double toX, double lineWidth, Color stroke, String above, String below) {
        g.setStroke(stroke);
        g.setLineWidth(lineWidth);
        g.strokeLine(fromX + 4, linkY, toX - 10, linkY);
        CanvasShapes.arrowHead(g, toX - 3, linkY, 1, 0, 9, 5 + lineWidth / 2, stroke);
        double cx = (fromX + toX) / 2;
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(SMALL_FONT.font());
        g.setFill(colors.textFill.getValue());
        g.fillText(above, cx, linkY - CanvasFont.px(12) - lineWidth / 2);
        g.setFill(colors.mutedTextFill.getValue());
        g.fillText(below, cx, linkY + CanvasFont.px(13) + lineWidth / 2);
    }

    /** The last level's misses become loads; the link thickens with them and turns red in a stampede. */
    private void drawStoreLink(GraphicsContext g, double fromX, double toX) {
        double loads = model.storeLoadsPerSecond();
        double peak = Math.max(1, StoreCard.max(cache.storeLoadsPerSecond(), StoreCard.SPARK_SECONDS));
        double lineWidth = Double.isNaN(loads) ? 2 : 2 + 6 * Math.min(1, loads / peak);
        boolean stampede = model.stampedeProperty().get();
        String rate = Double.isNaN(loads) ? "–" : Formats.count(loads) + "/s";
        drawLink(g, fromX, toX, lineWidth, stampede ? colors.missFill.getValue() : colors.linkStroke.getValue(), rate, "loads");
    }

    private void drawLevel(GraphicsContext g, int index, LevelFigures f, double gridTop, double gridBottom, long nowNanos) {
        CacheLevel level = levels[index];
        CacheLevelView view = cache.levels().get(index);
        double x = level.cardX;
        double w = level.cardWidth;
        CanvasShapes.card(g, x, cardTop, w, cardBottom - cardTop, colors.cardFill.getValue(), colors.cardBorder.getValue(), 1);
        double inner = x + padding();
        double innerWidth = w - 2 * padding();
        if (f != null) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(TITLE_FONT.font());
            g.setFill(colors.textFill.getValue());
            g.fillText(f.title, inner, cardTop + CanvasFont.px(16));
            g.setFont(SMALL_FONT.font());
            g.setFill(colors.mutedTextFill.getValue());
            g.fillText(f.scope, inner, cardTop + CanvasFont.px(33));
            g.fillText(f.drawn, inner, cardTop + CanvasFont.px(48));
        }
        grid.layout(level, view, inner, gridTop, innerWidth, gridBottom - gridTop);
        grid.paint(g, level, view, nowNanos);
        if (f != null) {
            drawStats(g, f, inner, innerWidth, cardBottom - padding() - statLines * lineHeight());
        }
    }

    private void statLine(GraphicsContext g, String name, String value, double x, double right, double top) {
        StatLine.draw(g, colors, name, value, colors.textFill.getValue(), x, right, top + lineHeight() / 2);
    }

    private void drawStats(GraphicsContext g, LevelFigures f, double x, double width, double top) {
        double right = x + width;
        statLine(g, "hit ratio", f.hitRatio, x, right, top);
        if (statLines < STAT_LINES) {
            statLine(g, "occupancy", f.occupancy, x, right, top + lineHeight());
            statLine(g, "evicted", f.evicted, x, right, top + 2 * lineHeight());
            statLine(g, SAVED_NAME, f.saved, x, right, top + 3 * lineHeight());
            savedSpots.add(new BoundingBox(x, top + 3 * lineHeight(), width, lineHeight()));
            return;
        }
        statLine(g, "lookups", f.lookupsPerSecond, x, right, top + lineHeight());
        statLine(g, "occupancy", f.occupancy, x, right, top + 2 * lineHeight());
        statLine(g, "latency", f.latency, x, right, top + 3 * lineHeight());
        statLine(g, "TTL", f.ttl, x, right, top + 4 * lineHeight());
        statLine(g, "evicted", f.evicted, x, right, top + 5 * lineHeight());
        statLine(g, "expired", f.expired, x, right, top + 6 * lineHeight());
        statLine(g, SAVED_NAME, f.saved, x, right, top + 7 * lineHeight());
        savedSpots.add(new BoundingBox(x, top + 7 * lineHeight(), width, lineHeight()));
    }

    private void drawDots(GraphicsContext g, long nowNanos) {
        g.setFill(colors.missFill.getValue());
        for (int i = 0; i < dots.size(); i++) {
            long age = nowNanos - dots.startNanos(i);
            if (age < 0 || age > FLIGHT_NANOS) {
                continue;
            }
            int from = dots.target(i);
            if (from >= levels.length) {
                continue;
            }
            double fromX = levels[from].cardX + levels[from].cardWidth;
            double toX = from + 1 < levels.length ? levels[from + 1].cardX : storeX;
            double t = age / (double) FLIGHT_NANOS;
            double px = fromX + (toX - fromX) * t;
            g.fillOval(px - DOT_RADIUS, linkY - DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS);
        }
    }

    @Override
    protected StyleableColors<?> colors() {
        return CacheColors.CSS;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CacheColors.CSS.cssMetaData();
    }
}
