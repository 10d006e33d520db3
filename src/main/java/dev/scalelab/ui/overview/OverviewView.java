package dev.scalelab.ui.overview;

import dev.scalelab.runtime.Frame;
import dev.scalelab.ui.Panel;
import dev.scalelab.world.Snapshot;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Overview panel: the headline figures of the last virtual second, the animated pool
 * ({@link PoolView}) and the throughput and latency charts. Its look is in {@code styles/overview.css}.
 *
 * <p>FX thread only.
 */
public final class OverviewView implements Panel {
    private final OverviewViewModel viewModel = new OverviewViewModel();
    private final PoolView pool = new PoolView();
    private final OverviewCharts charts = new OverviewCharts();
    private final VBox view;
    private Snapshot snapshot;

    public OverviewView() {
        HBox headline = new HBox(
                figure("Offered", viewModel.offeredProperty(), "Requests that arrived in the last virtual second."),
                figure("Completed", viewModel.completedProperty(), "Requests that finished in the last virtual second."),
                figure("Rejected", viewModel.rejectedProperty(), "Requests turned away in the last virtual second: every queue was full or no instance was ready."),
                figure("Latency p50", viewModel.p50Property(), "Median response time (queueing + service) in the last virtual second."),
                figure("Latency p99", viewModel.p99Property(), "99th percentile response time in the last virtual second."),
                figure("Utilization", viewModel.utilizationProperty(), "Share of all workers busy, averaged over the last virtual second."),
                figure("Instances", viewModel.instancesProperty(), "Instances ready to take requests."));
        headline.getStyleClass().add("overview-headline");
        pool.setId("poolView");
        VBox.setVgrow(pool, Priority.ALWAYS);
        view = new VBox(headline, pool);
        view.setId("overview");
        view.getStyleClass().add("overview");
        String stylesheet = OverviewView.class.getResource("/styles/overview.css").toExternalForm();
        view.getStylesheets().add(stylesheet);
        charts.view().getStylesheets().add(stylesheet);
    }

    private static VBox figure(String name, ObservableStringValue value, String explanation) {
        Label valueLabel = new Label();
        valueLabel.textProperty().bind(value);
        valueLabel.getStyleClass().add("figure-value");
        Label nameLabel = new Label(name);
        nameLabel.getStyleClass().add("figure-name");
        VBox box = new VBox(nameLabel, valueLabel);
        box.getStyleClass().add("figure");
        Tooltip.install(box, new Tooltip(explanation));
        return box;
    }

    @Override
    public String title() {
        return "Overview";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public Node charts() {
        return charts.view();
    }

    @Override
    public void update(Frame frame, long nowNanos) {
        snapshot = frame.snapshot();
        viewModel.update(snapshot);
        pool.show(snapshot);
        pool.launch(snapshot.dispatches(), viewModel.firstNewDispatch(snapshot.dispatches()), nowNanos);
    }

    @Override
    public void animate(long nowNanos) {
        pool.draw(nowNanos);
        // Asked every pulse, not only on new frames, so a sample held back by the rate limit still shows when paused.
        if (snapshot != null && viewModel.chartsDue(OverviewViewModel.newestSampleSeconds(snapshot.series()), nowNanos)) {
            charts.show(snapshot.series());
        }
    }
}
