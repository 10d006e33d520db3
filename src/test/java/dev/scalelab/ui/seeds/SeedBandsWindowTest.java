package dev.scalelab.ui.seeds;

import dev.scalelab.ui.FxWait;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Run ▸ Seed bands: Run fills the table with each figure over the seeds and the charts with the bands. */
class SeedBandsWindowTest {
    private static final long TIMEOUT_SECONDS = 30;
    private static final Scenario LOADED = Presets.load("default").withDurationSeconds(30);

    private final FxRobot robot = new FxRobot();
    private SeedBandsWindow window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            FxWait.onFx(() -> {
                window.stage().close();
                return null;
            }, TIMEOUT_SECONDS);
        }
    }

    private SeedBandsViewModel open(Scenario live, boolean modified) throws Exception {
        Stage owner = FxToolkit.registerPrimaryStage();
        SeedBandsViewModel model = new SeedBandsViewModel(() -> CompletableFuture.completedFuture(live), LOADED, modified);
        model.seedsProperty().set(4);
        window = FxWait.onFx(() -> {
            SeedBandsWindow w = new SeedBandsWindow(owner, "default", model);
            w.show();
            return w;
        }, TIMEOUT_SECONDS);
        return model;
    }

    @Test
    void halfTheInstancesMakeARealDifferenceInP99AndTheBandsAreDrawn() throws Exception {
        Scenario live = Parameter.of("service.instances").applyTo(LOADED, 2);
        SeedBandsViewModel model = open(live, true);
        robot.clickOn("#runSeeds");
        TableView<SeedBandsViewModel.Row> table = robot.lookup("#seedTable").queryTableView();
        FxWait.waitUntil(() -> onFx(() -> !table.getItems().isEmpty() && !model.runningProperty().get()), TIMEOUT_SECONDS);
        List<SeedBandsViewModel.Row> rows = onFx(() -> List.copyOf(table.getItems()));
        SeedBandsViewModel.Row p99 = rows.stream().filter(r -> r.figure().equals("Latency p99")).findFirst().orElseThrow();
        // 400 req/s on 2 instances of 4 workers at 20 ms: utilisation 1.0, the queues fill; on 4 it is 0.5.
        assertEquals("yes", p99.verdict(), p99.toString());
        SeedBandsViewModel.Row cost = rows.stream().filter(r -> r.figure().equals("Cost per hour")).findFirst().orElseThrow();
        assertEquals("0.19 $/h ± 0.00", cost.design(), "two medium instances at $0.096 an hour");
        // Looked up in this window only: other tests' windows have charts too.
        List<Integer> seriesPerChart = onFx(() -> robot.from(window.stage().getScene().getRoot()).lookup(".chart")
                .queryAllAs(LineChart.class).stream().map(c -> c.getData().size()).toList());
        assertEquals(List.of(6, 6), seriesPerChart, "median and two percentiles for each design, in both charts");
        assertTrue(onFx(() -> model.messageProperty().get()).startsWith("4 seeds from seed 42"),
                onFx(() -> model.messageProperty().get()));
    }

    @Test
    void aDesignAloneHasNoComparisonColumns() throws Exception {
        SeedBandsViewModel model = open(LOADED, false);
        robot.clickOn("#runSeeds");
        TableView<SeedBandsViewModel.Row> table = robot.lookup("#seedTable").queryTableView();
        FxWait.waitUntil(() -> onFx(() -> !table.getItems().isEmpty() && !model.runningProperty().get()), TIMEOUT_SECONDS);
        assertTrue(onFx(() -> table.getItems().stream().allMatch(r -> r.loaded().isEmpty() && r.verdict().isEmpty())));
        assertTrue(onFx(() -> !table.getColumns().get(4).isVisible()));
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, TIMEOUT_SECONDS);
    }
}
