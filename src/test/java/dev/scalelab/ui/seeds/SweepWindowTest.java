package dev.scalelab.ui.seeds;

import dev.scalelab.seeds.Sweep;
import dev.scalelab.ui.FxWait;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFields;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Run ▸ Sweep: a grid of instance counts becomes a scatter of cost against p99 with its Pareto front, and a click opens a design. */
class SweepWindowTest {
    private static final long TIMEOUT_SECONDS = 30;
    private static final Scenario DESIGN = Presets.load("default").withDurationSeconds(10);

    private final FxRobot robot = new FxRobot();
    private final AtomicReference<Sweep.Point> opened = new AtomicReference<>();
    private SweepWindow window;
    private SweepViewModel model;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            onFx(() -> {
                window.stage().close();
                return null;
            });
        }
    }

    private void open(String values) throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        model = new SweepViewModel(() -> CompletableFuture.completedFuture(DESIGN));
        model.seedsProperty().set(1);
        model.firstValuesProperty().set(values);
        window = onFx(() -> {
            SweepWindow w = new SweepWindow(owner, "default", model, opened::set);
            w.show();
            return w;
        });
    }

    @Test
    void moreInstancesCostMoreAndCutP99SoEveryPointIsOnTheFrontAndAClickOpensIt() throws Exception {
        open("2..4:1");
        robot.clickOn("#runSweep");
        FxWait.waitUntil(() -> onFx(() -> !model.runningProperty().get() && model.resultProperty().get() != null), TIMEOUT_SECONDS);
        List<XYChart.Series<Number, Number>> series = onFx(() -> List.copyOf(window.chart().getData()));
        // 400 req/s at 20 ms on 4 workers per instance: 2 instances saturate, 3 and 4 do not; each costs
        // $0.096 an hour more and answers faster, so none beats another on both.
        assertEquals(0, onFx(() -> series.get(0).getData().size()), "off the front");
        assertEquals(3, onFx(() -> series.get(1).getData().size()), "on the front");
        List<Double> costs = onFx(() -> series.get(1).getData().stream().map(d -> d.getXValue().doubleValue()).toList());
        assertEquals(0.192, costs.get(0), 1e-9);
        assertEquals(0.384, costs.get(2), 1e-9);
        Node third = onFx(() -> series.get(1).getData().get(2).getNode());
        assertTrue(onFx(() -> third.getStyleClass().contains("sweep-front")));
        robot.clickOn(third);
        FxWait.waitUntil(() -> opened.get() != null, TIMEOUT_SECONDS);
        assertEquals(4, ScenarioFields.read(opened.get().scenario(), "service.instances"));
    }

    @Test
    void aValueTheFieldRefusesIsNamedAndNothingRuns() throws Exception {
        open("0..2:1");
        robot.clickOn("#runSweep");
        String message = onFx(() -> model.messageProperty().get());
        assertTrue(message.startsWith("service.instances"), message);
        assertTrue(message.contains("0"), message);
        assertTrue(onFx(() -> model.messageIsErrorProperty().get()));
        assertNull(onFx(() -> model.resultProperty().get()));
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, TIMEOUT_SECONDS);
    }
}
