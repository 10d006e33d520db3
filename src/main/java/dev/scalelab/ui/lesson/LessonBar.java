package dev.scalelab.ui.lesson;

import dev.scalelab.lesson.Lesson;
import dev.scalelab.lesson.Prediction;
import dev.scalelab.lesson.Step;
import javafx.css.PseudoClass;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The lesson bar above the panel (not a dialog: the panel stays live under it): the lesson's title,
 * "Step 3 of 7 · The spike arrives", the step's text, the prediction as toggle buttons with the
 * answer once the run gives it, a status line ("running to 01:30"), and Back, Next and Close. It only
 * shows what {@link LessonController} tells it; its buttons call the controller's handlers. Sizes are
 * in em in {@code styles/lesson.css}, so the font scale applies. FX thread only.
 */
final class LessonBar {
    private static final PseudoClass RIGHT = PseudoClass.getPseudoClass("right");
    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");
    private static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");
    /** The body (text, prediction, status) takes at most this share of the window's height before it scrolls. */
    static final double MAX_BODY_SHARE = 0.3;
    /** The whole bar takes at most about this share of the window's height. */
    static final double MAX_BAR_SHARE = 0.45;

    private final VBox root = new VBox();
    private final Label lessonTitle = new Label();
    private final Label stepTitle = new Label();
    private final Label text = new Label();
    private final VBox predictionBox = new VBox();
    private final Label question = new Label();
    private final FlowPane choices = new FlowPane();
    private final ToggleGroup choiceGroup = new ToggleGroup();
    private final List<ToggleButton> choiceButtons = new ArrayList<>();
    private final Label answer = new Label();
    private final Label status = new Label();
    private final Button back = new Button("◀ Back");
    private final Button next = new Button("Next ▶");
    private final Button close = new Button("✕");
    private final ScrollPane bodyScroll;
    /** Keep the end of the body (the answer and the status) in view as it grows. */
    private boolean followEnd;

    LessonBar(Runnable onBack, Runnable onNext, Runnable onClose) {
        root.setId("lessonBar");
        root.getStyleClass().add("lesson-bar");
        root.getStylesheets().add(LessonBar.class.getResource("/styles/lesson.css").toExternalForm());
        root.setAccessibleRole(AccessibleRole.PARENT);
        root.setAccessibleText("Lesson");

        lessonTitle.setId("lessonTitle");
        lessonTitle.getStyleClass().add("lesson-title");
        stepTitle.setId("lessonStep");
        stepTitle.getStyleClass().add("lesson-step");
        wrapping(lessonTitle);
        wrapping(stepTitle);
        back.setId("lessonBack");
        back.setAccessibleText("Back to the start of the previous step");
        back.setOnAction(e -> onBack.run());
        next.setId("lessonNext");
        next.getStyleClass().add("lesson-next");
        next.setDefaultButton(false);
        next.setOnAction(e -> onNext.run());
        close.setId("lessonClose");
        close.getStyleClass().add("lesson-close");
        close.setAccessibleText("Close the lesson");
        close.setOnAction(e -> onClose.run());
        for (Button b : List.of(back, next, close)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        // Titles take what is left of the row and wrap; the buttons keep their size on the right.
        VBox titles = new VBox(lessonTitle, stepTitle);
        titles.getStyleClass().add("lesson-titles");
        HBox.setHgrow(titles, Priority.ALWAYS);
        titles.setMinWidth(0);
        HBox buttons = new HBox(back, next, close);
        buttons.getStyleClass().add("lesson-buttons");
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(titles, buttons);
        header.getStyleClass().add("lesson-header");

        text.setId("lessonText");
        text.getStyleClass().add("lesson-text");
        wrapping(text);

        question.setId("lessonQuestion");
        question.getStyleClass().add("lesson-question");
        wrapping(question);
        choices.setId("lessonChoices");
        choices.getStyleClass().add("lesson-choices");
        answer.setId("lessonAnswer");
        answer.getStyleClass().add("lesson-answer");
        wrapping(answer);
        predictionBox.getStyleClass().add("lesson-prediction");
        predictionBox.getChildren().setAll(question, choices, answer);

        status.setId("lessonStatus");
        status.getStyleClass().add("lesson-status");
        wrapping(status);

        VBox body = new VBox(text, predictionBox, status);
        body.getStyleClass().add("lesson-body-content");
        bodyScroll = new BodyScroll(body, text, header);
        // Once the answer shows, the body keeps its end in view: at a large font it is below the fold.
        body.heightProperty().addListener((obs, old, height) -> {
            if (followEnd) {
                bodyScroll.setVvalue(bodyScroll.getVmax());
            }
        });
        bodyScroll.setId("lessonBody");
        bodyScroll.getStyleClass().add("lesson-body");
        bodyScroll.setFitToWidth(true);
        bodyScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        bodyScroll.setFocusTraversable(false);
        root.getChildren().setAll(header, bodyScroll);
    }

    /**
     * The text, prediction and status under the header: as tall as they are, up to {@link #MAX_BODY_SHARE}
     * of the window, then scrolling, so that at a large font the panel keeps most of the window and the
     * header with Back and Next stays in view.
     */
    private static final class BodyScroll extends ScrollPane {
        private final VBox body;
        /** A label of the body, whose font says how tall a few lines are. */
        private final Label lines;
        private final Region header;

        BodyScroll(VBox body, Label lines, Region header) {
            super(body);
            this.body = body;
            this.lines = lines;
            this.header = header;
        }

        /** Its height depends on its width, as wrapped text does: the bar asks for it at the width it gives. */
        @Override
        public javafx.geometry.Orientation getContentBias() {
            return javafx.geometry.Orientation.HORIZONTAL;
        }

        @Override
        protected double computePrefHeight(double width) {
            double w = width > 0 ? width : getWidth() > 0 ? getWidth() : 900;
            Insets insets = getInsets();
            // Room for the vertical scroll bar, which appears when the text does not fit.
            double contentHeight = body.prefHeight(Math.max(50, w - insets.getLeft() - insets.getRight() - 16));
            double cap = getScene() == null ? 300 : getScene().getHeight() * MAX_BODY_SHARE;
            // With a tall header (a long title at a large font) the body gives up room, so the bar stays under its share.
            if (getScene() != null && header.getHeight() > 0) {
                cap = Math.min(cap, getScene().getHeight() * MAX_BAR_SHARE - header.getHeight() - 3 * lines.getFont().getSize());
            }
            cap = Math.max(cap, 4 * lines.getFont().getSize());
            return Math.min(contentHeight + insets.getTop() + insets.getBottom(), cap);
        }

        @Override
        protected double computeMinHeight(double width) {
            return Math.min(computePrefHeight(width), 4 * lines.getFont().getSize());
        }
    }

    /** A label that wraps and is never cut to "…": it grows in height instead. */
    private static void wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
    }

