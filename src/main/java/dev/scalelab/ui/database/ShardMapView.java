package dev.scalelab.ui.database;

import dev.scalelab.engine.data.DatabaseView;
import dev.scalelab.engine.data.DatabaseView.MigrationView;
import dev.scalelab.engine.data.DatabaseView.ShardView;
import dev.scalelab.engine.data.RingPoint;
import dev.scalelab.engine.data.ShardRouter;
import dev.scalelab.engine.data.ShardRouter.Strategy;
import dev.scalelab.world.Snapshot;
import javafx.geometry.VPos;
import dev.scalelab.ui.canvas.CanvasFont;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.TextAlignment;

import java.util.Arrays;
import java.util.List;

/**
 * Where the keys live: the shards as arcs of a consistent-hash ring, as ranges of a key-space bar
 * (range strategies) or as boxes (mod, jump and rendezvous, which have no geometry), and a sample of
 * the keys as dots coloured by the shard that holds them. During a resharding the keys that will
 * move wear a ring in their new shard's colour, and each one hops (ring, bar) or flies (boxes) to
 * its new owner as the engine moves it; a strip on top counts the keys moved.
 *
 * <p>Two canvases: the geometry, drawn again only when the router, the shards' state, the size or
 * the style change, and the keys and texts on top, drawn when a frame brought news or keys are in
 * flight. FX thread only; a frame allocates nothing but the strings it prints.
 */
public final class ShardMapView extends DatabaseCanvas {
    static final double MARGIN = 14;
    static final double HEADER_HEIGHT = 42;
    private static final double STRIP_HEIGHT = 30;
    private static final double LEGEND_HEIGHT = 24;
    static final double RING_WIDTH = 14;
    static final double DOT_RADIUS = 2.6;
    static final double HOT_KEY_RADIUS = 5;
    static final double BAR_HEIGHT = 26;
    static final double BOX_TITLE_HEIGHT = 36;
    static final double BOX_PADDING = 8;
    /** Ring points are drawn as ticks only while they are few enough to tell apart. */
    private static final int MAX_TICKED_POINTS = 120;
    private static final long FLIGHT_NANOS = 800_000_000L;
    static final int MAX_LABELLED_HOT_KEYS = 3;

    enum Layout { RING, RANGE, BOXES }

    private final Canvas geometry = new Canvas();
    private final Canvas keys = new Canvas();
    private final BoxGrid grid = new BoxGrid();
    private final KeySprites sprites = new KeySprites();
    private final ShardMapTexts texts = new ShardMapTexts(this);

    private KeyPlacement placement;
    private long[] flightStart = new long[0];
    private int[] boxIndexById = new int[16];
    private Snapshot.DataView data;
    private int virtualNodes;
    private RingArcs arcs;
    private int ringPointCount;
    private ShardRouter arcsRouter;
    private long shardsSignature;
    private long keysSignature;
    private boolean geometryDirty = true;
    private boolean flying;
    private double lastTimeSeconds = -1;

    public ShardMapView() {
        super("shard-map");
        getChildren().addAll(geometry, keys);
    }

    @Override
    void styleChanged() {
        super.styleChanged();
        geometryDirty = true;
        sprites.clear(); // the shard colours may have changed
    }

    /** Takes in a new frame's database; drawn at the next {@link #draw}. */
    void show(Snapshot.DataView newData, int keyCount, int newVirtualNodes, double timeSeconds, long nowNanos) {
        if (placement == null || placement.sample().keyCount() != keyCount) {
            placement = new KeyPlacement(KeySample.of(keyCount));
            flightStart = new long[placement.sample().size()];
        }
        if (timeSeconds < lastTimeSeconds) {
            Arrays.fill(flightStart, 0); // the run restarted: those keys are no longer moving
        }
        lastTimeSeconds = timeSeconds;
        DatabaseView db = newData.database();
        if (placement.follow(newData.router(), db.migration())) {
            geometryDirty = true;
        }
        for (int j = 0; j < placement.newArrivalCount(); j++) {
            flightStart[placement.newArrival(j)] = Math.max(1, nowNanos);
        }
        long signature = signature(db.shards());
        if (signature != shardsSignature) {
            shardsSignature = signature;
            geometryDirty = true;
        }
        if (newData.router() != arcsRouter) {
            arcsRouter = newData.router();
            List<RingPoint> points = arcsRouter.ringPoints();
            ringPointCount = points.size();
            arcs = layout(arcsRouter.strategy()) == Layout.RING ? RingArcs.of(points) : null;
        }
        virtualNodes = newVirtualNodes;
        data = newData;
        long keysNow = keysSignature(db);
        if (keysNow != keysSignature || placement.newArrivalCount() > 0) {
            // Outside a resharding most frames change nothing drawn here: they are skipped.
            keysSignature = keysNow;
            dirty = true;
        }
    }

