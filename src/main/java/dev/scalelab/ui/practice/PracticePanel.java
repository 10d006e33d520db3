package dev.scalelab.ui.practice;

import dev.scalelab.practice.Challenge;
import dev.scalelab.practice.ChallengeGroup;
import dev.scalelab.practice.ChallengeLibrary;
import dev.scalelab.practice.Grader;
import dev.scalelab.practice.Prediction;
import dev.scalelab.practice.ProgressStore;
import dev.scalelab.practice.Requirement;
import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.FxmlPanel;
import dev.scalelab.ui.charts.ChartPacer;
import dev.scalelab.ui.canvas.DesignWindow;
import dev.scalelab.ui.charts.TimeLineChart;
import dev.scalelab.ui.parameters.FormPart;
import dev.scalelab.ui.parameters.ParameterForm;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The Practice panel: the interview challenges by group with the candidate's status, and the chosen
 * one's page: the question, the brief, the requirements, the predictions, Load the starting system,
 * Submit (graded in the background; see {@link PracticeViewModel}) and the verdict, the hints one at
 * a time and the reference solution behind a confirmation. The challenge's live knobs are the
 * window's parameter pane while the panel shows, so the candidate turns them where every panel's
 * parameters are; the chart area follows the live design's p99 against its target. The layout is
 * {@code fxml/PracticePanel.fxml}, the look {@code styles/practice.css}.
 *
 * <p>FX thread only.
 */
public final class PracticePanel extends FxmlPanel {
    private static final Map<String, String> SECTIONS = Map.of("workload", "Workload", "service", "Service",
            "autoscaler", "Autoscaler", "verticalScaler", "Vertical scaler", "balancer", "Load balancer",
            "cache", "Cache", "database", "Database", "events", "Events");

    private final SimulationRunner runner;
    private final BiConsumer<Scenario, String> startScenario;
    private final PracticeViewModel viewModel;
    /** The parameter list's left and right padding (styles/app.css, .parameter-list). */
    private static final double FORM_SIDE_PADDING_PX = 28;
    private final ParameterForm knobForm;
    private final Label knobFormNote = new Label();
    private final FormPart knobPart;
    private final ChartPacer chartPacer = new ChartPacer();
    private final Map<String, TextField> guessFields = new LinkedHashMap<>();
    private final Map<String, Label> guessErrors = new HashMap<>();
    private final BooleanProperty playable = new SimpleBooleanProperty(this, "playable");
    private Map<String, Double> submittedGuesses = Map.of();
    /** Each challenge's canvas, once opened: closing it hides it, so the drawing is there when it opens again. */
    private final Map<String, DesignWindow> canvases = new HashMap<>();
    private PracticeCharts charts;
    private Frame frame;

    @FXML private ListView<Object> challengeList;
    @FXML private ScrollPane pageScroll;
    @FXML private VBox page;
    @FXML private Label noticeLabel;
    @FXML private Label groupLabel;
    @FXML private Label questionLabel;
    @FXML private Label waitsLabel;
    @FXML private VBox briefBox;
    @FXML private GridPane requirementGrid;
    @FXML private Label knobsLabel;
    @FXML private VBox predictBox;
    @FXML private GridPane predictGrid;
    @FXML private Button loadStartButton;
    @FXML private Button submitButton;
    @FXML private Button drawButton;
    @FXML private HBox gradingRow;
    @FXML private ProgressBar gradingBar;
    @FXML private Label gradingLabel;
    @FXML private Button cancelButton;
    @FXML private VBox verdictBox;
    @FXML private VBox hintBox;
    @FXML private Button hintButton;
    @FXML private Button solutionButton;
    @FXML private VBox confirmBox;
    @FXML private VBox solutionBox;
    @FXML private VBox explanationBox;
    @FXML private VBox emptyCard;
    @FXML private HBox chartPane;
    @FXML private TimeLineChart p99Chart;
    @FXML private TimeLineChart errorChart;

    /** @param startScenario starts a scenario in the live run under a label, as the window's scenario menu does */
    public PracticePanel(SimulationRunner runner, BiConsumer<Scenario, String> startScenario) {
        this(runner, startScenario, ChallengeLibrary::all, () -> new ProgressStore(ProgressStore.defaultFile()), Grader::grade);
    }

