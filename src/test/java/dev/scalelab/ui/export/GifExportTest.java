package dev.scalelab.ui.export;

import dev.scalelab.ui.FxWait;
import dev.scalelab.ui.PanelCatalog;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GIF of a panel, drawn off screen from a re-run: the frames asked for, their delay, the loop and
 * the comment, and the same bytes when made twice.
 */
class GifExportTest {
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static Scenario scenario() {
        return Presets.load("default").withDurationSeconds(60).withSeed(11);
    }

    private GifExport.Request request(Path file, double from, double to, int fps, double scale) {
        return new GifExport.Request(PanelCatalog.find("Scaling"), new Provenance("default", scenario(), to), from, to, fps, scale,
                420, 260, 300, 140, List.of(GifExport.class.getResource("/styles/app.css").toExternalForm()),
                Color.rgb(243, 245, 248), file);
    }

    private static GifExport.Result export(GifExport.Request request) throws Exception {
        CompletableFuture<GifExport.Result> done = FxWait.onFx(() -> new GifExport(request).start(), TIMEOUT_SECONDS);
        return done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void theGifHasTheFramesAskedForTheirDelayTheLoopAndTheComment() throws Exception {
        Path file = dir.resolve("scaling.gif");
        GifExport.Result result = export(request(file, 4, 6, 5, 1));
        assertEquals(10, result.frames(), "2 s at 5 fps");
        assertEquals(List.of(420, 400), List.of(result.width(), result.height()), "the view above the charts");

        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(10, reader.getNumImages(true));
            List<String> comments = new ArrayList<>();
            boolean loops = false;
            for (int i = 0; i < 10; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(GifFile.FORMAT);
                IIOMetadataNode control = child(root, "GraphicControlExtension");
                assertEquals("20", control.getAttribute("delayTime"), "1/5 s in centiseconds, frame " + i);
                IIOMetadataNode text = child(root, "CommentExtensions");
                if (text != null) {
                    for (Node c = text.getFirstChild(); c != null; c = c.getNextSibling()) {
                        comments.add(((IIOMetadataNode) c).getAttribute("value"));
                    }
                }
                IIOMetadataNode apps = child(root, "ApplicationExtensions");
                if (apps != null) {
                    IIOMetadataNode app = (IIOMetadataNode) apps.getFirstChild();
                    byte[] data = (byte[]) app.getUserObject();
                    loops |= app.getAttribute("applicationID").equals("NETSCAPE") && data[0] == 1 && data[1] == 0 && data[2] == 0;
                }
            }
            assertTrue(loops, "NETSCAPE2.0, loop count 0: forever");
            assertEquals(1, comments.size());
            String comment = comments.get(0);
            assertTrue(comment.startsWith("ScaleLab Scaling panel, default, seed 11, 4-6 s, 5 fps; scenario: {"), comment);
            assertEquals(scenario(), ScenarioFiles.parse(comment.substring(comment.indexOf("scenario: ") + "scenario: ".length())),
                    "the comment carries what reproduces the GIF");
            BufferedImage first = reader.read(0);
            BufferedImage last = reader.read(9);
            assertEquals(420, first.getWidth());
            assertTrue(differ(first, last), "the panel moves between 4.2 s and 6 s");
            reader.dispose();
        }
    }

    @Test
    void theSameSpanTwiceIsTheSameFileByteForByte() throws Exception {
        Path a = dir.resolve("a.gif");
        Path b = dir.resolve("b.gif");
        export(request(a, 1, 2, 4, 1));
        export(request(b, 1, 2, 4, 1));
        byte[] first = Files.readAllBytes(a);
        assertTrue(first.length > 1000);
        assertArrayEquals(first, Files.readAllBytes(b));
    }

    @Test
    void twiceTheScaleIsTwiceTheSizeAndThirtyFramesASecondSpreadTheirDelays() throws Exception {
        GifExport.Result result = export(request(dir.resolve("big.gif"), 0, 0.1, 30, 2));
        assertEquals(3, result.frames());
        assertEquals(List.of(840, 800), List.of(result.width(), result.height()));
        assertEquals(List.of(3, 4, 3), List.of(GifFile.delayCentiseconds(0, 30), GifFile.delayCentiseconds(1, 30),
                GifFile.delayCentiseconds(2, 30)), "10 cs in all for 3 frames");
    }

    @Test
    void aCancelledExportWritesNothing() throws Exception {
        Path file = dir.resolve("cancelled.gif");
        Files.writeString(file, "old");
        CompletableFuture<GifExport.Result> done = FxWait.onFx(() -> {
            GifExport gif = new GifExport(request(file, 10, 40, 10, 1));
            CompletableFuture<GifExport.Result> f = gif.start();
            gif.cancel();
            return f;
        }, TIMEOUT_SECONDS);
        assertThrows(CancellationException.class, () -> done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals("old", Files.readString(file));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
    }

    private static boolean differ(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y += 2) {
            for (int x = 0; x < a.getWidth(); x += 2) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) {
                return (IIOMetadataNode) n;
            }
        }
        return null;
    }
}