    /** Changes whenever a key moves, a shard's key count or a hot key changes. */
    private static long keysSignature(DatabaseView db) {
        MigrationView m = db.migration();
        long h = m.active() ? 1 : 0;
        h = h * 31 + m.nextKey();
        h = h * 31 + m.keysMoved();
        h = h * 31 + m.description().hashCode();
        for (ShardView s : db.shards()) {
            h = h * 31 + s.shardId();
            h = h * 31 + s.keysOwned();
        }
        for (DatabaseView.HotKey k : db.hotKeys()) {
            h = h * 31 + k.key();
            h = h * 31 + k.shardId();
            h = h * 31 + Math.round(k.share() * 1000);
        }
        return h;
    }

    /** Redraws what changed. Call once per pulse. */
    void draw(long nowNanos) {
        if (data == null) {
            return;
        }
        if (geometryDirty || dirty) {
            // Laid out in 100 % units over the canvases divided by the font scale, drawn magnified by it.
            drawnScale = dev.scalelab.ui.look.Appearance.fontScale();
            // The keys are placed over the geometry, so a new geometry needs the keys drawn again too.
            indexBoxes(data.database().shards());
            fitLayout();
        }
        if (geometryDirty) {
            drawGeometry(geometry.getGraphicsContext2D());
            geometryDirty = false;
            dirty = true; // the keys sit on the geometry
        }
        if (dirty || flying) {
            drawKeys(keys.getGraphicsContext2D(), nowNanos);
            dirty = false;
        }
    }

    private static Layout layout(Strategy strategy) {
        switch (strategy) {
            case CONSISTENT_HASH:
                return Layout.RING;
            case RANGE:
            case HASHED_RANGE:
                return Layout.RANGE;
            default:
                return Layout.BOXES;
        }
    }

    /** Changes whenever a shard appears, goes, turns hot or cold, starts retiring or loses its primary. */
    private static long signature(List<ShardView> shards) {
        long h = shards.size();
        for (ShardView s : shards) {
            h = h * 31 + s.shardId();
            h = h * 8 + (s.hot() ? 1 : 0) + (s.retiring() ? 2 : 0) + (s.available() ? 4 : 0);
        }
        return h;
    }

    private void indexBoxes(List<ShardView> shards) {
        int maxId = 0;
        for (ShardView s : shards) {
            maxId = Math.max(maxId, s.shardId());
        }
        if (boxIndexById.length <= maxId) {
            boxIndexById = new int[Math.max(maxId + 1, 2 * boxIndexById.length)];
        }
        Arrays.fill(boxIndexById, -1);
        for (int i = 0; i < shards.size(); i++) {
            boxIndexById[shards.get(i).shardId()] = i;
        }
    }

    int boxOf(int shardId) {
        return shardId >= 0 && shardId < boxIndexById.length ? boxIndexById[shardId] : -1;
    }

    // ------------------------------------------------------------------ geometry of the three layouts

    double mapTop() {
        return MARGIN + HEADER_HEIGHT + STRIP_HEIGHT;
    }

    double mapBottom() {
        return mapHeight() - MARGIN - LEGEND_HEIGHT;
    }

    double ringCenterX() {
        return mapWidth() / 2;
    }

    double ringCenterY() {
        return (mapTop() + 16 + mapBottom()) / 2;
    }

    /** Leaves room above the ring for the "0 clockwise" mark. */
    double ringRadius() {
        return Math.max(20, Math.min(mapWidth() - 2 * MARGIN, mapBottom() - mapTop() - 16) / 2 - 6);
    }

    /** The keys' band inside the ring: from just inside the ring inwards by this much. */
    double ringBand() {
        return Math.min(70, ringRadius() * 0.32);
    }

    double barLeft() {
        return MARGIN + 8;
    }

