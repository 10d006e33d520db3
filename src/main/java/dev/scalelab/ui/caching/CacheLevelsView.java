package dev.scalelab.ui.caching;

import dev.scalelab.ui.Formats;
import dev.scalelab.ui.TextFit;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Snapshot.CacheLevelView;
import dev.scalelab.world.Snapshot.CacheView;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.VPos;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.control.Tooltip;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
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
public final class CacheLevelsView extends Region {
    private static final StyleablePropertyFactory<CacheLevelsView> STYLE = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

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
    private static final double GROUP_LABEL_HEIGHT = 14;
    private static final double DOT_RADIUS = 3;
    /** Cells at least this large carry their key's number. */
    private static final int LABELLED_CELL = 20;
    /** Cells are tiny in a large level; the hot key's ring is at least this big so it can be seen. */
    private static final double MIN_RING_SIZE = 6;
    private static final long FLIGHT_NANOS = 450_000_000L;
    /** Frames are at most this far apart when spreading a frame's new events over time. */
    private static final long MAX_SPREAD_NANOS = 50_000_000L;
    /**
     * At most one dot per link this often: below about 15 misses a second every miss has its dot, above
     * it the link carries a steady stream (its rate is printed over it); closer dots would merge into a bar.
     */
    private static final long MIN_DOT_INTERVAL_NANOS = 65_000_000L;
    private static final int SPARK_SECONDS = 60;

    private static final String[] REGION_NAMES = {"window", "probation", "protected", "free"};
    private static final int FREE_GROUP = 3;

    /** The name of the stat line of the waiting a level spared its readers, and what it means (its tooltip). */
    static final String SAVED_NAME = "time saved";
    static final String SAVED_EXPLANATION = "Time saved: the waiting this level has spared its readers since the start. "
            + "Each hit is answered at this level's latency instead of the store's, which saves (store latency − "
            + "level latency); this is that, added up over all its hits. Many requests wait at the same time, so the "
            + "sum can be far longer than the run: days saved in minutes means that many requests' worth of waiting, "
            + "not a clock.";

    private static final Font TITLE_FONT = Font.font("System", FontWeight.BOLD, 13);
    private static final Font LABEL_FONT = Font.font("System", 12);
    private static final Font SMALL_FONT = Font.font("System", 11);
    private static final Font CELL_FONT = Font.font("System", 9.5);
    private static final Font BIG_FONT = Font.font("System", FontWeight.BOLD, 20);
    private static final Font BADGE_FONT = Font.font("System", FontWeight.BOLD, 11);

    private static final String[] LEGEND = {"hit", "miss", "evicted", "expired", "invalidated", "key 0 (hottest)",
            "time saved = hits × (store latency − level latency), since the start"};
    private static final double[] LEGEND_WIDTHS = TextFit.widths(LEGEND, SMALL_FONT);
    /** Under a uniform distribution every key is as popular as the next: the colour then only tells keys apart. */
    private static final String[] RAMP_CAPTIONS = {"key popularity:", "key (all equally popular):"};
    private static final double[] RAMP_CAPTION_WIDTHS = TextFit.widths(RAMP_CAPTIONS, SMALL_FONT);
    private static final double RAMP_WIDTH = 110;

