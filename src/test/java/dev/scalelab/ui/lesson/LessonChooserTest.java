package dev.scalelab.ui.lesson;

import dev.scalelab.lesson.Lesson;
import dev.scalelab.lesson.LessonLibrary;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static dev.scalelab.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chooser lists every lesson in teaching order with its title, pattern and summary; Enter or a double click chooses. */
class LessonChooserTest {
    private final FxRobot robot = new FxRobot();

    @Test
    void listsTheLessonsAndChoosesWithEnterOrADoubleClick() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        List<Lesson> all = LessonLibrary.all();
        List<Lesson> chosen = new ArrayList<>();
        onFx(() -> {
            LessonChooser chooser = new LessonChooser(all, chosen::add);
            Scene scene = new Scene(chooser.node(), 700, 500);
            scene.getStylesheets().add(LessonChooserTest.class.getResource("/styles/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            stage.requestFocus();
            return null;
        }, 30);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(all.size() >= 10, "ten lessons at least: " + all.size());
        ListView<?> list = robot.lookup("#lessonList").queryListView();
        assertEquals(all, onFx(() -> new ArrayList<>(list.getItems()), 30));
        // The first cell shows the first lesson's title, pattern and summary.
        List<String> texts = onFx(() -> robot.lookup(".lesson-chooser-cell").nth(0).lookup(".label").queryAll().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList(), 30);
        assertEquals(List.of(all.get(0).title(), all.get(0).pattern(), all.get(0).summary()), texts);

        robot.clickOn("#lessonList");
        onFx(() -> {
            list.getSelectionModel().select(1);
            list.requestFocus();
            return null;
        }, 30);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(all.get(1)), chosen);

        robot.doubleClickOn(robot.lookup(".lesson-chooser-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(all.get(0), chosen.get(chosen.size() - 1));
    }
}
