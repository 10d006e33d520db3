package dev.scalelab.ui.canvas;

import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.network.Planner;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Design ▸ Plan capacity…: the goals (p99, error rate, budget), the planner run on a background
 * thread with its progress and Cancel, the plan (each count's change, each confirmation seed's
 * figures, or why no plan meets the goals), and Apply, which the canvas takes as one undo step.
 */
final class DesignPlannerDialog {
    private final Stage stage = new Stage();
    private final TextField p99 = field("designPlanP99", "250");
    private final TextField errorRate = field("designPlanErrors", "0.1");
    private final TextField budget = field("designPlanBudget", "");
    private final Label problem = new Label();
    private final TextArea result = new TextArea();
    private final Button plan = new Button("Plan");
    private final Button apply = new Button("Apply plan");
    private final Button cancel = new Button("Cancel");
    private AtomicBoolean cancelled = new AtomicBoolean();
    private Planner.Plan last;

    DesignPlannerDialog(Window owner, Scenario design, Consumer<Scenario> applyPlan) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Plan capacity: " + design.name());
        GridPane goals = new GridPane();
        goals.setHgap(8);
        goals.setVgap(6);
        goals.addRow(0, new Label("p99 at most (ms)"), p99);
        goals.addRow(1, new Label("Errors at most (%)"), errorRate);
        goals.addRow(2, new Label("Budget per hour ($, empty for none)"), budget);
        problem.setId("designPlanProblem");
        problem.setStyle("-fx-text-fill: -sl-bad, #c0392b;");
        problem.setWrapText(true);
        result.setId("designPlanResult");
        result.setEditable(false);
        result.setWrapText(true);
        result.setPrefRowCount(12);
        result.setText("The planner measures the design, sizes each service's instances and each database's read replicas "
                + "with queueing formulas to keep every node at or below ρ 0.9, then confirms the plan on "
                + Planner.CONFIRM_SEEDS + " seeds it did not measure with.");
        VBox.setVgrow(result, Priority.ALWAYS);
        plan.setId("designPlanRun");
        apply.setId("designPlanApply");
        cancel.setId("designPlanCancel");
        plan.setDefaultButton(true);
        apply.setDisable(true);
        cancel.setDisable(true);
        plan.setOnAction(e -> start(design));
        cancel.setOnAction(e -> cancelled.set(true));
        apply.setOnAction(e -> {
            if (last != null && last.met()) {
                applyPlan.accept(last.planned());
                stage.close();
            }
        });
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            cancelled.set(true);
            stage.close();
        });
        HBox buttons = new HBox(8, plan, cancel, apply, close);
        VBox root = new VBox(10, goals, problem, result, buttons);
        root.setPadding(new Insets(12));
        Scene scene = new Scene(root, 560, 440);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> cancelled.set(true));
    }

    void show() {
        stage.show();
    }

    Stage stage() {
        return stage;
    }

    private static TextField field(String id, String value) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setPrefColumnCount(8);
        return f;
    }

    /** The goals as typed; null (and the problem shown, naming the field) when one is not a number in range. */
    Planner.Goals goals() {
        try {
            double p = number("p99", p99.getText(), 0.001, 3_600_000, false);
            double e = number("errors", errorRate.getText(), 0, 100, false) / 100;
            double b = number("budget", budget.getText(), 0, 1_000_000, true);
            problem.setText("");
            return new Planner.Goals(p, e, b);
        } catch (IllegalArgumentException bad) {
            problem.setText(bad.getMessage());
            return null;
        }
    }

    private static double number(String name, String text, double min, double max, boolean emptyIsZero) {
        String t = text.trim();
        if (t.isEmpty() && emptyIsZero) {
            return 0;
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": " + (t.isEmpty() ? "empty" : "\"" + t + "\" is not a number"));
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(name + ": " + t + " is out of range; from " + fmt(min) + " to " + fmt(max));
        }
        return v;
    }

    private void start(Scenario design) {
        Planner.Goals goals = goals();
        if (goals == null) {
            return;
        }
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        plan.setDisable(true);
        apply.setDisable(true);
        cancel.setDisable(false);
        result.setText("");
        Thread t = new Thread(() -> {
            Planner.Plan p;
            try {
                p = Planner.plan(design, goals, line -> Platform.runLater(() -> result.appendText(line + "\n")), stop::get);
            } catch (ScenarioException e) {
                Platform.runLater(() -> finished(null, "The design cannot run: " + e.getMessage()));
                return;
            }
            Planner.Plan done = p;
            Platform.runLater(() -> finished(done, null));
        }, "scalelab-planner");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private void finished(Planner.Plan p, String error) {
        plan.setDisable(false);
        cancel.setDisable(true);
        last = p;
        if (p == null) {
            result.setText(error);
            return;
        }
        StringBuilder s = new StringBuilder();
        s.append(p.met() ? "The plan meets the goals on every confirmation seed.\n" : "No plan meets the goals: " + p.why() + "\n");
        if (p.changes().isEmpty()) {
            s.append("No count changes.\n");
        }
        for (Planner.Change c : p.changes()) {
            s.append("  ").append(c.sentence()).append('\n');
        }
        for (Planner.Check c : p.checks()) {
            s.append(String.format(Locale.ROOT, "  seed %d: p99 %.1f ms, errors %.3f %%, $%.2f/h%s%n", c.seed(), c.p99Ms(),
                    c.errorRate() * 100, c.costPerHour(), c.meets() ? "" : "  (misses)"));
        }
        if (p.met()) {
            s.append(String.format(Locale.ROOT, "Cost: $%.2f per hour.", p.costPerHour()));
        }
        result.setText(s.toString());
        apply.setDisable(!p.met() || p.changes().isEmpty());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : Double.toString(v);
    }
}
