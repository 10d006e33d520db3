package dev.scalelab.ui;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.charts.TimeLineChart;
import dev.scalelab.world.Breakpoint;
import dev.scalelab.world.BreakpointHit;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.Snapshot;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Robot tests of the modified mark, Revert, "Pause when…", the preset notes and the charts' markers. */
class WindowTeachingTest {
    private static final long TIMEOUT_SECONDS = 10;

    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class);
        waitUntil(() -> snapshot().timeSeconds() > 0.2);
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void aChangeMarksTheScenarioModifiedAndRevertStartsItAgainAsLoaded() throws Exception {
        assertFalse(onFx(() -> robot.lookup("#modifiedMark").query().isVisible()));
        assertTrue(onFx(() -> robot.lookup("#undoButton").query().isDisabled()));
        robot.clickOn("#rateField");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("800");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> onFx(() -> robot.lookup("#modifiedMark").query().isVisible()));
        assertEquals("ScaleLab — default (modified)", onFx(() -> ((Stage) robot.lookup("#modifiedMark").query().getScene().getWindow()).getTitle()));
        assertFalse(onFx(() -> robot.lookup("#undoButton").query().isDisabled()), "the change can be undone");

        // Revert asks first, since the scenario is modified; OK starts it again without the change.
        robot.clickOn("File");
        robot.clickOn("Revert to preset");
        robot.clickOn("OK");
        waitUntil(() -> snapshot().current().workload().arrival().ratePerSecond() == 400.0 && !runner().latest().status().modified());
        waitUntil(() -> !onFx(() -> robot.lookup("#modifiedMark").query().isVisible()));
        assertEquals("ScaleLab — default", onFx(() -> ((Stage) robot.lookup("#modifiedMark").query().getScene().getWindow()).getTitle()));
    }

    @Test
    void aBreakpointPausesTheRunAndTheBannerAndLogShowWhy() throws Exception {
        onFx(() -> {
            app.window().breakpointMenu().add(new Breakpoint(Breakpoint.Kind.P99_ABOVE, 0.001, ""));
            return null;
        });
        assertEquals("Pause when… (1)", onFx(() -> robot.lookup("#breakpointButton").queryLabeled().getText()));
        waitUntil(() -> runner().latest().status().breakpointHit() != null);
        BreakpointHit hit = runner().latest().status().breakpointHit();
        assertTrue(runner().latest().status().paused());
        waitUntil(() -> onFx(() -> robot.lookup("#breakpointBanner").query().isVisible()));
        String banner = onFx(() -> ((Label) robot.lookup("#breakpointBanner").query()).getText());
        assertTrue(banner.startsWith("Paused: p99 above 0.001 ms at " + Formats.clock(hit.atSeconds())), banner);
        assertNotNull(hit.trigger());
        assertEquals(Formats.logLine(hit.trigger()),
                onFx(() -> robot.lookup("#logList").queryListView().getSelectionModel().getSelectedItem()),
                "the line that tripped it is selected in the log");

        // Removing it from the menu: the next play runs on.
        onFx(() -> {
            app.window().breakpointMenu().remove(app.window().breakpointMenu().breakpoints().get(0));
            app.window().focusNavigation();
            return null;
        });
        robot.push(KeyCode.SPACE);
        waitUntil(() -> !runner().latest().status().paused());
        waitUntil(() -> !onFx(() -> robot.lookup("#breakpointBanner").query().isVisible()));
        double at = snapshot().timeSeconds();
        waitUntil(() -> snapshot().timeSeconds() > at + 1.5);
        assertFalse(runner().latest().status().paused());
    }

    @Test
    void theDialogRefusesABadThresholdWithOneLineAndAddsAGoodOne() throws Exception {
        robot.clickOn("#breakpointButton");
        robot.clickOn("Add a condition…");
        robot.clickOn("a breaker opens");
        robot.clickOn("p99 above a bound");
        robot.clickOn("#breakpointThreshold");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("abc");
        robot.clickOn("Add");
        assertTrue(onFx(() -> robot.lookup(".field-error").queryAll().stream()
                .anyMatch(n -> "p99 threshold: \"abc\" is not a number".equals(((Label) n).getText()))));
        assertEquals(List.of(), onFx(() -> app.window().breakpointMenu().breakpoints()), "nothing added");
        robot.clickOn("#breakpointThreshold");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("90000");
        robot.clickOn("Add");
        assertEquals(List.of(new Breakpoint(Breakpoint.Kind.P99_ABOVE, 90000, "")),
                onFx(() -> app.window().breakpointMenu().breakpoints()));
        assertEquals("Pause when… (1)", onFx(() -> robot.lookup("#breakpointButton").queryLabeled().getText()));
    }

    @Test
    void theLessonsMenuListsTheLessonsOnceReadAndThePresenterButtonTogglesTheMode() throws Exception {
        dev.scalelab.lesson.Step step = new dev.scalelab.lesson.Step("Watch", "Watch it.", "Overview", List.of(),
                new dev.scalelab.lesson.RunUntil(10, null, 0), null, null);
        dev.scalelab.lesson.Lesson lesson = new dev.scalelab.lesson.Lesson("test-lesson", "A test lesson", "testing",
                "A lesson for the menu.", Scenario.DEFAULT, "Overview", List.of(step));
        onFx(() -> {
            app.window().showLessons(List.of(lesson));
            return null;
        });
        assertEquals(List.of("_File", "_Edit", "_Run", "_View", "_Lessons", "_Help"),
                onFx(() -> robot.lookup(".main-menu").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                        .map(javafx.scene.control.Menu::getText).toList()));
        waitUntil(() -> onFx(() -> robot.lookup("Lessons").tryQuery().isPresent()));
        robot.clickOn("Lessons");
        waitUntil(() -> onFx(() -> robot.lookup("A test lesson").tryQuery().isPresent())); // the lesson is listed
        robot.type(KeyCode.ESCAPE);
        onFx(() -> {
            app.window().focusNavigation();
            return null;
        });

        javafx.scene.control.ToggleButton toggle = onFx(() -> (javafx.scene.control.ToggleButton) robot.lookup("#presenterToggle").query());
        robot.clickOn(toggle);
        assertTrue(onFx(() -> app.window().presenterMode().activeProperty().get()));
        assertTrue(onFx(toggle::isSelected));
        // F11 leaves it, and the button follows.
        robot.push(KeyCode.F11);
        assertFalse(onFx(() -> app.window().presenterMode().activeProperty().get()));
        assertFalse(onFx(toggle::isSelected));
        robot.clickOn(toggle);
        assertTrue(onFx(() -> app.window().presenterMode().activeProperty().get()));
        robot.push(KeyCode.F11);
        assertFalse(onFx(toggle::isSelected));
    }

    @Test
    void aLessonNamesItsScenarioAndItsBarTakesTheNotesPlaceUntilItCloses() throws Exception {
        dev.scalelab.lesson.Step step = new dev.scalelab.lesson.Step("Watch", "Watch it.", "Caching", List.of(),
                new dev.scalelab.lesson.RunUntil(1, null, 0), new dev.scalelab.lesson.Highlight("Caching", "#storeLoads"), null);
        Scenario start = dev.scalelab.world.Presets.load("cache-stampede");
        dev.scalelab.lesson.Lesson lesson = new dev.scalelab.lesson.Lesson("notes-lesson", "Notes", "testing",
                "A lesson over a preset with notes.", start, "Caching", List.of(step));
        javafx.scene.Node strip = onFx(() -> robot.lookup(".preset-texts").query().getParent());
        assertTrue(onFx(strip::isVisible), "the default scenario's notes");
        onFx(() -> {
            app.window().startLesson(lesson);
            return null;
        });
        waitUntil(() -> onFx(() -> robot.lookup("#lessonBar").tryQuery().isPresent()));
        assertEquals("lesson: Notes", onFx(() -> app.window().viewModel().scenarioLabelProperty().get()));
        assertEquals(null, onFx(() -> ((javafx.scene.control.ComboBox<?>) robot.lookup("#presetChoice").query()).getValue()),
                "the lesson's scenario is not the preset as it ships");
        assertFalse(onFx(strip::isVisible), "the lesson bar guides; the preset's notes would repeat it");
        assertEquals(start, onFx(() -> app.window().viewModel().loadedScenario()), "Revert starts the lesson's scenario");
        // The step's element is outlined in the window, around the figure.
        waitUntil(() -> onFx(() -> robot.lookup("#lessonOutline").tryQuery().map(javafx.scene.Node::isVisible).orElse(false)));
        javafx.geometry.Bounds outlined = onFx(() -> robot.lookup("#lessonOutline").query().localToScene(
                robot.lookup("#lessonOutline").query().getBoundsInLocal()));
        // The figure is the Caching view's @FXML field storeLoads, behind the window's lazily built panel.
        javafx.geometry.Bounds figure = onFx(() -> dev.scalelab.ui.lesson.HighlightResolver.resolve("#storeLoads",
                app.window().currentPanel(), robot.lookup("#windowStack").queryAs(javafx.scene.Parent.class)));
        assertNotNull(figure);
        assertTrue(outlined.contains(figure.getCenterX(), figure.getCenterY()) && outlined.getWidth() >= figure.getWidth(),
                outlined + " around " + figure);
        robot.clickOn("#lessonClose");
        waitUntil(() -> onFx(strip::isVisible));
    }

    @Test
    void theNotesShowTheScenariosDescriptionAndWatchAndTheChartsItsMarkers() throws Exception {
        Scenario marked = ScenarioFiles.parse("""
                {"schema": 1, "name": "marked", "description": "A first sentence. A second one.",
                 "watch": "p99 on the Overview at 60 s",
                 "markers": [{"atSeconds": 60, "label": "expiry"}, {"atSeconds": 60, "untilSeconds": 90, "label": "outage"}]}""");
        onFx(() -> {
            app.window().viewModel().startScenario(marked, "marked");
            return null;
        });
        waitUntil(() -> "A first sentence. …".equals(text("#presetDescription")));
        assertEquals("Watch: p99 on the Overview at 60 s", text("#presetWatch"));
        robot.clickOn("#presetDescription");
        waitUntil(() -> "A first sentence. A second one.".equals(text("#presetDescription")));

        List<TimeLineChart> charts = onFx(() -> ChartMarkers.chartsOf(app.window().currentPanel()));
        assertFalse(charts.isEmpty());
        waitUntil(() -> onFx(() -> charts.stream().allMatch(c -> c.getMarkers().equals(marked.markers()))));
        // The moment is a line at 60 s on the time axis, the span a band from 60 s to 90 s.
        TimeLineChart chart = charts.get(0);
        onFx(() -> {
            chart.timeAxis().setLowerBound(0);
            chart.timeAxis().setUpperBound(120);
            return null;
        });
        onFx(() -> null); // a pulse lays the chart out
        double at60now = onFx(() -> chart.timeAxis().getDisplayPosition(60));
        waitUntil(() -> onFx(() -> ((Line) chart.lookup(".chart-marker-line")).getStartX() == at60now));
        Line line = onFx(() -> (Line) chart.lookup(".chart-marker-line"));
        Rectangle band = onFx(() -> (Rectangle) chart.lookup(".chart-marker-band"));
        double at60 = onFx(() -> chart.timeAxis().getDisplayPosition(60));
        double at90 = onFx(() -> chart.timeAxis().getDisplayPosition(90));
        assertEquals(at60, line.getStartX(), 1e-6);
        assertEquals(at60, band.getX(), 1e-6);
        assertEquals(at90 - at60, band.getWidth(), 1e-6);
        assertTrue(onFx(() -> chart.lookupAll(".chart-marker-label").stream().map(n -> ((javafx.scene.text.Text) n).getText()).toList())
                .containsAll(List.of("expiry", "outage")));

        // The ✕ hides the notes; a scenario without markers clears the charts'.
        robot.clickOn(".preset-hide");
        waitUntil(() -> !onFx(() -> robot.lookup(".info-strip").query().isVisible()));
        onFx(() -> {
            app.window().viewModel().choosePreset("default");
            return null;
        });
        waitUntil(() -> onFx(() -> charts.stream().allMatch(c -> c.getMarkers().isEmpty())));
    }

    private String text(String query) throws Exception {
        return onFx(() -> {
            Node node = robot.lookup(query).query();
            return ((Label) node).getText();
        });
    }

    private SimulationRunner runner() {
        return app.runner();
    }

    private Snapshot snapshot() {
        return runner().latest().snapshot();
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, TIMEOUT_SECONDS);
    }

    private static void waitUntil(FxWait.Condition condition) throws TimeoutException {
        FxWait.waitUntil(condition, TIMEOUT_SECONDS);
    }
}
