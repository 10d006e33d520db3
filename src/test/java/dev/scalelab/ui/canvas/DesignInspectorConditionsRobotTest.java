package dev.scalelab.ui.canvas;

import dev.scalelab.ui.FxWait;
import dev.scalelab.world.ScenarioFiles;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inspector shows a field only when its condition holds: a topic's commit interval only under auto commit. */
class DesignInspectorConditionsRobotTest {
    private static final long TIMEOUT_SECONDS = 60;
    private final FxRobot robot = new FxRobot();
    private DesignWindow window;

    @BeforeEach
    void open() throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        String design = Files.readString(Path.of("docs/designs/live-scores.json"));
        window = onFx(() -> {
            DesignWindow w = new DesignWindow(owner);
            w.show();
            w.editor().load(ScenarioFiles.parse(design));
            w.editor().select(List.of("scores"));
            return w;
        });
    }

    @AfterEach
    void close() throws Exception {
        onFx(() -> {
            window.editor().markSaved();
            window.stage().close();
            return null;
        });
    }

    @Test
    void theCommitIntervalShowsOnlyUnderAutoCommit() throws Exception {
        assertTrue(onFx(() -> robot.lookup("#topicMaxPollRecordsField").tryQuery().isPresent()));
        assertFalse(onFx(() -> robot.lookup("#topicAutoCommitIntervalMsField").tryQuery().isPresent()));
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> commit = robot.lookup("#topicCommitChoice").queryAs(ComboBox.class);
            commit.setValue("auto");
            return null;
        });
        FxWait.waitUntil(() -> onFx(() -> robot.lookup("#topicAutoCommitIntervalMsField").tryQuery().isPresent()), TIMEOUT_SECONDS);
        Object commit = onFx(() -> dev.scalelab.world.ScenarioFields.read(window.editor().scenario(), "topology.nodes[2].topic.commit"));
        assertEquals("auto", commit instanceof dev.scalelab.sim.HasId id ? id.id() : String.valueOf(commit));
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, TIMEOUT_SECONDS);
    }
}