    private final StyleableProperty<Color> textFill = STYLE.createStyleableColorProperty(this, "textFill", "-sl-text-fill", v -> v.textFill, Color.BLACK);
    private final StyleableProperty<Color> mutedTextFill = STYLE.createStyleableColorProperty(this, "mutedTextFill", "-sl-muted-text-fill", v -> v.mutedTextFill, Color.GRAY);
    private final StyleableProperty<Color> cardFill = STYLE.createStyleableColorProperty(this, "cardFill", "-sl-card-fill", v -> v.cardFill, Color.WHITE);
    private final StyleableProperty<Color> cardBorder = STYLE.createStyleableColorProperty(this, "cardBorder", "-sl-card-border", v -> v.cardBorder, Color.LIGHTGRAY);
    private final StyleableProperty<Color> linkStroke = STYLE.createStyleableColorProperty(this, "linkStroke", "-sl-link-stroke", v -> v.linkStroke, Color.SILVER);
    private final StyleableProperty<Color> hitFill = STYLE.createStyleableColorProperty(this, "hitFill", "-sl-hit-fill", v -> v.hitFill, Color.SEAGREEN);
    private final StyleableProperty<Color> missFill = STYLE.createStyleableColorProperty(this, "missFill", "-sl-miss-fill", v -> v.missFill, Color.CRIMSON);
    private final StyleableProperty<Color> evictStroke = STYLE.createStyleableColorProperty(this, "evictStroke", "-sl-evict-stroke", v -> v.evictStroke, Color.DIMGRAY);
    private final StyleableProperty<Color> expireStroke = STYLE.createStyleableColorProperty(this, "expireStroke", "-sl-expire-stroke", v -> v.expireStroke, Color.ORANGE);
    private final StyleableProperty<Color> invalidateStroke = STYLE.createStyleableColorProperty(this, "invalidateStroke", "-sl-invalidate-stroke", v -> v.invalidateStroke, Color.TEAL);
    private final StyleableProperty<Color> loadFill = STYLE.createStyleableColorProperty(this, "loadFill", "-sl-load-fill", v -> v.loadFill, Color.STEELBLUE);
    private final StyleableProperty<Color> keyHot = STYLE.createStyleableColorProperty(this, "keyHot", "-sl-key-hot", v -> v.keyHot, Color.rgb(45, 11, 107));
    private final StyleableProperty<Color> keyMiddle = STYLE.createStyleableColorProperty(this, "keyMiddle", "-sl-key-middle", v -> v.keyMiddle, Color.rgb(63, 127, 214));
    private final StyleableProperty<Color> keyCold = STYLE.createStyleableColorProperty(this, "keyCold", "-sl-key-cold", v -> v.keyCold, Color.rgb(188, 211, 238));
    private final StyleableProperty<Color> emptySlot = STYLE.createStyleableColorProperty(this, "emptySlot", "-sl-empty-slot", v -> v.emptySlot, Color.WHITESMOKE);

    private final CachingViewModel model;
    private final Canvas canvas = new Canvas();
    private final List<Bounds> savedSpots = new java.util.ArrayList<>();
    private final Tooltip savedTooltip = new Tooltip(SAVED_EXPLANATION);
    private boolean savedTooltipInstalled;
    private final KeyColors keyColors = new KeyColors();
    private final MissDots dots = new MissDots();
    private int dotLevel;
    private long[] lastDotNanos = new long[0];
    /** Sends a level's new misses down the request path, at most one per {@link #MIN_DOT_INTERVAL_NANOS}. */
    private final CellFlashes.MissListener launchDot = start -> {
        if (dotLevel < lastDotNanos.length && start - lastDotNanos[dotLevel] >= MIN_DOT_INTERVAL_NANOS) {
            lastDotNanos[dotLevel] = start;
            dots.add(start, dotLevel);
        }
    };
    private final double[] historyX = new double[SPARK_SECONDS];
    private final double[] historyTop = new double[SPARK_SECONDS];
    private final double[] historyMiddle = new double[SPARK_SECONDS];
    private final double[] polygonX = new double[2 * SPARK_SECONDS + 2];
    private final double[] polygonY = new double[2 * SPARK_SECONDS + 2];
    private final double[] arrowX = new double[3];
    private final double[] arrowY = new double[3];
    private final int[] groupSizes = new int[SlotGrid.MAX_GROUPS];
    private Color[] rampColorsShown = new Color[4];
    /** The legend's ramp strip, one colour per pixel column; rebuilt when the ramp or the key count changes. */
    private final Color[] legendRamp = new Color[(int) RAMP_WIDTH];
    private int legendKeyCount = -1;
    private Level[] levels = new Level[0];
    private String structure = "";

    private Snapshot snapshot;
    private CacheView cache;
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

    /** One level's drawing state, kept across frames. */
    private static final class Level {
        final SlotGrid grid = new SlotGrid();
        KeySlotIndex index = new KeySlotIndex();
        KeySlotIndex previousIndex = new KeySlotIndex();
        final CellFlashes flashes = new CellFlashes();
        /** Per slot: its position within its group, and its group. */
        int[] displayIndex = new int[0];
        byte[] groupOf = new byte[0];
        /** The grid at full size, cells and gaps, written pixel by pixel (see {@link #paintGrid}). */
        int[] pixels = new int[0];
        WritableImage image;
        /** Slots in the current frame's view of the level. */
        int slotCount;
        double cardX;
        double cardWidth;
    }

