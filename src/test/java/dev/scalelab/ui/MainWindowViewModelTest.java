package dev.scalelab.ui;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving and opening scenarios through the main window's view model, on the FX thread as the window does. */
class MainWindowViewModelTest {
    private SimulationRunner runner;
    private MainWindowViewModel viewModel;

    @TempDir
    Path directory;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void startRunner() throws Exception {
        runner = new SimulationRunner(Presets.load("default"), false);
        runner.start();
        viewModel = WaitForAsyncUtils.asyncFx(() -> new MainWindowViewModel(runner, "default")).get();
    }

    private static <T> T onFx(Callable<T> query) throws Exception {
        return FxWait.onFx(query, 5);
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    @Test
    void aCallFromOffTheFxThreadFailsTheThreadCheck() {
        assertThrows(AssertionError.class, () -> new MainWindowViewModel(runner, "default"));
        assertThrows(AssertionError.class, () -> viewModel.togglePlay());
    }

    @Test
    void aGivenScenarioStartsUnderItsLabel() throws Exception {
        Scenario six = Presets.load("default").withService(Presets.load("default").service().withInstances(6));
        onFx(() -> {
            viewModel.startScenario(six, "challenge: Auto-scaling");
            return null;
        });

        assertEquals("challenge: Auto-scaling", onFx(() -> viewModel.scenarioLabelProperty().get()));
        assertEquals("Started challenge: Auto-scaling", onFx(() -> viewModel.messageProperty().get()));
        assertEquals(6, runner.currentScenario().get(5, TimeUnit.SECONDS).service().instances());
    }

    @Test
    void savingWritesTheUsersChangesOnTheTimelineSoTheRunReplays() throws Exception {
        runner.set(Parameter.of("workload.arrival.ratePerSecond"), 800.0);
        Path file = directory.resolve("run.json");
        Path saved = WaitForAsyncUtils.asyncFx(() -> viewModel.save(file)).get().get(5, TimeUnit.SECONDS);

        assertEquals(file, saved);
        Scenario replay = ScenarioFiles.read(file);
        assertEquals(400.0, replay.workload().arrival().ratePerSecond(), "the file starts where the run started");
        assertEquals(1, replay.timeline().size());
        assertEquals("workload.arrival.ratePerSecond", replay.timeline().get(0).path());
        assertEquals(800.0, ((Number) replay.timeline().get(0).value()).doubleValue());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Saved " + file, onFx(() -> viewModel.messageProperty().get()));
    }

    /**
     * A drawing of its own shape goes to the design canvas (the window's opener), this window's run
     * goes on; without an opener it is refused with the reason.
     */
    @Test
    void aDrawingOfItsOwnShapeOpensInTheCanvasAndTheRunGoesOn() throws Exception {
        Path drawn = Path.of("docs/designs/api-gateway.json");
        Optional<String> refused = WaitForAsyncUtils.asyncFx(() -> viewModel.open(drawn)).get();
        assertTrue(refused.isPresent() && refused.get().startsWith("this scenario draws its own system"), String.valueOf(refused));

        java.util.List<Path> toCanvas = new java.util.ArrayList<>();
        Optional<String> problem = WaitForAsyncUtils.asyncFx(() -> {
            viewModel.setDrawnOpener(toCanvas::add);
            return viewModel.open(drawn);
        }).get();
        assertTrue(problem.isEmpty(), String.valueOf(problem));
        assertEquals(java.util.List.of(drawn), toCanvas);
        assertTrue(WaitForAsyncUtils.asyncFx(viewModel::openedInCanvas).get());
        double time = runner.latest().snapshot().timeSeconds();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runner.latest().snapshot().timeSeconds() > time + 0.2);
        assertEquals("default", runner.latest().snapshot().current().name());
    }

    @Test
    void aBadScenarioFileIsRefusedWithItsProblemAndTheRunGoesOn() throws Exception {
        Path file = directory.resolve("bad.json");
        Files.writeString(file, "{\"schema\": 1, \"service\": {\"instances\": 0}}");
        Optional<String> problem = WaitForAsyncUtils.asyncFx(() -> viewModel.open(file)).get();

        assertTrue(problem.isPresent());
        assertTrue(problem.get().startsWith("service.instances: 0 is out of range"), problem.get());
        double time = runner.latest().snapshot().timeSeconds();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runner.latest().snapshot().timeSeconds() > time + 0.2);
        assertEquals("default", runner.latest().snapshot().current().name());
    }

    @Test
    void aRunSavedAfterAResilienceChangeOpensAgain() throws Exception {
        Path start = directory.resolve("pay.json");
        Files.writeString(start, "{\"schema\":1,\"durationSeconds\":20,\"dependencies\":[{\"name\":\"pay\"}]}");
        assertEquals(Optional.empty(), WaitForAsyncUtils.asyncFx(() -> viewModel.open(start)).get());
        // What the Resilience panel's retry field sends.
        runner.setDependencyField("dependencies[0].retry.maxAttempts", 2);
        Path file = directory.resolve("saved.json");
        WaitForAsyncUtils.asyncFx(() -> viewModel.save(file)).get().get(5, TimeUnit.SECONDS);
        assertTrue(Files.readString(file).contains("dependencies[0].retry.maxAttempts"));

        Optional<String> problem = WaitForAsyncUtils.asyncFx(() -> viewModel.open(file)).get();
        assertEquals(Optional.empty(), problem);
        // The reopened run (the one whose scenario carries the change on its timeline) replays the change.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runner.latest().snapshot().current().timeline().size() == 1
                && runner.latest().snapshot().current().dependencies().get(0).retry().maxAttempts() == 2);
    }

    @Test
    void aFinishedRunSaysWhereItStoppedAndPlayStartsItAgainFromZero() throws Exception {
        runner.close();
        runner = new SimulationRunner(Presets.load("default").withDurationSeconds(4), false);
        runner.setSpeed(SimulationRunner.MAX_SPEED);
        runner.start();
        viewModel = WaitForAsyncUtils.asyncFx(() -> new MainWindowViewModel(runner, "default")).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.latest().status().finished());
        WaitForAsyncUtils.asyncFx(() -> viewModel.update(runner.latest())).get();

        assertTrue(onFx(() -> viewModel.finishedProperty().get()));
        assertEquals("finished at 00:04.0 (the scenario's duration) · Play runs it again from 0", onFx(() -> viewModel.finishedTextProperty().get()));
        assertEquals("Play again", onFx(() -> viewModel.playTextProperty().get()));

        runner.setSpeed(1);
        WaitForAsyncUtils.asyncFx(viewModel::togglePlay).get();
        assertEquals("Pause", onFx(() -> viewModel.playTextProperty().get()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !runner.latest().status().finished());
        WaitForAsyncUtils.asyncFx(() -> viewModel.update(runner.latest())).get();
        assertTrue(runner.latest().snapshot().timeSeconds() < 4, "the run starts again: it does not run on past its duration");
        assertEquals("", onFx(() -> viewModel.finishedTextProperty().get()));
        assertEquals("Pause", onFx(() -> viewModel.playTextProperty().get()));
    }
}
