package dev.scalelab.ui.export;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.Panel;
import dev.scalelab.ui.PanelCatalog;
import dev.scalelab.world.Scenario;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

import java.util.List;

/**
 * A second instance of a panel, never on screen, drawn from frames the caller makes (an offline
 * re-run): its view above its charts at the sizes they have in the window. Its commands go to a
 * paused runner on the same scenario that never starts, so nothing it does reaches the live run.
 * FX thread only.
 */
final class OffscreenPanel implements AutoCloseable {
    private final SimulationRunner idleRunner;
    private final Panel panel;
    private final Region root;
    private final Scene scene;
    private final double scale;
    private final Color background;
    /** The scenario's markers, put on the charts once they are skinned (as the window does). */
    private final List<dev.scalelab.world.Scenario.Marker> markers;
    private boolean markersShown;

    /**
     * @param viewWidth    the view's width in the window, and so on for the others
     * @param stylesheets  the main scene's stylesheets (the panels add their own)
     */
    OffscreenPanel(PanelCatalog.Entry entry, Scenario scenario, double viewWidth, double viewHeight, double chartsWidth,
                   double chartsHeight, List<String> stylesheets, double scale, Color background) {
        this.idleRunner = new SimulationRunner(scenario, true);
        this.panel = entry.factory().apply(new PanelCatalog.Context(idleRunner, preset -> { }, (s, label) -> { }));
        this.scale = scale;
        this.background = background;
        this.markers = scenario.markers();
        // In hosts styled as the window's, so the stylesheets' rules for them apply here too.
        StackPane view = new StackPane(panel.view());
        view.getStyleClass().add("panel-host");
        StackPane charts = null;
        if (chartsHeight > 0 && panel.charts() != null) {
            charts = new StackPane(panel.charts());
            charts.getStyleClass().add("chart-host");
        }
        this.root = new StackedPanel(view, charts, viewWidth, viewHeight, chartsWidth, chartsHeight);
        root.getStyleClass().add("main-window");
        this.scene = new Scene(root, Math.max(viewWidth, chartsWidth), viewHeight + chartsHeight, background);
        scene.getStylesheets().setAll(stylesheets);
        root.applyCss();
        root.layout();
    }

    /** The panel drawn, for tests. */
    Panel panel() {
        return panel;
    }

    String title() {
        return panel.title();
    }

    /** The panel after {@code frame} at pulse time {@code nanos}, as its pixels (ARGB) at the scale asked. */
    WritableImage render(Frame frame, long nanos) {
        panel.update(frame, nanos);
        panel.animate(nanos);
        root.applyCss();
        root.layout();
        if (!markersShown) {
            markersShown = dev.scalelab.ui.ChartMarkers.show(panel, markers);
            root.layout();
        }
        // Canvases sized by this layout redraw on the next pulse: give them one at the same moment.
        panel.animate(nanos);
        return Pictures.snapshot(root, scale, background);
    }

    @Override
    public void close() {
        panel.dispose();
        idleRunner.close();
    }

    /** The view at its window size, with the charts under it at theirs. */
    private static final class StackedPanel extends Region {
        private final Node view;
        private final Node charts;
        private final double viewWidth;
        private final double viewHeight;
        private final double chartsWidth;
        private final double chartsHeight;

        StackedPanel(Node view, Node charts, double viewWidth, double viewHeight, double chartsWidth, double chartsHeight) {
            this.view = view;
            this.charts = charts;
            this.viewWidth = viewWidth;
            this.viewHeight = viewHeight;
            this.chartsWidth = chartsWidth;
            this.chartsHeight = chartsHeight;
            getChildren().add(view);
            if (charts != null) {
                getChildren().add(charts);
            }
            double w = Math.max(viewWidth, chartsWidth);
            double h = viewHeight + chartsHeight;
            setMinSize(w, h);
            setPrefSize(w, h);
            setMaxSize(w, h);
            // A view whose minimum is larger than its window size overflows there too, but the window
            // clips it to its pane: the picture shows what the window shows, at the window's size.
            setClip(new javafx.scene.shape.Rectangle(w, h));
        }

        @Override
        protected void layoutChildren() {
            view.resizeRelocate(0, 0, viewWidth, viewHeight);
            if (charts != null) {
                charts.resizeRelocate(0, viewHeight, chartsWidth, chartsHeight);
            }
        }
    }
}
