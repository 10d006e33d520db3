package dev.scalelab.ui.export;

import dev.scalelab.ui.FxWait;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A PNG has the node's size times the scale, and text chunks that say how to reproduce it. */
class PngExportTest {
    private static final long TIMEOUT_SECONDS = 20;

    @TempDir
    Path dir;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** A 320 × 180 node, in a scene of its own, as a panel's view is in the window. */
    private static StackPane node(double width, double height, String text) {
        StackPane pane = new StackPane(new Label(text));
        pane.setStyle("-fx-background-color: #2f6fdf;");
        pane.setMinSize(width, height);
        pane.setPrefSize(width, height);
        pane.setMaxSize(width, height);
        new Scene(new StackPane(pane), width, height);
        return pane;
    }

    private BufferedImage picture(double scale) throws Exception {
        return FxWait.onFx(() -> Pictures.rgb(Pictures.snapshot(node(320, 180, "p99"), scale, Color.WHITE)), TIMEOUT_SECONDS);
    }

    @Test
    void thePictureIsTheNodesSizeTimesTheScale() throws Exception {
        BufferedImage one = picture(1);
        BufferedImage two = picture(2);
        assertEquals(List.of(320, 180), List.of(one.getWidth(), one.getHeight()));
        assertEquals(List.of(640, 360), List.of(two.getWidth(), two.getHeight()));
        assertEquals(0x2f6fdf, one.getRGB(5, 5) & 0xffffff, "the node's own colour, not a blank");

        Path file = dir.resolve("panel.png");
        PngFile.write(two, Map.of("Software", "ScaleLab"), file);
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(List.of(640, 360), List.of(read.getWidth(), read.getHeight()));
        assertEquals(two.getRGB(100, 100), read.getRGB(100, 100));
    }

    @Test
    void aPanelsPictureIsItsViewAboveItsCharts() throws Exception {
        BufferedImage stacked = FxWait.onFx(() -> {
            Image view = Pictures.snapshot(node(400, 250, "view"), 2, Color.WHITE);
            Image charts = Pictures.snapshot(node(260, 100, "charts"), 2, Color.WHITE);
            return Pictures.stack(List.of(view, charts), Color.rgb(243, 245, 248));
        }, TIMEOUT_SECONDS);
        assertEquals(List.of(800, 700), List.of(stacked.getWidth(), stacked.getHeight()));
        assertEquals(0x2f6fdf, stacked.getRGB(10, 510) & 0xffffff, "the charts under the view");
        assertEquals(0xf3f5f8, stacked.getRGB(700, 650) & 0xffffff, "beside the narrower charts: the window's background");
    }

    @Test
    void theTextChunksNameTheSoftwarePanelScenarioSeedAndTimeAndHoldTheScenario() throws Exception {
        Scenario scenario = Presets.load("flash-sale").withSeed(42);
        Provenance p = new Provenance("flash-sale", scenario, 95.5);
        Path file = dir.resolve("scaling.png");
        PngFile.write(picture(1), p.pngText("Scaling"), file);

        Map<String, String> text = textChunks(file);
        assertEquals("ScaleLab", text.get("Software"));
        assertEquals("Scaling", text.get("Title"));
        assertEquals("flash-sale", text.get("Scenario"));
        assertEquals("42", text.get("Seed"));
        assertEquals("95.5 s", text.get("Virtual time"));
        assertEquals(scenario, ScenarioFiles.parse(text.get("ScaleLab-Scenario")), "the picture carries what reproduces it");
    }

    @Test
    void aLabelLatin1CannotHoldGoesIntoAnInternationalChunk() throws Exception {
        Provenance p = new Provenance("résumé ≠ 履歴", Presets.load("default"), 3);
        Path file = dir.resolve("window.png");
        PngFile.write(picture(1), p.pngText("ScaleLab window"), file);
        assertEquals("résumé ≠ 履歴", textChunks(file).get("Scenario"));
    }

    @Test
    void aWriteThatFailsLeavesTheOldFileAsItWasAndNoTemporaryFile() throws Exception {
        Path existing = dir.resolve("keep.png");
        Files.writeString(existing, "old");
        // A folder path through a file: the write fails before a byte is written.
        Path file = existing.resolve("panel.png");
        BufferedImage image = picture(1);
        assertTrue(assertThrowsIo(() -> PngFile.write(image, Map.of(), file)).contains("keep.png"));
        assertEquals("old", Files.readString(existing));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(existing), left.toList());
        }
    }

    private static String assertThrowsIo(org.junit.jupiter.api.function.Executable e) {
        return org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, e).getMessage();
    }

    /** Every tEXt and iTXt chunk, read back through ImageIO's metadata. */
    static Map<String, String> textChunks(Path file) throws Exception {
        Map<String, String> text = new LinkedHashMap<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(PngFile.FORMAT);
            for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
                for (Node entry = chunk.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
                    IIOMetadataNode e = (IIOMetadataNode) entry;
                    if (chunk.getNodeName().equals("tEXt")) {
                        text.put(e.getAttribute("keyword"), e.getAttribute("value"));
                    } else if (chunk.getNodeName().equals("iTXt")) {
                        text.put(e.getAttribute("keyword"), e.getAttribute("text"));
                    }
                }
            }
            reader.dispose();
        }
        return text;
    }
}
