package dev.scalelab.ui.seeds;

import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.Summary;
import dev.scalelab.seeds.HeadlineText;
import dev.scalelab.seeds.Sweep;
import dev.scalelab.ui.parameters.FieldLabels;
import dev.scalelab.world.Parameter;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Run ▸ Sweep…: the design as it is now over a grid of one or two fields' values, each point on K
 * seeds, then a scatter of any two headline figures (cost per hour against p99 by default) with the
 * Pareto front ringed; a click on a point opens that design in the window. FX thread only.
 */
public final class SweepWindow {
    private final Stage stage = new Stage();
    private final SweepViewModel viewModel;
    private final Consumer<Sweep.Point> open;
    private final ComboBox<Headline> xFigure = figures(Headline.COST_PER_HOUR);
    private final ComboBox<Headline> yFigure = figures(Headline.P99_MS);
    private final ScatterChart<Number, Number> chart = new ScatterChart<>(new NumberAxis(), new NumberAxis());

    /** @param open starts the design of a clicked point, with its values in the window's label */
    public SweepWindow(Window owner, String designLabel, SweepViewModel viewModel, Consumer<Sweep.Point> open) {
        this.viewModel = viewModel;
        this.open = open;
        stage.initOwner(owner);
        stage.setTitle("Sweep — " + designLabel);

        List<Parameter> live = new ArrayList<>(Parameter.all());
        ComboBox<Parameter> first = fields(live, false);
        first.setId("sweepFirst");
        first.valueProperty().bindBidirectional(viewModel.firstProperty());
        TextField firstValues = values("sweepFirstValues");
        firstValues.textProperty().bindBidirectional(viewModel.firstValuesProperty());
        ComboBox<Parameter> second = fields(live, true);
        second.setId("sweepSecond");
        second.valueProperty().bindBidirectional(viewModel.secondProperty());
        TextField secondValues = values("sweepSecondValues");
        secondValues.textProperty().bindBidirectional(viewModel.secondValuesProperty());
        secondValues.disableProperty().bind(second.valueProperty().isNull());

        Spinner<Integer> seeds = new Spinner<>(1, SweepViewModel.MAX_SEEDS, viewModel.seedsProperty().get());
        seeds.setId("sweepSeeds");
        seeds.setEditable(true);
        seeds.setPrefWidth(80);
        seeds.valueProperty().addListener((obs, was, now) -> viewModel.seedsProperty().set(now));
        Button run = new Button("Run");
        run.setId("runSweep");
        run.setDefaultButton(true);
        run.setOnAction(e -> viewModel.run());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> viewModel.cancel());
        run.disableProperty().bind(viewModel.runningProperty());
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.visibleProperty().bind(viewModel.runningProperty());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("sweep-grid");
        grid.addRow(0, new Label("Vary"), first, firstValues);
        grid.addRow(1, new Label("and"), second, secondValues);
        grid.addRow(2, new Label("Seeds per point"), seeds, new HBox(8, run, cancel, bar));
        GridPane.setHgrow(firstValues, Priority.ALWAYS);