    PracticePanel(SimulationRunner runner, BiConsumer<Scenario, String> startScenario, Supplier<List<Challenge>> challenges,
                  Supplier<ProgressStore> store, PracticeViewModel.Grading grading) {
        super("Practice");
        this.runner = runner;
        this.startScenario = startScenario;
        viewModel = new PracticeViewModel(store, grading);
        knobForm = new ParameterForm("Your knobs", runner::set);
        knobFormNote.getStyleClass().add("practice-form-note");
        knobFormNote.setWrapText(true);
        // Wraps at the form's visible width, rather than widening the form to the note's one-line length.
        ScrollPane formPane = (ScrollPane) knobForm.node();
        formPane.getStyleClass().add("practice-knobs");
        knobFormNote.setMinWidth(0);
        knobFormNote.prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(0, formPane.getViewportBounds().getWidth() - FORM_SIDE_PADDING_PX), formPane.viewportBoundsProperty()));
        knobForm.addNode(knobFormNote);
        knobPart = knobForm.part();
        knobForm.update(runner.latest().snapshot().current());
        loadLayout("PracticePanel");
        place(chartPane, knobForm.node());
        load(challenges);
    }

    /**
     * Reads the challenges on a daemon thread: fifteen files, each with two scenarios to check, take
     * a moment on a cold start that the window does not wait for.
     */
    private void load(Supplier<List<Challenge>> challenges) {
        Task<List<Challenge>> task = new Task<>() {
            @Override
            protected List<Challenge> call() {
                return challenges.get();
            }
        };
        task.setOnSucceeded(event -> showList(task.getValue()));
        task.setOnFailed(event -> {
            Throwable e = task.getException();
            viewModel.reportProblem("The challenges could not be read: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            showList(List.of());
        });
        Thread thread = new Thread(task, "challenges");
        thread.setDaemon(true);
        thread.start();
    }

    private void showList(List<Challenge> challenges) {
        viewModel.setChallenges(challenges);
        challengeList.getItems().setAll(listItems(challenges));
        boolean any = !challenges.isEmpty();
        pageScroll.setVisible(any);
        emptyCard.setVisible(!any);
        challengeList.setPlaceholder(new Label(""));
        challengeList.getSelectionModel().select(firstToOpen(challengeList.getItems()));
    }

    /** Called by the loader once the layout's nodes are injected: the panel's bindings, in one place. */
    @FXML
    private void initialize() {
        charts = new PracticeCharts(p99Chart, errorChart);
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        shownWhen(noticeLabel, !noticeLabel.getText().isEmpty());
        noticeLabel.textProperty().addListener((obs, old, text) -> shownWhen(noticeLabel, !text.isEmpty()));

        challengeList.setCellFactory(list -> {
            ChallengeCell cell = new ChallengeCell();
            // Long titles wrap rather than hide behind a horizontal scroll bar; room is left for the vertical one.
            cell.prefWidthProperty().bind(list.widthProperty().subtract(20));
            return cell;
        });
        challengeList.setPlaceholder(new Label("Reading the challenges…"));
        challengeList.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item instanceof Challenge c) {
                viewModel.choose(c);
            }
        });
        viewModel.statusRevisionProperty().addListener((obs, old, now) -> challengeList.refresh());
        viewModel.challengeProperty().addListener((obs, old, c) -> showChallenge(c));

        submitButton.disableProperty().bind(viewModel.gradingRunningProperty().or(playable.not()));
        gradingBar.progressProperty().bind(viewModel.gradingProgressProperty());
        gradingLabel.textProperty().bind(viewModel.gradingTextProperty());
        cancelButton.visibleProperty().bind(viewModel.gradingRunningProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        gradingBar.visibleProperty().bind(viewModel.gradingRunningProperty());
        gradingBar.managedProperty().bind(gradingBar.visibleProperty());
        gradingRow.visibleProperty().bind(viewModel.gradingTextProperty().isNotEmpty());
        gradingRow.managedProperty().bind(gradingRow.visibleProperty());
        viewModel.verdictProperty().addListener((obs, old, v) -> {
            VerdictRows.fill(verdictBox, viewModel.challengeProperty().get(), v, submittedGuesses);
            if (v != null) {
                // A verdict may arrive while the page shows its brief (a drawing submitted from the canvas): bring it into view.
                javafx.application.Platform.runLater(this::scrollToVerdict);
            }
        });
        viewModel.hintsShownProperty().addListener((obs, old, n) -> showHints());

        pageScroll.setVisible(false); // until the challenges are read
        emptyCard.setVisible(false);
    }

    /** The list's rows: each group's title, then its challenges by number. */
    static List<Object> listItems(List<Challenge> challenges) {
        List<Object> items = new ArrayList<>();
        for (ChallengeGroup group : ChallengeGroup.values()) {
            boolean titled = false;
            for (Challenge c : challenges) {
                if (c.group() == group) {
                    if (!titled) {
                        items.add(group);
                        titled = true;
                    }
                    items.add(c);
                }
            }
        }
        return items;
    }

    /** The first playable challenge in the list, else the first of all; null in an empty list. */
    static Challenge firstToOpen(List<Object> items) {
        Challenge first = null;
        for (Object item : items) {
            if (item instanceof Challenge c) {
                if (c.playable()) {
                    return c;
                }
                first = first == null ? c : first;
            }
        }
        return first;
    }

    private void showChallenge(Challenge c) {
        charts.showTarget(c);
        knobPart.clear();
        guessFields.clear();
        guessErrors.clear();
        predictGrid.getChildren().clear();
        briefBox.getChildren().clear();
        requirementGrid.getChildren().clear();
        explanationBox.getChildren().clear();
        verdictBox.getChildren().clear();
        shownWhen(confirmBox, false);
        shownWhen(solutionBox, false);
        shownWhen(solutionButton, c != null);
        if (c == null) {
            return;
        }
        groupLabel.setText(c.group().title() + " · challenge " + c.number() + " · " + c.title());
        questionLabel.setText(c.question());
        waitsLabel.setText(c.playable() ? "" : "This challenge waits for " + c.waitsFor()
                + ". Read it now; it can be played once that is part of ScaleLab.");
        shownWhen(waitsLabel, !c.playable());
        paragraphs(briefBox, c.brief());
        showRequirements(c.requirements());
        showKnobs(c);
        showPredictions(c.predictions());
        loadStartButton.setDisable(!c.playable());
        drawButton.setDisable(!c.playable());
        // A start whose parts have no boxes yet (see Challenge#whyNotDrawable) is answered with the knobs alone.
        shownWhen(drawButton, c.drawable());
        playable.set(c.playable());
        paragraphs(explanationBox, c.solution().explanation());
        showHints();
        pageScroll.setVvalue(0);
    }

    /** Blank lines separate a text's paragraphs; each is a wrapping label at the body size. */
    private static void paragraphs(VBox box, String text) {
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            Label label = new Label(paragraph.strip().replaceAll("\\s*\\n\\s*", " "));
            label.setWrapText(true);
            label.getStyleClass().add("practice-text");
            box.getChildren().add(label);
        }
    }

    private void showRequirements(List<Requirement> requirements) {
        requirementGrid.getColumnConstraints().setAll(growing(), VerdictRows.fitting());
        requirementGrid.addRow(0, VerdictRows.label("What", "practice-table-head"), VerdictRows.label("Target", "practice-table-head"));
        int row = 1;
        for (Requirement r : requirements) {
            Label what = VerdictRows.label(r.label(), "practice-cell");
            what.setWrapText(true);
            requirementGrid.addRow(row++, what, VerdictRows.label(MetricTexts.target(r), "practice-number"));
        }
    }

    private void showKnobs(Challenge c) {
        Knobs knobs = Knobs.of(c.knobs(), ScenarioFiles.tree(c.startScenario()));
        String section = null;
        for (Parameter p : knobs.live()) {
            String top = p.path().substring(0, p.path().indexOf('.'));
            if (!top.equals(section)) {
                section = top;
                knobPart.section(SECTIONS.getOrDefault(top, top));
            }
            knobPart.add(p.path());
        }
        knobsLabel.setText(knobsText(knobs));
        knobFormNote.setText(knobs.live().isEmpty()
                ? "This challenge has no live knobs: see its page for what you may change."
                : "The fields this challenge lets you change. They edit the live run at once: load the starting "
                        + "system first, then turn them.");
    }

    /** What the candidate may change, in a sentence or three: the fields on the right, then the rest and where. */
    static String knobsText(Knobs knobs) {
        StringBuilder text = new StringBuilder();
        int fields = knobs.live().size();
        if (fields > 0) {
            text.append("Turn them on the right while the starting system runs: ").append(fields)
                    .append(fields == 1 ? " field. " : " fields. ");
        }
        List<String> rest = new ArrayList<>();
        if (!knobs.partly().isEmpty()) {
            rest.add("the rest of " + String.join(" and ", knobs.partly()));
        }
        rest.addAll(knobs.elsewhere());
        if (!rest.isEmpty()) {
            text.append("Also yours to change: ").append(String.join("; ", rest))
                    .append(". Edit them in their panel, or in a saved scenario file that you open again. ");
        }
        return text.append("Everything else stays as the start has it; Submit grades the design running now.").toString();
    }

    private void showPredictions(List<Prediction> predictions) {
        shownWhen(predictBox, !predictions.isEmpty());
        predictGrid.getColumnConstraints().setAll(growing(), VerdictRows.fitting(), VerdictRows.fitting());
        int row = 0;
        for (Prediction p : predictions) {
            Label question = VerdictRows.label(p.question(), "practice-cell");
            question.setWrapText(true);
            TextField field = new TextField();
            field.setId("practiceGuess-" + p.id());
            field.setPrefColumnCount(6);
            field.getStyleClass().add("practice-guess");
            Label error = VerdictRows.label("", "practice-field-error");
            shownWhen(error, false);
            predictGrid.addRow(row++, question, field, VerdictRows.label(MetricTexts.guessUnit(p.metric()), "practice-unit"));
            predictGrid.add(error, 0, row++, 3, 1);
            guessFields.put(p.id(), field);
            guessErrors.put(p.id(), error);
        }
    }

    private static ColumnConstraints growing() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setMinWidth(120);
        return c;
    }

    private void showHints() {
        Challenge c = viewModel.challengeProperty().get();
        hintBox.getChildren().clear();
        if (c == null) {
            return;
        }
        int shown = viewModel.hintsShownProperty().get();
        for (int i = 0; i < shown; i++) {
            Label hint = VerdictRows.label((i + 1) + ". " + c.hints().get(i), "practice-hint");
            hint.setWrapText(true);
            hintBox.getChildren().add(hint);
        }
        String next = viewModel.nextHintText();
        hintButton.setText(next);
        shownWhen(hintButton, !next.isEmpty());
    }

    private static void shownWhen(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** Scrolls the page so the verdict's top is at the top of the view, or as near as the page allows. */
    private void scrollToVerdict() {
        pageScroll.layout();
        double content = page.getBoundsInLocal().getHeight();
        double viewport = pageScroll.getViewportBounds().getHeight();
        if (content > viewport) {
            double top = verdictBox.localToScene(0, 0).getY() - page.localToScene(0, 0).getY();
            pageScroll.setVvalue(Math.min(1, Math.max(0, top / (content - viewport))));
        }
    }

    // ------------------------------------------------------------------ actions

    @FXML
    private void loadStart() {
        Challenge c = viewModel.challengeProperty().get();
        if (c != null) {
            startScenario.accept(c.startScenario(), "challenge: " + c.title());
        }
    }

    /**
     * Opens the challenge's canvas: its starting system drawn, the first time; the same window,
     * with the candidate's drawing as they left it, after that.
     */
    @FXML
    private void draw() {
        Challenge c = viewModel.challengeProperty().get();
        if (c == null || !c.playable() || !c.drawable()) {
            return;
        }
        DesignWindow canvas = canvases.computeIfAbsent(c.id(), id -> DesignWindow.forChallenge(drawButton.getScene().getWindow(),
                "challenge " + c.number() + ": " + c.title(), c.drawnStart(), design -> submitDrawing(c, design)));
        canvas.show();
    }

    /** Challenge {@code id}'s canvas; null before Draw on canvas opened it. */
    public DesignWindow canvas(String id) {
        return canvases.get(id);
    }

    /** Grades a drawing of {@code c}'s system; null when the grading started, otherwise why it did not. */
    String submitDrawing(Challenge c, Scenario drawing) {
        if (viewModel.gradingRunningProperty().get()) {
            return "a grading is running; wait for its verdict, or cancel it in the Practice panel";
        }
        String notGradable = Challenge.whyNotGradable(drawing);
        if (notGradable != null) {
            return notGradable;
        }
        if (viewModel.challengeProperty().get() != c) {
            challengeList.getSelectionModel().select(c);
        }
        Optional<Map<String, Double>> guesses = readGuesses(c);
        if (guesses.isEmpty()) {
            return "a guess in the Practice panel is not a number; correct it or leave it empty";
        }
        submittedGuesses = guesses.get();
        viewModel.submit(CompletableFuture.completedFuture(drawing));
        return null;
    }

    @FXML
    private void submit() {
        Challenge c = viewModel.challengeProperty().get();
        if (c == null) {
            return;
        }
        Optional<Map<String, Double>> guesses = readGuesses(c);
        if (guesses.isEmpty()) {
            return;
        }
        submittedGuesses = guesses.get();
        List<String> knobs = c.knobs();
        CompletableFuture<Scenario> design = runner.restartScenario()
                .thenCombine(runner.recordedScenario(), (restart, recorded) -> Designs.design(restart, recorded, knobs));
        viewModel.submit(design);
    }

    /** The typed guesses by prediction id, or empty when one is not a number (its field then says so). */
    private Optional<Map<String, Double>> readGuesses(Challenge c) {
        Map<String, Double> guesses = new HashMap<>();
        boolean allRead = true;
        for (Prediction p : c.predictions()) {
            TextField field = guessFields.get(p.id());
            Label error = guessErrors.get(p.id());
            try {
                PracticeViewModel.guess(p, field.getText()).ifPresent(g -> guesses.put(p.id(), g));
                shownWhen(error, false);
            } catch (NumberFormatException e) {
                error.setText("Your guess \"" + field.getText().strip() + "\" is not a number; leave it empty to skip it.");
                shownWhen(error, true);
                allRead = false;
            }
        }
        return allRead ? Optional.of(guesses) : Optional.empty();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void showHint() {
        viewModel.showNextHint();
    }

    @FXML
    private void askForSolution() {
        shownWhen(confirmBox, true);
    }

    @FXML
    private void showSolution() {
        shownWhen(confirmBox, false);
        shownWhen(solutionButton, false);
        shownWhen(solutionBox, true);
    }

    @FXML
    private void hideSolution() {
        shownWhen(confirmBox, false);
    }

    @FXML
    private void loadSolution() {
        Challenge c = viewModel.challengeProperty().get();
        if (c != null) {
            startScenario.accept(c.solutionScenario(), "challenge: " + c.title() + " (reference solution)");
        }
    }

    // ------------------------------------------------------------------ frames

    @Override
    public void update(Frame newFrame, long nowNanos) {
        assert FxThread.isCurrent();
        frame = newFrame;
        knobForm.update(newFrame.snapshot().current());
    }

    @Override
    public void animate(long nowNanos) {
        assert FxThread.isCurrent();
        // Asked every pulse, not only on new frames, so a sample held back by the pacing still shows when paused.
        if (frame != null && chartPacer.due(ChartPacer.newestSampleSeconds(frame.snapshot().series()), nowNanos)) {
            charts.show(frame.snapshot().series());
        }
    }

    // ------------------------------------------------------------------ for tests

    PracticeViewModel viewModel() {
        return viewModel;
    }

    /** A row of the list: a group's title, or a challenge's number, title and status. */
    private final class ChallengeCell extends ListCell<Object> {
        private final Label number = new Label();
        private final Label title = new Label();
        private final Label status = new Label();
        private final HBox row = new HBox(number, new VBox(title, status));

        ChallengeCell() {
            number.getStyleClass().add("practice-list-number");
            title.getStyleClass().add("practice-list-title");
            status.getStyleClass().add("practice-list-status");
            title.setWrapText(true);
            row.getStyleClass().add("practice-list-row");
            HBox.setHgrow(row.getChildren().get(1), Priority.ALWAYS);
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("practice-group-cell", "practice-challenge-cell");
            pseudoClassStateChanged(VerdictRows.PASSED, false);
            setText(null);
            setGraphic(null);
            setDisable(false);
            if (empty || item == null) {
                return;
            }
            if (item instanceof ChallengeGroup group) {
                getStyleClass().add("practice-group-cell");
                setText(group.title());
                setDisable(true); // a title, not a choice
            } else if (item instanceof Challenge c) {
                getStyleClass().add("practice-challenge-cell");
                number.setText(Integer.toString(c.number()));
                title.setText(c.title());
                status.setText(viewModel.status(c));
                pseudoClassStateChanged(VerdictRows.PASSED, viewModel.passed(c));
                setGraphic(row);
            }
        }
    }
}
