package dev.scalelab.ui;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.world.Snapshot;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.io.File;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Robot tests of the keyboard: every row of {@link Shortcuts} is pressed on the running app and its
 * effect checked on the runner, the view model or the window, as the F1 card describes it.
 */
class WindowShortcutsTest {
    private static final long TIMEOUT_SECONDS = 10;

    private final FxRobot robot = new FxRobot();
    private ScaleLabApp app;
    private final AtomicInteger opens = new AtomicInteger();
    private final AtomicInteger saves = new AtomicInteger();
    private final AtomicInteger exports = new AtomicInteger();
    private final AtomicInteger quits = new AtomicInteger();

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ScaleLabApp) FxToolkit.setupApplication(ScaleLabApp.class);
        onFx(() -> {
            app.window().replaceDialogs(chooser -> record(opens), chooser -> record(saves), exports::incrementAndGet,
                    quits::incrementAndGet);
            app.window().focusNavigation();
            return null;
        });
        waitUntil(() -> snapshot().timeSeconds() > 0.2);
    }

    private static File record(AtomicInteger count) {
        count.incrementAndGet();
        return null; // as if the user cancelled the dialog
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void everyShortcutDoesWhatTheHelpCardSays() throws Exception {
        // The card lists every row, key and description.
        push(KeyCode.F1);
        assertTrue(onFx(() -> app.window().help().isShowing()), "F1 shows the card");
        List<String> cardTexts = onFx(() -> robot.from(app.window().help().node()).lookup(".label").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList());
        for (Shortcuts.Shortcut s : Shortcuts.all()) {
            assertTrue(cardTexts.contains(s.keyText()) && cardTexts.contains(s.description()), "the card lists " + s.keyText());
        }
        push(KeyCode.ESCAPE);
        assertFalse(onFx(() -> app.window().help().isShowing()), "Esc hides the card");

        Set<Shortcuts.Action> checked = EnumSet.noneOf(Shortcuts.Action.class);
        for (Shortcuts.Shortcut s : Shortcuts.all()) {
            check(s.action());
            checked.add(s.action());
        }
        assertEquals(EnumSet.allOf(Shortcuts.Action.class), checked, "every action has a key and a check");
    }

    private void check(Shortcuts.Action action) throws Exception {
        switch (action) {
            case PLAY_PAUSE -> {
                assertFalse(runner().latest().status().paused());
                push(KeyCode.SPACE);
                waitUntil(() -> runner().latest().status().paused());
                push(KeyCode.SPACE);
                waitUntil(() -> !runner().latest().status().paused());
            }
            case STEP -> {
                push(KeyCode.RIGHT);
                waitUntil(() -> runner().latest().status().paused());
                double at = snapshot().timeSeconds();
                push(KeyCode.RIGHT);
                waitUntil(() -> Math.abs(snapshot().timeSeconds() - (at + 0.1)) < 1e-9);
                push(KeyCode.SPACE);
                waitUntil(() -> !runner().latest().status().paused());
            }
            case FASTER -> {
                assertEquals(1.0, onFx(() -> app.window().viewModel().speedProperty().get()));
                push(KeyCode.ADD);
                waitUntil(() -> runner().latest().status().speed() == 2.0);
            }
            case SLOWER -> {
                push(KeyCode.MINUS);
                waitUntil(() -> runner().latest().status().speed() == 1.0);
                push(KeyCode.SUBTRACT);
                waitUntil(() -> runner().latest().status().speed() == 0.5);
                push(KeyCode.ADD);
                waitUntil(() -> runner().latest().status().speed() == 1.0);
            }
            case OPEN -> {
                push(KeyCode.CONTROL, KeyCode.O);
                assertEquals(1, opens.get());
            }
            case SAVE -> {
                push(KeyCode.CONTROL, KeyCode.S);
                assertEquals(1, saves.get());
            }
            case EXPORT -> {
                push(KeyCode.CONTROL, KeyCode.E);
                assertEquals(1, exports.get());
            }
            case UNDO -> {
                setRate("800");
                waitUntil(() -> rate() == 800.0 && runner().latest().status().undoDepth() == 1);
                focusNavigation();
                push(KeyCode.CONTROL, KeyCode.Z);
                waitUntil(() -> rate() == 400.0);
            }
            case REDO -> {
                waitUntil(() -> runner().latest().status().redoDepth() == 1);
                push(KeyCode.CONTROL, KeyCode.Y);
                waitUntil(() -> rate() == 800.0);
            }
            case LESSON_NEXT -> {
                dev.scalelab.lesson.Lesson lesson = dev.scalelab.lesson.LessonLibrary.parse("keys.json", """
                        {"id": "keys", "title": "Keys", "pattern": "a clicker", "summary": "Two steps.", "panel": "Overview",
                         "start": {"preset": "default"},
                         "steps": [{"title": "One", "text": "Runs one second.", "runUntil": {"atSeconds": 1}},
                                   {"title": "Two", "text": "Stays."}]}
                        """);
                onFx(() -> {
                    app.window().startLesson(lesson);
                    return null;
                });
                waitUntil(() -> lessonStep().startsWith("Step 1 of 2") && nextReady("Run ▶"));
                push(KeyCode.PAGE_DOWN); // runs step 1 to its time
                waitUntil(() -> runner().latest().status().paused() && snapshot().timeSeconds() == 1.0 && nextReady("Next ▶"));
                push(KeyCode.PAGE_DOWN); // on to step 2
                waitUntil(() -> lessonStep().startsWith("Step 2 of 2") && nextReady("Finish"));
            }
            case LESSON_BACK -> {
                push(KeyCode.PAGE_UP);
                waitUntil(() -> lessonStep().startsWith("Step 1 of 2") && nextReady("Run ▶"));
                robot.clickOn("#lessonClose");
                waitUntil(() -> robot.lookup("#lessonBar").tryQuery().isEmpty());
                focusNavigation();
                push(KeyCode.SPACE); // the lesson paused the run; the checks after it want it playing
                waitUntil(() -> !runner().latest().status().paused());
            }
            case HELP -> {
                push(KeyCode.F1);
                assertTrue(onFx(() -> app.window().help().isShowing()));
                push(KeyCode.F1);
                assertFalse(onFx(() -> app.window().help().isShowing()), "F1 hides the card too");
            }
            case PRESENTER -> {
                push(KeyCode.F11);
                assertTrue(onFx(() -> app.window().presenterMode().activeProperty().get()));
                assertFalse(onFx(() -> app.window().navigationShownProperty().get()), "presenter mode hides the navigation");
                push(KeyCode.F11);
                assertFalse(onFx(() -> app.window().presenterMode().activeProperty().get()));
                assertTrue(onFx(() -> app.window().navigationShownProperty().get()), "leaving it brings the navigation back");
            }
            case QUIT -> {
                push(KeyCode.CONTROL, KeyCode.Q);
                assertEquals(1, quits.get());
            }
            default -> {
                int index = action.panelIndex();
                KeyCode digit = KeyCode.valueOf("DIGIT" + (index + 1) % 10);
                push(KeyCode.CONTROL, digit);
                assertEquals(PanelCatalog.entries().get(index).title(),
                        onFx(() -> ((Panel) panelList().getSelectionModel().getSelectedItem()).title()));
                focusNavigation();
            }
        }
    }

    /** The lesson bar's Next button says {@code text} and takes a press (no step is running or seeking). */
    private boolean nextReady(String text) throws Exception {
        return onFx(() -> robot.lookup("#lessonNext").tryQuery()
                .map(n -> !n.isDisabled() && text.equals(((javafx.scene.control.Button) n).getText())).orElse(false));
    }

    private String lessonStep() throws Exception {
        return onFx(() -> robot.lookup("#lessonStep").tryQuery().map(n -> ((Label) n).getText()).orElse(""));
    }

    @Test
    void typingASpaceInTheSeedFieldDoesNotTogglePlay() throws Exception {
        robot.clickOn("#seedField");
        robot.type(KeyCode.END);
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.MINUS);
        assertTrue(onFx(() -> robot.lookup("#seedField").queryTextInputControl().getText().endsWith(" -")),
                "the field got the space and the minus");
        double at = snapshot().timeSeconds();
        waitUntil(() -> snapshot().timeSeconds() > at + 0.2);
        assertFalse(runner().latest().status().paused(), "the run plays on");
        assertEquals(1.0, runner().latest().status().speed());
    }

    @Test
    void everyToolbarAndMenuControlHasAnAccessibleTextAndTheToolbarTakesTheFocus() throws Exception {
        List<String> unnamed = onFx(() -> {
            List<String> missing = new ArrayList<>();
            for (javafx.scene.Node n : robot.lookup(".main-toolbar").queryAs(javafx.scene.control.ToolBar.class).getItems()) {
                if (n instanceof javafx.scene.control.Control c && !(n instanceof Label) && !(n instanceof javafx.scene.control.Separator)) {
                    String text = c.getAccessibleText() != null ? c.getAccessibleText()
                            : c instanceof javafx.scene.control.Labeled l ? l.getText() : null;
                    if (text == null || text.isBlank()) {
                        missing.add(String.valueOf(c.getId()));
                    }
                    if (!c.isFocusTraversable()) {
                        missing.add(c.getId() + " (not reachable with Tab)");
                    }
                }
            }
            return missing;
        });
        assertEquals(List.of(), unnamed);
        // A shown panel's controls without a text of their own take their label's or tooltip's.
        String rateName = onFx(() -> robot.lookup("#rateField").query().getAccessibleText());
        assertEquals("Arrival rate", rateName, "the arrival rate field is named by its label");
    }

    private void setRate(String text) {
        robot.clickOn("#rateField");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        robot.type(KeyCode.ENTER);
    }

    private void focusNavigation() throws Exception {
        onFx(() -> {
            app.window().focusNavigation();
            return null;
        });
    }

    private void push(KeyCode... keys) throws Exception {
        robot.push(keys);
        onFx(() -> null); // the key's work on the FX thread is done
    }

    private double rate() {
        return snapshot().current().workload().arrival().ratePerSecond();
    }

    private SimulationRunner runner() {
        return app.runner();
    }

    private Snapshot snapshot() {
        return runner().latest().snapshot();
    }

    private ListView<?> panelList() {
        return robot.lookup("#panelList").queryListView();
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, TIMEOUT_SECONDS);
    }

    private static void waitUntil(FxWait.Condition condition) throws TimeoutException {
        FxWait.waitUntil(condition, TIMEOUT_SECONDS);
    }
}
