package dev.scalelab.ui.timeline;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.FxThread;
import dev.scalelab.world.BreakpointHit;
import dev.scalelab.world.RunHistory;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Source;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bar under the toolbar: the whole run so far, from 0 to the furthest moment reached, with the
 * playhead, a mark where the decision log wrote (coloured by its source), a red triangle at each
 * breakpoint hit and the scenario's markers. Clicking or dragging to a moment goes there: the runner
 * re-runs the recorded scenario (the run's commands kept) to it, deterministically, so the panels show
 * the world as it was then, and a run that was playing plays on from there with the same future. The
 * part after the playhead stays drawn until the user changes something (the future may then differ)
 * or another run starts.
 *
 * <p>FX thread only.
 */
public final class TimelineBar extends HBox {
    private static final double HEIGHT = 30;
    private static final double TRACK_Y = 21;
    private static final Map<Source, Color> COLORS = new EnumMap<>(Source.class);

    static {
        Color scaling = Color.web("#0969da");
        Color balancing = Color.web("#0a7f8f");
        Color data = Color.web("#8250df");
        Color resilience = Color.web("#e16f24");
        Color async = Color.web("#bc4c00");
        for (Source s : Source.values()) {
            COLORS.put(s, scaling);
        }
        COLORS.put(Source.WORLD, Color.web("#8c959f"));
        COLORS.put(Source.USER, Color.web("#1f2328"));
        COLORS.put(Source.TIMELINE, Color.web("#bf8700"));
        COLORS.put(Source.BALANCER, balancing);
        COLORS.put(Source.HEALTH, balancing);
        COLORS.put(Source.OUTLIER, balancing);
        COLORS.put(Source.CACHE, Color.web("#1a7f37"));
        COLORS.put(Source.DATABASE, data);
        COLORS.put(Source.CONNECTIONS, data);
        COLORS.put(Source.MESH, resilience);
        COLORS.put(Source.BREAKER, Color.web("#cf222e"));
        COLORS.put(Source.GATEWAY, resilience);
        COLORS.put(Source.GC, Color.web("#9a6700"));
        COLORS.put(Source.EVENTS, async);
        COLORS.put(Source.KEDA, async);
    }

    private final Canvas canvas = new Canvas();
    private final Pane canvasHost = new Pane(canvas);
    private final Label startLabel = new Label("00:00");
    private final Label endLabel = new Label("00:00");
    private SimulationRunner runner;
    /** "Branch: main ▾" at the right end, once there is a runner. */
    private BranchMenu branchMenu;
    /** The branch the bar shows, and its version of the branches: another branch has another future. */
    private int branchId = dev.scalelab.runtime.Branch.ROOT_ID;
    /** Fork points to mark: the current branch's and its ancestors' moments, and its own forks'. */
    private List<Double> forkSeconds = List.of();
    private long branchesVersion = -1;

    /** The furthest the run got, and its history there: what the bar draws after the playhead. */
    private RunHistory.View furthest = RunHistory.View.EMPTY;
    private double nowSeconds;
    private List<Scenario.Marker> markers = List.of();
    private final List<Double> hitSeconds = new ArrayList<>();
    private BreakpointHit lastHit;
    /** A seek of this bar's in progress: its target, else NaN. */
    private double seekingTo = Double.NaN;
    private long seekEpoch;
    /** Where the pointer is over the bar (a drag's target), else NaN. */
    private double hoverSeconds = Double.NaN;
    /** The decision log's marks per pixel column, recomputed when the run grew (at most every {@link #MARKS_INTERVAL_NANOS}) or the bar's width changed. */
    private Source[] marks = new Source[0];
    private long marksSeconds = -1;
    private long marksAtNanos;
    /** When the bar was last drawn for a frame: frames redraw it at most every {@link #FRAME_REDRAW_NANOS}. */
    private long drawnAtNanos;
    private static final long MARKS_INTERVAL_NANOS = 250_000_000L;
    private static final long FRAME_REDRAW_NANOS = 33_000_000L;

    public TimelineBar() {
        getStyleClass().add("timeline-bar");
        setId("timelineBar");
        startLabel.getStyleClass().add("timeline-time");
        endLabel.getStyleClass().add("timeline-time");
        endLabel.setId("timelineEnd");
        // The times keep their width; the track gives way to the branch menu, not them.
        startLabel.setMinWidth(USE_PREF_SIZE);
        endLabel.setMinWidth(USE_PREF_SIZE);
        HBox.setHgrow(canvasHost, Priority.ALWAYS);
        canvasHost.setMinWidth(0);
        canvasHost.setPrefHeight(HEIGHT);
        canvasHost.setMinHeight(HEIGHT);
        canvas.widthProperty().bind(canvasHost.widthProperty());
        canvas.setHeight(HEIGHT);
        canvas.widthProperty().addListener(obs -> redraw());
        getChildren().addAll(startLabel, canvasHost, endLabel);
        setAccessibleText("Run timeline: click or drag to go back to a moment of the run");
        Tooltip tip = new Tooltip("The whole run so far. Click or drag to go to a moment: the run is replayed to it, "
                + "with the same commands, and plays on from there if it was playing.\nMarks: decision log lines by source "
                + "(blue scaling, teal balancer, green cache, purple database, orange mesh, red breaker, amber scenario "
                + "timeline, black your changes); red triangles: breakpoint hits; purple diamonds: where a branch forked; shaded: "
                + "the scenario's markers.\nA change made after going back makes a new branch from that moment (Branch menu, right).");
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        Tooltip.install(canvasHost, tip);
        canvasHost.setOnMouseMoved(e -> hover(e));
        canvasHost.setOnMouseDragged(e -> hover(e));
        canvasHost.setOnMouseExited(e -> {
            hoverSeconds = Double.NaN;
            redraw();
        });
        canvasHost.setOnMouseReleased(e -> {
            if (e.getX() >= 0 && e.getX() <= canvas.getWidth()) {
                seek(secondsAt(e.getX()));
            }
        });
    }

    /** The runner whose run the bar shows and seeks; call once, before the first frame. */
    public void setRunner(SimulationRunner runner) {
        this.runner = runner;
        branchMenu = new BranchMenu(runner);
        branchMenu.setMaxHeight(HEIGHT); // the bar keeps its height at every font scale: the panels below keep their room
        getChildren().add(branchMenu);
    }

    /** The branches control at the bar's right end; null before {@link #setRunner}. */
    public BranchMenu branchMenu() {
        return branchMenu;
    }

    /** The furthest moment the bar can go to: the end of the run so far. */
    public double extentSeconds() {
        return Math.max(nowSeconds, furthest.seconds());
    }

    /** The moment a seek of this bar's is going to, or NaN. */
    public double seekingTo() {
        return seekingTo;
    }

    /** Breakpoint hits marked on the bar, in seconds. */
    public List<Double> hits() {
        return List.copyOf(hitSeconds);
    }

    /** Where the bar's drawing is on screen (tests click it). */
    public javafx.geometry.Bounds canvasBoundsOnScreen() {
        return canvas.localToScreen(canvas.getBoundsInLocal());
    }

    /** A frame from the runner. */
    public void update(Frame frame) {
        assert FxThread.isCurrent();
        double t = frame.snapshot().timeSeconds();
        RunHistory.View h = frame.snapshot().history();
        if (t < nowSeconds && Double.isNaN(seekingTo)) {
            // Time went back without a seek of ours: another run (Reset, a preset, a lesson's Back).
            furthest = RunHistory.View.EMPTY;
            hitSeconds.clear();
        }
        if (Double.isNaN(seekingTo) && frame.status().undoDepth() + frame.status().redoDepth() > 0
                && furthest.seconds() > h.seconds()) {
            furthest = h; // the user changed something after going back: the old future may not come
        }
        if (h.seconds() >= furthest.seconds()) {
            furthest = h;
        }
        nowSeconds = t;
        markers = frame.snapshot().current().markers();
        BreakpointHit hit = frame.status().breakpointHit();
        if (hit != null && hit != lastHit && Double.isNaN(seekingTo)) {
            double at = hit.atSeconds();
            if (hitSeconds.stream().noneMatch(s -> Math.abs(s - at) < 1e-6) && hitSeconds.size() < 256) {
                hitSeconds.add(at);
            }
        }
        lastHit = hit;
        followBranches(h);
        if (branchMenu != null) {
            branchMenu.update(frame);
        }
        endLabel.setText(clock(extentSeconds()));
        long wall = System.nanoTime();
        if (wall - drawnAtNanos >= FRAME_REDRAW_NANOS || frame.status().paused()) {
            drawnAtNanos = wall;
            redraw();
        }
    }

    /**
     * On another branch (a fork, a switch) the part after the playhead is another future: the bar
     * starts again from what that branch has shown. The fork points are read again when the branches changed.
     */
    private void followBranches(RunHistory.View h) {
        dev.scalelab.runtime.Branches.View view = runner == null ? null : runner.branches();
        if (view == null || view.version() == branchesVersion) {
            return;
        }
        branchesVersion = view.version();
        if (view.currentId() != branchId) {
            branchId = view.currentId();
            furthest = h;
            hitSeconds.clear();
        }
        List<Double> forks = new ArrayList<>();
        for (dev.scalelab.runtime.Branch b = view.current(); b != null && !b.isRoot(); b = view.parentOf(b)) {
            forks.add(b.forkSeconds());
        }
        for (dev.scalelab.runtime.Branch b : view.branches()) {
            if (b.parentId() == branchId) {
                forks.add(b.forkSeconds());
            }
        }
        forkSeconds = List.copyOf(forks);
        redraw();
    }

    /** Fork points on the bar, in seconds (tests). */
    public List<Double> forkMarks() {
        return forkSeconds;
    }

    /** Goes to {@code atSeconds} of the run, by a deterministic re-run of the current branch (its commands kept) to it. */
    public void seek(double atSeconds) {
        assert FxThread.isCurrent();
        if (runner == null) {
            return;
        }
        double target = Math.max(0, Math.min(extentSeconds(), atSeconds));
        boolean wasPlaying = !runner.latest().status().paused();
        long mine = ++seekEpoch;
        seekingTo = target;
        redraw();
        runner.rewind(target).whenComplete((arrived, error) -> Platform.runLater(() -> {
            if (mine != seekEpoch) {
                return; // a later seek replaced this one
            }
            seekingTo = Double.NaN;
            if (error == null) {
                nowSeconds = arrived.snapshot().timeSeconds(); // so its frame does not read as another run going back
            }
            if (error == null && wasPlaying && !arrived.status().finished()) {
                runner.play();
            }
            redraw();
        }));
    }

    private void hover(MouseEvent e) {
        hoverSeconds = e.getX() < 0 || e.getX() > canvas.getWidth() ? Double.NaN : secondsAt(e.getX());
        redraw();
    }

    private double secondsAt(double x) {
        return Math.max(0, Math.min(1, x / Math.max(1, canvas.getWidth()))) * Math.max(1, extentSeconds());
    }

    private void redraw() {
        double w = canvas.getWidth();
        if (w <= 0) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, HEIGHT);
        double extent = Math.max(1, extentSeconds());
        // The scenario's markers: shaded spans and thin lines over the whole height.
        for (Scenario.Marker m : markers) {
            double x0 = m.atSeconds() / extent * w;
            if (x0 > w) {
                continue;
            }
            if (m.untilSeconds() > m.atSeconds()) {
                g.setFill(Color.rgb(220, 80, 60, 0.16));
                g.fillRect(x0, 0, Math.max(2, Math.min(w, m.untilSeconds() / extent * w) - x0), HEIGHT);
            } else {
                g.setFill(Color.rgb(220, 80, 60, 0.55));
                g.fillRect(x0, 0, 1, HEIGHT);
            }
        }
        // The track: the part played (to the playhead) and the part after it, which the bar can go back to.
        double now = Math.min(w, nowSeconds / extent * w);
        g.setFill(Color.rgb(140, 149, 159, 0.35));
        g.fillRect(0, TRACK_Y, w, 4);
        g.setFill(Color.web("#0969da", 0.55));
        g.fillRect(0, TRACK_Y, now, 4);
        // The decision log's marks, one per pixel column at most.
        long wall = System.nanoTime();
        if (marks.length != (int) w || furthest.seconds() < marksSeconds
                || (furthest.seconds() > marksSeconds && wall - marksAtNanos >= MARKS_INTERVAL_NANOS)) {
            marks = TimelineMarks.of(furthest, (int) w, extent);
            marksSeconds = furthest.seconds();
            marksAtNanos = wall;
        }
        for (int c = 0; c < marks.length; c++) {
            if (marks[c] != null) {
                g.setFill(COLORS.get(marks[c]));
                g.fillRect(c, 7, 1.5, 11);
            }
        }
        // Fork points: a purple line across the track and a diamond under it, where a branch left its parent.
        g.setFill(Color.web("#8250df"));
        for (double s : forkSeconds) {
            double x = s / extent * w;
            if (x <= w) {
                g.fillRect(x - 0.5, 4, 1.5, HEIGHT - 8);
                g.fillPolygon(new double[] {x - 4, x, x + 4, x}, new double[] {HEIGHT - 4, HEIGHT - 8, HEIGHT - 4, HEIGHT}, 4);
            }
        }
        // Breakpoint hits: a red triangle pointing down at the moment.
        g.setFill(Color.web("#cf222e"));
        for (double s : hitSeconds) {
            double x = s / extent * w;
            g.fillPolygon(new double[] {x - 4, x + 4, x}, new double[] {0, 0, 6}, 3);
        }
        // The playhead, or where a seek goes.
        double head = Double.isNaN(seekingTo) ? now : seekingTo / extent * w;
        g.setFill(Color.web("#0969da"));
        g.fillRect(Math.max(0, head - 1), 2, 2, HEIGHT - 4);
        g.fillOval(head - 4, TRACK_Y - 2, 8, 8);
        if (!Double.isNaN(hoverSeconds) || !Double.isNaN(seekingTo)) {
            String text = !Double.isNaN(seekingTo) ? "going to " + clock(seekingTo) + "…" : "go to " + clock(hoverSeconds);
            double at = !Double.isNaN(seekingTo) ? seekingTo : hoverSeconds;
            double x = at / extent * w;
            g.setFont(Font.font(11));
            g.setFill(endLabel.getTextFill() instanceof Color c ? c : Color.GRAY);
            double textX = x + 6 + 110 > w ? x - 116 : x + 6;
            g.fillText(text, textX, 12);
            if (!Double.isNaN(hoverSeconds)) {
                g.setFill(Color.web("#0969da", 0.5));
                g.fillRect(x, 2, 1, HEIGHT - 4);
            }
        }
    }

    /** "07:32", "1:02:05". */
    static String clock(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
