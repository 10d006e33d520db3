package dev.scalelab.ui.balancing;

import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * One world's side of the panel: its strategy and figures on top, the live view, and the
 * decision inspector below. The panel shows one side, or two in race mode. Ids start with
 * {@code idPrefix} ("left", "right"): {@code leftP99}, {@code rightLiveView}, {@code rightDecision}.
 *
 * <p>FX thread only.
 */
final class SideView {
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");

    private final VBox node;
    private final BalancerCanvas canvas;
    private final Region marker = new Region();
    /** The title and the figures: in one flow alone, or, in a race, the figures always under the title so the two sides line up. */
    private final VBox header = new VBox();
    private final FlowPane flow = new FlowPane();
    private final HBox title;
    private final HBox figures;

    SideView(String idPrefix, SideViewModel model, boolean compact) {
        Label strategy = new Label();
        strategy.setId(idPrefix + "Strategy");
        strategy.getStyleClass().add("side-strategy");
        strategy.textProperty().bind(model.strategyProperty());
        tooltip(strategy, "The strategy this side's balancer uses.");
        // In a race, a swatch links the side to its line in the charts.
        marker.getStyleClass().add("side-marker");
        HBox title = new HBox(marker, strategy);
        title.getStyleClass().add("side-title");
        // The four figures are one row that never breaks (a figure alone on a line reads as another
        // kind of figure); in a narrow side, as in a race, the whole row goes under the title.
        HBox figures = new HBox(
                figure(idPrefix + "P50", "p50", model.p50Property(), "Median response time (queueing + service) in the last virtual second."),
                figure(idPrefix + "P99", "p99", model.p99Property(), "99th percentile response time in the last virtual second: where a slow instance shows first."),
                figure(idPrefix + "MaxQueue", "max queue", model.maxQueueProperty(), "The longest queue of any instance now, in requests."),
                figure(idPrefix + "Drops", "drops", model.dropsProperty(), "Requests rejected so far in this run: the chosen instance's queue was full, or no instance would take them."));
        figures.getStyleClass().add("side-figures");
        figures.setMinWidth(Region.USE_PREF_SIZE);
        this.title = title;
        this.figures = figures;
        flow.getStyleClass().add("side-header");
        header.getStyleClass().add("side-header-box");

        canvas = new BalancerCanvas(compact);
        canvas.setId(idPrefix + "LiveView");
        Tooltip select = new Tooltip("Click an instance to select it for the weight, speed and fault actions on the right.");
        select.setShowDelay(Duration.millis(900));
        Tooltip.install(canvas, select);
        VBox.setVgrow(canvas, Priority.ALWAYS);

        Label heading = new Label("LAST DECISION");
        heading.getStyleClass().add("decision-heading");
        Label decision = new Label();
        decision.setId(idPrefix + "Decision");
        decision.getStyleClass().add("decision-text");
        decision.setWrapText(true);
        decision.setMinHeight(Region.USE_PREF_SIZE);
        decision.textProperty().bind(model.decisionProperty());
        tooltip(decision, "The balancer's most recent pick: what it compared and which instance won (ringed in the live view). "
                + "While running it refreshes twice a second; paused, every Step (100 ms) shows the newest.");
        Label rule = new Label();
        rule.setId(idPrefix + "Rule");
        rule.getStyleClass().add("decision-rule");
        rule.setWrapText(true);
        rule.textProperty().bind(model.ruleProperty());
        tooltip(rule, "How this side's strategy chooses an instance, with its parameters.");
        rule.setMinHeight(Region.USE_PREF_SIZE);
        VBox inspector = new VBox(heading, decision, rule);
        inspector.getStyleClass().add("decision-box");

        node = new VBox(header, canvas, inspector);
        node.getStyleClass().addAll("balancing-side", idPrefix + "-side");
        // Both sides of a race get the same width, whatever their texts want.
        HBox.setHgrow(node, Priority.ALWAYS);
        node.setMinWidth(0);
        node.setPrefWidth(0);
        setCompact(compact);
    }

    private static VBox figure(String id, String name, ObservableStringValue value, String explanation) {
        Label valueLabel = new Label();
        valueLabel.setId(id);
        valueLabel.setMinWidth(Region.USE_PREF_SIZE); // a figure is never cut short
        valueLabel.textProperty().bind(value);
        valueLabel.getStyleClass().add("side-figure-value");
        Label nameLabel = new Label(name);
        nameLabel.getStyleClass().add("side-figure-name");
        VBox box = new VBox(nameLabel, valueLabel);
        box.getStyleClass().add("side-figure");
        Tooltip tip = new Tooltip(explanation);
        tip.setWrapText(true);
        tip.setMaxWidth(340);
        tip.setShowDelay(Duration.millis(300));
        Tooltip.install(box, tip);
        return box;
    }

    private static void tooltip(Label label, String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(340);
        tip.setShowDelay(Duration.millis(300));
        label.setTooltip(tip);
    }

    void setCompact(boolean compact) {
        if (compact) {
            flow.getChildren().clear();
            header.getChildren().setAll(title, figures);
        } else {
            header.getChildren().clear();
            flow.getChildren().setAll(title, figures);
            header.getChildren().setAll(flow);
        }
        canvas.setCompact(compact);
        node.pseudoClassStateChanged(COMPACT, compact);
        marker.setVisible(compact);
        marker.setManaged(compact);
    }

    VBox node() {
        return node;
    }

    BalancerCanvas canvas() {
        return canvas;
    }
}
