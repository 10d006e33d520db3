package dev.scalelab.ui.canvas;

import dev.scalelab.runtime.DesignRun;
import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.NodeRun;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.Panel;
import dev.scalelab.design.NodeKind;
import dev.scalelab.ui.caching.CachingView;
import dev.scalelab.ui.database.DatabasePanel;
import dev.scalelab.ui.scaling.ScalingView;
import dev.scalelab.world.LogEntry;
import javafx.animation.AnimationTimer;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A drawn box of the canvas's run in its pattern panel, in a window of its own owned by the canvas:
 * the real panel ({@link ScalingView} for a service, {@link CachingView} for a cache box or a CDN,
 * {@link DatabasePanel} for a database, the Resilience panel for an external API, the Events panel for a topic or a queue, the
 * Load balancing panel for a balancer, without race mode, showing the pool of its first edge) on the
 * box's view ({@link NodeRun}), laid out as the main window lays out a panel (the view above its
 * charts and the box's decisions, its parameters on the right). Its changes and actions go to the drawn node and are recorded in the run's
 * timeline; a refusal shows in the line at the top, naming what was refused. When the canvas's run
 * stops or starts over, the window keeps the last view and says so. Each box has its own window and
 * its own watch of the run ({@link DesignPanels}): several may be open at once, and closing one ends
 * that box's watch only. FX thread only.
 */
final class NodePanelWindow {
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    private final Stage stage = new Stage();
    private final NodeRun source;
    private final Panel panel;
    private final Supplier<DesignRun> canvasRun;
    private final Label status = new Label();
    private final ListView<String> log = new ListView<>();
    private final AnimationTimer pulse;
    private Frame shown;
    private long shownLogCount = -1;
    private boolean over;
    private boolean closed;
    private boolean endSaid;

