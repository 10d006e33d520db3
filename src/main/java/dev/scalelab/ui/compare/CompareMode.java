package dev.scalelab.ui.compare;

import dev.scalelab.runtime.Comparison;
import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.Panel;
import dev.scalelab.ui.PanelCatalog;
import dev.scalelab.world.Scenario;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Compare mode of the main window: while the runner compares two designs
 * ({@link Frame#comparison()}), every panel shows its view twice, A and B (B is a second instance
 * of the panel, built from the same catalog entry and fed the second world's snapshot), its charts
 * twice, and the compare bar with the difference table sits under the timeline. Switching panels
 * keeps the mode; a frame without a comparison (Stop compare, a reset, another scenario) returns
 * the window to one view. The window hands this class every frame and pulse of the shown panel.
 *
 * <p>FX thread only.
 */
public final class CompareMode {
    private final SimulationRunner runner;
    private final Supplier<Window> owner;
    private final Consumer<String> message;
    private final Pane panelHost;
    private final Pane chartHost;
    private final CompareBar bar;
    private final TwinPane views = new TwinPane("compareView", "compare-views", TwinPane.VIEW_MIN_SIDE_EM);
    private final TwinPane charts = new TwinPane("compareCharts", "compare-charts", TwinPane.CHARTS_MIN_SIDE_EM);
    /** Variant B's panels, by title, built when first shown in this comparison. */
    private final Map<String, Panel> twins = new HashMap<>();
    private Function<FileChooser, File> openFile;
    /** The comparison shown now, or null in the single layout. */
    private Comparison shown;
    private Panel laidOut;
    private CompareDialog dialog;

    /**
     * @param top       the window's top box: the bar goes in at {@code barIndex}, under the timeline
     * @param panelHost where the window shows the selected panel's view
     * @param chartHost where it shows the panel's charts
     */
    public CompareMode(SimulationRunner runner, Supplier<Window> owner, Consumer<String> message, Pane top, int barIndex,
                       Pane panelHost, Pane chartHost) {
        this.runner = runner;
        this.owner = owner;
        this.openFile = chooser -> chooser.showOpenDialog(owner.get());
        this.message = message;
        this.panelHost = panelHost;
        this.chartHost = chartHost;
        this.bar = new CompareBar(runner);
        top.getChildren().add(barIndex, bar.node());
        String sheet = CompareMode.class.getResource("/styles/compare.css").toExternalForm();
        for (Node n : new Node[] {bar.node(), views, charts}) {
            ((javafx.scene.Parent) n).getStylesheets().add(sheet);
        }
    }

    /** Run › Compare designs…: the dialog, on the design as it runs now. */
    public void showDialog() {
        assert FxThread.isCurrent();
        CompareDialogModel model = new CompareDialogModel(() -> runner.latest().snapshot().current());
        dialog = new CompareDialog(owner.get(), model, openFile, this::start);
        dialog.show();
    }

    /** For tests: the open dialog (null before the first), and a file chooser's answer in place of the dialog. */
    CompareDialog dialog() {
        return dialog;
    }

    void replaceFileChooser(Function<FileChooser, File> open) {
        openFile = open;
    }

    /** Starts the comparison {@code request} asks for, from the design as it runs now (its changes folded in), at t = 0. */
    private void start(CompareDialogModel.Request request) {
        runner.restartScenario().whenComplete((a, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                message.accept("The comparison did not start: " + failure.getMessage());
                return;
            }
            try {
                Scenario b = request.variantB(a);
                runner.startCompare(a, request.labelA(), b, request.labelB(), request.differences());
            } catch (RuntimeException e) {
                message.accept("The comparison did not start: " + e.getMessage());
            }
        }));
    }

    /** Whether the window shows two variants now. */
    public boolean isActive() {
        return shown != null;
    }

    /** A frame for the shown {@code panel}: in compare mode, A's side to it and B's to its twin. */
    public void update(Panel panel, Frame frame, long nowNanos) {
        assert FxThread.isCurrent();
        Comparison c = frame.race() == null ? null : frame.comparison();
        if (c != shown) {
            boolean fresh = c != null && shown != null; // another comparison: B's panels start over
            if (shown != null) {
                leave(panel, fresh);
            }
            shown = c;
            if (c != null) {
                enter(panel, c);
            }
        }
        if (panel == null) {
            return;
        }
        if (shown == null) {
            panel.update(frame, nowNanos);
            return;
        }
        if (panel != laidOut) {
            layOut(panel);
        }
        // A's side without the second world, so a panel's own race (Load balancing) does not take it for one.
        panel.update(new Frame(frame.snapshot(), frame.status(), null), nowNanos);
        Panel twin = twin(panel);
        if (twin != null) {
            twin.update(new Frame(frame.race(), frame.status(), null), nowNanos);
        }
        bar.update(frame);
    }

    /** Every pulse: both sides animate. */
    public void animate(Panel panel, long nowNanos) {
        if (panel == null) {
            return;
        }
        panel.animate(nowNanos);
        if (shown != null) {
            bar.refresh(nowNanos);
        }
        if (shown != null && laidOut == panel) {
            Panel twin = twins.get(panel.title());
            if (twin != null) {
                twin.animate(nowNanos);
            }
        }
    }

    /** The window showed {@code panel} alone: in compare mode, lay it out twice again. */
    public void panelShown(Panel panel) {
        laidOut = null;
        if (shown != null && panel != null) {
            layOut(panel);
        }
    }

    private void enter(Panel panel, Comparison c) {
        bar.show(c);
        if (panel != null) {
            layOut(panel);
        }
    }

    private void layOut(Panel panel) {
        laidOut = panel;
        Panel twin = twin(panel);
        String a = "A  " + shown.labelA();
        String b = "B  " + shown.labelB();
        views.show(panel.view(), a, twin == null ? null : twin.view(), b);
        charts.show(panel.charts(), a, twin == null ? null : twin.charts(), b);
        panelHost.getChildren().setAll(views);
        chartHost.getChildren().setAll(charts);
    }

    /** Back to one view of {@code panel}; {@code keepBar} when another comparison follows at once. */
    private void leave(Panel panel, boolean keepBar) {
        views.clear();
        charts.clear();
        if (panel != null) {
            panelHost.getChildren().setAll(panel.view());
            chartHost.getChildren().setAll(panel.charts());
        }
        twins.values().forEach(Panel::dispose);
        twins.clear();
        laidOut = null;
        if (!keepBar) {
            bar.hide();
        }
    }

    private Panel twin(Panel panel) {
        return twins.computeIfAbsent(panel.title(), t -> PanelCatalog.twin(panel));
    }
}
