package dev.scalelab.ui.canvas;

import dev.scalelab.world.network.Insight;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The live list of a running design's insights: each finding in bold with its kind and when it
 * began, its fix below. Choosing one selects its node. Updated once per frame from the latest
 * snapshot, and only when the list changed, so a steady design costs nothing to show.
 */
final class DesignInsights extends VBox {
    private static final String IDLE = "Run the design: its bottlenecks and risks show here.";
    private final ListView<Insight> list = new ListView<>();
    private final Label placeholder = new Label(IDLE);
    private List<Insight> shown = List.of();

    DesignInsights(Consumer<Insight> chosen) {
        Label title = new Label("Insights");
        title.getStyleClass().add("parameter-section");
        list.setId("designInsights");
        list.setPlaceholder(placeholder);
        list.setCellFactory(v -> new InsightCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                chosen.accept(now);
            }
        });
        // As tall as the problems list beside it (the same style): the canvas keeps the height.
        list.getStyleClass().add("design-problems");
        getChildren().addAll(title, list);
        getStyleClass().add("design-insights");
        setSpacing(4);
    }

    /** Shows {@code insights} of a running design if they differ from what is shown. */
    void show(List<Insight> insights, boolean running) {
        placeholder.setText(running ? "Nothing limits the design so far." : IDLE);
        show(insights);
    }

    /** Shows {@code insights} if they differ from what is shown. */
    void show(List<Insight> insights) {
        if (!insights.equals(shown)) {
            shown = insights;
            list.getItems().setAll(insights);
        }
    }

    void clear() {
        show(List.of());
    }

    List<Insight> shown() {
        return shown;
    }

    private static final class InsightCell extends ListCell<Insight> {
        private final Label finding = new Label();
        private final Label fix = new Label();
        private final VBox box = new VBox(finding, fix);

        InsightCell() {
            finding.getStyleClass().add("design-insight-finding");
            finding.setStyle("-fx-font-weight: bold;");
            fix.setWrapText(true);
            fix.getStyleClass().add("design-insight-fix");
            box.setSpacing(2);
            setPrefWidth(0); // wrap to the list's width instead of widening it
        }

        @Override
        protected void updateItem(Insight item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            finding.setText(item.finding());
            long t = Math.round(item.sinceSeconds());
            fix.setText(item.kind().label() + ", since " + String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60) + " — " + item.fix());
            fix.maxWidthProperty().bind(getListView().widthProperty().subtract(24));
            setText(null);
            setGraphic(box);
            setTooltip(new javafx.scene.control.Tooltip(item.finding() + "\n" + item.kind().label() + ": " + item.fix()));
        }
    }
}