    double barWidth() {
        return mapWidth() - 2 * MARGIN - 16;
    }

    /** The bar sits low, with its bounds and key counts below it, so the keys get most of the height. */
    double barTop() {
        return mapBottom() - BAR_HEIGHT - 40;
    }

    /** The keys' band above the bar. */
    double barBand() {
        return Math.max(20, barTop() - mapTop() - 26);
    }

    private void fitLayout() {
        if (layout(data.router().strategy()) == Layout.BOXES) {
            grid.fit(data.database().shards().size(), MARGIN, mapTop() + 4, mapWidth() - 2 * MARGIN,
                    mapBottom() - mapTop() - 8, 12, 260);
        }
    }

    private boolean tooSmall() {
        return mapWidth() < 200 || mapBottom() - mapTop() < 60;
    }

    /** The font scale of the layout: the map is laid out in 100 % units and drawn magnified by it. */
    private double drawnScale = 1;

    private void drawGeometry(GraphicsContext g) {
        g.clearRect(0, 0, geometry.getWidth(), geometry.getHeight());
        CanvasFont.beginMagnified(g, drawnScale);
        try {
            drawGeometryMagnified(g);
        } finally {
            CanvasFont.endMagnified(g);
        }
    }

    private void drawGeometryMagnified(GraphicsContext g) {
        if (tooSmall()) {
            return; // the region is being collapsed
        }
        switch (layout(data.router().strategy())) {
            case RING:
                drawRing(g);
                break;
            case RANGE:
                drawRangeBar(g);
                break;
            default:
                drawBoxes(g);
        }
    }

    private void drawRing(GraphicsContext g) {
        double cx = ringCenterX();
        double cy = ringCenterY();
        double r = ringRadius();
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineWidth(RING_WIDTH);
        for (int i = 0; i < arcs.size(); i++) {
            g.setStroke(shardColor(arcs.owner(i)));
            // Screen angles run counter-clockwise from 3 o'clock; the ring runs clockwise from 12.
            double start = 90 - 360 * arcs.start(i);
            double extent = -360 * (arcs.end(i) - arcs.start(i));
            g.strokeArc(cx - r, cy - r, 2 * r, 2 * r, start, extent, ArcType.OPEN);
        }
        List<RingPoint> points = data.router().ringPoints();
        if (points.size() <= MAX_TICKED_POINTS) {
            g.setStroke(cardFill.getValue());
            g.setLineWidth(1.5);
            for (RingPoint p : points) {
                double a = 2 * Math.PI * p.position();
                double sin = Math.sin(a);
                double cos = Math.cos(a);
                g.strokeLine(cx + (r - RING_WIDTH / 2) * sin, cy - (r - RING_WIDTH / 2) * cos,
                        cx + (r + RING_WIDTH / 2) * sin, cy - (r + RING_WIDTH / 2) * cos);
            }
        }
        // Where the hash space starts, and which way a key looks for its point.
        g.setStroke(mutedTextFill.getValue());
        g.setLineWidth(1.5);
        g.strokeLine(cx, cy - r - RING_WIDTH / 2 - 6, cx, cy - r + RING_WIDTH / 2);
        g.setFill(mutedTextFill.getValue());
        g.setFont(SMALL_FONT.font());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("0  clockwise →", cx + 4, cy - r - RING_WIDTH / 2 - 2);
    }

