package dev.scalelab.ui.practice;

import dev.scalelab.practice.Breach;
import dev.scalelab.practice.Challenge;
import dev.scalelab.practice.Metric;
import dev.scalelab.practice.Prediction;
import dev.scalelab.practice.RequirementResult;
import dev.scalelab.practice.Verdict;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.Tooltips;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict as the Practice panel lays it out: one aligned row per requirement (what, measured on
 * the worst seed, target, PASS or FAIL), under a failure the moment it broke and the decisions that
 * led there, then the fixed fields the design changed, the score and cost, and each guess beside
 * what the runs measured. FX thread only.
 */
final class VerdictRows {
    static final PseudoClass PASSED = PseudoClass.getPseudoClass("passed");
    static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private VerdictRows() {
    }

    /** Fills {@code box} with {@code verdict}; {@code guesses} holds the candidate's guesses by prediction id. */
    static void fill(VBox box, Challenge challenge, Verdict verdict, Map<String, Double> guesses) {
        assert FxThread.isCurrent();
        box.getChildren().clear();
        if (verdict == null) {
            return;
        }
        Label headline = label(verdict.passed() ? "Passed" : "Not yet", "practice-verdict-headline");
        headline.pseudoClassStateChanged(PASSED, verdict.passed());
        headline.pseudoClassStateChanged(FAILED, !verdict.passed());
        box.getChildren().add(headline);
        box.getChildren().add(label(String.format(Locale.ROOT, "Score %d / 100 · cost %s (mean of %d seeds)", verdict.score(),
                MetricTexts.value(Metric.COST_PER_HOUR, verdict.costPerHour()), verdict.seeds().size()),
                "practice-score"));
        box.getChildren().add(requirements(verdict.requirements(), verdict.seeds()));
        if (!verdict.violations().isEmpty()) {
            box.getChildren().add(label("Changed what the challenge fixes (the verdict fails until they are back):",
                    "practice-violations-title"));
            for (String v : verdict.violations()) {
                box.getChildren().add(label("• " + v, "practice-violation"));
            }
        }
        Node predictions = predictions(challenge.predictions(), verdict.predictions(), guesses);
        if (predictions != null) {
            box.getChildren().add(predictions);
        }
    }

    private static GridPane requirements(List<RequirementResult> results, List<Long> seeds) {
        GridPane grid = new GridPane();
        grid.getStyleClass().addAll("practice-table", "practice-verdict-table");
        ColumnConstraints what = new ColumnConstraints();
        what.setHgrow(Priority.ALWAYS);
        what.setMinWidth(120);
        grid.getColumnConstraints().addAll(what, fitting(), fitting(), fitting());
        grid.addRow(0, label("Requirement", "practice-table-head"), label("Measured", "practice-table-head"),
                label("Target", "practice-table-head"), label("", "practice-table-head"));
        int row = 1;
        for (RequirementResult r : results) {
            Label name = label(r.requirement().label(), "practice-cell");
            name.setWrapText(true);
            Label result = label(r.passed() ? "PASS" : "FAIL", "practice-badge");
            result.pseudoClassStateChanged(PASSED, r.passed());
            result.pseudoClassStateChanged(FAILED, !r.passed());
            Label measured = label(MetricTexts.value(r.requirement().metric(), r.overall()), "practice-number");
            measured.setTooltip(Tooltips.tooltip(perSeed(r, seeds)));
            grid.addRow(row++, name, measured, label(MetricTexts.target(r.requirement()), "practice-number"), result);
            if (!r.passed() && r.breach() != null) {
                VBox breach = breach(r.breach());
                grid.add(breach, 0, row++, 4, 1);
            }
        }
        return grid;
    }

    private static VBox breach(Breach breach) {
        VBox box = new VBox();
        box.getStyleClass().add("practice-breach");
        // The grader's sentence carries the moment ("at 1:24 the 1-s p99 was 303 ms"); the seed says which run.
        Label what = label("Seed " + breach.seed() + ": " + breach.what(), "practice-breach-what");
        what.setWrapText(true);
        box.getChildren().add(what);
        for (String line : breach.why()) {
            Label why = label(line, "practice-breach-why");
            why.setWrapText(true);
            box.getChildren().add(why);
        }
        return box;
    }

    private static Node predictions(List<Prediction> predictions, Map<String, Double> measured, Map<String, Double> guesses) {
        if (predictions.isEmpty()) {
            return null;
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("practice-table");
        ColumnConstraints question = new ColumnConstraints();
        question.setHgrow(Priority.ALWAYS);
        question.setMinWidth(120);
        grid.getColumnConstraints().addAll(question, fitting(), fitting());
        grid.addRow(0, label("Prediction", "practice-table-head"), label("Your guess", "practice-table-head"),
                label("Measured", "practice-table-head"));
        int row = 1;
        for (Prediction p : predictions) {
            Label q = label(p.question(), "practice-cell");
            q.setWrapText(true);
            Double guess = guesses.get(p.id());
            Double value = measured.get(p.id());
            grid.addRow(row++, q, label(guess == null ? "–" : MetricTexts.value(p.metric(), guess), "practice-number"),
                    label(value == null ? "–" : MetricTexts.value(p.metric(), value), "practice-number"));
        }
        return grid;
    }

    /** "The worst seed's value. Seed 7: 180 ms · seed 8: 2,140 ms · …": what the measured column sums up. */
    static String perSeed(RequirementResult r, List<Long> seeds) {
        StringBuilder text = new StringBuilder("The worst seed's value. ");
        for (int i = 0; i < r.perSeed().size(); i++) {
            text.append(i == 0 ? "Seed " : " · seed ").append(i < seeds.size() ? seeds.get(i) : i + 1).append(": ")
                    .append(MetricTexts.value(r.requirement().metric(), r.perSeed().get(i)));
        }
        return text.toString();
    }

    /** A column as wide as its widest cell, never cut: the numbers and badges must read whole. */
    static ColumnConstraints fitting() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(Region.USE_PREF_SIZE);
        return c;
    }

    static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