    public CacheLevelsView(CachingViewModel model) {
        this.model = model;
        getStyleClass().add("cache-levels-view");
        getChildren().add(canvas);
        // A canvas has no controls to carry tooltips: the "time saved" lines explain themselves on hover.
        savedTooltip.setWrapText(true);
        savedTooltip.setMaxWidth(360);
        savedTooltip.setShowDelay(javafx.util.Duration.millis(300));
        setOnMouseMoved(event -> showSavedTooltip(spotAt(savedSpots, event.getX(), event.getY()) >= 0));
        setOnMouseExited(event -> showSavedTooltip(false));
        // A canvas never shrinks on its own; let the region be as small as its parent wants.
        setMinSize(0, 0);
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
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            dirty = true; // redrawn at the next pulse, not here
        }
    }

    /** Takes in a new snapshot and the events it brings; drawn at the next {@link #draw}. */
    public void show(Snapshot newSnapshot, long nowNanos) {
        boolean restarted = snapshot != null && newSnapshot.timeSeconds() < snapshot.timeSeconds();
        snapshot = newSnapshot;
        cache = newSnapshot.cache();
        dirty = true;
        if (cache == null) {
            levels = new Level[0];
            structure = "";
            dots.clear();
            return;
        }
        keyColors.setKeyCount(newSnapshot.current().workload().keys().count());
        String newStructure = CachingViewModel.structureOf(cache);
        if (restarted || !newStructure.equals(structure)) {
            // A new run or a rebuilt cache: old flashes and dots belong to slots that no longer exist.
            structure = newStructure;
            levels = new Level[cache.levels().size()];
            lastDotNanos = new long[levels.length];
            for (int i = 0; i < levels.length; i++) {
                levels[i] = new Level();
                levels[i].flashes.reset(cache.levels().get(i).slotKeys().length);
            }
            dots.clear();
        }
        long spread = Math.min(MAX_SPREAD_NANOS, Math.max(0, nowNanos - lastFrameNanos));
        lastFrameNanos = nowNanos;
        for (int i = 0; i < levels.length; i++) {
            Level level = levels[i];
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

    /** Redraws when the snapshot changed or something is animating. Call once per pulse. */
    public void draw(long nowNanos) {
        dots.expire(nowNanos, FLIGHT_NANOS);
        boolean animating = dots.size() > 0;
        for (Level level : levels) {
            animating |= level.flashes.animating(nowNanos);
        }
        if (cache != null && (dirty || animating)) {
            render(canvas.getGraphicsContext2D(), nowNanos);
            dirty = false;
        } else if (cache == null && dirty) {
            canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            dirty = false;
        }
    }

    // ------------------------------------------------------------------ drawing

    private void render(GraphicsContext g, long nowNanos) {
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height);
        savedSpots.clear();
        int n = levels.length;
        readsWidth = READS_WIDTH;
        linkGap = LINK_GAP;
        storeWidth = STORE_WIDTH;
        double cardWidth = cardWidth(width, n);
        if (cardWidth < MIN_CARD_WIDTH) {
            readsWidth = 0;
            linkGap = COMPACT_LINK_GAP;
            storeWidth = COMPACT_STORE_WIDTH;
            cardWidth = cardWidth(width, n);
        }
        if (cardWidth < 110 || height < 300) {
            return; // too small to draw anything legible; the region is being collapsed
        }
        refreshRamp();
        cardTop = MARGIN;
        cardBottom = height - MARGIN - LEGEND_HEIGHT;
        double gridTop = cardTop + CARD_HEADER;
        // A short window keeps the grid and drops the finer figures.
        statLines = cardBottom - CARD_PADDING - STAT_LINES * STAT_LINE - 6 - gridTop >= MIN_GRID_HEIGHT ? STAT_LINES : SHORT_STAT_LINES;
        double gridBottom = cardBottom - CARD_PADDING - statLines * STAT_LINE - 6;
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
            drawLink(g, MARGIN + readsWidth, levels[0].cardX, 2, linkStroke.getValue(), model.readsPerSecond(), "reads");
        }
        List<LevelFigures> figures = model.levels();
        for (int i = 0; i < n; i++) {
            LevelFigures f = i < figures.size() ? figures.get(i) : null;
            drawLevel(g, i, f, gridTop, gridBottom, nowNanos);
            double toX = i + 1 < n ? levels[i + 1].cardX : storeX;
            if (i + 1 < n) {
                drawLink(g, levels[i].cardX + cardWidth, toX, 2, linkStroke.getValue(), f == null ? "" : f.missesPerSecond, "misses");
            } else {
                drawStoreLink(g, levels[i].cardX + cardWidth, toX);
            }
        }
        drawStore(g);
        drawDots(g, nowNanos);
        drawLegend(g, height - MARGIN - 10, width - MARGIN);
    }

    private double levelsX() {
        return readsWidth > 0 ? MARGIN + readsWidth + linkGap : MARGIN;
    }

    /** Level cards share what the reads card, the store and the links leave, up to {@link #MAX_CARD_WIDTH}. */
    private double cardWidth(double width, int n) {
        double available = width - MARGIN - storeWidth - levelsX() - linkGap * n;
        return Math.min(MAX_CARD_WIDTH, Math.floor(available / Math.max(1, n)));
    }

    private void refreshRamp() {
        Color hot = keyHot.getValue();
        Color middle = keyMiddle.getValue();
        Color cold = keyCold.getValue();
        Color empty = emptySlot.getValue();
        if (hot != rampColorsShown[0] || middle != rampColorsShown[1] || cold != rampColorsShown[2] || empty != rampColorsShown[3]) {
            keyColors.setColors(argb(hot), argb(middle), argb(cold), argb(empty));
            rampColorsShown = new Color[] {hot, middle, cold, empty};
            legendKeyCount = -1;
        }
        int keys = Math.max(1, snapshot.current().workload().keys().count());
        if (keys != legendKeyCount) {
            legendKeyCount = keys;
            for (int i = 0; i < legendRamp.length; i++) {
                int key = (int) Math.round(Math.expm1(i / (legendRamp.length - 1.0) * Math.log1p(keys - 1)));
                legendRamp[i] = color(keyColors.argb(key));
            }
        }
    }

    private void drawCard(GraphicsContext g, double x, double y, double w, double h, Color border, double borderWidth) {
        g.setFill(cardFill.getValue());
        g.fillRoundRect(x, y, w, h, 10, 10);
        g.setStroke(border);
        g.setLineWidth(borderWidth);
        g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, 10, 10);
    }

    private void drawReads(GraphicsContext g) {
        double top = linkY - READS_HEIGHT / 2;
        drawCard(g, MARGIN, top, readsWidth, READS_HEIGHT, cardBorder.getValue(), 1);
        double cx = MARGIN + readsWidth / 2;
        g.setFill(mutedTextFill.getValue());
        for (int i = -1; i <= 1; i++) {
            double px = cx + i * 16;
            g.fillOval(px - 4, top + 12, 8, 8);
            g.fillRoundRect(px - 6, top + 22, 12, 10, 7, 7);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(textFill.getValue());
        g.setFont(TITLE_FONT);
        g.fillText("Reads", cx, top + 50);
        g.setFont(SMALL_FONT);
        g.setFill(mutedTextFill.getValue());
        g.fillText("from " + snapshot.instances().size() + " instances", cx, top + 72);
    }

    /** A link with an arrow head, its rate above and what flows below. */
    private void drawLink(GraphicsContext g, double fromX, double toX, double lineWidth, Color stroke, String above, String below) {
        g.setStroke(stroke);
        g.setLineWidth(lineWidth);
        g.strokeLine(fromX + 4, linkY, toX - 10, linkY);
        g.setFill(stroke);
        arrowX[0] = toX - 3;
        arrowX[1] = toX - 12;
        arrowX[2] = toX - 12;
        arrowY[0] = linkY;
        arrowY[1] = linkY - 5 - lineWidth / 2;
        arrowY[2] = linkY + 5 + lineWidth / 2;
        g.fillPolygon(arrowX, arrowY, 3);
        double cx = (fromX + toX) / 2;
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(SMALL_FONT);
        g.setFill(textFill.getValue());
        g.fillText(above, cx, linkY - 12 - lineWidth / 2);
        g.setFill(mutedTextFill.getValue());
        g.fillText(below, cx, linkY + 13 + lineWidth / 2);
    }

    /** The last level's misses become loads; the link thickens with them and turns red in a stampede. */
    private void drawStoreLink(GraphicsContext g, double fromX, double toX) {
        double loads = model.storeLoadsPerSecond();
        double peak = Math.max(1, max(cache.storeLoadsPerSecond(), SPARK_SECONDS));
        double lineWidth = Double.isNaN(loads) ? 2 : 2 + 6 * Math.min(1, loads / peak);
        boolean stampede = model.stampedeProperty().get();
        String rate = Double.isNaN(loads) ? "–" : Formats.count(loads) + "/s";
        drawLink(g, fromX, toX, lineWidth, stampede ? missFill.getValue() : linkStroke.getValue(), rate, "loads");
    }

    private void drawLevel(GraphicsContext g, int index, LevelFigures f, double gridTop, double gridBottom, long nowNanos) {
        Level level = levels[index];
        CacheLevelView view = cache.levels().get(index);
        double x = level.cardX;
        double w = level.cardWidth;
        drawCard(g, x, cardTop, w, cardBottom - cardTop, cardBorder.getValue(), 1);
        double inner = x + CARD_PADDING;
        double innerWidth = w - 2 * CARD_PADDING;
        if (f != null) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(TITLE_FONT);
            g.setFill(textFill.getValue());
            g.fillText(f.title, inner, cardTop + 16);
            g.setFont(SMALL_FONT);
            g.setFill(mutedTextFill.getValue());
            g.fillText(f.scope, inner, cardTop + 33);
            g.fillText(f.drawn, inner, cardTop + 48);
        }
        layoutGrid(level, view, inner, gridTop, innerWidth, gridBottom - gridTop);
        paintGrid(g, level, view, nowNanos);
        if (f != null) {
            drawStats(g, f, inner, innerWidth, cardBottom - CARD_PADDING - statLines * STAT_LINE);
        }
    }

    /**
     * Places the slots: in slot order, or under W-TinyLFU grouped by region (window, probation,
     * protected, then free slots), each slot keeping its place within its region.
     */
    private void layoutGrid(Level level, CacheLevelView view, double x, double y, double width, double height) {
        int[] slotKeys = view.slotKeys();
        int n = slotKeys.length;
        level.slotCount = n;
        if (level.displayIndex.length < n) {
            level.displayIndex = new int[n];
            level.groupOf = new byte[n];
        }
        int groups;
        if ("w-tinylfu".equals(view.policy())) {
            groups = 4;
            java.util.Arrays.fill(groupSizes, 0);
            byte[] segments = view.slotSegments();
            for (int slot = 0; slot < n; slot++) {
                int group = slotKeys[slot] < 0 ? FREE_GROUP : Math.min(2, Math.max(0, segments[slot]));
                level.groupOf[slot] = (byte) group;
                level.displayIndex[slot] = groupSizes[group]++;
            }
        } else {
            groups = 1;
            groupSizes[0] = n;
            for (int slot = 0; slot < n; slot++) {
                level.groupOf[slot] = 0;
                level.displayIndex[slot] = slot;
            }
        }
        level.grid.fit(groupSizes, groups, x, y, width, height, GROUP_LABEL_HEIGHT);
    }

    /**
     * Writes the grid into the level's image, every cell at full size with its flash blended in, and
     * draws it 1:1: a few thousand cells and their flashes cost one image, not thousands of shapes
     * (the software renderer pays for each shape). Gaps stay transparent over the card.
     */
    private void paintGrid(GraphicsContext g, Level level, CacheLevelView view, long nowNanos) {
        SlotGrid grid = level.grid;
        int pitch = grid.pitch();
        int cell = grid.cell();
        int width = grid.columns() * pitch;
        int height = Math.max(1, grid.totalRows()) * pitch;
        if (level.image == null || level.image.getWidth() != width || level.image.getHeight() < height) {
            // A little taller than needed: W-TinyLFU's regions change size by a row now and then.
            level.image = new WritableImage(width, height + 4 * pitch);
            level.pixels = new int[width * (int) level.image.getHeight()];
        }
        int[] pixels = level.pixels;
        java.util.Arrays.fill(pixels, 0, width * height, 0);
        int hit = argb(hitFill.getValue());
        int miss = argb(missFill.getValue());
        int evict = argb(evictStroke.getValue());
        int expire = argb(expireStroke.getValue());
        int invalidate = argb(invalidateStroke.getValue());
        int ring = cell >= 12 ? 2 : 1;
        int[] slotKeys = view.slotKeys();
        CellFlashes flashes = level.flashes;
        for (int slot = 0; slot < slotKeys.length; slot++) {
            int d = level.displayIndex[slot];
            int row = grid.groupFirstRow(level.groupOf[slot]) + d / grid.columns();
            int x0 = (d % grid.columns()) * pitch;
            int y0 = row * pitch;
            int base = keyColors.argb(slotKeys[slot]);
            double strength = flashes.strength(slot, nowNanos);
            byte kind = flashes.kind(slot);
            fillCell(pixels, width, x0, y0, cell, cell, base);
            if (strength <= 0) {
                continue;
            }
            if (CellFlashes.isRemoval(kind)) {
                // A fading outline where the key was; the cell shows what holds it now.
                int outline = blend(base, kind == CellFlashes.EVICT ? evict : kind == CellFlashes.EXPIRE ? expire : invalidate, strength);
                fillRing(pixels, width, x0, y0, cell, ring, outline);
            } else {
                // A hit or a fill after a miss: a square in the middle, so the key's colour stays around it.
                int mark = cell >= 8 ? (cell + 1) / 2 : cell;
                int inset = (cell - mark) / 2;
                fillCell(pixels, width, x0 + inset, y0 + inset, mark, mark,
                        blend(base, kind == CellFlashes.HIT ? hit : miss, Math.min(1, 1.6 * strength)));
            }
        }
        level.image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);

        g.setTextAlign(TextAlignment.LEFT);
        for (int group = 0; group < grid.groups(); group++) {
            int groupRows = grid.groupRows(group);
            if (groupRows == 0) {
                continue;
            }
            double top = grid.groupTop(group);
            if (grid.groups() > 1) {
                g.setFont(SMALL_FONT);
                g.setFill(mutedTextFill.getValue());
                g.fillText(REGION_NAMES[group] + " · " + grid.groupSize(group), grid.left(), top - GROUP_LABEL_HEIGHT / 2);
            }
            int sourceY = grid.groupFirstRow(group) * pitch;
            g.drawImage(level.image, 0, sourceY, width, groupRows * pitch, grid.left(), top, width, groupRows * pitch);
        }
        drawCellLabels(g, level, view);
        drawHotKey(g, level);
    }

    private static void fillRing(int[] pixels, int stride, int x, int y, int size, int ring, int argb) {
        if (size <= 2 * ring) {
            fillCell(pixels, stride, x, y, size, size, argb);
            return;
        }
        fillCell(pixels, stride, x, y, size, ring, argb);
        fillCell(pixels, stride, x, y + size - ring, size, ring, argb);
        fillCell(pixels, stride, x, y + ring, ring, size - 2 * ring, argb);
        fillCell(pixels, stride, x + size - ring, y + ring, ring, size - 2 * ring, argb);
    }

    private static void fillCell(int[] pixels, int stride, int x, int y, int w, int h, int argb) {
        for (int row = y; row < y + h; row++) {
            int from = row * stride + x;
            java.util.Arrays.fill(pixels, from, from + w, argb);
        }
    }

    /** {@code base} moved toward {@code over} by {@code amount} (0 to 1), opaque. */
    static int blend(int base, int over, double amount) {
        double a = Math.max(0, Math.min(1, amount));
        int r = (int) Math.round(((base >> 16) & 0xff) * (1 - a) + ((over >> 16) & 0xff) * a);
        int gr = (int) Math.round(((base >> 8) & 0xff) * (1 - a) + ((over >> 8) & 0xff) * a);
        int b = (int) Math.round((base & 0xff) * (1 - a) + (over & 0xff) * a);
        return 0xff000000 | (r << 16) | (gr << 8) | b;
    }

    private void drawCellLabels(GraphicsContext g, Level level, CacheLevelView view) {
        SlotGrid grid = level.grid;
        if (grid.cell() < LABELLED_CELL) {
            return;
        }
        int[] slotKeys = view.slotKeys();
        double half = grid.cell() / 2.0;
        g.setFont(CELL_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        Color light = cardFill.getValue();
        Color dark = textFill.getValue();
        for (int slot = 0; slot < slotKeys.length; slot++) {
            int key = slotKeys[slot];
            if (key < 0) {
                continue;
            }
            int group = level.groupOf[slot];
            int d = level.displayIndex[slot];
            g.setFill(keyColors.isDark(key) ? light : dark);
            g.fillText(Integer.toString(key), grid.cellX(d) + half, grid.cellY(group, d) + half);
        }
    }

    /** Key 0, the hottest key, the one whose expiry causes the stampede: a ring around its cell. */
    private void drawHotKey(GraphicsContext g, Level level) {
        int slot = level.index.slotOf(0);
        if (slot == KeySlotIndex.MISSING) {
            return;
        }
        SlotGrid grid = level.grid;
        int d = level.displayIndex[slot];
        double size = Math.max(grid.cell(), MIN_RING_SIZE);
        double x = grid.cellX(d) + (grid.cell() - size) / 2;
        double y = grid.cellY(level.groupOf[slot], d) + (grid.cell() - size) / 2;
        g.setLineWidth(2);
        g.setStroke(textFill.getValue());
        g.strokeRect(x - 2, y - 2, size + 4, size + 4);
        g.setStroke(cardFill.getValue());
        g.setLineWidth(1);
        g.strokeRect(x - 0.5, y - 0.5, size + 1, size + 1);
    }

    private void drawStats(GraphicsContext g, LevelFigures f, double x, double width, double top) {
        double right = x + width;
        statLine(g, "hit ratio", f.hitRatio, x, right, top);
        if (statLines < STAT_LINES) {
            statLine(g, "occupancy", f.occupancy, x, right, top + STAT_LINE);
            statLine(g, "evicted", f.evicted, x, right, top + 2 * STAT_LINE);
            statLine(g, SAVED_NAME, f.saved, x, right, top + 3 * STAT_LINE);
            savedSpots.add(new BoundingBox(x, top + 3 * STAT_LINE, width, STAT_LINE));
            return;
        }
        statLine(g, "lookups", f.lookupsPerSecond, x, right, top + STAT_LINE);
        statLine(g, "occupancy", f.occupancy, x, right, top + 2 * STAT_LINE);
        statLine(g, "latency", f.latency, x, right, top + 3 * STAT_LINE);
        statLine(g, "TTL", f.ttl, x, right, top + 4 * STAT_LINE);
        statLine(g, "evicted", f.evicted, x, right, top + 5 * STAT_LINE);
        statLine(g, "expired", f.expired, x, right, top + 6 * STAT_LINE);
        statLine(g, SAVED_NAME, f.saved, x, right, top + 7 * STAT_LINE);
        savedSpots.add(new BoundingBox(x, top + 7 * STAT_LINE, width, STAT_LINE));
    }

    private void statLine(GraphicsContext g, String name, String value, double x, double right, double top) {
        double y = top + STAT_LINE / 2;
        g.setFont(SMALL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(mutedTextFill.getValue());
        g.fillText(name, x, y);
        g.setFont(LABEL_FONT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(textFill.getValue());
        g.fillText(value, right, y);
    }

    private void drawStore(GraphicsContext g) {
        double x = storeX;
        double w = storeWidth;
        boolean stampede = model.stampedeProperty().get();
        drawCard(g, x, cardTop, w, cardBottom - cardTop, stampede ? missFill.getValue() : cardBorder.getValue(), stampede ? 2 : 1);
        double inner = x + CARD_PADDING;
        double right = x + w - CARD_PADDING;
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(TITLE_FONT);
        g.setFill(textFill.getValue());
        g.fillText(model.storeTitle(), inner, cardTop + 16);
        g.setFont(SMALL_FONT);
        g.setFill(mutedTextFill.getValue());
        double latency = CachingViewModel.storeLatencyMs(snapshot.current());
        g.fillText("≈ " + Formats.millis(latency) + " ms a load", inner, cardTop + 33);

        g.fillText("loads per second", inner, cardTop + 56);
        g.setFont(BIG_FONT);
        g.setFill(stampede ? missFill.getValue() : textFill.getValue());
        double loads = model.storeLoadsPerSecond();
        g.fillText(Double.isNaN(loads) ? "–" : Formats.count(loads), inner, cardTop + 77);
        if (stampede) {
            drawBadge(g, "STAMPEDE", right, cardTop + 77);
        }
        double y = cardTop + 104;
        storeLine(g, "duplicate loads", model.duplicateLoadsPerSecond(), missFill.getValue(), inner, right, y);
        storeLine(g, "coalesced reads", model.coalescedReadsPerSecond(), hitFill.getValue(), inner, right, y + STAT_LINE);
        g.setFont(SMALL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(mutedTextFill.getValue());
        g.fillText("coalescing", inner, y + 2 * STAT_LINE);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(LABEL_FONT);
        g.setFill(textFill.getValue());
        g.fillText(cache.coalesce() ? "on" : "off", right, y + 2 * STAT_LINE);

        drawLoadHistory(g, inner, y + 3 * STAT_LINE + 14, right - inner, cardBottom - CARD_PADDING - 16 - (y + 3 * STAT_LINE + 14));
    }

    private void storeLine(GraphicsContext g, String name, double perSecond, Color highlight, double x, double right, double y) {
        g.setFont(SMALL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(mutedTextFill.getValue());
        g.fillText(name, x, y);
        g.setFont(LABEL_FONT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(perSecond > 0 ? highlight : textFill.getValue());
        g.fillText(Double.isNaN(perSecond) ? "–" : Formats.count(perSecond) + "/s", right, y);
    }

    private void drawBadge(GraphicsContext g, String text, double right, double y) {
        double w = 70;
        g.setFill(missFill.getValue());
        g.fillRoundRect(right - w, y - 9, w, 18, 9, 9);
        g.setFill(cardFill.getValue());
        g.setFont(BADGE_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(text, right - w / 2, y);
    }

    /**
     * Loads per second over the last minute, the duplicate loads of each second stacked in red on
     * top: a stampede is a red spike.
     */
    private void drawLoadHistory(GraphicsContext g, double x, double y, double w, double h) {
        if (h < 30) {
            return;
        }
        double[] loads = cache.storeLoadsPerSecond();
        double[] duplicates = cache.duplicateLoadsPerSecond();
        int count = Math.min(SPARK_SECONDS, loads.length);
        double peak = Math.max(1, max(loads, SPARK_SECONDS));
        g.setStroke(cardBorder.getValue());
        g.setLineWidth(1);
        g.strokeLine(x, y + h + 0.5, x + w, y + h + 0.5);
        if (count >= 2) {
            // Two stacked areas, one point per second: the loads that were needed in blue, the
            // duplicates on top of them in red.
            double step = w / (SPARK_SECONDS - 1);
            double bottom = y + h;
            int n = 0;
            for (int i = 0; i < count; i++) {
                int at = loads.length - count + i;
                double total = loads[at];
                double duplicate = at < duplicates.length ? Math.min(total, duplicates[at]) : 0;
                double px = x + w - (count - 1 - i) * step;
                historyX[n] = px;
                historyTop[n] = bottom - h * total / peak;
                historyMiddle[n] = bottom - h * (total - duplicate) / peak;
                n++;
            }
            // Needed loads: the middle line down to the axis.
            for (int i = 0; i < n; i++) {
                polygonX[i] = historyX[i];
                polygonY[i] = historyMiddle[i];
            }
            polygonX[n] = historyX[n - 1];
            polygonY[n] = bottom;
            polygonX[n + 1] = historyX[0];
            polygonY[n + 1] = bottom;
            g.setFill(loadFill.getValue());
            g.fillPolygon(polygonX, polygonY, n + 2);
            // Duplicates: the top line forward, the middle line back.
            for (int i = 0; i < n; i++) {
                polygonX[i] = historyX[i];
                polygonY[i] = historyTop[i];
                polygonX[2 * n - 1 - i] = historyX[i];
                polygonY[2 * n - 1 - i] = historyMiddle[i];
            }
            g.setFill(missFill.getValue());
            g.fillPolygon(polygonX, polygonY, 2 * n);
        }
        g.setFont(SMALL_FONT);
        g.setFill(mutedTextFill.getValue());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("peak " + Formats.count(peak) + "/s", x, y - 8);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("last " + SPARK_SECONDS + " s", x + w, y + h + 10);
    }

    private void drawDots(GraphicsContext g, long nowNanos) {
        g.setFill(missFill.getValue());
        for (int i = 0; i < dots.size(); i++) {
            long age = nowNanos - dots.startNanos(i);
            if (age < 0 || age > FLIGHT_NANOS) {
                continue;
            }
            int from = dots.level(i);
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

    private void drawLegend(GraphicsContext g, double y, double maxX) {
        g.setFont(SMALL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        double x = MARGIN;
        g.setFill(mutedTextFill.getValue());
        int caption = snapshot.current().workload().keys().distribution() == Scenario.KeyDistribution.UNIFORM ? 1 : 0;
        g.fillText(RAMP_CAPTIONS[caption], x, y);
        x += RAMP_CAPTION_WIDTHS[caption] + 6;
        // The ramp, hottest on the left, as a strip of its own colours.
        for (int i = 0; i < legendRamp.length; i++) {
            g.setFill(legendRamp[i]);
            g.fillRect(x + i, y - 5, 1, 10);
        }
        g.setFill(mutedTextFill.getValue());
        g.fillText("0", x, y + 13);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Integer.toString(legendKeyCount - 1), x + RAMP_WIDTH, y + 13);
        g.setTextAlign(TextAlignment.LEFT);
        x += RAMP_WIDTH + 22;
        for (int i = 0; i < LEGEND.length && x + 24 + LEGEND_WIDTHS[i] <= maxX; i++) {
            switch (i) {
                case 0:
                case 1:
                    g.setFill(i == 0 ? hitFill.getValue() : missFill.getValue());
                    g.fillRect(x, y - 5, 10, 10);
                    break;
                case 5:
                    g.setFill(keyHot.getValue());
                    g.fillRect(x, y - 5, 10, 10);
                    g.setStroke(textFill.getValue());
                    g.setLineWidth(2);
                    g.strokeRect(x - 2, y - 7, 14, 14);
                    break;
                case 6:
                    x += 8; // a note, not a swatch
                    break;
                default:
                    g.setStroke(i == 2 ? evictStroke.getValue() : i == 3 ? expireStroke.getValue() : invalidateStroke.getValue());
                    g.setLineWidth(2);
                    g.strokeRect(x + 1, y - 4, 8, 8);
            }
            x += i == 6 ? 0 : 16;
            g.setFill(mutedTextFill.getValue());
            g.fillText(LEGEND[i], x, y);
            x += LEGEND_WIDTHS[i] + 16;
        }
    }

    private static double max(double[] values, int lastN) {
        double max = 0;
        for (int i = Math.max(0, values.length - lastN); i < values.length; i++) {
            if (values[i] > max) {
                max = values[i];
            }
        }
        return max;
    }

    private static int argb(Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    private static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return STYLE.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
