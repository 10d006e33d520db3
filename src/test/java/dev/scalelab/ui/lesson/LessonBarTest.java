package dev.scalelab.ui.lesson;

import dev.scalelab.lesson.Lesson;
import dev.scalelab.lesson.Prediction;
import dev.scalelab.lesson.Probe;
import dev.scalelab.lesson.Step;
import dev.scalelab.world.Presets;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static dev.scalelab.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lesson bar at 1024 × 700, at 100 % and 200 % font: no text is cut to "…", the header with Back,
 * Next and Close stays in the window, the body (text, prediction, answer) takes at most its share of
 * the window and scrolls beyond it, and every button has an accessible text.
 */
class LessonBarTest {
    private static final double WIDTH = 1024;
    private static final double HEIGHT = 700;
    private static final String LONG_TEXT = "Traffic jumps from 300 to 1,200 requests a second at 02:00. The HPA reads CPU "
            + "every 15 s, so it sees the spike at most 15 s late; new instances then provision for 20 s and boot for "
            + "15 s before they take a request. Watch the replicas card and the decision text, and count the seconds "
            + "between the spike and the first new tile turning green.";

    @ParameterizedTest(name = "font {0}")
    @ValueSource(strings = {"13px", "26px"})
    void readableAt1024WideAtEveryFontSize(String fontSize) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Lesson lesson = lesson();
        LessonBar bar = onFx(() -> {
            LessonBar b = new LessonBar(() -> { }, () -> { }, () -> { });
            BorderPane window = new BorderPane(new Region(), b.node(), null, null, null);
            window.setStyle("-fx-font-size: " + fontSize + ";");
            Scene scene = new Scene(window, WIDTH, HEIGHT);
            scene.getStylesheets().add(LessonBarTest.class.getResource("/styles/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            b.showStep(lesson, 2);
            b.showStatus("Next runs the simulation to 03:00.", false);
            b.showButtons(true, true, "Run ▶", "Run the simulation to 03:00");
            return b;
        }, 30);
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            bar.showAnswer(1, 0, "Answer: 7 instances (measured 7). You predicted 4. " + LONG_TEXT);
            return null;
        }, 30);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> elided = onFx(() -> {
            List<String> cut = new ArrayList<>();
            for (Node n : bar.node().lookupAll(".label")) {
                if (n instanceof Labeled l && l.isVisible() && !l.getText().isEmpty()) {
                    Text shown = (Text) l.lookup(".text");
                    if (shown != null && !shown.getText().replace("\n", " ").equals(l.getText().replace("\n", " "))
                            && shown.getText().contains("…")) {
                        cut.add(l.getText());
                    }
                }
            }
            return cut;
        }, 30);
        assertEquals(List.of(), elided, "texts cut short at " + fontSize);

        for (String id : List.of("#lessonBack", "#lessonNext", "#lessonClose", "#lessonStep", "#lessonTitle")) {
            Bounds b = onFx(() -> {
                Node n = bar.node().lookup(id);
                return n.localToScene(n.getLayoutBounds());
            }, 30);
            assertTrue(b.getMinX() >= 0 && b.getMaxX() <= WIDTH && b.getMinY() >= 0 && b.getHeight() > 0,
                    id + " out of the window at " + fontSize + ": " + b);
        }
        for (String id : List.of("#lessonBack", "#lessonNext", "#lessonClose")) {
            String accessible = onFx(() -> ((Button) bar.node().lookup(id)).getAccessibleText(), 30);
            assertTrue(accessible != null && !accessible.isBlank(), id + " has no accessible text");
        }
        double bodyHeight = onFx(() -> bar.node().lookup("#lessonBody").getLayoutBounds().getHeight(), 30);
        assertTrue(bodyHeight <= HEIGHT * LessonBar.MAX_BODY_SHARE + 1, "the body takes " + bodyHeight + " px");
        double barHeight = onFx(() -> bar.node().getHeight(), 30);
        assertTrue(barHeight < HEIGHT / 2, "the bar takes " + barHeight + " px of " + HEIGHT);
        assertFalse(onFx(() -> ((Label) bar.node().lookup("#lessonAnswer")).getText().isEmpty(), 30));
        if (fontSize.equals("26px")) {
            // The answer is below the fold at this size: the body scrolls to it.
            double vvalue = onFx(() -> ((javafx.scene.control.ScrollPane) bar.node().lookup("#lessonBody")).getVvalue(), 30);
            assertEquals(1.0, vvalue, 1e-9);
        }
    }

    private static Lesson lesson() {
        Prediction p = new Prediction("How many instances will the HPA ask for when the spike arrives, once it has seen a full sync period of it?",
                List.of(new Prediction.Choice("4, it waits for more evidence", 0, 5), new Prediction.Choice("5 to 8", 5, 9),
                        new Prediction.Choice("9 or more, up to its maximum of twelve", 9, 1e9)),
                Probe.DESIRED_INSTANCES, "The HPA scales by the ratio of CPU to its target.");
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            steps.add(new Step("The spike arrives and the autoscaler answers it " + i, LONG_TEXT, null, List.of(), null, null,
                    i == 2 ? p : null));
        }
        return new Lesson("bar", "Autoscaling with the HPA: a flash sale from start to end", "horizontal autoscaling",
                "A test lesson.", Presets.load("default"), "Scaling", steps);
    }
}
