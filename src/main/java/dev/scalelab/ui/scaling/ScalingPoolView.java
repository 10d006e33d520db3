package dev.scalelab.ui.scaling;

import dev.scalelab.ui.canvas.CanvasFont;
import dev.scalelab.ui.canvas.CanvasRegion;
import java.util.function.Supplier;

import dev.scalelab.ui.TextFit;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Snapshot.InstanceState;
import dev.scalelab.ui.canvas.LegendRow;
import dev.scalelab.ui.canvas.PoolCounts;
import dev.scalelab.ui.canvas.StyleableColors;
import dev.scalelab.ui.canvas.TileCards;
import dev.scalelab.ui.canvas.TileColors;
import dev.scalelab.ui.canvas.WorkerCells;
import dev.scalelab.world.Snapshot.InstanceView;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.List;
import java.util.function.Consumer;

/**
 * The autoscaled pool, animated: one tile per instance, its area in proportion to the instance's
 * vCPUs. A tile appears when the instance is created, shows its provisioning, boot and warm-up
 * progress, then its busy workers and queue on a background that turns from green through amber
 * (at the autoscaler's CPU target) to red with its utilization; a draining tile fades, a failed one
 * flashes red; a tile that is gone fades out where it was while the others slide into place.
 * Clicking a tile selects its instance for the actions on the right.
 *
 * <p>Drawn on one {@link Canvas}; colours are CSS properties ({@code -sl-…} in
 * {@code styles/scaling.css}) referring to the theme's looked-up colours. FX thread only; a frame
 * allocates little beyond the short strings it prints.
 */
public final class ScalingPoolView extends CanvasRegion {
    private static final StyleableColors<ScalingPoolView> CSS = new StyleableColors<>(Region.getClassCssMetaData());

    private static final double MARGIN = 14;
    private static final double TITLE_HEIGHT = 24;
    private static final double LEGEND_HEIGHT = 26;
    private static final double TILE_GAP = 8;
    private static final double TILE_ASPECT = 1.4;
    /** A 1-vCPU tile is at most this wide; the others grow with √vCPUs from there. */
    private static final double MAX_UNIT_WIDTH = 150;
    private static final double SELECTION_WIDTH = 3;
    private static final double[] STARTING_DASHES = {5, 3};
    /** A failed tile pulses twice a wall second, so it is noticed even in a large pool. */
    private static final double FAILED_PULSE_PER_SECOND = 2;

    private static final CanvasFont TITLE_FONT = CanvasFont.of("System", FontWeight.BOLD, 13);
    private static final CanvasFont ID_FONT = CanvasFont.of("System", FontWeight.BOLD, 12);
    private static final CanvasFont LABEL_FONT = CanvasFont.of("System", 11.5);
    private static final CanvasFont SMALL_FONT = CanvasFont.of("System", 10.5);


