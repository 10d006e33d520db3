package dev.scalelab.ui.performance;

import dev.scalelab.runtime.ProfileTable;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.charts.TimeLineChart;
import dev.scalelab.world.Presets;
import javafx.animation.AnimationTimer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "This app" view in a window of its own, fed as the main window feeds a panel (update on a new
 * frame, animate every pulse), on a real run: the figures, charts and profile come from this JVM.
 */
class ThisAppViewTest {
    private static final long TIMEOUT_SECONDS = 10;

    private final FxRobot robot = new FxRobot();
    private SimulationRunner runner;
    private AnimationTimer pulse;

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> pulse.stop()).get();
        runner.close();
        FxToolkit.cleanupStages();
    }

    @Test
    void theViewShowsThisJvmAndTheSimulatorsProfile() throws Exception {
        runner = new SimulationRunner(Presets.load("default").withDurationSeconds(1_000_000), false);
        runner.setSpeed(SimulationRunner.MAX_SPEED);
        runner.start();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            ThisAppView view = new ThisAppView(runner);
            Scene scene = new Scene((Parent) view.view(), 1200, 800);
            scene.getStylesheets().add(ThisAppView.class.getResource("/styles/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            pulse = new AnimationTimer() {
                private long shownFrame = -1;

                @Override
                public void handle(long nowNanos) {
                    if (runner.latest().status().frame() != shownFrame) {
                        shownFrame = runner.latest().status().frame();
                        view.update(runner.latest(), nowNanos);
                    }
                    view.animate(nowNanos);
                }
            };
            pulse.start();
        });
        waitUntil(() -> text("#thisAppHeap").matches("\\d+ / \\d+ MiB"));
        assertTrue(text("#thisAppThreads").matches("\\d+"), text("#thisAppThreads"));
        // A rate needs two samples a wall second apart: it may come a sample after the heap.
        waitUntil(() -> text("#thisAppAllocation").matches("[0-9.]+ MiB / s"));
        assertTrue(text("#thisAppJvm").contains("heap total "), text("#thisAppJvm"));
        TimeLineChart heap = robot.lookup("#thisAppHeapChart").query();
        waitUntil(() -> !heap.getData().get(0).getData().isEmpty());

        TableView<ProfileTable.Line> profile = robot.lookup("#thisAppProfile").query();
        waitUntil(() -> profile.getItems().stream()
                .anyMatch(l -> l.subsystem().equals("WorkloadSystem") && l.eventType().equals("ArrivalEvent") && l.eventsPerSecond() > 0));
    }

    private String text(String id) {
        return robot.lookup(id).<Label>query().getText();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
