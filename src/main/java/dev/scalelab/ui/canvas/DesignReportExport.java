package dev.scalelab.ui.canvas;

import dev.scalelab.world.AtomicFiles;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.network.DesignReport;
import dev.scalelab.world.network.Network;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.image.WritablePixelFormat;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Design ▸ Export report…: the design run headless to its end on a background thread (the same run
 * the canvas plays: same scenario, same seed), then the Markdown document, the canvas's picture of the
 * diagram and the charts, each file written atomically beside the document.
 */
final class DesignReportExport {
    private DesignReportExport() {
    }

    /**
     * Runs {@code design} and writes the report to {@code md}; {@code diagram} is the canvas as shown
     * (taken on the FX thread before). {@code done} hears, on the FX thread, what was written or why not.
     */
    static void export(Scenario design, WritableImage diagram, Path md, Consumer<String> done) {
        int w = (int) diagram.getWidth();
        int h = (int) diagram.getHeight();
        int[] pixels = new int[w * h];
        PixelReader reader = diagram.getPixelReader();
        reader.getPixels(0, 0, w, h, WritablePixelFormat.getIntArgbInstance(), IntBuffer.wrap(pixels), w);
        Thread t = new Thread(() -> {
            String said;
            try {
                said = write(design, pixels, w, h, md);
            } catch (ScenarioException e) {
                said = "Report not written: the design cannot run: " + e.getMessage();
            } catch (IOException e) {
                said = "Report not written: " + md + ": " + e.getMessage();
            }
            String message = said;
            Platform.runLater(() -> done.accept(message));
        }, "scalelab-design-report");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The files, written; what the status line says. Off the FX thread. */
    static String write(Scenario design, int[] argb, int w, int h, Path md) throws IOException {
        Network net = new Network(design);
        net.run();
        String stem = md.getFileName().toString().replaceFirst("\\.(md|markdown)$", "");
        List<AtomicFiles.Pending> files = new ArrayList<>();
        try {
            AtomicFiles.Pending doc = AtomicFiles.open(md);
            files.add(doc);
            doc.writer().write(DesignReport.markdown(net, stem, true));
            AtomicFiles.Pending picture = AtomicFiles.open(md.resolveSibling(DesignReport.diagramName(stem)));
            files.add(picture);
            BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            rgb.setRGB(0, 0, w, h, argb, 0, w);
            ImageIO.write(rgb, "png", picture.stream());
            List<String> names = DesignReport.chartNames(stem);
            List<String> charts = DesignReport.charts(net);
            for (int i = 0; i < names.size(); i++) {
                AtomicFiles.Pending chart = AtomicFiles.open(md.resolveSibling(names.get(i)));
                files.add(chart);
                chart.writer().write(charts.get(i));
            }
            // The pictures first, the document last: a reader never finds it pointing at a file not yet there.
            for (int i = files.size() - 1; i >= 0; i--) {
                files.get(i).commit();
            }
        } finally {
            files.forEach(AtomicFiles.Pending::close);
        }
        return "Report written: " + md + " with " + DesignReport.diagramName(stem) + " and " + String.join(", ",
                DesignReport.chartNames(stem));
    }
}
