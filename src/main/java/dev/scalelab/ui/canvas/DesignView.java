package dev.scalelab.ui.canvas;

import dev.scalelab.design.NodeKind;
import dev.scalelab.ui.look.Appearance;
import dev.scalelab.world.Topology;
import dev.scalelab.world.network.NetworkSnapshot;
import javafx.css.StyleableProperty;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The design canvas: nodes as rounded boxes with their kind's glyph, label and zone; edges as curves
 * styled by mode; a port on each box's right edge to drag a new edge from. Dragging a box moves it
 * (the selection with it), dragging the background pans, the wheel zooms about the pointer. While a
 * run goes on it draws {@link NetworkSnapshot}'s figures on the boxes and particles on the edges.
 *
 * <p>Redraws at most once per frame ({@link #paintIfNeeded}), when the design, the view or the live
 * figures changed. FX thread only.
 */
public final class DesignView extends CanvasRegion {
    private static final StyleableColors<DesignView> CSS = new StyleableColors<>(Region.getClassCssMetaData());
    /** What the palette puts on the drag board: this, then the kind's id. */
    static final String DRAG_PREFIX = "scalelab-node:";
    static final double MIN_ZOOM = 0.25;
    static final double MAX_ZOOM = 2.5;
    /** How far from a port or edge a press still takes it, in screen pixels. */
    private static final double SLOP_PX = 5;

    final StyleableProperty<Color> canvasFill = CSS.color(this, "canvasFill", v -> v.canvasFill, Color.WHITESMOKE);
    final StyleableProperty<Color> gridStroke = CSS.color(this, "gridStroke", v -> v.gridStroke, Color.GAINSBORO);
    final StyleableProperty<Color> nodeFill = CSS.color(this, "nodeFill", v -> v.nodeFill, Color.WHITE);
    final StyleableProperty<Color> nodeBorder = CSS.color(this, "nodeBorder", v -> v.nodeBorder, Color.GRAY);
    final StyleableProperty<Color> textFill = CSS.color(this, "textFill", v -> v.textFill, Color.BLACK);
    final StyleableProperty<Color> mutedTextFill = CSS.color(this, "mutedTextFill", v -> v.mutedTextFill, Color.DIMGRAY);
    final StyleableProperty<Color> selectStroke = CSS.color(this, "selectStroke", v -> v.selectStroke, Color.DODGERBLUE);
    final StyleableProperty<Color> edgeStroke = CSS.color(this, "edgeStroke", v -> v.edgeStroke, Color.DIMGRAY);
    final StyleableProperty<Color> calmFill = CSS.color(this, "calmFill", v -> v.calmFill, Color.SEAGREEN);
    final StyleableProperty<Color> busyFill = CSS.color(this, "busyFill", v -> v.busyFill, Color.ORANGE);
    final StyleableProperty<Color> hotFill = CSS.color(this, "hotFill", v -> v.hotFill, Color.CRIMSON);
    final StyleableProperty<Color> downFill = CSS.color(this, "downFill", v -> v.downFill, Color.LIGHTGRAY);
    final StyleableProperty<Color> zoneFill = CSS.color(this, "zoneFill", v -> v.zoneFill, Color.ALICEBLUE);

    private final DesignEditor editor;
    private final DesignPainter painter = new DesignPainter(this);
    /** Says what an edit did or why it was refused: (text, refused). */
    private final BiConsumer<String, Boolean> status;

    /** Screen = canvas units x {@link #scale()} + (tx, ty). */
    private double zoom = 1;
    private double tx = 24;
    private double ty = 24;

    private enum Gesture { NONE, MOVE, CONNECT, PAN }

    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private double pressY;
    private boolean dragged;
    /** While moving: how far the selection has moved, in canvas units. */
    double moveDx;
    double moveDy;
    /** While connecting: the node the edge starts at and where the pointer is, in canvas units. */
    String connectFrom;
    double connectX;
    double connectY;

    private boolean dirty = true;
    private boolean fitWhenLaidOut;
    /** Whether the view still shows the whole design as the last fit placed it: a resize fits again until the user pans or zooms. */
    private boolean fitted;
    private long paintedRevision = -1;
    NetworkSnapshot live;
    /** Seconds of wall time, for the particles' motion. */
    double clockSeconds;

    public DesignView(DesignEditor editor, BiConsumer<String, Boolean> status) {
        super("design-view", new Canvas());
        this.editor = editor;
        this.status = status;
        setId("designView");
        setFocusTraversable(true);
        editor.onChange(() -> dirty = true);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::menuRequested);
        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
    }

    Canvas canvas() {
        return (Canvas) getChildren().get(0);
    }

    DesignEditor editor() {
        return editor;
    }

    @Override
    protected void resized() {
        dirty = true;
        if (fitWhenLaidOut || fitted) {
            fit();
        }
        paintIfNeeded();
    }

    @Override
    protected StyleableColors<?> colors() {
        return CSS;
    }

    /** Canvas units to screen pixels: the zoom times the app's font scale, so texts grow with it as elsewhere. */
    double scale() {
        return zoom * Appearance.fontScale();
    }

    double zoom() {
        return zoom;
    }

    double tx() {
        return tx;
    }

    double ty() {
        return ty;
    }

    /** The point of the view at canvas coordinates (x, y). */
    public Point2D toView(double x, double y) {
        return new Point2D(x * scale() + tx, y * scale() + ty);
    }

    Point2D toCanvas(double viewX, double viewY) {
        return new Point2D((viewX - tx) / scale(), (viewY - ty) / scale());
    }

    /** The centre of node {@code id}'s box in the view, for a robot's click; null when there is no such node. */
    public Point2D nodeCenter(String id) {
        double[] p = DesignGeometry.positions(editor.topology()).get(id);
        return p == null ? null : toView(p[0] + DesignGeometry.W / 2, p[1] + DesignGeometry.H / 2);
    }

    /** Node {@code id}'s out-port in the view, where a drag draws an edge from it. */
    public Point2D portOf(String id) {
        double[] p = DesignGeometry.positions(editor.topology()).get(id);
        return p == null ? null : toView(p[0] + DesignGeometry.W, p[1] + DesignGeometry.H / 2);
    }

    /** Shows the figures of a running design (null: none); particles move with {@code wallSeconds}. */
    public void showLive(NetworkSnapshot snapshot, double wallSeconds) {
        if (snapshot != live || snapshot != null) {
            dirty = true;
        }
        live = snapshot;
        clockSeconds = wallSeconds;
    }

    /** Marks the drawing stale (a theme or a zoom changed). */
    void invalidate() {
        dirty = true;
    }

    /** Draws when anything changed since the last frame; called once per frame. Returns whether it drew. */
    public boolean paintIfNeeded() {
        if (!dirty && paintedRevision == editor.revision()) {
            return false;
        }
        dirty = false;
        paintedRevision = editor.revision();
        painter.paint(canvas().getGraphicsContext2D(), canvas().getWidth(), canvas().getHeight());
        return true;
    }

    // ---------------------------------------------------------------- view

    /** Zooms by {@code factor} keeping the view point (x, y) where it is. */
    public void zoomBy(double factor, double x, double y) {
        fitted = false;
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * factor));
        Point2D at = toCanvas(x, y);
        zoom = next;
        tx = x - at.getX() * scale();
        ty = y - at.getY() * scale();
        dirty = true;
    }

    /** Zooms and pans so that the whole design fits the view, at most at 100 %; before the view has a size, once it has. */
    public void fit() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            fitWhenLaidOut = true;
            return;
        }
        fitWhenLaidOut = false;
        fitted = true;
        double[] b = DesignGeometry.bounds(DesignGeometry.positions(editor.topology()));
        double margin = 32;
        double w = Math.max(1, getWidth() - 2 * margin);
        double h = Math.max(1, getHeight() - 2 * margin);
        double k = Appearance.fontScale();
        zoom = Math.max(MIN_ZOOM, Math.min(1, Math.min(w / (b[2] - b[0]), h / (b[3] - b[1])) / k));
        tx = margin + (w - (b[2] - b[0]) * scale()) / 2 - b[0] * scale();
        ty = margin + (h - (b[3] - b[1]) * scale()) / 2 - b[1] * scale();
        dirty = true;
    }

    /** Pans so that canvas point (x, y) is in the middle of the view (a minimap click). */
    public void centerOn(double x, double y) {
        fitted = false;
        tx = getWidth() / 2 - x * scale();
        ty = getHeight() / 2 - y * scale();
        dirty = true;
    }

    /** What the view shows, in canvas units: {minX, minY, maxX, maxY}. */
    public double[] visibleArea() {
        Point2D a = toCanvas(0, 0);
        Point2D b = toCanvas(getWidth(), getHeight());
        return new double[] {a.getX(), a.getY(), b.getX(), b.getY()};
    }

    /**
     * Adds a node of {@code kind} in the visible area, at the first spot down the middle column where it
     * overlaps no other box (the palette's double-click), and returns its id.
     */
    public String addInView(NodeKind kind) {
        double[] area = visibleArea();
        double x = Math.round(((area[0] + area[2]) / 2 - DesignGeometry.W / 2) / 8) * 8;
        double y = Math.round((area[1] + 16) / 8) * 8;
        Map<String, double[]> at = DesignGeometry.positions(editor.topology());
        for (int tries = 0; tries < 64 && overlaps(at, x, y); tries++) {
            y += DesignEditor.ROW_PITCH / 2;
            if (y + DesignGeometry.H > area[3]) {
                y = Math.round((area[1] + 16) / 8) * 8;
                x += DesignEditor.COLUMN_PITCH / 2;
            }
        }
        String id = editor.addNode(kind, x, y);
        status.accept("Added " + id + ": " + kind.description(), false);
        return id;
    }

    private static boolean overlaps(Map<String, double[]> at, double x, double y) {
        for (double[] p : at.values()) {
            if (Math.abs(p[0] - x) < DesignGeometry.W + 12 && Math.abs(p[1] - y) < DesignGeometry.H + 12) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- gestures

    private void pressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.SECONDARY && onNodeMenu != null) {
            // On the press, as a desktop does it (and every platform, headless included, has one).
            Point2D w = toCanvas(e.getX(), e.getY());
            String node = DesignGeometry.nodeAt(DesignGeometry.positions(editor.topology()), w.getX(), w.getY());
            if (node != null) {
                if (!editor.selectedNodes().contains(node)) {
                    editor.select(List.of(node));
                }
                onNodeMenu.show(node, e.getScreenX(), e.getScreenY());
                e.consume();
            }
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY && e.getButton() != MouseButton.MIDDLE) {
            return;
        }
        pressX = e.getX();
        pressY = e.getY();
        dragged = false;
        Point2D w = toCanvas(e.getX(), e.getY());
        Topology t = editor.topology();
        Map<String, double[]> at = DesignGeometry.positions(t);
        double slop = SLOP_PX / scale();
        String port = e.getButton() == MouseButton.PRIMARY ? DesignGeometry.portAt(at, w.getX(), w.getY(), slop) : null;
        String node = e.getButton() == MouseButton.PRIMARY ? DesignGeometry.nodeAt(at, w.getX(), w.getY()) : null;
        int edge = node == null && port == null && e.getButton() == MouseButton.PRIMARY
                ? DesignGeometry.edgeAt(t, at, w.getX(), w.getY(), slop + 2 / scale()) : -1;
        if (port != null) {
            gesture = Gesture.CONNECT;
            connectFrom = port;
            connectX = w.getX();
            connectY = w.getY();
        } else if (node != null) {
            if (e.isShiftDown() || e.isShortcutDown()) {
                editor.toggle(node);
            } else if (!editor.selectedNodes().contains(node)) {
                editor.select(List.of(node));
            }
            gesture = Gesture.MOVE;
            moveDx = 0;
            moveDy = 0;
        } else if (edge >= 0) {
            editor.selectEdge(edge);
            gesture = Gesture.NONE;
        } else {
            gesture = Gesture.PAN;
        }
        dirty = true;
        e.consume();
    }

    /** Told the id of a box double-clicked; null until the window sets it. */
    private java.util.function.Consumer<String> onOpenNode;

    /** What a double-click on a box does: the window opens the box's pattern panel. */
    void setOnOpenNode(java.util.function.Consumer<String> open) {
        onOpenNode = open;
    }

    /** Told a box's id and where its menu goes (screen coordinates) when the user asks for it; null until set. */
    private NodeMenu onNodeMenu;

    /** Shows a box's menu at a screen point. */
    interface NodeMenu {
        void show(String node, double screenX, double screenY);
    }

    /** What a right-click on a box (or the menu key on the one selected) does: the window offers its faults. */
    void setOnNodeMenu(NodeMenu menu) {
        onNodeMenu = menu;
    }

    /** The menu key: the selected box's menu (a right-click is taken on its press, in {@link #pressed}). */
    private void menuRequested(javafx.scene.input.ContextMenuEvent e) {
        if (onNodeMenu == null || !e.isKeyboardTrigger()) {
            return;
        }
        String node = editor.selectedNode();
        if (node != null) {
            onNodeMenu.show(node, e.getScreenX(), e.getScreenY());
            e.consume();
        }
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 2 || onOpenNode == null) {
            return;
        }
        Point2D w = toCanvas(e.getX(), e.getY());
        String node = DesignGeometry.nodeAt(DesignGeometry.positions(editor.topology()), w.getX(), w.getY());
        if (node != null) {
            onOpenNode.accept(node);
            e.consume();
        }
    }

    private void dragged(MouseEvent e) {
        double dx = e.getX() - pressX;
        double dy = e.getY() - pressY;
        dragged |= Math.hypot(dx, dy) > 3;
        switch (gesture) {
            case MOVE -> {
                moveDx = Math.round(dx / scale());
                moveDy = Math.round(dy / scale());
            }
            case CONNECT -> {
                Point2D w = toCanvas(e.getX(), e.getY());
                connectX = w.getX();
                connectY = w.getY();
            }
            case PAN -> {
                fitted = false;
                tx += e.getX() - pressX;
                ty += e.getY() - pressY;
                pressX = e.getX();
                pressY = e.getY();
            }
            default -> {
                // a press on an edge selects it; dragging it does nothing
            }
        }
        dirty = true;
        e.consume();
    }

    private void released(MouseEvent e) {
        switch (gesture) {
            case MOVE -> {
                if (dragged) {
                    editor.move(editor.selectedNodes(), moveDx, moveDy);
                }
            }
            case CONNECT -> connect(toCanvas(e.getX(), e.getY()));
            case PAN -> {
                if (!dragged) {
                    editor.clearSelection();
                }
            }
            default -> {
                // nothing to finish
            }
        }
        gesture = Gesture.NONE;
        moveDx = 0;
        moveDy = 0;
        connectFrom = null;
        dirty = true;
        e.consume();
    }

    private void connect(Point2D w) {
        String to = DesignGeometry.nodeAt(DesignGeometry.positions(editor.topology()), w.getX(), w.getY());
        if (to == null) {
            status.accept("Drop the edge on the box it should go to.", false);
            return;
        }
        String from = connectFrom;
        String refusal = editor.connect(from, to);
        if (refusal != null) {
            status.accept("Not connected: " + refusal + ".", true);
        } else {
            Topology.Edge added = editor.topology().edges().get(editor.topology().edges().size() - 1);
            status.accept("Connected " + from + " → " + to + " (" + added.mode() + ")", false);
        }
    }

    /** Whether a move is under way, so the painter draws the selection where the pointer has it. */
    boolean moving() {
        return gesture == Gesture.MOVE && dragged;
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoomBy(Math.pow(1.1, e.getDeltaY() / 40), e.getX(), e.getY());
        }
        e.consume();
    }

    private void dragOver(DragEvent e) {
        Dragboard board = e.getDragboard();
        if (board.hasString() && board.getString().startsWith(DRAG_PREFIX)) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        Dragboard board = e.getDragboard();
        NodeKind kind = board.hasString() && board.getString().startsWith(DRAG_PREFIX)
                ? NodeKind.byId(board.getString().substring(DRAG_PREFIX.length())) : null;
        if (kind != null) {
            Point2D w = toCanvas(e.getX(), e.getY());
            String id = editor.addNode(kind, w.getX() - DesignGeometry.W / 2, w.getY() - DesignGeometry.H / 2);
            status.accept("Added " + id + ": " + kind.description(), false);
        }
        e.setDropCompleted(kind != null);
        e.consume();
    }

    /** What the palette puts on the drag board for {@code kind}. */
    static ClipboardContent dragContent(NodeKind kind) {
        ClipboardContent content = new ClipboardContent();
        content.putString(DRAG_PREFIX + kind.id());
        return content;
    }
}