    /**
     * @param canvasRun the canvas's run now: once it is another (stopped, started over) this window stops following
     */
    NodePanelWindow(Window owner, NodeRun source, NodeKind kind, Supplier<DesignRun> canvasRun) {
        this.source = source;
        this.canvasRun = canvasRun;
        // A cache box always has its cache, a database its database: their panels' offer of a preset for a
        // system without one never shows.
        this.panel = switch (kind) {
            case CACHE -> new CachingView(source, preset -> { }).drawnBox();
            case CDN -> new CachingView(source, preset -> { }).drawnCdn();
            case DATABASE -> new DatabasePanel(source, preset -> { });
            case EXTERNAL -> new dev.scalelab.ui.resilience.ResilienceView(source, preset -> { }).drawnApi(source.nodeId());
            // A topic or queue box always has its stream: the panel's offer of a preset for a system without events never shows.
            case TOPIC, QUEUE -> new dev.scalelab.ui.events.EventsPanel(source, preset -> { });
            case BALANCER -> dev.scalelab.ui.balancing.BalancingView.drawnBalancer(source, balancerShown(source), balancerWhy(source));
            default -> new ScalingView(source);
        };
        stage.initOwner(owner);
        stage.setTitle(source.nodeId() + " — " + panel.title());

        status.setId("nodePanelStatus");
        status.getStyleClass().add("design-status");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        say(source.nodeId() + ", drawn and running on the canvas, in the " + panel.title() + " panel: what you change or do here goes to "
                + "the run and its recorded timeline (File ▸ Save the run keeps it), not to the drawing's own settings."
                + (source.scope().isEmpty() ? "" : " " + source.scope() + "."), false);

        ScrollPane viewScroll = scroll(new StackPane(panel.view()), "panel-host");
        ScrollPane chartScroll = scroll(new StackPane(panel.charts()), "chart-host");
        log.setId("nodePanelLog");
        log.getStyleClass().add("log-list");
        Label logTitle = new Label("Decisions and events of " + source.nodeId());
        logTitle.getStyleClass().add("pane-title");
        VBox logBox = new VBox(logTitle, log);
        logBox.getStyleClass().add("log-box");
        VBox.setVgrow(log, Priority.ALWAYS);
        SplitPane bottom = new SplitPane(chartScroll, logBox);
        bottom.setDividerPositions(0.66);
        SplitPane centre = new SplitPane(viewScroll, bottom);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.6);
        StackPane parameters = new StackPane();
        parameters.getStyleClass().add("parameter-host");
        if (kind == NodeKind.BALANCER) {
            // The balancing form is wider than the general pane (its long health-check names): the host takes its width, unclipped.
            parameters.setStyle("-fx-pref-width: -1;");
        }
        if (panel.parameters() != null) {
            parameters.getChildren().add(panel.parameters());
        }
        VBox top = new VBox(status);
        top.getStyleClass().add("node-panel-top");
        top.setStyle("-fx-padding: 0.3em 0.6em;");
        BorderPane root = new BorderPane(centre, top, parameters, null, null);
        root.getStyleClass().add("node-panel-window");

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(DesignWindow.scene(root, Math.min(1360, screen.getWidth()), Math.min(880, screen.getHeight())));
        stage.getScene().getStylesheets().add(NodePanelWindow.class.getResource("/styles/window.css").toExternalForm());
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        stage.setOnHidden(e -> close());
    }

    /** What a drawn balancer's race bar says it shows: the pool it picks within, and of how many. */
    private static String balancerShown(NodeRun source) {
        List<String> behind = source.servicesBehind();
        return "Picks within " + behind.get(0) + (behind.size() > 1 ? ", the first of the " + behind.size() + " services behind "
                + source.nodeId() + " (" + String.join(", ", behind) + ")" : "") + " · race mode is the main window's";
    }

    private static String balancerWhy(NodeRun source) {
        return (source.scope().isEmpty() ? "" : source.scope() + ". ") + "Race mode starts the main window's run over in two worlds "
                + "with the same seed, one strategy each; a drawing on the canvas runs as one run, so this window shows its one "
                + "balancer, changed live. To race two strategies, open a system of the pipeline's shape in the main window.";
    }

    private static ScrollPane scroll(StackPane host, String styleClass) {
        host.getStyleClass().add(styleClass);
        ScrollPane s = new ScrollPane(host);
        s.getStyleClass().add("host-scroll");
        s.setFitToWidth(true);
        s.setFitToHeight(true);
        s.setFocusTraversable(false);
        dev.scalelab.ui.LiveScroll.uncache(s);
        return s;
    }

    void show() {
        stage.show();
        stage.toFront();
        stage.requestFocus();
        pulse.start();
    }

    Stage stage() {
        return stage;
    }

    NodeRun source() {
        return source;
    }

    /** For tests: the virtual time of the frame the panel shows now; NaN before the first. */
    double shownSeconds() {
        return shown == null ? Double.NaN : shown.snapshot().timeSeconds();
    }

    /** For tests: the panel shown. */
    Panel panel() {
        return panel;
    }

    private void frame(long nowNanos) {
        if (!over && canvasRun.get() != source.designRun()) {
            over = true;
            say("The canvas's run stopped or started over: this window shows " + source.nodeId() + " as that run left it. "
                    + "Run the drawing and double-click the box again to follow the new run.", false);
        }
        if (!over) {
            Frame f = source.latest();
            if (f != shown) {
                shown = f;
                panel.update(f, nowNanos);
                showLog(f);
            }
            String refused = source.takeRefusal();
            if (refused != null) {
                say("Refused: " + refused, true);
            } else if (f.status().finished() && !endSaid) {
                endSaid = true;
                say("The run reached its end at t = " + Formats.clock(f.snapshot().timeSeconds()) + ": " + source.nodeId()
                        + " stays as the run left it.", false);
            }
        }
        panel.animate(nowNanos);
    }

    private void showLog(Frame f) {
        if (f.snapshot().logCount() == shownLogCount) {
            return;
        }
        shownLogCount = f.snapshot().logCount();
        List<String> lines = new ArrayList<>();
        for (LogEntry e : f.snapshot().recentLog()) {
            lines.add(Formats.clock(e.timeSeconds()) + "  " + e.message());
        }
        boolean atEnd = log.getItems().isEmpty() || log.getItems().size() == lines.size() - 1;
        log.getItems().setAll(lines);
        if (atEnd && !lines.isEmpty()) {
            log.scrollTo(lines.size() - 1);
        }
    }

    private void say(String text, boolean refused) {
        status.setText(text);
        status.pseudoClassStateChanged(REFUSED, refused);
    }

    /** The status line: what the window says (a refusal, or that its run is over). */
    Label status() {
        return status;
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        pulse.stop();
        source.stop();
        panel.dispose();
        if (stage.isShowing()) {
            stage.close();
        }
    }
}
