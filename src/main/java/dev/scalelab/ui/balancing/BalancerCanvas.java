package dev.scalelab.ui.balancing;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.TextFit;
import dev.scalelab.ui.overview.InstanceIndex;
import dev.scalelab.ui.overview.RequestDots;
import dev.scalelab.ui.overview.TileGrid;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Snapshot.InstanceView;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The live view of one balancer: a card for the balancer, a row per instance, a dot for each
 * decision flying from the balancer to the instance it chose, and a heat strip of the recent
 * decisions along the bottom. Each instance has a colour, the same for its swatch, its dots, its
 * cells in the strip and its line in the share chart.
 *
 * <p>A row shows the instance's state (or why the balancer excludes it), speed (amber below 1),
 * weight, requests in flight (busy + queued), share of the traffic so far against the fair share,
 * and queue against capacity; the bars line up from row to row for comparison. Excluded instances
 * (ejected, unhealthy) are faded with a dashed red border. The instances of the decision the
 * inspector shows are ringed: dashed for those sampled, solid for the one picked. A panic banner
 * runs across the top while the balancer ignores health because too few instances are healthy.
 * Too many instances for readable rows become a grid of small tiles ({@link TileGrid}).
 *
 * <p>Two canvases: the board (card, rows, strip), redrawn at most about 15 times a second while
 * the run goes on and at once when paused, and a narrow one for the dots over the gap between the
 * card and the rows, redrawn every pulse. Compact (race mode, two side by side) it draws less text.
 * Colours are CSS properties ({@code -sl-…} in {@code styles/balancing.css}). FX thread only;
 * {@link #draw} allocates nothing but the short strings it prints.
 */
public final class BalancerCanvas extends Region {
    private static final StyleablePropertyFactory<BalancerCanvas> STYLE = new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    static final int PALETTE_SIZE = 8;

    private static final double MARGIN = 12;
    private static final double TILE_GAP = 6;
    private static final double TILE_ASPECT = 1.6;
    private static final double MAX_TILE_WIDTH = 160;
    /** Below this a row could not carry its text: many instances go to a grid of tiles instead. */
    private static final double MIN_ROW_HEIGHT = 20;
    private static final double MIN_INSTANCE_AREA_WIDTH = 200;
    private static final double MAX_ROW_HEIGHT = 40;
    private static final double ROW_GAP = 5;
    private static final double ROW_PADDING = 12;
    private static final double COLUMN_HEADING_HEIGHT = 18;
    private static final double COLUMN_GAP = 16;
    private static final double MAX_BAR_COLUMN = 320;
    /** A bar column (bar and its number) narrower than this would not read. */
    private static final double MIN_BAR_COLUMN = 70;
    private static final int COL_ID = 0;
    private static final int COL_STATE = 1;
    private static final int COL_SPEED = 2;
    private static final int COL_WEIGHT = 3;
    private static final int COL_IN_FLIGHT = 4;
    private static final int COL_SHARE = 5;
    private static final int COL_QUEUE = 6;
    /** Widths of the columns before the two bars; 0 hides a column (compact rows fold speed into the state). */
    private static final double[] FULL_COLUMN_WIDTHS = {74, 100, 62, 62, 72};
    private static final double[] COMPACT_COLUMN_WIDTHS = {50, 68, 0, 0, 46};
    private static final String[] FULL_HEADINGS = {"instance", "state", "speed", "weight", "in flight",
            "share of traffic  ( | = fair share)", "queue / capacity"};
    private static final String[] COMPACT_HEADINGS = {"instance", "state", null, null, "in flight", "share", "queue"};
    /** Room after a bar for its number: "12.5%", "200 / 200". */
    private static final double TEXT_WIDTH = 50;
    private static final double SMALL_TEXT_WIDTH = 36;
    private static final double QUEUE_TEXT_WIDTH = 72;
    /** The world keeps this many recent decisions; the strip's cells are sized for them. */
    private static final int RING_CELLS = 256;
    private static final double BANNER_HEIGHT = 24;
    private static final double STRIP_HEIGHT = 12;
    private static final double STRIP_LABEL_HEIGHT = 16;
    private static final double MIN_STRIP_CELL = 2;
    private static final double[] DASHES = {5, 4};
    private static final long FLIGHT_NANOS = 350_000_000L;
    private static final long FLASH_NANOS = 300_000_000L;
    private static final double FLASH_RADIUS = 12;
    /** While the run goes on the board is redrawn at most this often (about 15 times a second). */
    private static final long BOARD_REFRESH_NANOS = 66_000_000L;
    /** Frames are at most this far apart when spreading a frame's new dots over time. */
    private static final long MAX_SPREAD_NANOS = 50_000_000L;
    /** An excluded or not yet ready instance is drawn this faint. */
    private static final double FADED = 0.45;

    private static final Font TITLE_FONT = Font.font("System", FontWeight.BOLD, 13);
    private static final Font ID_FONT = Font.font("System", FontWeight.BOLD, 12);
    private static final Font LABEL_FONT = Font.font("System", 12);
    private static final Font SMALL_FONT = Font.font("System", 10.5);
    private static final Font SMALL_ID_FONT = Font.font("System", FontWeight.BOLD, 10.5);
    private static final String LEGEND = "ring: dashed = sampled, solid = picked  ·  faded = excluded  ·  amber edge = slow";
    private static final double LEGEND_WIDTH = TextFit.width(LEGEND, SMALL_FONT);

    private final StyleableProperty<Color> textFill = STYLE.createStyleableColorProperty(this, "textFill", "-sl-text-fill", v -> v.textFill, Color.BLACK);
    private final StyleableProperty<Color> mutedTextFill = STYLE.createStyleableColorProperty(this, "mutedTextFill", "-sl-muted-text-fill", v -> v.mutedTextFill, Color.GRAY);
    private final StyleableProperty<Color> cardFill = STYLE.createStyleableColorProperty(this, "cardFill", "-sl-card-fill", v -> v.cardFill, Color.WHITE);
    private final StyleableProperty<Color> cardBorder = STYLE.createStyleableColorProperty(this, "cardBorder", "-sl-card-border", v -> v.cardBorder, Color.LIGHTGRAY);
    private final StyleableProperty<Color> shareFill = STYLE.createStyleableColorProperty(this, "shareFill", "-sl-share-fill", v -> v.shareFill, Color.STEELBLUE);
    private final StyleableProperty<Color> queueFill = STYLE.createStyleableColorProperty(this, "queueFill", "-sl-queue-fill", v -> v.queueFill, Color.ORANGE);
    private final StyleableProperty<Color> queueTrack = STYLE.createStyleableColorProperty(this, "queueTrack", "-sl-queue-track", v -> v.queueTrack, Color.WHITESMOKE);
    private final StyleableProperty<Color> slowFill = STYLE.createStyleableColorProperty(this, "slowFill", "-sl-slow-fill", v -> v.slowFill, Color.DARKORANGE);
    private final StyleableProperty<Color> rejectFill = STYLE.createStyleableColorProperty(this, "rejectFill", "-sl-reject-fill", v -> v.rejectFill, Color.CRIMSON);
    private final StyleableProperty<Color> bannerFill = STYLE.createStyleableColorProperty(this, "bannerFill", "-sl-banner-fill", v -> v.bannerFill, Color.MISTYROSE);
    private final StyleableProperty<Color> pickStroke = STYLE.createStyleableColorProperty(this, "pickStroke", "-sl-pick-stroke", v -> v.pickStroke, Color.BLACK);
    private final StyleableProperty<Color> selectedFill = STYLE.createStyleableColorProperty(this, "selectedFill", "-sl-selected-fill", v -> v.selectedFill, Color.ALICEBLUE);
    private final StyleableProperty<Color> selectedStroke = STYLE.createStyleableColorProperty(this, "selectedStroke", "-sl-selected-stroke", v -> v.selectedStroke, Color.STEELBLUE);
    /** The instance colours: instance k of the list is colour k mod {@link #PALETTE_SIZE}, as the share chart's series. */
    @SuppressWarnings("unchecked")
    private final StyleableProperty<Color>[] palette = new StyleableProperty[PALETTE_SIZE];

    private boolean compact;
    private double cardWidth;
    private double cardHeight;
    private double poolX;
    private String stripLabel;
    private double stripLabelWidth;

    private final double[] columnX = new double[7];
    private final double[] columnWidth = new double[7];
    private boolean listMode;
    /** False while the region is too small to draw in. */
    private boolean drawable;
    private boolean cardShown;
    /** Where the instances start, and where the dots leave from (the card's right edge, or the left margin). */
    private double rowsX;
    private double originX;
    private double listX;
    private double listTop;
    private double slotWidth;
    private double slotHeight;

    /** Rows, tiles, card and strip: redrawn at most {@link #BOARD_REFRESH_NANOS} apart while the run goes on. */
    private final Canvas board = new Canvas();
    /** The dots, over the gap between the card and the rows (the whole area for a grid): redrawn every pulse. */
    private final Canvas flight = new Canvas();
    private final TileGrid grid = new TileGrid();
    private final RequestDots dots = new RequestDots();

    private final InstanceIndex tileIndex = new InstanceIndex();
    /** Per row or tile, from the newest snapshot: 1 sampled by the shown decision, 2 picked by it. */
    private byte[] pickMarks = new byte[64];

    private Snapshot snapshot;
    private PickText pick = PickText.NONE;
    private String selectedId;
    private long totalRouted;
    private double shareScale;
    private int readyCount;
    /** A newer snapshot than the board shows. */
    private boolean dirty = true;
    /** The board must be redrawn at the next pulse: resized, another selection or decision, paused. */
    private boolean boardStale = true;
    private long boardDrawnAtNanos;
    private boolean flightHasDots;
    private double originY;
    private long lastDrawNanos;
    private Consumer<String> onSelect = id -> { };

    /** @param compact a side of the race: a smaller balancer card and less text on the tiles */
    public BalancerCanvas(boolean compact) {
        setCompact(compact);
        for (int i = 0; i < PALETTE_SIZE; i++) {
            int index = i;
            palette[i] = STYLE.createStyleableColorProperty(this, "instanceColor" + i, "-sl-instance-color-" + i,
                    v -> v.palette[index], Color.hsb(index * 45, 0.6, 0.8));
        }
        getStyleClass().add("balancer-canvas");
        // The dots fly under the board: where they cross a row or a tile they pass behind it, never
        // over an instance's name; the board is transparent between the rows, so they show there.
        getChildren().addAll(flight, board);
        flight.setMouseTransparent(true);
        // A canvas never shrinks on its own; let the region be as small as its parent wants.
        setMinSize(0, 0);
        setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                String id = instanceAt(event.getX(), event.getY());
                if (id != null) {
                    onSelect.accept(id);
                }
            }
        });
    }

    /** Compact (a side of the race): a smaller balancer card and less text on the tiles. */
    public void setCompact(boolean compact) {
        this.compact = compact;
        cardWidth = compact ? 92 : 140;
        cardHeight = compact ? 92 : 116;
        poolX = MARGIN + cardWidth + (compact ? 22 : 44);
        stripLabel = compact ? "Recent picks, newest right"
                : "Recent picks, newest right (colour = instance, red = rejected)";
        stripLabelWidth = TextFit.width(stripLabel, SMALL_FONT);
        boardStale = true;
    }

    /** Rings the selected instance (null: none) and fades the others' cells in the strip; at once, even paused. */
    public void setSelected(String id) {
        if (!java.util.Objects.equals(id, selectedId)) {
            selectedId = id;
            boardStale = true;
        }
    }

    /** Called with an instance's id when the user clicks its row (or tile). */
    public void setOnSelect(Consumer<String> onSelect) {
        this.onSelect = onSelect;
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (board.getWidth() != width || board.getHeight() != height) {
            board.setWidth(width);
            board.setHeight(height);
            boardStale = true; // redrawn at the next pulse, not here
        }
    }

    /**
     * Takes in a new snapshot, the decision the inspector shows and the selected instance (or
     * null); drawn by {@link #draw}. While the run goes on the rows are redrawn about 15 times a
     * second (numbers changing faster cannot be read, and the dots carry the motion); paused,
     * with {@code now} true, at once.
     */
    public void show(Snapshot newSnapshot, PickText shownPick, String selected, boolean now) {
        if (snapshot != null && newSnapshot.timeSeconds() < snapshot.timeSeconds()) {
            dots.clear(); // the run restarted: the old dots fly to instances that no longer exist
            boardStale = true;
        }
        if (now || shownPick != pick || !java.util.Objects.equals(selected, selectedId)) {
            boardStale = true;
        }
        snapshot = newSnapshot;
        pick = shownPick;
        selectedId = selected;
        List<InstanceView> instances = newSnapshot.instances();
        tileIndex.index(instances);
        totalRouted = 0;
        readyCount = 0;
        for (InstanceView in : instances) {
            totalRouted += in.routed();
            if (in.state() == Snapshot.InstanceState.READY) {
                readyCount++;
            }
        }
        // Share bars are scaled so that the fair share sits mid-bar unless some instance got more.
        double maxShare = 0;
        for (InstanceView in : instances) {
            maxShare = Math.max(maxShare, share(in));
        }
        shareScale = Math.max(readyCount > 0 ? 2.0 / readyCount : 1, maxShare);
        if (pickMarks.length < instances.size()) {
            pickMarks = new byte[Math.max(instances.size(), 2 * pickMarks.length)];
        }
        Arrays.fill(pickMarks, 0, instances.size(), (byte) 0);
        for (int i = 0; i < instances.size(); i++) {
            String id = instances.get(i).id();
            if (id.equals(pick.chosen())) {
                pickMarks[i] = 2;
            } else if (pick.sampled().contains(id)) {
                pickMarks[i] = 1;
            }
        }
        dirty = true;
    }

    /**
     * Launches dots for {@code dispatches[from, length)}, spread over the time since the last frame so
     * that a frame's worth of decisions does not leave the balancer as one clump.
     */
    public void launch(Snapshot.Dispatches dispatches, int from, long nowNanos) {
        int count = dispatches.instanceNumbers().length - from;
        long spread = Math.min(MAX_SPREAD_NANOS, Math.max(0, nowNanos - lastDrawNanos));
        for (int i = 0; i < count; i++) {
            long start = nowNanos - spread * (count - 1 - i) / Math.max(1, count);
            dots.add(start, dispatches.instanceNumbers()[from + i], dispatches.outcomes()[from + i]);
        }
    }

    /**
     * Redraws the board when due and the dots while any fly. Call once per pulse. With
     * {@code mayRefresh} false a periodic refresh waits for the next pulse (the other side of a race
     * just redrew its board: two in one pulse would make it a long one); a needed redraw does not.
     *
     * @return true when the board was redrawn
     */
    public boolean draw(long nowNanos, boolean mayRefresh) {
        dots.expire(nowNanos, FLIGHT_NANOS + FLASH_NANOS);
        boolean redraw = snapshot != null
                && (boardStale || (mayRefresh && dirty && nowNanos - boardDrawnAtNanos >= BOARD_REFRESH_NANOS));
        if (redraw) {
            renderBoard(board.getGraphicsContext2D());
            placeFlight();
            dirty = false;
            boardStale = false;
            boardDrawnAtNanos = nowNanos;
        }
        if (snapshot != null && (dots.size() > 0 || flightHasDots)) {
            GraphicsContext g = flight.getGraphicsContext2D();
            g.clearRect(0, 0, flight.getWidth(), flight.getHeight());
            if (drawable) {
                drawDots(g, originX - flight.getLayoutX(), originY, -flight.getLayoutX(), nowNanos);
            }
            flightHasDots = dots.size() > 0;
        }
        lastDrawNanos = nowNanos;
        return redraw;
    }

    /** For tests: the canvas the dots fly on, which lies under the board's rows and tiles. */
    Canvas dotLayer() {
        return flight;
    }

    /** For tests: the canvas of the rows and tiles with the instances' names. */
    Canvas boardLayer() {
        return board;
    }

    /**
     * The dot canvas covers the gap between the card and the rows, plus room for a rejection's
     * flash; over a grid of tiles the dots cross the tiles, so it covers the whole area.
     */
    private void placeFlight() {
        double x = Math.max(0, originX - 4);
        double right = listMode ? Math.min(board.getWidth(), rowsX + 2 * FLASH_RADIUS) : board.getWidth();
        flight.setLayoutX(x);
        flight.setWidth(Math.max(0, right - x));
        flight.setHeight(board.getHeight());
    }

    /** The centre of instance {@code id}'s row (or tile) in this region's coordinates, or null if it has none. */
    public Point2D tileCenter(String id) {
        if (snapshot == null) {
            return null;
        }
        List<InstanceView> instances = snapshot.instances();
        for (int i = 0; i < instances.size(); i++) {
            if (instances.get(i).id().equals(id)) {
                return new Point2D(slotX(i) + slotWidth / 2, slotY(i) + slotHeight / 2);
            }
        }
        return null;
    }

    /** The id of the instance whose row (or tile) is at (x, y), or null. */
    String instanceAt(double x, double y) {
        if (snapshot == null) {
            return null;
        }
        List<InstanceView> instances = snapshot.instances();
        for (int i = 0; i < instances.size(); i++) {
            double sx = slotX(i);
            double sy = slotY(i);
            if (x >= sx && x <= sx + slotWidth && y >= sy && y <= sy + slotHeight) {
                return instances.get(i).id();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ layout

    /**
     * Places the instances: one row each, under column headings, while rows of at least
     * {@link #MIN_ROW_HEIGHT} fit (every row then touches the path from the balancer, and bars line
     * up for comparison); otherwise a grid of small tiles.
     */
    private void place(int count, double x, double top, double width, double bottom) {
        double available = bottom - top - COLUMN_HEADING_HEIGHT;
        double rowHeight = count == 0 ? MAX_ROW_HEIGHT : (available - (count - 1) * ROW_GAP) / count;
        listMode = rowHeight >= MIN_ROW_HEIGHT;
        if (listMode) {
            slotHeight = Math.min(MAX_ROW_HEIGHT, rowHeight);
            slotWidth = width;
            double block = count * slotHeight + Math.max(0, count - 1) * ROW_GAP;
            listTop = top + COLUMN_HEADING_HEIGHT + Math.max(0, (available - block) / 2);
            listX = x;
            columns(width);
        } else {
            grid.fit(count, x, top, width, bottom - top, TILE_GAP, TILE_ASPECT, MAX_TILE_WIDTH);
            slotWidth = grid.tileWidth();
            slotHeight = grid.tileHeight();
        }
    }

    private double slotX(int i) {
        return listMode ? listX : grid.tileX(i);
    }

    private double slotY(int i) {
        return listMode ? listTop + i * (slotHeight + ROW_GAP) : grid.tileY(i);
    }

    /** Column positions inside a row of {@code width}: fixed columns, then the two bars share the rest. */
    private void columns(double width) {
        double[] fixed = compact ? COMPACT_COLUMN_WIDTHS : FULL_COLUMN_WIDTHS;
        double rowPadding = compact ? 8 : ROW_PADDING;
        double columnGap = compact ? 10 : COLUMN_GAP;
        // Too narrow for bars of MIN_BAR_COLUMN: the state goes first (slow and excluded rows stay marked), then in flight.
        boolean dropState = (width - sum(fixed) - 2 * rowPadding - columnGap) / 2 < MIN_BAR_COLUMN;
        boolean dropInFlight = dropState && (width - sum(fixed) + fixed[COL_STATE] - 2 * rowPadding - columnGap) / 2 < MIN_BAR_COLUMN;
        double x = rowPadding;
        for (int c = 0; c < COL_SHARE; c++) {
            boolean dropped = (c == COL_STATE && dropState) || (c == COL_IN_FLIGHT && dropInFlight);
            columnX[c] = x;
            columnWidth[c] = dropped ? 0 : fixed[c];
            x += columnWidth[c];
        }
        double bar = Math.max(MIN_BAR_COLUMN / 2, Math.min(MAX_BAR_COLUMN, (width - x - rowPadding - columnGap) / 2));
        columnX[COL_SHARE] = x;
        columnWidth[COL_SHARE] = bar;
        columnX[COL_QUEUE] = x + bar + columnGap;
        columnWidth[COL_QUEUE] = bar;
    }

    private static double sum(double[] widths) {
        double total = 0;
        for (double w : widths) {
            total += w;
        }
        return total;
    }

    // ------------------------------------------------------------------ drawing

    private void renderBoard(GraphicsContext g) {
        double width = board.getWidth();
        double height = board.getHeight();
        g.clearRect(0, 0, width, height);
        // A narrow side of a race gives the instances the card's room; the dots then leave from the left edge.
        cardShown = width >= poolX + MIN_INSTANCE_AREA_WIDTH;
        rowsX = cardShown ? poolX : MARGIN + 16;
        originX = cardShown ? MARGIN + cardWidth : MARGIN;
        drawable = width >= rowsX + MIN_INSTANCE_AREA_WIDTH && height >= 2 * MARGIN + 60 + STRIP_HEIGHT + STRIP_LABEL_HEIGHT;
        if (!drawable) {
            return; // too small to draw anything legible; the region is being collapsed
        }
        List<InstanceView> instances = snapshot.instances();
        boolean panic = snapshot.balancer().panic();
        double top = MARGIN + (panic ? BANNER_HEIGHT + 8 : 0);
        double stripY = height - MARGIN - STRIP_HEIGHT;
        double poolBottom = stripY - STRIP_LABEL_HEIGHT - 8;
        place(instances.size(), rowsX, top, width - MARGIN - rowsX, poolBottom);
        double centerY = listMode && !instances.isEmpty()
                ? (slotY(0) + slotY(instances.size() - 1) + slotHeight) / 2
                : (top + poolBottom) / 2;

        g.setTextBaseline(VPos.CENTER);
        if (panic) {
            drawPanicBanner(g, width);
        }
        if (cardShown) {
            drawBalancer(g, Math.max(top, centerY - cardHeight / 2));
        }
        originY = centerY;
        if (listMode) {
            drawColumnHeadings(g, slotY(0) - COLUMN_HEADING_HEIGHT / 2 - 1);
        }
        for (int i = 0; i < instances.size(); i++) {
            if (listMode) {
                drawRow(g, i, instances.get(i), slotX(i), slotY(i), slotWidth, slotHeight);
            } else {
                drawTile(g, i, instances.get(i), slotX(i), slotY(i), slotWidth, slotHeight);
            }
            drawPickMark(g, i, slotX(i), slotY(i), slotWidth, slotHeight);
        }
        drawStrip(g, MARGIN, stripY, width - 2 * MARGIN);
    }

    private void drawPanicBanner(GraphicsContext g, double width) {
        g.setFill(bannerFill.getValue());
        g.fillRoundRect(MARGIN, MARGIN, width - 2 * MARGIN, BANNER_HEIGHT, 6, 6);
        g.setStroke(rejectFill.getValue());
        g.setLineWidth(1);
        g.strokeRoundRect(MARGIN + 0.5, MARGIN + 0.5, width - 2 * MARGIN - 1, BANNER_HEIGHT - 1, 6, 6);
        g.setFill(rejectFill.getValue());
        g.setFont(ID_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        String threshold = Parameter.format(snapshot.current().balancer().panicThresholdPercent());
        g.fillText(compact
                        ? "PANIC: under " + threshold + "% healthy, health is ignored"
                        : "PANIC: fewer than " + threshold + "% of the instances are healthy, so the balancer ignores health "
                        + "and uses every ready instance",
                MARGIN + 10, MARGIN + BANNER_HEIGHT / 2);
    }

    private void drawBalancer(GraphicsContext g, double top) {
        double x = MARGIN;
        g.setFill(cardFill.getValue());
        g.fillRoundRect(x, top, cardWidth, cardHeight, 10, 10);
        g.setStroke(cardBorder.getValue());
        g.setLineWidth(1);
        g.strokeRoundRect(x + 0.5, top + 0.5, cardWidth - 1, cardHeight - 1, 10, 10);
        double cx = x + cardWidth / 2;
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(textFill.getValue());
        g.setFont(TITLE_FONT);
        g.fillText(compact ? "Balancer" : "Load balancer", cx, top + 18);
        g.setFont(compact ? SMALL_FONT : LABEL_FONT);
        g.fillText(shortName(snapshot.current().balancer()), cx, top + 38);
        g.setFill(mutedTextFill.getValue());
        g.setFont(SMALL_FONT);
        double y = top + (compact ? 56 : 60);
        g.fillText(Formats.count(snapshot.dispatches().total()) + (compact ? " picks" : " decisions"), cx, y);
        g.fillText(Formats.count(snapshot.rejected()) + " rejected", cx, y + 15);
        int excluded = snapshot.balancer().excluded().size();
        if (excluded > 0) {
            g.setFill(rejectFill.getValue());
            g.fillText(excluded + " excluded", cx, y + 30);
        } else if (!compact) {
            g.fillText(readyCount + " ready", cx, y + 30);
        }
    }

    /** The strategy as it fits on the balancer card. */
    static String shortName(dev.scalelab.world.Scenario.Balancer config) {
        Strategy s = config.strategy();
        switch (s) {
            case ROUND_ROBIN: return "round robin";
            case SMOOTH_WEIGHTED_ROUND_ROBIN: return "smooth weighted RR";
            case LEAST_CONNECTIONS: return "least connections";
            case RANDOM: return "random";
            case WEIGHTED_RANDOM: return "weighted random";
            case P2C: return "p2c, d = " + config.choices();
            case LEAST_REQUEST: return "least request";
            case PEAK_EWMA: return "peak EWMA";
            case RING_HASH: return "ring hash";
            case MAGLEV: return "Maglev";
            default: return s.id();
        }
    }

    private double share(InstanceView in) {
        return totalRouted == 0 ? 0 : in.routed() / (double) totalRouted;
    }

    private void drawColumnHeadings(GraphicsContext g, double y) {
        g.setFont(SMALL_FONT);
        g.setFill(mutedTextFill.getValue());
        g.setTextAlign(TextAlignment.LEFT);
        String[] headings = compact ? COMPACT_HEADINGS : FULL_HEADINGS;
        for (int c = 0; c < headings.length; c++) {
            if (headings[c] != null && columnWidth[c] > 0) {
                g.fillText(headings[c], listX + columnX[c], y);
            }
        }
    }

    /**
     * One instance as a row: swatch and id, state (or why the balancer excludes it), speed, weight,
     * requests in flight, share of traffic so far against the fair share, and queue. An excluded or
     * not-ready instance is faded with a dashed red border; a slow one has an amber edge.
     */
    private void drawRow(GraphicsContext g, int index, InstanceView in, double x, double y, double w, double h) {
        String exclusion = snapshot.balancer().excluded().get(in.id());
        boolean faded = exclusion != null || in.state() != Snapshot.InstanceState.READY;
        boolean selected = in.id().equals(selectedId);
        drawSlot(g, in, exclusion, selected, x, y, w, h);
        g.setGlobalAlpha(faded ? FADED : 1);
        if (in.speedFactor() < 1) {
            g.setFill(slowFill.getValue());
            g.fillRoundRect(x + 1.5, y + 3, 4, h - 6, 3, 3);
        }
        double cy = y + h / 2;
        Color colour = palette[index % PALETTE_SIZE].getValue();
        double swatch = Math.min(11, h - 8);
        g.setFill(colour);
        g.fillRoundRect(x + columnX[COL_ID], cy - swatch / 2, swatch, swatch, 3, 3);
        Font font = compact ? SMALL_FONT : LABEL_FONT;
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(compact ? SMALL_ID_FONT : ID_FONT);
        g.setFill(textFill.getValue());
        g.fillText(in.id(), x + columnX[COL_ID] + swatch + 5, cy);

        g.setFont(font);
        if (columnWidth[COL_STATE] > 0) {
            String remark = remark(in, exclusion);
            if (remark == null && compact && in.speedFactor() < 1) {
                remark = "speed " + percent(in.speedFactor());
                g.setFill(slowFill.getValue());
            } else if (remark == null && compact && in.weight() != 1) {
                remark = "weight " + Parameter.format(in.weight()); // compact rows have no weight column
                g.setFill(textFill.getValue());
            } else {
                g.setFill(remark == null ? mutedTextFill.getValue() : remarkFill(in, exclusion));
            }
            g.fillText(remark == null ? "ready" : remark, x + columnX[COL_STATE], cy);
        }
        if (columnWidth[COL_SPEED] > 0) {
            g.setFill(in.speedFactor() < 1 ? slowFill.getValue() : mutedTextFill.getValue());
            g.setFont(in.speedFactor() < 1 ? ID_FONT : font);
            g.fillText(percent(in.speedFactor()), x + columnX[COL_SPEED], cy);
            g.setFont(font);
        }
        if (columnWidth[COL_WEIGHT] > 0) {
            g.setFill(in.weight() != 1 ? textFill.getValue() : mutedTextFill.getValue());
            g.fillText(Parameter.format(in.weight()), x + columnX[COL_WEIGHT], cy);
        }
        if (columnWidth[COL_IN_FLIGHT] > 0) {
            g.setFill(textFill.getValue());
            g.fillText(Integer.toString(in.busy() + in.queued()), x + columnX[COL_IN_FLIGHT], cy);
        }

        double barHeight = Math.min(compact ? 7 : 9, h - 10);
        double textWidth = compact ? SMALL_TEXT_WIDTH : TEXT_WIDTH;
        double shareBar = columnWidth[COL_SHARE] - textWidth;
        drawShareBar(g, in, x + columnX[COL_SHARE], cy - barHeight / 2, shareBar, barHeight);
        g.setFill(textFill.getValue());
        g.fillText(sharePercent(share(in)), x + columnX[COL_SHARE] + shareBar + 6, cy);
        double queueTextWidth = compact ? SMALL_TEXT_WIDTH : QUEUE_TEXT_WIDTH;
        double queueBar = columnWidth[COL_QUEUE] - queueTextWidth;
        drawQueueBar(g, in, x + columnX[COL_QUEUE], cy - barHeight / 2, queueBar, barHeight);
        g.setFill(in.queueCapacity() > 0 && in.queued() >= in.queueCapacity() ? rejectFill.getValue() : textFill.getValue());
        g.fillText(compact ? Integer.toString(in.queued()) : in.queued() + " / " + in.queueCapacity(),
                x + columnX[COL_QUEUE] + queueBar + 6, cy);
        g.setGlobalAlpha(1);
    }

    /** The card behind a row or tile: selected ones tinted, excluded and failed ones with a dashed red border. */
    private void drawSlot(GraphicsContext g, InstanceView in, String exclusion, boolean selected, double x, double y, double w, double h) {
        boolean faded = exclusion != null || in.state() != Snapshot.InstanceState.READY;
        g.setGlobalAlpha(faded ? FADED : 1);
        g.setFill(selected ? selectedFill.getValue() : cardFill.getValue());
        g.fillRoundRect(x, y, w, h, 7, 7);
        if (exclusion != null || in.state() == Snapshot.InstanceState.FAILED) {
            g.setStroke(rejectFill.getValue());
            g.setLineWidth(2);
            g.setLineDashes(DASHES);
        } else {
            g.setStroke(selected ? selectedStroke.getValue() : cardBorder.getValue());
            g.setLineWidth(selected ? 2 : 1);
        }
        g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, 7, 7);
        g.setLineDashes((double[]) null);
        g.setGlobalAlpha(1);
    }

    /** Many instances: small tiles with the swatch, the id, what is wrong, and the queue. */
    private void drawTile(GraphicsContext g, int index, InstanceView in, double x, double y, double w, double h) {
        String exclusion = snapshot.balancer().excluded().get(in.id());
        boolean faded = exclusion != null || in.state() != Snapshot.InstanceState.READY;
        drawSlot(g, in, exclusion, in.id().equals(selectedId), x, y, w, h);
        g.setGlobalAlpha(faded ? FADED : 1);
        if (in.speedFactor() < 1) {
            g.setFill(slowFill.getValue());
            g.fillRoundRect(x + 4, y + 1.5, w - 8, 3, 3, 3);
        }
        double p = h >= 40 ? 6 : 3;
        if (h >= 26) {
            double cy = y + p + 6;
            g.setFill(palette[index % PALETTE_SIZE].getValue());
            g.fillRoundRect(x + p, cy - 4, 8, 8, 2, 2);
            g.setFont(SMALL_ID_FONT);
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(textFill.getValue());
            g.fillText(in.id(), x + p + 11, cy);
            String remark = remark(in, exclusion);
            if (remark == null && in.speedFactor() < 1) {
                remark = percent(in.speedFactor());
            }
            if (remark != null && w >= 90) {
                g.setFont(SMALL_FONT);
                g.setTextAlign(TextAlignment.RIGHT);
                g.setFill(remark.endsWith("%") && exclusion == null && in.errorRate() == 0 ? slowFill.getValue() : remarkFill(in, exclusion));
                g.fillText(remark, x + w - p, cy);
            }
        }
        if (h >= 40 && w >= 64) {
            g.setFont(SMALL_FONT);
            g.setFill(mutedTextFill.getValue());
            if (w >= 110) {
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText("in flight " + (in.busy() + in.queued()), x + p, y + h / 2 + 3);
            }
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(sharePercent(share(in)), x + w - p, y + h / 2 + 3);
        }
        drawQueueBar(g, in, x + p, y + h - p - 4, w - 2 * p, 4);
        g.setGlobalAlpha(1);
    }

    /** The instances of the decision the inspector shows: dashed if sampled, solid if picked. */
    private void drawPickMark(GraphicsContext g, int index, double x, double y, double w, double h) {
        byte mark = pickMarks[index];
        if (mark == 0) {
            return;
        }
        g.setStroke(pickStroke.getValue());
        g.setLineWidth(mark == 2 ? 2.5 : 1.5);
        if (mark == 1) {
            g.setLineDashes(DASHES);
        }
        g.strokeRoundRect(x - 2.5, y - 2.5, w + 5, h + 5, 9, 9);
        g.setLineDashes((double[]) null);
    }

    /** What is wrong with an instance, most serious first, or null for a healthy one at full speed. */
    private static String remark(InstanceView in, String exclusion) {
        switch (in.state()) {
            case PROVISIONING: return "pending";
            case BOOTING: return "booting";
            case DRAINING: return "draining";
            case FAILED: return "failed";
            default:
                if (exclusion != null) {
                    return exclusion;
                }
                if (in.errorRate() > 0) {
                    return "errors " + percent(in.errorRate());
                }
                return in.warmingUp() ? "warming up" : null;
        }
    }

    private Color remarkFill(InstanceView in, String exclusion) {
        switch (in.state()) {
            case PROVISIONING:
            case BOOTING:
            case DRAINING:
                return mutedTextFill.getValue();
            case FAILED:
                return rejectFill.getValue();
            default:
                return exclusion != null || in.errorRate() > 0 ? rejectFill.getValue() : mutedTextFill.getValue();
        }
    }

    /** The share of traffic so far; the tick marks the fair share among the ready instances. */
    private void drawShareBar(GraphicsContext g, InstanceView in, double x, double y, double w, double h) {
        g.setFill(queueTrack.getValue());
        g.fillRect(x, y, w, h);
        double fraction = Math.min(1, share(in) / shareScale);
        if (fraction > 0) {
            g.setFill(shareFill.getValue());
            g.fillRect(x, y, Math.max(1.5, w * fraction), h);
        }
        if (readyCount > 0) {
            double tick = x + w * (1.0 / readyCount) / shareScale;
            g.setFill(textFill.getValue());
            g.fillRect(tick - 0.75, y - 3, 1.5, h + 6);
        }
    }

    private void drawQueueBar(GraphicsContext g, InstanceView in, double x, double y, double w, double h) {
        g.setFill(queueTrack.getValue());
        g.fillRect(x, y, w, h);
        double fraction = in.queueCapacity() > 0 ? Math.min(1, in.queued() / (double) in.queueCapacity()) : 0;
        if (fraction > 0) {
            boolean full = in.queued() >= in.queueCapacity();
            g.setFill(full ? rejectFill.getValue() : queueFill.getValue());
            g.fillRect(x, y, Math.max(2, w * fraction), h);
        }
    }

    /**
     * The newest decisions as cells coloured by instance, rejections red. With an instance selected
     * the other instances' cells fade, so its rhythm stands out (every 8th for round robin).
     */
    private void drawStrip(GraphicsContext g, double x, double y, double w) {
        g.setFont(SMALL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(mutedTextFill.getValue());
        g.fillText(stripLabel, x, y - STRIP_LABEL_HEIGHT / 2 - 1);
        if (!compact && w > stripLabelWidth + LEGEND_WIDTH + 20) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(LEGEND, x + w, y - STRIP_LABEL_HEIGHT / 2 - 1);
        }
        g.setFill(queueTrack.getValue());
        g.fillRect(x, y, w, STRIP_HEIGHT);
        Snapshot.Dispatches dispatches = snapshot.dispatches();
        int length = dispatches.instanceNumbers().length;
        int capacity = (int) Math.floor(w / MIN_STRIP_CELL);
        int cells = Math.min(length, capacity);
        if (cells == 0) {
            return;
        }
        // Cells keep one width once the ring is full, so the strip does not stretch while a run starts.
        double cell = w / Math.min(capacity, Math.max(cells, RING_CELLS));
        int selectedNumber = selectedNumber();
        for (int c = 0; c < cells; c++) {
            int i = length - cells + c;
            int tile = tileIndex.of(dispatches.instanceNumbers()[i]);
            byte outcome = dispatches.outcomes()[i];
            Color fill;
            if (outcome == Snapshot.Dispatches.REJECTED_NO_INSTANCE || outcome == Snapshot.Dispatches.REJECTED_QUEUE_FULL) {
                fill = rejectFill.getValue();
            } else if (tile < 0) {
                fill = mutedTextFill.getValue();
            } else {
                fill = palette[tile % PALETTE_SIZE].getValue();
            }
            boolean dim = selectedNumber >= 0 && dispatches.instanceNumbers()[i] != selectedNumber;
            g.setGlobalAlpha(dim ? 0.18 : 1);
            g.setFill(fill);
            g.fillRect(x + c * cell, y, Math.max(1, cell - (cell >= 4 ? 1 : 0)), STRIP_HEIGHT);
        }
        g.setGlobalAlpha(1);
    }

    private int selectedNumber() {
        if (selectedId == null) {
            return -1;
        }
        for (InstanceView in : snapshot.instances()) {
            if (in.id().equals(selectedId)) {
                return in.number();
            }
        }
        return -1;
    }

    /** Dots from (fromX, fromY) to their rows; {@code shiftX} moves region coordinates to the dot canvas's. */
    private void drawDots(GraphicsContext g, double fromX, double fromY, double shiftX, long nowNanos) {
        double radius = compact || slotHeight < 30 ? 2.5 : 3.5;
        for (int i = 0; i < dots.size(); i++) {
            long age = nowNanos - dots.startNanos(i);
            if (age < 0) {
                continue; // spread into this frame; appears in a moment
            }
            byte outcome = dots.outcome(i);
            if (outcome == Snapshot.Dispatches.REJECTED_NO_INSTANCE) {
                // No instance would take it: it never leaves the balancer.
                flash(g, fromX, fromY, (double) age / (FLIGHT_NANOS + FLASH_NANOS));
                continue;
            }
            int index = tileIndex.of(dots.instanceNumber(i));
            if (index < 0) {
                continue; // its instance drained away meanwhile
            }
            double toX = slotX(index) + shiftX;
            double toY = slotY(index) + slotHeight / 2;
            if (age < FLIGHT_NANOS) {
                double t = easeOut(age / (double) FLIGHT_NANOS);
                g.setFill(palette[index % PALETTE_SIZE].getValue());
                g.fillOval(fromX + (toX - fromX) * t - radius, fromY + (toY - fromY) * t - radius, 2 * radius, 2 * radius);
            } else if (outcome == Snapshot.Dispatches.REJECTED_QUEUE_FULL) {
                flash(g, toX, toY, (age - FLIGHT_NANOS) / (double) FLASH_NANOS);
            }
        }
    }

    /** A red disc that grows and fades over {@code progress} 0..1. */
    private void flash(GraphicsContext g, double x, double y, double progress) {
        double radius = 4 + (FLASH_RADIUS - 4) * progress;
        g.setGlobalAlpha(Math.max(0, 1 - progress));
        g.setFill(rejectFill.getValue());
        g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
        g.setGlobalAlpha(1);
    }

    private static double easeOut(double t) {
        return 1 - (1 - t) * (1 - t);
    }

    /** A speed or an error rate: 20%, 100%. */
    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    /** A share of traffic with one decimal, enough to tell 12.5% (an eighth) from 3.1%. */
    static String sharePercent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return STYLE.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
