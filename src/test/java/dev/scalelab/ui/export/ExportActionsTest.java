package dev.scalelab.ui.export;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.FxWait;
import dev.scalelab.ui.Panel;
import dev.scalelab.ui.PanelCatalog;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The export actions on a live run that reached 20 s, with the file chooser answered by the test: the
 * status line's messages, the files, and one line for a failure.
 */
class ExportActionsTest {
    private static final long TIMEOUT_SECONDS = 40;

    @TempDir
    Path dir;

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private SimulationRunner runner;
    private Panel panel;
    private BorderPane root;
    private ExportActions actions;

    @BeforeEach
    void show() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Scenario scenario = Presets.load("default").withDurationSeconds(20).withSeed(5);
        FxWait.onFx(() -> {
            runner = new SimulationRunner(scenario, false);
            runner.setSpeed(SimulationRunner.MAX_SPEED);
            panel = PanelCatalog.find("Scaling").factory().apply(new PanelCatalog.Context(runner, p -> { }, (s, l) -> { }));
            root = new BorderPane(panel.view());
            root.setBottom(panel.charts());
            ((Region) panel.charts()).setPrefHeight(220);
            Scene scene = new Scene(root, 1100, 700); // wider than the panel's minimum, so the root is the window's size
            scene.getStylesheets().add(ExportActionsTest.class.getResource("/styles/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            runner.start();
            actions = new ExportActions(stage, runner, () -> panel, () -> root, () -> "default", messages::add);
            return null;
        }, TIMEOUT_SECONDS);
        FxWait.waitUntil(() -> runner.latest().status().finished(), TIMEOUT_SECONDS);
        FxWait.onFx(() -> {
            panel.update(runner.latest(), 1_000_000_000L);
            panel.animate(1_000_000_000L);
            root.layout();
            panel.animate(1_016_000_000L);
            return null;
        }, TIMEOUT_SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        runner.close();
    }

    private String export(ExportRequest request, Path file) throws Exception {
        int before = messages.size();
        FxWait.onFx(() -> {
            actions.exportWith(request, r -> file);
            return null;
        }, TIMEOUT_SECONDS);
        FxWait.waitUntil(() -> messages.stream().skip(before).anyMatch(m -> m.startsWith("Exported") || m.startsWith("Export failed")),
                TIMEOUT_SECONDS);
        return messages.get(messages.size() - 1);
    }

    @Test
    void aPanelPngAtTwiceTheScaleIsItsViewAndChartsAndSaysSo() throws Exception {
        Path file = dir.resolve("panel.png");
        String said = export(new ExportRequest(ExportRequest.Kind.PANEL_PNG, 2, null, 0, 20, 10), file);
        double[] size = FxWait.onFx(() -> new double[] {panel.view().getLayoutBounds().getWidth(),
                panel.view().getLayoutBounds().getHeight() + panel.charts().getLayoutBounds().getHeight()}, TIMEOUT_SECONDS);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(Math.round(2 * size[0]), image.getWidth());
        assertEquals(Math.round(2 * size[1]), image.getHeight(), 1);
        assertEquals("Exported panel.png (" + image.getWidth() + "×" + image.getHeight() + ")", said);
        Map<String, String> text = PngExportTest.textChunks(file);
        assertEquals("Scaling", text.get("Title"));
        assertEquals("default", text.get("Scenario"));
        assertEquals("5", text.get("Seed"));
        assertEquals("20 s", text.get("Virtual time"));
    }

    @Test
    void aWindowPngIsTheWholeWindow() throws Exception {
        Path file = dir.resolve("window.png");
        String said = export(new ExportRequest(ExportRequest.Kind.WINDOW_PNG, 1, null, 0, 20, 10), file);
        assertEquals("Exported window.png (1100×700)", said);
        assertEquals("ScaleLab window", PngExportTest.textChunks(file).get("Title"));
    }

    @Test
    void aGifOfAnotherPanelIsDrawnAtTheLivePanelsSizeAndSaysSo() throws Exception {
        Path file = dir.resolve("caching.gif");
        String said = export(new ExportRequest(ExportRequest.Kind.GIF, 1, "Caching", 18, 20, 2), file);
        long[] size = FxWait.onFx(() -> new long[] {Math.round(panel.view().getLayoutBounds().getWidth()),
                Math.round(panel.view().getLayoutBounds().getHeight() + panel.charts().getLayoutBounds().getHeight())}, TIMEOUT_SECONDS);
        assertEquals("Exported caching.gif (4 frames, " + size[0] + "×" + size[1] + ")", said);
        assertTrue(Files.size(file) > 1000);
    }

    @Test
    void theCsvAndTheReportCoverTheRunSoFar() throws Exception {
        Path csv = dir.resolve("series.csv");
        assertEquals("Exported series.csv (20 rows, 0-20 s)", export(new ExportRequest(ExportRequest.Kind.CSV, 1, null, 0, 20, 10), csv));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("# ScaleLab default, seed 5, 0-20 s; scenario: "), lines.get(0));
        assertEquals(22, lines.size());

        Path report = dir.resolve("report.json");
        assertEquals("Exported report.json (the run 0-20 s)", export(new ExportRequest(ExportRequest.Kind.REPORT, 1, null, 0, 20, 10), report));
        assertTrue(Files.readString(report).contains("\"simulatedSeconds\" : 20.0"));
    }

    @Test
    void aFileThatCannotBeWrittenIsOneLineAndTheAppGoesOn() throws Exception {
        Path notAFolder = dir.resolve("notes.txt");
        Files.writeString(notAFolder, "x");
        String said = export(new ExportRequest(ExportRequest.Kind.CSV, 1, null, 0, 20, 10), notAFolder.resolve("series.csv"));
        assertEquals("Export failed: series.csv: " + notAFolder + ": Not a directory", said);
        assertEquals(1, said.lines().count());
        assertEquals("x", Files.readString(notAFolder));
    }

    @Test
    void theSuggestedNameSaysScenarioWhatAndWhen() throws Exception {
        assertEquals("default-scaling-20s.png", FxWait.onFx(() -> actions.suggestedName(
                new ExportRequest(ExportRequest.Kind.PANEL_PNG, 1, null, 0, 20, 10)), TIMEOUT_SECONDS));
        assertEquals("default-load-balancing-20s.gif", FxWait.onFx(() -> actions.suggestedName(
                new ExportRequest(ExportRequest.Kind.GIF, 1, "Load balancing", 5, 20, 10)), TIMEOUT_SECONDS));
    }
}
