package dev.scalelab.ui.balancing;

import dev.scalelab.ui.canvas.CanvasFont;

import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.canvas.InstanceIndex;
import dev.scalelab.ui.canvas.RequestFlights;
import dev.scalelab.ui.canvas.TileGrid;
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

import java.util.Arrays;
import java.util.List;
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
    private static final double COLUMN_HEADING_HEIGHT = 18;
    /** Room around a row's left edge for a rejection's flash (4 px growing by 8). */
    private static final double FLASH_RADIUS = 12;
    /** While the run goes on the board is redrawn at most this often (about 15 times a second). */
    private static final long BOARD_REFRESH_NANOS = 66_000_000L;

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
    /** The compact card's texts need this much height. */
    private static final double COMPACT_CARD_HEIGHT_MIN = 78;
    private double poolX;

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
    private final InstanceRows rows = new InstanceRows();
    private final DecisionStrip strip = new DecisionStrip();
    private final TrafficShares shares = new TrafficShares();
    private final RequestFlights flights = new RequestFlights();
    /** The dots fly to the left edge of their instance's row or tile, at its middle, in the dot layer's coordinates. */
    private final RequestFlights.Targets slotTargets = new RequestFlights.Targets() {
        @Override
        public int slotOf(int instanceNumber) {
            return tileIndex.of(instanceNumber);
        }

        @Override
        public double x(int slot) {
            return slotX(slot) - flight.getLayoutX();
        }

        @Override
        public double y(int slot) {
            return slotY(slot) + slotHeight / 2;
        }

        @Override
        public Color dotFill(int slot) {
            return instanceColor(slot);
        }
    };

    private final InstanceIndex tileIndex = new InstanceIndex();
    /** Per row or tile, from the newest snapshot: 1 sampled by the shown decision, 2 picked by it. */
    private byte[] pickMarks = new byte[64];

    private Snapshot snapshot;
    private PickText pick = PickText.NONE;
    private String selectedId;
    /** A newer snapshot than the board shows. */
    private boolean dirty = true;
    /** The board must be redrawn at the next pulse: resized, another selection or decision, paused. */
    private boolean boardStale = true;
    private long boardDrawnAtNanos;
    private boolean flightHasDots;
    private double originY;
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
        CanvasFont.redrawOnScaleChange(this, () -> { boardStale = true; dirty = true; }); // its texts follow the font scale
        setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                String id = instanceAt(event.getX() / drawnScale, event.getY() / drawnScale);
                if (id != null) {
                    onSelect.accept(id);
                }
            }
        });
    }

    /**
     * The font scale of the board's last drawing: it is laid out in 100 % units over the canvas
     * divided by this and drawn magnified by it; positions it reports are multiplied back.
     */
    private double drawnScale = 1;

    /** Compact (a side of the race): a smaller balancer card and less text on the tiles. */
    public void setCompact(boolean compact) {
        this.compact = compact;
        cardWidth = compact ? 92 : 140;
        cardHeight = compact ? 92 : 116;
        poolX = MARGIN + cardWidth + (compact ? 22 : 44);
        strip.setCompact(compact);
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
            flights.clear(); // the run restarted: the old dots fly to instances that no longer exist
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
        shares.update(instances);
        if (pickMarks.length < instances.size()) {
            pickMarks = new byte[Math.max(instances.size(), 2 * pickMarks.length)];
        }
        Arrays.fill(pickMarks, 0, instances.size(), (byte) 0);
        for (int i = 0; i < instances.size(); i++) {
            String id = instances.get(i).id();
            if (id.equals(pick.chosen())) {
                pickMarks[i] = InstanceSlots.PICKED;
            } else if (pick.sampled().contains(id)) {
                pickMarks[i] = InstanceSlots.SAMPLED;
            }
        }
        dirty = true;
    }

    /**
     * Launches dots for {@code dispatches[from, length)}, spread over the time since the last frame so
     * that a frame's worth of decisions does not leave the balancer as one clump.
     */
    public void launch(Snapshot.Dispatches dispatches, int from, long nowNanos) {
        flights.launch(dispatches, from, nowNanos);
    }

    /**
     * Redraws the board when due and the dots while any fly. Call once per pulse. With
     * {@code mayRefresh} false a periodic refresh waits for the next pulse (the other side of a race
     * just redrew its board: two in one pulse would make it a long one); a needed redraw does not.
     *
     * @return true when the board was redrawn
     */
    public boolean draw(long nowNanos, boolean mayRefresh) {
        assert FxThread.isCurrent();
        flights.expire(nowNanos);
        boolean redraw = snapshot != null
                && (boardStale || (mayRefresh && dirty && nowNanos - boardDrawnAtNanos >= BOARD_REFRESH_NANOS));
        if (redraw) {
            renderBoard(board.getGraphicsContext2D());
            placeFlight();
            dirty = false;
            boardStale = false;
            boardDrawnAtNanos = nowNanos;
        }
        if (snapshot != null && (flights.active() || flightHasDots)) {
            GraphicsContext g = flight.getGraphicsContext2D();
            g.clearRect(0, 0, flight.getWidth(), flight.getHeight());
            if (drawable) {
                double radius = compact || slotHeight < 30 ? 2.5 : 3.5;
                CanvasFont.beginMagnified(g, drawnScale);
                try {
                    flights.draw(g, originX - flight.getLayoutX() / drawnScale, originY, nowNanos, radius, slotTargets,
                            rejectFill.getValue(), true, true);
                } finally {
                    CanvasFont.endMagnified(g);
                }
            }
            flightHasDots = flights.active();
        }
        flights.frameDone(nowNanos);
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
        double s = drawnScale;
        double x = Math.max(0, originX - 4);
        double right = listMode ? Math.min(board.getWidth() / s, rowsX + 2 * FLASH_RADIUS) : board.getWidth() / s;
        flight.setLayoutX(s * x);
        flight.setWidth(Math.max(0, s * (right - x)));
        flight.setHeight(board.getHeight());
    }

    /** The centre of instance {@code id}'s row (or tile) in this region's coordinates, or null if it has none. */
    public Point2D tileCenter(String id) {
        if (snapshot == null || !drawable) {
            return null;
        }
        List<InstanceView> instances = snapshot.instances();
        for (int i = 0; i < instances.size(); i++) {
            if (instances.get(i).id().equals(id)) {
                return new Point2D(drawnScale * (slotX(i) + slotWidth / 2), drawnScale * (slotY(i) + slotHeight / 2));
            }
        }
        return null;
    }

    /** Instance {@code id}'s row (or tile) in this region's coordinates, or null if it has none; a lesson outlines it. */
    public javafx.geometry.Bounds tileBounds(String id) {
        if (snapshot == null || !drawable || slotWidth <= 0 || slotHeight <= 0) {
            return null; // nothing drawn: the last layout's slots are not on screen
        }
        List<InstanceView> instances = snapshot.instances();
        for (int i = 0; i < instances.size(); i++) {
            if (instances.get(i).id().equals(id)) {
                double s = drawnScale;
                return new javafx.geometry.BoundingBox(s * slotX(i), s * slotY(i), s * slotWidth, s * slotHeight);
            }
        }
        return null;
    }

    /** The id of the instance whose row (or tile) is at (x, y) in 100 % units (the region's divided by the font scale), or null. */
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
            rows.layOut(width, compact);
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

    // ------------------------------------------------------------------ drawing

    private void renderBoard(GraphicsContext g) {
        drawnScale = CanvasFont.paintMagnified(board, (gc, w, h) -> renderBoard(gc, w, h));
    }

    /** The board in 100 % units: {@code width} × {@code height} is the canvas divided by the font scale. */
    private void renderBoard(GraphicsContext g, double width, double height) {
        g.clearRect(0, 0, width, height);
        // A narrow side of a race gives the instances the card's room; the dots then leave from the left edge.
        cardShown = width >= poolX + MIN_INSTANCE_AREA_WIDTH;
        rowsX = cardShown ? poolX : MARGIN + 16;
        originX = cardShown ? MARGIN + cardWidth : MARGIN;
        drawable = width >= rowsX + MIN_INSTANCE_AREA_WIDTH && height >= 2 * MARGIN + 60 + DecisionStrip.HEIGHT + DecisionStrip.LABEL_HEIGHT;
        if (!drawable) {
            return; // too small to draw anything legible; the region is being collapsed
        }
        List<InstanceView> instances = snapshot.instances();
        boolean panic = snapshot.balancer().panic();
        double top = MARGIN + (panic ? BalancerCard.BANNER_HEIGHT + 8 : 0);
        double stripY = height - MARGIN - DecisionStrip.HEIGHT;
        double poolBottom = stripY - DecisionStrip.LABEL_HEIGHT - 8;
        place(instances.size(), rowsX, top, width - MARGIN - rowsX, poolBottom);
        double centerY = listMode && !instances.isEmpty()
                ? (slotY(0) + slotY(instances.size() - 1) + slotHeight) / 2
                : (top + poolBottom) / 2;

        g.setTextBaseline(VPos.CENTER);
        if (panic) {
            BalancerCard.drawPanicBanner(g, this, snapshot, compact, MARGIN, MARGIN, width - 2 * MARGIN);
        }
        if (cardShown) {
            // A short board (a large font, a low window) gets the compact card, no taller than the
            // instances' area, so it stays clear of the recent picks below.
            double room = poolBottom - top;
            boolean tight = room < cardHeight;
            double h = tight ? Math.max(room, COMPACT_CARD_HEIGHT_MIN) : cardHeight;
            BalancerCard.drawCard(g, this, snapshot, shares.readyCount(), compact || tight,
                    MARGIN, Math.max(top, centerY - h / 2), cardWidth, h);
        }
        originY = centerY;
        if (listMode) {
            rows.drawHeadings(g, this, listX, slotY(0) - COLUMN_HEADING_HEIGHT / 2 - 1);
        }
        for (int i = 0; i < instances.size(); i++) {
            InstanceView in = instances.get(i);
            String exclusion = snapshot.balancer().excluded().get(in.id());
            boolean selected = in.id().equals(selectedId);
            if (listMode) {
                rows.drawRow(g, this, shares, in, instanceColor(i), exclusion, selected, slotX(i), slotY(i), slotWidth, slotHeight);
            } else {
                InstanceTiles.drawTile(g, this, shares, in, instanceColor(i), exclusion, selected, slotX(i), slotY(i), slotWidth, slotHeight);
            }
            InstanceSlots.drawPickMark(g, this, pickMarks[i], slotX(i), slotY(i), slotWidth, slotHeight);
        }
        strip.draw(g, this, snapshot.dispatches(), tileIndex, selectedNumber(), MARGIN, stripY, width - 2 * MARGIN);
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

    // ------------------------------------------------------------------ colours, for the board's painters

    Color textFill() {
        return textFill.getValue();
    }

    Color mutedTextFill() {
        return mutedTextFill.getValue();
    }

    Color cardFill() {
        return cardFill.getValue();
    }

    Color cardBorder() {
        return cardBorder.getValue();
    }

    Color shareFill() {
        return shareFill.getValue();
    }

    Color queueFill() {
        return queueFill.getValue();
    }

    Color queueTrack() {
        return queueTrack.getValue();
    }

    Color slowFill() {
        return slowFill.getValue();
    }

    Color rejectFill() {
        return rejectFill.getValue();
    }

    Color bannerFill() {
        return bannerFill.getValue();
    }

    Color pickStroke() {
        return pickStroke.getValue();
    }

    Color selectedFill() {
        return selectedFill.getValue();
    }

    Color selectedStroke() {
        return selectedStroke.getValue();
    }

    /** The colour of the instance at position {@code index} in the snapshot's list. */
    Color instanceColor(int index) {
        return palette[index % PALETTE_SIZE].getValue();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return STYLE.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
