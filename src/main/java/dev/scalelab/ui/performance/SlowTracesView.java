package dev.scalelab.ui.performance;

import dev.scalelab.ui.Formats;
import dev.scalelab.world.PerformanceView.TraceView;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * The slowest recent requests, slowest first, and the waterfall of the one picked. The list follows
 * the simulation a few times a second; the picked request stays picked while it is listed, and its
 * waterfall stays on screen after it leaves the list, so a user can read it while the run goes on.
 *
 * <p>FX thread only.
 */
public final class SlowTracesView extends HBox {
    private final ListView<TraceView> list = new ListView<>();
    private final TraceWaterfall waterfall = new TraceWaterfall();

    public SlowTracesView() {
        getStyleClass().add("slow-traces");
        list.setId("perfTraceList");
        list.getStyleClass().add("trace-list");
        list.setPlaceholder(new Label("No request answered yet."));
        list.setCellFactory(v -> new TraceCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                waterfall.show(now);
            }
        });
        Label title = new Label("Slowest recent requests");
        title.getStyleClass().add("performance-card-title");
        VBox left = new VBox(title, list);
        left.getStyleClass().add("trace-list-box");
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setMinWidth(220);
        left.setPrefWidth(250);
        waterfall.setId("perfWaterfall");
        HBox.setHgrow(waterfall, Priority.ALWAYS);
        getChildren().addAll(left, waterfall);
    }

    /** Lists {@code traces} (slowest first), keeping the pick by request id. */
    void show(List<TraceView> traces) {
        TraceView picked = list.getSelectionModel().getSelectedItem();
        list.getItems().setAll(traces);
        if (picked != null) {
            for (TraceView t : traces) {
                if (t.requestId() == picked.requestId()) {
                    list.getSelectionModel().select(t);
                    return;
                }
            }
            list.getSelectionModel().clearSelection(); // the waterfall keeps showing it
        }
    }

    void draw() {
        waterfall.redraw();
    }

    TraceWaterfall waterfall() {
        return waterfall;
    }

    /** One row: the latency first, since the list is sorted by it, then where and when. */
    private static final class TraceCell extends ListCell<TraceView> {
        @Override
        protected void updateItem(TraceView trace, boolean empty) {
            super.updateItem(trace, empty);
            setText(empty || trace == null ? null : String.format(Locale.ROOT, "%s ms  ·  %s  ·  at %s",
                    Formats.millis(trace.latencyMs()), trace.instanceId(), Formats.clock(trace.startSeconds())));
        }
    }
}
