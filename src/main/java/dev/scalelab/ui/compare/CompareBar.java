package dev.scalelab.ui.compare;

import dev.scalelab.runtime.Comparison;
import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Map;

/**
 * The bar under the timeline while two designs are compared: "A: as is  vs  B: nine instances
 * (service.instances=9)", Run N seeds with its progress, Stop compare, and under it the
 * {@link DifferenceTable}. Hidden (and not managed) outside compare mode. FX thread only.
 */
final class CompareBar {
    private final SimulationRunner runner;
    private final VBox node = new VBox();
    private final Label labelA = new Label();
    private final Label labelB = new Label();
    private final Label differences = new Label();
    private final Spinner<Integer> seedCount = new Spinner<>(CompareSeeds.MIN_SEEDS, CompareSeeds.MAX_SEEDS, 10);
    private final Button runSeeds = new Button("Run N seeds");
    private final Button stop = new Button("Stop compare");
    private final Label seedMessage = new Label();
    private final DifferenceTable table = new DifferenceTable();
    private final CompareSeeds seeds = new CompareSeeds();
    private Comparison shown;

    CompareBar(SimulationRunner runner) {
        this.runner = runner;
        node.setId("compareBar");
        node.getStyleClass().add("compare-bar");
        labelA.setId("compareBarA");
        labelB.setId("compareBarB");
        labelA.getStyleClass().addAll("compare-label", "variant-a");
        labelB.getStyleClass().addAll("compare-label", "variant-b");
        differences.getStyleClass().add("compare-differences");
        differences.setMinWidth(0);
        Label vs = new Label("vs");
        vs.getStyleClass().add("compare-vs");

        seedCount.setId("compareSeedCount");
        seedCount.setEditable(true);
        seedCount.getStyleClass().add("compare-seed-count");
        seedCount.setAccessibleText("Seeds");
        seedCount.setTooltip(tip("How many seeds \"Run N seeds\" runs each design on (" + CompareSeeds.MIN_SEEDS + " to "
                + CompareSeeds.MAX_SEEDS + ")."));
        runSeeds.setId("compareRunSeeds");
        seeds.runningProperty().addListener((obs, was, running) -> runSeeds.setText(running ? "Cancel seeds" : "Run " + seedCount.getValue() + " seeds"));
        runSeeds.setText("Run " + seedCount.getValue() + " seeds");
        seedCount.valueProperty().addListener((obs, old, n) -> {
            if (!seeds.runningProperty().get()) {
                runSeeds.setText("Run " + n + " seeds");
            }
        });
        runSeeds.setTooltip(tip("Runs both designs as they are now, each to its duration, on the same N seeds in the background, "
                + "and marks each difference real or within the noise, with its 95 % interval."));
        runSeeds.setOnAction(e -> runOrCancelSeeds());
        seedMessage.getStyleClass().add("compare-seed-message");
        seedMessage.textProperty().bind(seeds.messageProperty());
        seedMessage.setMinWidth(0);
        stop.setId("compareStop");
        stop.setTooltip(tip("Stop comparing: variant B is dropped and A runs on alone."));
        stop.setOnAction(e -> runner.stopCompare());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(differences, Priority.SOMETIMES);
        HBox line = new HBox(labelA, vs, labelB, differences, spacer, seedMessage, seedCount, runSeeds, stop);
        line.getStyleClass().add("compare-line");
        node.getChildren().setAll(line, table.node());
        hide();
    }

    VBox node() {
        return node;
    }

    DifferenceTable table() {
        return table;
    }

    void show(Comparison c) {
        shown = c;
        seeds.cancel();
        labelA.setText("A: " + c.labelA());
        labelB.setText("B: " + c.labelB());
        differences.setText(c.differences().isEmpty() || c.differences().equals(c.labelB()) ? "" : "(" + c.differences() + ")");
        differences.setTooltip(c.differences().isEmpty() ? null : tip("Variant B: " + c.differences()));
        table.names(c.labelA(), c.labelB());
        table.seeds(0, Map.of());
        node.setVisible(true);
        node.setManaged(true);
    }

    void hide() {
        seeds.cancel();
        shown = null;
        node.setVisible(false);
        node.setManaged(false);
    }

    /** A frame of the comparison: the table shows the newest a few times a second. */
    void update(Frame frame) {
        table.offer(frame);
    }

    /** Every pulse. */
    void refresh(long nowNanos) {
        table.refresh(nowNanos, false);
    }

    private void runOrCancelSeeds() {
        if (seeds.runningProperty().get()) {
            seeds.cancel();
            return;
        }
        Comparison running = shown;
        seeds.run(seedCount.getValue(), runner.recordedScenarios(), (n, differences) -> {
            if (shown == running) { // a result for a comparison that has ended is dropped
                table.seeds(n, differences);
                table.refresh(System.nanoTime(), true);
            }
        });
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }
}