    private static final String PROVISIONING_MESSAGE = "waiting for a machine";
    private static final String BOOTING_MESSAGE = "starting the service";
    // Label widths, measured once, so a tile draws only the labels that fit without measuring each frame.
    private static final Supplier<Double> ID_CHAR_WIDTH = CanvasFont.perScale(() -> TextFit.width("i-00", ID_FONT.font()) / 4);
    private static final Supplier<Double> SMALL_CHAR_WIDTH = CanvasFont.perScale(() -> TextFit.width("i-00", SMALL_FONT.font()) / 4);
    private static final Supplier<Double> CPU_LABEL_WIDTH = CanvasFont.perScale(() -> TextFit.width("100 % CPU", LABEL_FONT.font()));
    private static final Supplier<Double> SMALL_CPU_LABEL_WIDTH = CanvasFont.perScale(() -> TextFit.width("100 % CPU", SMALL_FONT.font()));
    private static final Supplier<Double> PERCENT_LABEL_WIDTH = CanvasFont.perScale(() -> TextFit.width("100%", LABEL_FONT.font()));
    private static final Supplier<Double> SMALL_PERCENT_LABEL_WIDTH = CanvasFont.perScale(() -> TextFit.width("100%", SMALL_FONT.font()));
    private static final Supplier<Double> STATE_LABEL_WIDTH = CanvasFont.perScale(() -> TextFit.width("warming up", LABEL_FONT.font()));
    private static final Supplier<Double> SMALL_STATE_LABEL_WIDTH = CanvasFont.perScale(() -> TextFit.width("warming up", SMALL_FONT.font()));
    private static final Supplier<Double> SIZE_LABEL_WIDTH = CanvasFont.perScale(() -> TextFit.width("xlarge · 8 vCPU", SMALL_FONT.font()));
    private static final Supplier<Double> SPEED_LABEL_WIDTH = CanvasFont.perScale(() -> TextFit.width("100 % speed", SMALL_FONT.font()));
    private static final Supplier<Double> BAR_LABEL_WIDTH = CanvasFont.perScale(() -> TextFit.width("provisioning 100 %", SMALL_FONT.font()));
    private static final Supplier<Double> STARTING_MESSAGE_WIDTH = CanvasFont.perScale(() -> TextFit.width(PROVISIONING_MESSAGE, LABEL_FONT.font()));
    private static final double GRADIENT_WIDTH = 30;
    /** Swatches 12 px wide with their gap; the load gradient wider; the last entry ("tile area ∝ vCPUs") has none. */
    private static final LegendRow LEGEND = new LegendRow(SMALL_FONT,
            new String[] {"busy worker", "idle worker", "queue", "load vs CPU target", "starting",
            "warm-up", "slow (gray failure)", "failed", "selected", "tile area ∝ vCPUs"},
            new double[] {12, 12, 12, GRADIENT_WIDTH + 4, 12, 12, 12, 12, 12, 0}, 14);
    /** Made once: the legend is drawn every frame. */
    private final LegendRow.Swatches legendSwatches = this::drawSwatch;

    private final TileColors tileColors = new TileColors(CSS, this, v -> v.tileColors);
    private final StyleableProperty<Color> trackFill = CSS.color(this, "trackFill", v -> v.trackFill, Color.WHITESMOKE);
    private final StyleableProperty<Color> startingFill = CSS.color(this, "startingFill", v -> v.startingFill, Color.SLATEGRAY);
    private final StyleableProperty<Color> warmFill = CSS.color(this, "warmFill", v -> v.warmFill, Color.GOLDENROD);
    private final StyleableProperty<Color> slowFill = CSS.color(this, "slowFill", v -> v.slowFill, Color.MEDIUMPURPLE);
    private final StyleableProperty<Color> failedFill = CSS.color(this, "failedFill", v -> v.failedFill, Color.CRIMSON);
    private final StyleableProperty<Color> selectionStroke = CSS.color(this, "selectionStroke", v -> v.selectionStroke, Color.DODGERBLUE);
    private final StyleableProperty<Color> loadLow = CSS.color(this, "loadLow", v -> v.loadLow, Color.SEAGREEN);
    private final StyleableProperty<Color> loadTarget = CSS.color(this, "loadTarget", v -> v.loadTarget, Color.ORANGE);
    private final StyleableProperty<Color> loadHigh = CSS.color(this, "loadHigh", v -> v.loadHigh, Color.CRIMSON);

    private final Canvas canvas;
    private final PoolLayout layout = new PoolLayout();
    /** Where each tile and ghost is drawn this pulse. */
    private final TileBoxes boxes = new TileBoxes();
    private final TileMotion<InstanceView> motion = new TileMotion<>();

    /** Tile backgrounds by utilization percent (0–100), blended once per target and theme. */
    private final Color[] loadFill = new Color[101];
    private double loadFillTarget = -1;
    private Color loadFillLow;
    private Color loadFillCard;