        Label message = new Label();
        message.setId("sweepMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        viewModel.messageIsErrorProperty().addListener((obs, was, error) -> {
            message.getStyleClass().remove("sweep-error");
            if (error) {
                message.getStyleClass().add("sweep-error");
            }
        });

        Label intro = new Label("Runs the design as it is now (your changes included) at every combination of the "
                + "values, each on the same seeds, on all cores. Values: a list such as 2,4,8 or a range FROM..TO:STEP "
                + "such as 2..8:1.");
        intro.setWrapText(true);
        intro.getStyleClass().add("seed-intro");

        HBox axes = new HBox(new Label("x"), xFigure, new Label("y"), yFigure);
        axes.getStyleClass().add("seed-controls");
        xFigure.valueProperty().addListener((obs, was, now) -> plot());
        yFigure.valueProperty().addListener((obs, was, now) -> plot());
        chart.setId("sweepChart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setMinSize(0, 0);
        VBox.setVgrow(chart, Priority.ALWAYS);
        viewModel.resultProperty().addListener((obs, was, now) -> plot());

        VBox root = new VBox(intro, grid, message, axes, chart);
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

    ScatterChart<Number, Number> chart() {
        return chart;
    }

    /** The points on the chosen figures: the front's and the others' in two series, each point with its tooltip and click. */
    private void plot() {
        chart.getData().clear();
        SweepViewModel.Result r = viewModel.resultProperty().get();
        Headline hx = xFigure.getValue();
        Headline hy = yFigure.getValue();
        if (r == null || hx == null || hy == null) {
            return;
        }
        ((NumberAxis) chart.getXAxis()).setLabel(HeadlineText.label(hx) + unit(hx));
        ((NumberAxis) chart.getYAxis()).setLabel(HeadlineText.label(hy) + unit(hy));
        int n = r.points().size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = oriented(hx, r.points().get(i).figure(hx));
            y[i] = oriented(hy, r.points().get(i).figure(hy));
        }
        boolean[] front = Sweep.paretoFront(x, y);
        XYChart.Series<Number, Number> others = new XYChart.Series<>();
        XYChart.Series<Number, Number> best = new XYChart.Series<>();
        others.setName("designs");
        best.setName("Pareto front");
        for (int i = 0; i < n; i++) {
            Sweep.Point p = r.points().get(i);
            if (p.figure(hx) == null || p.figure(hy) == null) {
                continue;
            }
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.figure(hx).mean(), p.figure(hy).mean());
            d.setExtraValue(p);
            (front[i] ? best : others).getData().add(d);
        }
        chart.getData().setAll(FXCollections.observableArrayList(List.of(others, best)));
        for (XYChart.Series<Number, Number> s : chart.getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                decorate(d, r.paths(), s == best, hx, hy);
            }
        }
    }

    private void decorate(XYChart.Data<Number, Number> d, List<String> paths, boolean onFront, Headline hx, Headline hy) {
        Node node = d.getNode();
        Sweep.Point p = (Sweep.Point) d.getExtraValue();
        node.getStyleClass().add(onFront ? "sweep-front" : "sweep-point");
        String text = p.where(paths) + "\n" + HeadlineText.label(hx) + ": " + HeadlineText.interval(hx, p.figure(hx))
                + "\n" + HeadlineText.label(hy) + ": " + HeadlineText.interval(hy, p.figure(hy))
                + (onFront ? "\nOn the Pareto front: no other design is better on both." : "") + "\nClick to open this design.";
        Tooltip.install(node, new Tooltip(text));
        node.setOnMouseClicked(e -> open.accept(p));
    }

    /** The figure's mean, negated where higher is better, so the front takes the lower of each axis. */
    private static double oriented(Headline h, Summary s) {
        if (s == null) {
            return Double.NaN;
        }
        return SweepViewModel.lowerIsBetter(h) ? s.mean() : -s.mean();
    }

    private static String unit(Headline h) {
        return switch (h) {
            case THROUGHPUT -> " (req/s)";
            case P50_MS, P99_MS -> " (ms)";
            case COST_PER_HOUR -> " ($ per hour)";
            case ERROR_RATIO, CACHE_HIT_RATIO, CACHE_STALE_RATIO, DB_STALE_RATIO -> " (ratio)";
            default -> "";
        };
    }

    private static ComboBox<Headline> figures(Headline initial) {
        ComboBox<Headline> box = new ComboBox<>(FXCollections.observableArrayList(Headline.values()));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Headline h) {
                return h == null ? "" : HeadlineText.label(h);
            }

            @Override
            public Headline fromString(String s) {
                return null;
            }
        });
        box.setValue(initial);
        return box;
    }

    private static ComboBox<Parameter> fields(List<Parameter> live, boolean optional) {
        List<Parameter> items = new ArrayList<>();
        if (optional) {
            items.add(null);
        }
        items.addAll(live);
        ComboBox<Parameter> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setVisibleRowCount(16);
        box.setPrefWidth(320);
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Parameter p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty ? null : name(p));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        return box;
    }

    /** "Instances (service.instances)"; "nothing" for no second field. */
    static String name(Parameter p) {
        return p == null ? "nothing" : String.format(Locale.ROOT, "%s (%s)", FieldLabels.label(p.path()), p.path());
    }

    private static TextField values(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText("2..8:1 or 2,4,8");
        return f;
    }
}
