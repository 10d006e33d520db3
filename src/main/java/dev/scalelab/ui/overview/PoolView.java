package dev.scalelab.ui.overview;

import dev.scalelab.ui.canvas.CanvasFont;
import dev.scalelab.ui.canvas.CanvasRegion;

import dev.scalelab.ui.Formats;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.canvas.CanvasShapes;
import dev.scalelab.ui.canvas.InstanceIndex;
import dev.scalelab.ui.canvas.LegendRow;
import dev.scalelab.ui.canvas.PoolCounts;
import dev.scalelab.ui.canvas.RequestFlights;
import dev.scalelab.ui.canvas.StyleableColors;
import dev.scalelab.ui.canvas.TileCards;
import dev.scalelab.ui.canvas.TileColors;
import dev.scalelab.ui.canvas.TileGrid;
import dev.scalelab.ui.canvas.WorkerCells;
import dev.scalelab.world.EventsView;
import dev.scalelab.world.Sample;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Snapshot.InstanceView;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * The animated picture of the Overview: clients → load balancer → a grid of instance tiles, with a
 * dot for each balancer decision flying to the instance it chose. A tile shows the instance's
 * workers (filled when busy), its queue against its capacity, its id and how many requests it got.
 *
 * <p>Drawn on one {@link Canvas} that follows the region's size. Colours are CSS properties
 * ({@code -sl-…} in {@code styles/overview.css}) that refer to the theme's looked-up colours.
 * FX thread only; {@link #draw} allocates nothing but the short strings it prints.
 */
public final class PoolView extends CanvasRegion {
    private static final StyleableColors<PoolView> CSS = new StyleableColors<>(Region.getClassCssMetaData());

    private static final double MARGIN = 16;
    private static final double CARD_WIDTH = 120;
    static final double CARD_HEIGHT = 96;
    private static final double CLIENTS_X = MARGIN;
    private static final double BALANCER_X = CLIENTS_X + CARD_WIDTH + 30;
    private static final double POOL_X = BALANCER_X + CARD_WIDTH + 40;
    private static final double POOL_TITLE_HEIGHT = 22;
    /** The column on the right for what the instances call: the cache, the database, the dependencies. */
    static final double BACKEND_WIDTH = 178;
    private static final double BACKEND_GAP = 36;
    private static final double LEGEND_HEIGHT = 28;
    private static final double TILE_GAP = 6;
    private static final double TILE_ASPECT = 1.45;
    private static final double MAX_TILE_WIDTH = 230;
    private static final double TILE_PADDING = 6;
    private static final double DOT_RADIUS = 3;
    /** Dots shrink on small tiles so that the stream does not hide the tiles it crosses. */
    private static final double SMALL_DOT_RADIUS = 2;
    private static final double[] STARTING_DASHES = {4, 3};

    static final CanvasFont TITLE_FONT = CanvasFont.of("System", FontWeight.BOLD, 13);
    private static final CanvasFont LABEL_FONT = CanvasFont.of("System", 12);
    static final CanvasFont SMALL_FONT = CanvasFont.of("System", 10.5);

    final TileColors tileColors = new TileColors(CSS, this, v -> v.tileColors);
    final StyleableProperty<Color> queueTrack = CSS.color(this, "queueTrack", v -> v.queueTrack, Color.WHITESMOKE);
    private final StyleableProperty<Color> dotFill = CSS.color(this, "dotFill", v -> v.dotFill, Color.STEELBLUE);
    final StyleableProperty<Color> rejectFill = CSS.color(this, "rejectFill", v -> v.rejectFill, Color.CRIMSON);
    final StyleableProperty<Color> linkStroke = CSS.color(this, "linkStroke", v -> v.linkStroke, Color.SILVER);

    /** The legend's entries and their widths, measured once: the legend is drawn every frame. */
    private static final LegendRow LEGEND = new LegendRow(SMALL_FONT,
            new String[] {"busy worker", "idle worker", "queue: waiting / capacity", "request",
            "rejected", "N req: requests routed so far"},
            new double[] {12, 12, 12, 12, 12, 0}, 16);
    /** Made once: the legend is drawn every frame. */
    private final LegendRow.Swatches legendSwatches = this::drawLegendSwatch;

    private final Canvas canvas;
    private final TileGrid grid = new TileGrid();
    private final RequestFlights flights = new RequestFlights();
    /** The dots fly to the left edge of their instance's tile, at its middle. */
    private final RequestFlights.Targets tileTargets = new RequestFlights.Targets() {
        @Override
        public int slotOf(int instanceNumber) {
            return tileIndex.of(instanceNumber);
        }

        @Override
        public double x(int slot) {
            return grid.tileX(slot);
        }

        @Override
        public double y(int slot) {
            return grid.tileY(slot) + grid.tileHeight() / 2;
        }

        @Override
        public Color dotFill(int slot) {
            return dotFill.getValue();
        }
    };
    private final BackendCards backendCards = new BackendCards(this);
    private final AsyncPathCards asyncCards = new AsyncPathCards(this);

    private final InstanceIndex tileIndex = new InstanceIndex();

    private Snapshot snapshot;
    private boolean dirty = true;

    public PoolView() {
        this(new Canvas());
    }

    private PoolView(Canvas canvas) {
        super("pool-view", canvas);
        this.canvas = canvas;
        // A part of the system drawn here opens the panel of its pattern on a double-click.
        setOnMouseMoved(e -> {
            String panel = partAt(e.getX(), e.getY());
            setCursor(panel != null ? javafx.scene.Cursor.HAND : null);
            if (panel == null) {
                javafx.scene.control.Tooltip.uninstall(this, partTip);
            } else {
                partTip.setText("Double-click to open " + panel + ".");
                javafx.scene.control.Tooltip.install(this, partTip);
            }
        });
        setOnMouseClicked(e -> {
            String panel = partAt(e.getX(), e.getY());
            if (e.getClickCount() == 2 && panel != null && openPanel != null) {
                openPanel.accept(panel);
            }
        });
    }

    /**
     * The parts drawn at the last frame, in 100 % units: x, y, width and height of each, four at a
     * time, with the title of the panel that shows it. Reused from frame to frame.
     */
    private double[] partBounds = new double[4 * 16];
    private final List<String> partPanels = new java.util.ArrayList<>();
    private java.util.function.Consumer<String> openPanel;
    private final javafx.scene.control.Tooltip partTip = dev.scalelab.ui.Tooltips.tooltip("");

    /** Told the title of a part's panel ("Caching" for the cache card) when the part is double-clicked. */
    public void setOnOpenPanel(java.util.function.Consumer<String> open) {
        openPanel = open;
    }

    /** Notes that the rectangle drawn at (x, y, w, h) is a part shown in full by {@code panel}. */
    void part(double x, double y, double w, double h, String panel) {
        int i = partPanels.size();
        if (4 * i + 4 > partBounds.length) {
            partBounds = java.util.Arrays.copyOf(partBounds, partBounds.length * 2);
        }
        partBounds[4 * i] = x;
        partBounds[4 * i + 1] = y;
        partBounds[4 * i + 2] = w;
        partBounds[4 * i + 3] = h;
        partPanels.add(panel);
    }

    /** The first part shown by {@code panel} as last drawn, in this view's coordinates; null when none is drawn. */
    public javafx.geometry.Bounds partBounds(String panel) {
        int i = partPanels.indexOf(panel);
        return i < 0 ? null : new javafx.geometry.BoundingBox(partBounds[4 * i] * drawnScale, partBounds[4 * i + 1] * drawnScale,
                partBounds[4 * i + 2] * drawnScale, partBounds[4 * i + 3] * drawnScale);
    }

    /** The panel of the part under (x, y) in this view's coordinates; null over none. */
    String partAt(double x, double y) {
        double ux = x / drawnScale;
        double uy = y / drawnScale;
        for (int i = partPanels.size() - 1; i >= 0; i--) {
            if (ux >= partBounds[4 * i] && ux <= partBounds[4 * i] + partBounds[4 * i + 2]
                    && uy >= partBounds[4 * i + 1] && uy <= partBounds[4 * i + 1] + partBounds[4 * i + 3]) {
                return partPanels.get(i);
            }
        }
        return null;
    }

    /** The font scale of the last drawing: its layout is in 100 % units, magnified by this. */
    private double drawnScale = 1;

    @Override
    protected void resized() {
        dirty = true; // laid out and redrawn at the next pulse, not here
    }

    /** Takes in a new snapshot; drawn at the next {@link #draw}. */
    public void show(Snapshot newSnapshot) {
        if (snapshot != null && newSnapshot.timeSeconds() < snapshot.timeSeconds()) {
            flights.clear(); // the run restarted: the old dots fly to instances that no longer exist
        }
        tileIndex.index(newSnapshot.instances());
        snapshot = newSnapshot;
        dirty = true;
    }

    /**
     * Launches dots for {@code dispatches[from, length)}, spread over the time since the last frame so
     * that a frame's worth of decisions does not leave the balancer as one clump.
     */
    public void launch(Snapshot.Dispatches dispatches, int from, long nowNanos) {
        flights.launch(dispatches, from, nowNanos);
    }

    /** Redraws when the snapshot changed or dots are moving. Call once per pulse. */
    public void draw(long nowNanos) {
        assert FxThread.isCurrent();
        flights.expire(nowNanos);
        if (snapshot != null && (dirty || flights.active())) {
            render(canvas.getGraphicsContext2D(), nowNanos);
            dirty = false;
        }
        flights.frameDone(nowNanos);
    }

    /**
     * Instance {@code id}'s tile as last drawn, in this view's coordinates, or null when it has none
     * (no such instance, or the view is too small to draw tiles); a lesson outlines it.
     */
    public javafx.geometry.Bounds tileBounds(String id) {
        double s = drawnScale; // the layout is in 100 % units, drawn magnified by s
        if (snapshot == null || grid.tileWidth() <= 0 || canvas.getWidth() / s < POOL_X + 100
                || canvas.getHeight() / s < CARD_HEIGHT + 2 * MARGIN) {
            return null;
        }
        List<InstanceView> instances = snapshot.instances();
        for (int i = 0; i < instances.size(); i++) {
            if (instances.get(i).id().equals(id)) {
                return new javafx.geometry.BoundingBox(s * grid.tileX(i), s * grid.tileY(i), s * grid.tileWidth(), s * grid.tileHeight());
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ drawing

    private void render(GraphicsContext g, long nowNanos) {
        // Laid out in 100 % units over the canvas divided by the font scale, and drawn magnified by it.
        drawnScale = CanvasFont.paintMagnified(canvas, (gc, w, h) -> render(gc, w, h, nowNanos));
    }

    private void render(GraphicsContext g, double width, double height, long nowNanos) {
        g.clearRect(0, 0, width, height);
        partPanels.clear();
        if (width < POOL_X + 100 || height < CARD_HEIGHT + 2 * MARGIN) {
            return; // too small to draw anything legible; the region is being collapsed
        }
        List<InstanceView> instances = snapshot.instances();
        double poolTop = MARGIN + POOL_TITLE_HEIGHT;
        double poolBottom = height - MARGIN - LEGEND_HEIGHT;
        // With event streams, their path takes a row under the instances; without, the pool keeps all its height.
        EventsView events = snapshot.events();
        boolean showAsync = events != null && poolBottom - poolTop >= AsyncPathCards.HEIGHT + AsyncPathCards.GAP + 90;
        double asyncTop = poolBottom - AsyncPathCards.HEIGHT;
        if (showAsync) {
            poolBottom = asyncTop - AsyncPathCards.GAP;
        }
        int backends = backendCount();
        boolean showBackends = backends > 0 && width >= POOL_X + 260 + BACKEND_GAP + BACKEND_WIDTH;
        double poolRight = showBackends ? width - MARGIN - BACKEND_WIDTH - BACKEND_GAP : width - MARGIN;
        grid.fit(instances.size(), POOL_X, poolTop, poolRight - POOL_X, poolBottom - poolTop,
                TILE_GAP, TILE_ASPECT, MAX_TILE_WIDTH);
        double centerY = (poolTop + poolBottom) / 2;
        double cardTop = centerY - CARD_HEIGHT / 2;

        g.setTextBaseline(VPos.CENTER);
        drawClients(g, cardTop);
        drawLink(g, CLIENTS_X + CARD_WIDTH, BALANCER_X, centerY);
        drawBalancer(g, cardTop);
        part(BALANCER_X, cardTop, CARD_WIDTH, CARD_HEIGHT, "Load balancing");
        drawPoolTitle(g, instances, instances.isEmpty() ? POOL_X : grid.tileX(0));
        part(POOL_X, MARGIN, poolRight - POOL_X, poolBottom - MARGIN, "Scaling");
        // Dots in flight go under the tiles: one flying to a far column passes behind the nearer
        // tiles instead of over their names. The flashes of rejections go on top.
        double dotRadius = grid.tileHeight() < 60 ? SMALL_DOT_RADIUS : DOT_RADIUS;
        flights.draw(g, BALANCER_X + CARD_WIDTH, centerY, nowNanos, dotRadius, tileTargets, rejectFill.getValue(), true, false);
        for (int i = 0; i < instances.size(); i++) {
            drawTile(g, instances.get(i), grid.tileX(i), grid.tileY(i), grid.tileWidth(), grid.tileHeight());
        }
        LEGEND.draw(g, MARGIN, height - MARGIN - 8, width - MARGIN, tileColors.mutedTextFill.getValue(), legendSwatches);
        flights.draw(g, BALANCER_X + CARD_WIDTH, centerY, nowNanos, dotRadius, tileTargets, rejectFill.getValue(), false, true);
        if (showAsync) {
            double gridBottom = instances.isEmpty() ? poolBottom : grid.tileY(0) + grid.rows() * (grid.tileHeight() + TILE_GAP) - TILE_GAP;
            double serviceX = (instances.isEmpty() ? POOL_X : grid.tileX(0)) + 12;
            asyncCards.draw(g, events, serviceX, gridBottom, POOL_X, width - MARGIN, asyncTop);
        }
        if (showBackends) {
            double poolEdge = instances.isEmpty() ? POOL_X : grid.tileX(0) + grid.columns() * (grid.tileWidth() + TILE_GAP) - TILE_GAP;
            backendCards.draw(g, snapshot, backends, Math.min(poolEdge, poolRight), width - MARGIN - BACKEND_WIDTH, poolTop, poolBottom);
        }
    }

    // ------------------------------------------------------------------ what the instances call

    private int backendCount() {
        return (snapshot.cache() != null ? 1 : 0) + (snapshot.data() != null ? 1 : 0) + snapshot.dependencies().size();
    }

    void drawCard(GraphicsContext g, double x, double y, double w, double h) {
        TileCards.draw(g, x, y, w, h, 10, tileColors.cardFill.getValue(), tileColors.cardBorder.getValue(), 1, null);
    }

    private void drawClients(GraphicsContext g, double top) {
        drawCard(g, CLIENTS_X, top, CARD_WIDTH, CARD_HEIGHT);
        double cx = CLIENTS_X + CARD_WIDTH / 2;
        CanvasShapes.people(g, cx, top, 9, tileColors.mutedTextFill.getValue());
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(tileColors.textFill.getValue());
        g.setFont(TITLE_FONT.font());
        g.fillText("Clients", cx, top + 52);
        g.setFont(LABEL_FONT.font());
        Scenario.Arrival arrival = snapshot.current().workload().arrival();
        Sample sample = snapshot.lastSample();
        String load = arrival.process() == Scenario.ArrivalProcess.CLOSED
                ? arrival.users() + " users"
                : (sample == null ? "–" : Math.round(sample.offeredPerSecond()) + " req/s");
        g.fillText(load, cx, top + 72);
    }

    void drawLink(GraphicsContext g, double fromX, double toX, double y) {
        g.setStroke(linkStroke.getValue());
        g.setLineWidth(2);
        g.strokeLine(fromX + 4, y, toX - 8, y);
        CanvasShapes.arrowHead(g, toX - 4, y, 1, 0, 8, 5, linkStroke.getValue());
    }

    private void drawBalancer(GraphicsContext g, double top) {
        drawCard(g, BALANCER_X, top, CARD_WIDTH, CARD_HEIGHT);
        double cx = BALANCER_X + CARD_WIDTH / 2;
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(tileColors.textFill.getValue());
        g.setFont(TITLE_FONT.font());
        g.fillText("Load balancer", cx, top + 22);
        g.setFont(LABEL_FONT.font());
        g.fillText(snapshot.current().balancer().strategy().id(), cx, top + 44);
        g.setFill(tileColors.mutedTextFill.getValue());
        g.setFont(SMALL_FONT.font());
        g.fillText(Formats.compact(snapshot.dispatches().total()) + " decisions", cx, top + 66);
        g.fillText(Formats.compact(snapshot.rejected()) + " rejected", cx, top + 82);
    }

    private void drawPoolTitle(GraphicsContext g, List<InstanceView> instances, double x) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(tileColors.textFill.getValue());
        g.setFont(TITLE_FONT.font());
        g.fillText("Instances: " + PoolCounts.summary(instances), x, MARGIN + POOL_TITLE_HEIGHT / 2 - 2);
    }

    /** The legend's swatches: busy and idle cells, the queue bar, a request dot, a rejection; the last entry has none. */
    private void drawLegendSwatch(GraphicsContext g, int entry, double x, double y) {
        switch (entry) {
            case 0, 1 -> {
                g.setFill(entry == 0 ? tileColors.busyFill.getValue() : tileColors.idleFill.getValue());
                g.fillRect(x, y - 4, 8, 8);
            }
            case 2 -> {
                g.setFill(tileColors.queueFill.getValue());
                g.fillRect(x, y - 3, 8, 6);
            }
            default -> {
                g.setFill(entry == 3 ? dotFill.getValue() : rejectFill.getValue());
                g.fillOval(x, y - DOT_RADIUS - 1, 2 * DOT_RADIUS + 2, 2 * DOT_RADIUS + 2);
            }
        }
    }

    /**
     * A ready instance is drawn solid; one that is provisioning or booting faint with a dashed border
     * and its progress in place of the queue; a draining one faint; a failed one with a red border.
     */
    private void drawTile(GraphicsContext g, InstanceView in, double x, double y, double w, double h) {
        Snapshot.InstanceState state = in.state();
        boolean starting = state == Snapshot.InstanceState.PROVISIONING || state == Snapshot.InstanceState.BOOTING;
        boolean queueFull = in.queueCapacity() > 0 && in.queued() >= in.queueCapacity();
        boolean alarm = queueFull || state == Snapshot.InstanceState.FAILED;
        g.setGlobalAlpha(starting ? 0.6 : state == Snapshot.InstanceState.DRAINING ? 0.4 : 1);
        TileCards.draw(g, x, y, w, h, 8, tileColors.cardFill.getValue(), alarm ? rejectFill.getValue() : tileColors.cardBorder.getValue(),
                alarm ? 2 : 1, starting ? STARTING_DASHES : null);

        // Level of detail: large tiles carry every label, small ones only the cells and the bar.
        boolean showHeader = h >= 36;
        boolean showBarText = h >= 58;
        double p = h >= 58 ? TILE_PADDING : 4;
        double top = y + p;
        if (showHeader) {
            double headerY = top + 6;
            g.setFont(h >= 80 ? LABEL_FONT.font() : SMALL_FONT.font());
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(tileColors.textFill.getValue());
            g.fillText(in.id(), x + p, headerY);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(alarm ? rejectFill.getValue() : tileColors.mutedTextFill.getValue());
            String remark = stateRemark(in);
            if (remark != null) {
                g.fillText(remark, x + w - p, headerY);
            } else if (w >= 80) {
                g.fillText(Formats.compact(in.routed()) + " req", x + w - p, headerY);
            }
            top += 16;
        }
        double barHeight = h >= 58 ? 7 : 4;
        double barTextHeight = showBarText ? 14 : 0;
        double barY = y + h - p - barHeight;
        double barWidth = w - 2 * p;
        drawWorkers(g, in, x + p, top, barWidth, barY - barTextHeight - 4 - top);
        double fraction;
        Color fill;
        if (starting) {
            fraction = in.progress();
            fill = tileColors.busyFill.getValue();
        } else {
            fraction = in.queueCapacity() > 0 ? Math.min(1, in.queued() / (double) in.queueCapacity()) : 0;
            fill = queueFull ? rejectFill.getValue() : tileColors.queueFill.getValue();
        }
        if (showBarText) {
            g.setFont(SMALL_FONT.font());
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(tileColors.mutedTextFill.getValue());
            String barText = starting
                    ? Math.round(fraction * 100) + " %"
                    : "queue " + in.queued() + " / " + in.queueCapacity();
            g.fillText(barText, x + p, barY - barTextHeight / 2 - 1);
        }
        g.setFill(queueTrack.getValue());
        g.fillRect(x + p, barY, barWidth, barHeight);
        if (fraction > 0) {
            g.setFill(fill);
            g.fillRect(x + p, barY, Math.max(2, barWidth * fraction), barHeight);
        }
        g.setGlobalAlpha(1);
    }

    /** What a tile says about its state instead of its request count, or null for a plain ready instance. */
    private static String stateRemark(InstanceView in) {
        switch (in.state()) {
            case PROVISIONING: return "pending";
            case BOOTING: return "booting";
            case DRAINING: return "draining";
            case FAILED: return "failed";
            default: return in.warmingUp() ? "warming up" : null;
        }
    }

    private void drawWorkers(GraphicsContext g, InstanceView in, double x, double y, double w, double h) {
        WorkerCells.draw(g, in.workers(), in.busy(), x, y, w, h, 22, tileColors.busyFill.getValue(), tileColors.idleFill.getValue());
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.cssMetaData();
    }

    @Override
    protected StyleableColors<?> colors() {
        return CSS;
    }
}