    private int[] numbers = new int[64];
    private int[] vcpus = new int[64];
    private Snapshot snapshot;
    private String title = "";
    private double targetFraction = 0.6;
    private String selectedId;
    private boolean dirty = true;
    private long lastDrawNanos;
    private Consumer<String> onSelect = id -> { };

    public ScalingPoolView() {
        this(new Canvas());
    }

    private ScalingPoolView(Canvas canvas) {
        super("scaling-pool-view", canvas);
        this.canvas = canvas;
        canvas.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                int tile = motion.tileAt(event.getX() / drawnScale, event.getY() / drawnScale, lastDrawNanos);
                onSelect.accept(tile < 0 ? null : motion.item(tile).id());
            }
        });
        canvas.setOnMouseMoved(event ->
                canvas.setCursor(motion.tileAt(event.getX() / drawnScale, event.getY() / drawnScale, lastDrawNanos) >= 0
                        ? Cursor.HAND : Cursor.DEFAULT));
    }

    /**
     * The font scale the tiles were laid out for: the layout is in 100 % units over the canvas divided
     * by it, and drawn magnified by it, so tiles grow with their texts.
     */
    private double drawnScale = 1;

    @Override
    protected void resized() {
        dirty = true; // laid out and redrawn at the next pulse, not here
    }

    /**
     * Takes in a new snapshot; laid out and drawn at the next {@link #draw}.
     *
     * @param targetFraction the CPU target the load colours turn amber at, 0 to 1
     */
    public void show(Snapshot newSnapshot, double targetFraction) {
        if (snapshot != null && newSnapshot.timeSeconds() < snapshot.timeSeconds()) {
            motion.clear(); // a new run: its pool appears at once, without ghosts of the old one
        }
        snapshot = newSnapshot;
        this.targetFraction = targetFraction;
        title = poolTitle(newSnapshot.instances());
        dirty = true;
    }

    /** Receives the id of a clicked tile's instance, or null for a click beside the tiles. */
    public void setOnSelect(Consumer<String> onSelect) {
        this.onSelect = onSelect;
    }

    /** Draws {@code id}'s tile as selected, or none with null. */
    public void select(String id) {
        selectedId = id;
        dirty = true;
    }

    /** Redraws when something changed or a tile is moving. Call once per pulse. */
    public void draw(long nowNanos) {
        lastDrawNanos = nowNanos;
        if (snapshot == null) {
            return;
        }
        if (dirty) {
            placeTiles(nowNanos);
        }
        motion.expire(nowNanos);
        if (dirty || motion.animating(nowNanos) || hasFailed()) {
            render(canvas.getGraphicsContext2D(), nowNanos);
            dirty = false;
        }
    }

    /** Instance {@code id}'s tile as drawn now, in this view's coordinates, or null when it has none; for tests and lessons. */
    public Bounds tileBounds(String id) {
        for (int i = 0; i < motion.count(); i++) {
            if (motion.item(i).id().equals(id)) {
                double s = drawnScale;
                return new BoundingBox(s * motion.x(i, lastDrawNanos), s * motion.y(i, lastDrawNanos),
                        s * motion.width(i, lastDrawNanos), s * motion.height(i, lastDrawNanos));
            }
        }
        return null;
    }

    private boolean hasFailed() {
        for (InstanceView in : snapshot.instances()) {
            if (in.state() == InstanceState.FAILED) {
                return true;
            }
        }
        return false;
    }

    private void placeTiles(long nowNanos) {
        List<InstanceView> instances = snapshot.instances();
        int n = instances.size();
        if (numbers.length < n) {
            numbers = new int[Math.max(n, 2 * numbers.length)];
            vcpus = new int[numbers.length];
        }
        for (int i = 0; i < n; i++) {
            numbers[i] = instances.get(i).number();
            vcpus[i] = instances.get(i).vcpus();
        }
        drawnScale = dev.scalelab.ui.look.Appearance.fontScale();
        double width = canvas.getWidth() / drawnScale;
        double top = MARGIN + TITLE_HEIGHT;
        double bottom = canvas.getHeight() / drawnScale - MARGIN - LEGEND_HEIGHT;
        boolean moved = layout.fit(n, vcpus, MARGIN + SELECTION_WIDTH, top + SELECTION_WIDTH,
                Math.max(0, width - 2 * (MARGIN + SELECTION_WIDTH)), Math.max(0, bottom - top - 2 * SELECTION_WIDTH),
                TILE_GAP, TILE_ASPECT, MAX_UNIT_WIDTH);
        motion.update(instances, numbers, n, layout, moved, nowNanos);
    }

    // ------------------------------------------------------------------ drawing

    private void render(GraphicsContext g, long nowNanos) {
        // The tiles were placed in 100 % units for drawnScale; draw them magnified by it.
        CanvasFont.beginMagnified(g, drawnScale);
        try {
            render(g, canvas.getWidth() / drawnScale, canvas.getHeight() / drawnScale, nowNanos);
        } finally {
            CanvasFont.endMagnified(g);
        }
    }

    private void render(GraphicsContext g, double width, double height, long nowNanos) {
        g.clearRect(0, 0, width, height);
        if (width < 160 || height < 120) {
            return; // too small to draw anything legible; the region is being collapsed
        }
        refreshLoadFills();
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(TITLE_FONT.font());
        g.setFill(tileColors.textFill.getValue());
        g.fillText(title, MARGIN, MARGIN + TITLE_HEIGHT / 2 - 2);

        // Every tile and ghost as it would be drawn now; while anything moves, shrunk where two cross.
        boxes.place(motion, nowNanos);
        int tiles = motion.count();
        for (int k = 0; k < motion.ghostCount(); k++) {
            drawGhost(g, k, boxes.ghost(k), nowNanos);
        }
        int selectedTile = -1;
        for (int i = 0; i < tiles; i++) {
            InstanceView in = motion.item(i);
            drawTile(g, in, boxes.x(i), boxes.y(i), boxes.width(i), boxes.height(i), motion.appeared(i, nowNanos), nowNanos);
            if (in.id().equals(selectedId)) {
                selectedTile = i;
            }
        }
        if (selectedTile >= 0) {
            g.setStroke(selectionStroke.getValue());
            g.setLineWidth(SELECTION_WIDTH);
            g.strokeRoundRect(boxes.x(selectedTile) - 2.5, boxes.y(selectedTile) - 2.5, boxes.width(selectedTile) + 5,
                    boxes.height(selectedTile) + 5, 12, 12);
        }
        LEGEND.draw(g, MARGIN, height - MARGIN - 8, width - MARGIN, tileColors.mutedTextFill.getValue(), legendSwatches);
    }

    /** The pool's title as drawn above the tiles: how many instances are in each state. */
    public String title() {
        return title;
    }

    static String poolTitle(List<InstanceView> instances) {
        return "Pool: " + PoolCounts.summary(instances) + "  ·  click a tile to select its instance";
    }

    /**
     * Ready: the background shows the load, green below the CPU target, amber at it, red toward
     * 100 %; provisioning and booting: faint, dashed, with their progress; warming up: a warm-up bar;
     * draining: faded; failed: pulsing red. A slow instance (gray failure) carries a purple badge.
     */
    private void drawTile(GraphicsContext g, InstanceView in, double x, double y, double w, double h, double opacity,
                          long nowNanos) {
        InstanceState state = in.state();
        if (state == InstanceState.FAILED) {
            drawFailedTile(g, in, x, y, w, h, opacity, nowNanos);
            return;
        }
        boolean starting = state == InstanceState.PROVISIONING || state == InstanceState.BOOTING;
        boolean slow = in.speedFactor() < 1;
        double stateOpacity = state == InstanceState.PROVISIONING ? 0.55 : state == InstanceState.BOOTING ? 0.75
                : state == InstanceState.DRAINING ? 0.45 : 1;
        g.setGlobalAlpha(opacity * stateOpacity);
        int percent = (int) Math.round(Math.max(0, Math.min(1, in.utilization())) * 100);
        TileCards.draw(g, x, y, w, h, 9,
                state == InstanceState.READY || state == InstanceState.DRAINING ? loadFill[percent] : tileColors.cardFill.getValue(),
                slow ? slowFill.getValue() : tileColors.cardBorder.getValue(), slow ? 2 : 1, starting ? STARTING_DASHES : null);

        // Level of detail: a large tile carries every label, a small one its id, cells and bar; a
        // label is drawn only where its measured width fits.
        boolean large = h >= 64;
        double p = large ? 7 : 4;
        double room = w - 2 * p;
        double top = y + p;
        double idWidth = in.id().length() * (large ? ID_CHAR_WIDTH.get() : SMALL_CHAR_WIDTH.get());
        if (h >= 30 && idWidth <= room) {
            double lineY = top + 6;
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(large ? ID_FONT.font() : SMALL_FONT.font());
            g.setFill(tileColors.textFill.getValue());
            g.fillText(in.id(), x + p, lineY);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFont(large ? LABEL_FONT.font() : SMALL_FONT.font());
            double rightRoom = room - idWidth - 6;
            if (state == InstanceState.READY && !in.warmingUp()) {
                g.setFill(tileColors.textFill.getValue());
                if ((large ? CPU_LABEL_WIDTH.get() : SMALL_CPU_LABEL_WIDTH.get()) <= rightRoom) {
                    g.fillText(TileTexts.CPU_PERCENT[percent], x + w - p, lineY);
                } else if ((large ? PERCENT_LABEL_WIDTH.get() : SMALL_PERCENT_LABEL_WIDTH.get()) <= rightRoom) {
                    g.fillText(TileTexts.PERCENT[percent], x + w - p, lineY);
                }
            } else if ((large ? STATE_LABEL_WIDTH.get() : SMALL_STATE_LABEL_WIDTH.get()) <= rightRoom) {
                g.setFill(tileColors.mutedTextFill.getValue());
                g.fillText(ScalingViewModel.stateName(in), x + w - p, lineY);
            }
            top += 15;
        }
        if (h >= 84 && SIZE_LABEL_WIDTH.get() + (slow ? SPEED_LABEL_WIDTH.get() + 6 : 0) <= room) {
            double lineY = top + 5;
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(SMALL_FONT.font());
            g.setFill(tileColors.mutedTextFill.getValue());
            g.fillText(TileTexts.size(in), x + p, lineY);
            if (slow) {
                g.setTextAlign(TextAlignment.RIGHT);
                g.setFill(slowFill.getValue());
                g.fillText(TileTexts.SPEED_PERCENT[(int) Math.round(in.speedFactor() * 100)], x + w - p, lineY);
            }
            top += 14;
        } else if (slow) {
            // No room for the badge: a purple dot in the corner says it instead.
            g.setFill(slowFill.getValue());
            g.fillOval(x + w - 9, y + h - 9, 6, 6);
        }

        boolean barText = large && BAR_LABEL_WIDTH.get() <= room;
        double barHeight = large ? 7 : 4;
        double barY = y + h - p - barHeight;
        double barWidth = w - 2 * p;
        double cellsBottom = barY - (barText ? 15 : 3);
        if (!starting) {
            drawWorkers(g, in, x + p, top, barWidth, cellsBottom - top);
        }
        double fraction;
        Color fill;
        String text;
        if (starting) {
            int pct = (int) Math.round(in.progress() * 100);
            fraction = in.progress();
            fill = startingFill.getValue();
            text = state == InstanceState.PROVISIONING ? TileTexts.PROVISIONING_PERCENT[pct] : TileTexts.BOOTING_PERCENT[pct];
            if (cellsBottom - top >= 16 && STARTING_MESSAGE_WIDTH.get() <= room) {
                g.setTextAlign(TextAlignment.CENTER);
                g.setFont(LABEL_FONT.font());
                g.setFill(tileColors.mutedTextFill.getValue());
                g.fillText(state == InstanceState.PROVISIONING ? PROVISIONING_MESSAGE : BOOTING_MESSAGE,
                        x + w / 2, (top + cellsBottom) / 2);
            }
        } else if (in.warmingUp() && state == InstanceState.READY) {
            fraction = in.progress();
            fill = warmFill.getValue();
            text = TileTexts.WARMUP_PERCENT[(int) Math.round(in.progress() * 100)];
        } else {
            fraction = in.queueCapacity() > 0 ? Math.min(1, in.queued() / (double) in.queueCapacity()) : 0;
            fill = fraction >= 1 ? failedFill.getValue() : tileColors.queueFill.getValue();
            text = barText ? "queue " + in.queued() + " / " + in.queueCapacity() : null;
        }
        if (barText && text != null) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(SMALL_FONT.font());
            g.setFill(tileColors.mutedTextFill.getValue());
            g.fillText(text, x + p, barY - 8);
        }
        g.setFill(trackFill.getValue());
        g.fillRect(x + p, barY, barWidth, barHeight);
        if (fraction > 0) {
            g.setFill(fill);
            g.fillRect(x + p, barY, Math.max(2, barWidth * fraction), barHeight);
        }
        g.setGlobalAlpha(1);
    }

    /**
     * A crashed instance: solid red, pulsing, so that it is seen at once even in a large pool; it
     * stays in the snapshot for a few virtual seconds while the pool boots its replacement.
     */
    private void drawFailedTile(GraphicsContext g, InstanceView in, double x, double y, double w, double h, double opacity,
                                long nowNanos) {
        double pulse = 0.6 + 0.4 * Math.abs(Math.sin(Math.PI * FAILED_PULSE_PER_SECOND * nowNanos / 1e9));
        g.setGlobalAlpha(opacity * pulse);
        g.setFill(failedFill.getValue());
        g.fillRoundRect(x, y, w, h, 9, 9);
        g.setGlobalAlpha(opacity);
        g.setStroke(failedFill.getValue());
        g.setLineWidth(2);
        g.strokeRoundRect(x + 1, y + 1, w - 2, h - 2, 9, 9);
        if (h < 30 || w < 44) {
            g.setGlobalAlpha(1);
            return;
        }
        double p = h >= 64 ? 7 : 4;
        g.setFill(tileColors.cardFill.getValue());
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(h >= 64 ? ID_FONT.font() : SMALL_FONT.font());
        g.fillText(in.id(), x + p, y + p + 6);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFont(h >= 64 ? LABEL_FONT.font() : SMALL_FONT.font());
        g.fillText("failed", x + w - p, y + p + 6);
        if (h >= 64 && w >= 120) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(ID_FONT.font());
            g.fillText("crashed: requests lost", x + w / 2, y + h / 2 + 2);
            g.setFont(SMALL_FONT.font());
            g.fillText("the pool replaces it", x + w / 2, y + h / 2 + 18);
        }
        g.setGlobalAlpha(1);
    }

    private void drawWorkers(GraphicsContext g, InstanceView in, double x, double y, double w, double h) {
        WorkerCells.draw(g, in.workers(), in.busy(), x, y, w, h, 20, tileColors.busyFill.getValue(), tileColors.idleFill.getValue());
    }

    /** A tile whose instance is gone fades out where it was (box {@code b}): grey when it drained, red when it failed. */
    private void drawGhost(GraphicsContext g, int k, int b, long nowNanos) {
        double opacity = motion.ghostOpacity(k, nowNanos);
        if (opacity <= 0) {
            return;
        }
        InstanceView in = motion.ghostItem(k);
        boolean failed = in.state() == InstanceState.FAILED;
        double x = boxes.x(b);
        double y = boxes.y(b);
        double w = boxes.width(b);
        double h = boxes.height(b);
        g.setGlobalAlpha(0.5 * opacity);
        g.setFill(failed ? failedFill.getValue() : tileColors.cardFill.getValue());
        g.fillRoundRect(x, y, w, h, 9, 9);
        g.setStroke(failed ? failedFill.getValue() : tileColors.cardBorder.getValue());
        g.setLineWidth(1);
        g.setLineDashes(STARTING_DASHES);
        g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, 9, 9);
        g.setLineDashes((double[]) null);
        if (h >= 30) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(SMALL_FONT.font());
            g.setFill(tileColors.mutedTextFill.getValue());
            g.fillText(in.id() + (failed ? " replaced" : " terminated"), x + 6, y + 12);
        }
        g.setGlobalAlpha(1);
    }

    /** Rebuilds the load colours when the target or the theme changed. */
    private void refreshLoadFills() {
        Color low = loadLow.getValue();
        Color card = tileColors.cardFill.getValue();
        if (targetFraction == loadFillTarget && low == loadFillLow && card == loadFillCard) {
            return;
        }
        loadFillTarget = targetFraction;
        loadFillLow = low;
        loadFillCard = card;
        for (int pct = 0; pct <= 100; pct++) {
            double utilization = pct / 100.0;
            // Pale when idle, deeper as the instance fills up.
            loadFill[pct] = card.interpolate(loadColor(utilization), 0.10 + 0.30 * utilization);
        }
    }

    /** Green with room to spare, turning amber over the last fifth below the CPU target, red toward 100 %. */
    private Color loadColor(double utilization) {
        double target = Math.max(0.05, Math.min(0.95, targetFraction));
        double comfortable = 0.8 * target;
        if (utilization <= comfortable) {
            return loadLow.getValue();
        }
        if (utilization <= target) {
            return loadLow.getValue().interpolate(loadTarget.getValue(), (utilization - comfortable) / (target - comfortable));
        }
        return loadTarget.getValue().interpolate(loadHigh.getValue(), (utilization - target) / (1 - target));
    }

    private void drawSwatch(GraphicsContext g, int entry, double x, double y) {
        switch (entry) {
            case 0: g.setFill(tileColors.busyFill.getValue()); g.fillRect(x, y - 4, 8, 8); break;
            case 1: g.setFill(tileColors.idleFill.getValue()); g.fillRect(x, y - 4, 8, 8); break;
            case 2: g.setFill(tileColors.queueFill.getValue()); g.fillRect(x, y - 3, 8, 6); break;
            case 3:
                for (int k = 0; k < GRADIENT_WIDTH; k++) {
                    g.setFill(loadFill[(int) Math.round(k * 100 / (GRADIENT_WIDTH - 1))]);
                    g.fillRect(x + k, y - 5, 1, 10);
                }
                g.setStroke(tileColors.cardBorder.getValue());
                g.setLineWidth(1);
                g.strokeRect(x + 0.5, y - 4.5, GRADIENT_WIDTH - 1, 9);
                break;
            case 4:
                g.setStroke(tileColors.mutedTextFill.getValue());
                g.setLineWidth(1);
                g.setLineDashes(3, 2);
                g.strokeRect(x + 0.5, y - 4.5, 8, 8);
                g.setLineDashes((double[]) null);
                break;
            case 5: g.setFill(warmFill.getValue()); g.fillRect(x, y - 3, 8, 6); break;
            case 6:
                g.setStroke(slowFill.getValue());
                g.setLineWidth(2);
                g.strokeRect(x + 1, y - 4, 7, 7);
                break;
            case 7: g.setFill(failedFill.getValue()); g.fillRect(x, y - 4, 8, 8); break;
            case 8:
                g.setStroke(selectionStroke.getValue());
                g.setLineWidth(2);
                g.strokeRect(x + 1, y - 4, 7, 7);
                break;
            default:
        }
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.cssMetaData();
    }

    @Override
    protected StyleableColors<?> colors() {
        return CSS;
    }
}