    VBox node() {
        return root;
    }

    /** Shows step {@code index} of {@code lesson}: its titles, text and prediction, without an answer. */
    void showStep(Lesson lesson, int index) {
        Step step = lesson.steps().get(index);
        lessonTitle.setText(lesson.title());
        stepTitle.setText("Step " + (index + 1) + " of " + lesson.steps().size() + " · " + step.title());
        text.setText(step.text());
        choiceButtons.clear();
        choiceGroup.getToggles().clear();
        Prediction prediction = step.prediction();
        showNode(predictionBox, prediction != null);
        if (prediction != null) {
            question.setText(prediction.question());
            for (int i = 0; i < prediction.choices().size(); i++) {
                ToggleButton b = new ToggleButton(prediction.choices().get(i).text());
                b.setId("lessonChoice" + i);
                b.getStyleClass().add("lesson-choice");
                b.setToggleGroup(choiceGroup);
                b.setWrapText(true);
                b.setAccessibleText("Prediction: " + prediction.choices().get(i).text());
                choiceButtons.add(b);
            }
            choices.getChildren().setAll(choiceButtons);
        } else {
            choices.getChildren().clear();
        }
        answer.setText("");
        showNode(answer, false);
        status.setText("");
        showNode(status, false);
        followEnd = false;
        bodyScroll.setVvalue(bodyScroll.getVmin());
    }

    /** The choice the user picked, or -1. */
    int picked() {
        for (int i = 0; i < choiceButtons.size(); i++) {
            if (choiceButtons.get(i).isSelected()) {
                return i;
            }
        }
        return -1;
    }

    /** Marks the right choice (and a wrong pick), freezes the choices and shows the explanation. */
    void showAnswer(int right, int picked, String answerText) {
        for (int i = 0; i < choiceButtons.size(); i++) {
            ToggleButton b = choiceButtons.get(i);
            b.pseudoClassStateChanged(RIGHT, i == right);
            b.pseudoClassStateChanged(WRONG, i == picked && picked != right);
            // Frozen, not disabled: a disabled button greys out the very answer the user should read.
            b.setMouseTransparent(true);
            b.setFocusTraversable(false);
        }
        if (right >= 0 && right < choiceButtons.size()) {
            choiceButtons.get(right).setSelected(true);
        }
        answer.setText(answerText);
        showNode(answer, true);
        followEnd = true;
        bodyScroll.setVvalue(bodyScroll.getVmax());
    }

    /** A line under the text: what runs now, where the run stopped, a problem. */
    void showStatus(String line, boolean busy) {
        status.setText(line);
        showNode(status, !line.isEmpty());
        root.pseudoClassStateChanged(BUSY, busy);
    }

    /** Back and Next: enabled or not, and Next's text ("Next ▶", "Run to 01:30 ▶", "Finish"). */
    void showButtons(boolean backEnabled, boolean nextEnabled, String nextText, String nextAccessibleText) {
        back.setDisable(!backEnabled);
        next.setDisable(!nextEnabled);
        next.setText(nextText);
        next.setAccessibleText(nextAccessibleText);
    }

    String statusText() {
        return status.getText();
    }

    String answerText() {
        return answer.getText();
    }

    private static void showNode(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
