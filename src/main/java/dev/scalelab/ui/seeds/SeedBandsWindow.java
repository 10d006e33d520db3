package dev.scalelab.ui.seeds;

import dev.scalelab.seeds.SeedBands;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Function;

/**
 * Run ▸ Seed bands…: the live design on N seeds (and the design as loaded, on the same seeds), a
 * table of the headline figures with their 95 % intervals and whether the difference is real, and
 * the throughput and p99 over time as the median and the 5–95 % band across seeds. FX thread only.
 */
public final class SeedBandsWindow {
    private final Stage stage = new Stage();
    private final SeedBandsViewModel viewModel;
    private final TableView<SeedBandsViewModel.Row> table = new TableView<>();
    private final LineChart<Number, Number> throughput = chart("requests / s");
    private final LineChart<Number, Number> p99 = chart("p99 latency (ms)");

    public SeedBandsWindow(Window owner, String designLabel, SeedBandsViewModel viewModel) {
        this.viewModel = viewModel;
        stage.initOwner(owner);
        stage.setTitle("Seed bands — " + designLabel);

        Spinner<Integer> seeds = new Spinner<>(SeedBandsViewModel.MIN_SEEDS, SeedBandsViewModel.MAX_SEEDS,
                viewModel.seedsProperty().get());
        seeds.setId("seedCount");
        seeds.setEditable(true);
        seeds.setPrefWidth(90);
        seeds.valueProperty().addListener((obs, was, now) -> viewModel.seedsProperty().set(now));
        CheckBox compare = new CheckBox("Compare with the design as loaded");
        compare.setId("compareLoaded");
        compare.selectedProperty().bindBidirectional(viewModel.compareProperty());
        compare.setTooltip(new Tooltip("Runs the design as it was loaded on the same seeds too, and tests each figure's "
                + "difference seed by seed: a difference whose 95 % interval leaves out 0 is real, not noise."));
        Button run = new Button("Run");
        run.setId("runSeeds");
        run.setDefaultButton(true);
        run.setOnAction(e -> viewModel.run());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelSeeds");
        cancel.setOnAction(e -> viewModel.cancel());
        run.disableProperty().bind(viewModel.runningProperty());
        seeds.disableProperty().bind(viewModel.runningProperty());
        compare.disableProperty().bind(viewModel.runningProperty());
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.visibleProperty().bind(viewModel.runningProperty());
        Label message = new Label();
        message.setId("seedsMessage");
        message.textProperty().bind(viewModel.messageProperty());
        message.setWrapText(true);
        HBox controls = new HBox(new Label("Seeds"), seeds, compare, run, cancel, bar);
        controls.getStyleClass().add("seed-controls");

        Label intro = new Label("One run is one sample. Each design runs on every seed to the end of its duration, on "
                + "all cores; a figure shows its mean ± the half-width of its 95 % interval (Student's t).");
        intro.setWrapText(true);
        intro.getStyleClass().add("seed-intro");

        table.setId("seedTable");
        table.getColumns().setAll(List.of(column("Figure", SeedBandsViewModel.Row::figure, 150),
                column("This design", SeedBandsViewModel.Row::design, 170),
                column("As loaded", SeedBandsViewModel.Row::loaded, 170),
                column("Difference (loaded − this)", SeedBandsViewModel.Row::difference, 190),
                column("Real difference?", SeedBandsViewModel.Row::verdict, 130)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Run to see each figure over the seeds."));
        table.setPrefHeight(300);
        viewModel.resultProperty().addListener((obs, was, now) -> show(now));

        GridPane charts = new GridPane();
        charts.getStyleClass().add("seed-charts");
        charts.add(titled("Throughput: median and 5–95 % band", throughput), 0, 0);
        charts.add(titled("p99 latency: median and 5–95 % band", p99), 1, 0);
        GridPane.setHgrow(charts.getChildren().get(0), Priority.ALWAYS);
        GridPane.setHgrow(charts.getChildren().get(1), Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);

        VBox root = new VBox(intro, controls, message, table, charts);
        root.getStyleClass().add("seed-bands");
        stage.setScene(BackgroundRuns.scene(root));
        stage.setOnHidden(e -> viewModel.cancel());
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    private void show(SeedBandsViewModel.Result r) {
        if (r == null) {
            return;
        }
        table.getItems().setAll(SeedBandsViewModel.rows(r));
        table.getColumns().get(2).setVisible(r.loaded() != null);
        table.getColumns().get(3).setVisible(r.loaded() != null);
        table.getColumns().get(4).setVisible(r.loaded() != null);
        plot(throughput, r, SeedBands.Runs::throughputBand);
        plot(p99, r, SeedBands.Runs::p99Band);
    }

    private static void plot(LineChart<Number, Number> chart, SeedBandsViewModel.Result r,
                             Function<SeedBands.Runs, SeedBands.Band> band) {
        chart.getData().clear();
        add(chart, band.apply(r.design()), "this");
        if (r.loaded() != null) {
            add(chart, band.apply(r.loaded()), "loaded");
        }
        colour(chart);
    }

    /** The median as a line, the 5th and 95th percentiles as thin dashed lines, in the design's colour. */
    private static void add(LineChart<Number, Number> chart, SeedBands.Band b, String design) {
        String[] names = {"5 %", "median", "95 %"};
        double[][] values = {b.p5(), b.median(), b.p95()};
        for (int k = 0; k < 3; k++) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(design + " " + names[k]);
            var points = FXCollections.<XYChart.Data<Number, Number>>observableArrayList();
            for (int i = 0; i < b.timeSeconds().length; i++) {
                points.add(new XYChart.Data<>(b.timeSeconds()[i], values[k][i]));
            }
            s.setData(points);
            chart.getData().add(s);
        }
    }

    /**
     * The design's colour on its lines, inline: a LineChart resets its series' style classes to its
     * default colours whenever a series is added, so classes set on them do not last.
     */
    private static void colour(LineChart<Number, Number> chart) {
        for (XYChart.Series<Number, Number> s : chart.getData()) {
            boolean median = s.getName().endsWith("median");
            String colour = s.getName().startsWith("this") ? "-sl-series-1" : "-sl-series-3";
            s.getNode().setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: " + (median ? "2.5px" : "1px")
                    + (median ? "" : "; -fx-stroke-dash-array: 5 4"));
        }
    }

    private static LineChart<Number, Number> chart(String valueLabel) {
        NumberAxis time = new NumberAxis();
        time.setLabel("virtual time (s)");
        time.setForceZeroInRange(true);
        NumberAxis value = new NumberAxis();
        value.setLabel(valueLabel);
        LineChart<Number, Number> c = new LineChart<>(time, value);
        c.setCreateSymbols(false);
        c.setAnimated(false);
        c.setLegendVisible(false);
        c.setMinSize(0, 0);
        c.setPrefHeight(300);
        return c;
    }

    private static VBox titled(String title, LineChart<Number, Number> chart) {
        Label t = new Label(title);
        t.getStyleClass().add("seed-chart-title");
        HBox legend = new HBox(swatch("this design", "this"), swatch("as loaded", "loaded"),
                new Label("dashed: 5 % and 95 % of the seeds"));
        legend.getStyleClass().add("seed-legend");
        VBox.setVgrow(chart, Priority.ALWAYS);
        return new VBox(t, chart, legend);
    }

    private static Label swatch(String text, String design) {
        javafx.scene.layout.Region mark = new javafx.scene.layout.Region();
        mark.getStyleClass().addAll("seed-swatch", "seed-swatch-" + design);
        Label l = new Label(text, mark);
        return l;
    }

    private static TableColumn<SeedBandsViewModel.Row, String> column(String title,
                                                                    Function<SeedBandsViewModel.Row, String> value,
                                                                    double width) {
        TableColumn<SeedBandsViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> Bindings.createStringBinding(() -> value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