    private void drawRangeBar(GraphicsContext g) {
        List<RingPoint> bounds = data.router().ringPoints();
        double left = barLeft();
        double width = barWidth();
        double top = barTop();
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(SMALL_FONT.font());
        double labelledUntil = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < bounds.size(); i++) {
            double from = bounds.get(i).position();
            double to = i + 1 < bounds.size() ? bounds.get(i + 1).position() : 1;
            double x = left + from * width;
            double w = (to - from) * width;
            g.setFill(shardColor(bounds.get(i).shardId()));
            g.fillRect(x, top, Math.max(1, w - 1), BAR_HEIGHT);
            g.setFill(mutedTextFill.getValue());
            String bound = Scales.boundName(from);
            double half = width(bound, SMALL_FONT.font()) / 2;
            if (x - half > labelledUntil + 4) { // bounds of narrow ranges would overlap: label the first
                g.fillText(bound, x, top + BAR_HEIGHT + 3);
                labelledUntil = x + half;
            }
            g.setFill(cardFill.getValue());
            g.setTextBaseline(VPos.CENTER);
            String label = "shard " + bounds.get(i).shardId();
            if (w > width(label, SMALL_BOLD_FONT.font()) + 8) {
                g.setFont(SMALL_BOLD_FONT.font());
                g.fillText(label, x + w / 2, top + BAR_HEIGHT / 2);
                g.setFont(SMALL_FONT.font());
            }
            g.setTextBaseline(VPos.TOP);
        }
        g.setFill(mutedTextFill.getValue());
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(data.router().strategy() == Strategy.HASHED_RANGE ? "hash of the key →" : "key →", left + width,
                top + BAR_HEIGHT + 3);
    }

    private void drawBoxes(GraphicsContext g) {
        List<ShardView> shards = data.database().shards();
        int[] order = data.router().shardIds();
        for (int i = 0; i < shards.size(); i++) {
            ShardView s = shards.get(i);
            double x = grid.boxX(i);
            double y = grid.boxY(i);
            double w = grid.boxWidth();
            double h = grid.boxHeight();
            g.setGlobalAlpha(s.retiring() ? 0.55 : 1);
            g.setFill(cardFill.getValue());
            g.fillRoundRect(x, y, w, h, 10, 10);
            boolean alarm = s.hot() || !s.available();
            g.setStroke(alarm ? dangerFill.getValue() : cardBorder.getValue());
            g.setLineWidth(alarm ? 2 : 1);
            if (s.retiring() || !s.available()) {
                g.setLineDashes(5, 4);
            }
            g.strokeRoundRect(x + 0.5, y + 0.5, w - 1, h - 1, 10, 10);
            g.setLineDashes(null);
            g.setFill(shardColor(s.shardId()));
            g.fillRoundRect(x + BOX_PADDING, y + 9, 10, 10, 3, 3);
            g.setFill(textFill.getValue());
            g.setFont(BOLD_LABEL_FONT.font());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("shard " + s.shardId(), x + BOX_PADDING + 15, y + 14);
            String bucket = bucketName(indexOf(order, s.shardId()), order.length);
            double titleRight = x + BOX_PADDING + 15 + width("shard " + s.shardId(), BOLD_LABEL_FONT.font());
            if (bucket != null && titleRight + 10 + width(bucket, SMALL_FONT.font()) <= x + w - BOX_PADDING) {
                g.setFont(SMALL_FONT.font());
                g.setFill(mutedTextFill.getValue());
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(bucket, x + w - BOX_PADDING, y + 14);
            }
            g.setGlobalAlpha(1);
        }
    }

    /** What the box's place in the router means: mod's remainder, jump's bucket; null for rendezvous or a retiring shard. */
    private String bucketName(int index, int count) {
        if (index < 0) {
            return null;
        }
        switch (data.router().strategy()) {
            case MOD:
                return "CRC32 mod " + count + " = " + index;
            case JUMP:
                return "bucket " + index;
            default:
                return null;
        }
    }

    private static int indexOf(int[] ids, int id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ keys and texts

    private void drawKeys(GraphicsContext g, long nowNanos) {
        g.clearRect(0, 0, keys.getWidth(), keys.getHeight());
        CanvasFont.beginMagnified(g, drawnScale);
        try {
            drawKeysMagnified(g, nowNanos);
        } finally {
            CanvasFont.endMagnified(g);
        }
    }

    private void drawKeysMagnified(GraphicsContext g, long nowNanos) {
        flying = false;
        if (tooSmall()) {
            return;
        }
        texts.drawHeader(g);
        texts.drawMigrationStrip(g, data.database().migration());
        Layout layout = layout(data.router().strategy());
        switch (layout) {
            case RING:
                texts.drawRingCenter(g);
                break;
            case RANGE:
                texts.drawRangeCounts(g);
                break;
            default:
                texts.drawBoxCounts(g);
        }
        KeySample sample = placement.sample();
        double radius = layout == Layout.BOXES && grid.boxWidth() < 90 ? 2 : DOT_RADIUS;
        sprites.radius(radius);
        for (int i = 0; i < sample.size(); i++) {
            long age = flightStart[i] == 0 ? -1 : nowNanos - flightStart[i];
            if (age >= 0 && age < FLIGHT_NANOS) {
                flying = true;
                drawFlight(g, layout, i, age / (double) FLIGHT_NANOS, radius);
                continue;
            }
            flightStart[i] = 0;
            int owner = placement.owner(i);
            double x = keyX(layout, i, owner);
            double y = keyY(layout, i, owner);
            if (Double.isNaN(x)) {
                continue; // its shard has no box (retired meanwhile)
            }
            sprites.dot(g, shardColor(owner), x, y);
            if (placement.waiting(i)) {
                sprites.ring(g, shardColor(placement.ownerAfter(i)), x, y);
            }
        }
        texts.drawHotKeys(g, layout);
        texts.drawLegend(g);
    }

    /** Key i on its way from its old shard to its new one, {@code t} from 0 to 1: a hop on the ring and the bar, a flight between boxes. */
    private void drawFlight(GraphicsContext g, Layout layout, int i, double t, double radius) {
        int from = placement.ownerBefore(i);
        int to = placement.ownerAfter(i);
        double eased = t * t * (3 - 2 * t);
        double x;
        double y;
        if (layout == Layout.BOXES) {
            double x0 = keyX(layout, i, from);
            double y0 = keyY(layout, i, from);
            double x1 = keyX(layout, i, to);
            double y1 = keyY(layout, i, to);
            if (Double.isNaN(x1)) {
                return;
            }
            if (Double.isNaN(x0)) {
                x0 = x1;
                y0 = y1 - 40;
            }
            x = x0 + (x1 - x0) * eased;
            y = y0 + (y1 - y0) * eased - Math.sin(Math.PI * t) * 30;
        } else {
            double lift = Math.sin(Math.PI * t) * 18;
            if (layout == Layout.RING) {
                double a = 2 * Math.PI * placement.position(i);
                double r = ringKeyRadius(i) + lift;
                x = ringCenterX() + r * Math.sin(a);
                y = ringCenterY() - r * Math.cos(a);
            } else {
                x = keyX(layout, i, to);
                y = keyY(layout, i, to) - lift;
            }
        }
        double diameter = 2 * radius + 2.4; // a key in flight is drawn a little larger
        g.setGlobalAlpha(1 - eased);
        sprites.dot(g, shardColor(from), x, y, diameter);
        g.setGlobalAlpha(eased);
        sprites.dot(g, shardColor(to), x, y, diameter);
        g.setGlobalAlpha(1);
    }

    private double ringKeyRadius(int i) {
        return ringRadius() - RING_WIDTH / 2 - 6 - placement.sample().jitterA(i) * ringBand();
    }

    /** Where key i is drawn while held by {@code shard}; NaN when that shard has no box. */
    private double keyX(Layout layout, int i, int shard) {
        KeySample sample = placement.sample();
        switch (layout) {
            case RING:
                return ringCenterX() + ringKeyRadius(i) * Math.sin(2 * Math.PI * placement.position(i));
            case RANGE:
                return barLeft() + placement.position(i) * barWidth();
            default:
                int box = boxOf(shard);
                if (box < 0) {
                    return Double.NaN;
                }
                return grid.boxX(box) + BOX_PADDING + 3 + sample.jitterA(i) * (grid.boxWidth() - 2 * BOX_PADDING - 6);
        }
    }

    private double keyY(Layout layout, int i, int shard) {
        KeySample sample = placement.sample();
        switch (layout) {
            case RING:
                return ringCenterY() - ringKeyRadius(i) * Math.cos(2 * Math.PI * placement.position(i));
            case RANGE:
                return barTop() - 10 - sample.jitterA(i) * barBand();
            default:
                int box = boxOf(shard);
                if (box < 0) {
                    return Double.NaN;
                }
                double top = grid.boxY(box) + BOX_TITLE_HEIGHT;
                return top + 3 + sample.jitterB(i) * (grid.boxHeight() - BOX_TITLE_HEIGHT - BOX_PADDING - 6);
        }
    }

    // ------------------------------------------------------------------ for the texts over the map

    double mapWidth() {
        return keys.getWidth() / drawnScale;
    }

    double mapHeight() {
        return keys.getHeight() / drawnScale;
    }

    Snapshot.DataView data() {
        return data;
    }

    KeyPlacement placement() {
        return placement;
    }

    int ringPointCount() {
        return ringPointCount;
    }

    int virtualNodes() {
        return virtualNodes;
    }

    BoxGrid grid() {
        return grid;
    }
}
