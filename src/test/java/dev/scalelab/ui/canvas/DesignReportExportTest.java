package dev.scalelab.ui.canvas;

import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The canvas's report export: the document, the diagram's picture and the charts, all beside each other. */
class DesignReportExportTest {
    @Test
    void writesTheDocumentWithTheDiagramAndTheCharts(@TempDir Path dir) throws Exception {
        var design = ScenarioFiles.parse("""
                {"schema":1,"name":"two-tier","seed":4,"durationSeconds":30,
                 "topology":{"nodes":[{"id":"users","kind":"clients"},{"id":"web","kind":"service"}],
                  "edges":[{"from":"users","to":"web"}]}}
                """);
        int w = 40;
        int h = 20;
        int[] pixels = new int[w * h];
        java.util.Arrays.fill(pixels, 0xff336699);
        Path md = dir.resolve("gateway.md");
        String said = DesignReportExport.write(design, pixels, w, h, md);
        assertThat(said).startsWith("Report written: ").contains("gateway-diagram.png");
        assertThat(Files.readString(md)).contains("![The design](gateway-diagram.png)").contains("```mermaid")
                .contains("![Answered requests per second](gateway-throughput.svg)");
        BufferedImage picture = ImageIO.read(dir.resolve("gateway-diagram.png").toFile());
        assertThat(picture.getWidth()).isEqualTo(w);
        assertThat(picture.getRGB(3, 3) & 0xffffff).isEqualTo(0x336699);
        assertThat(Files.readString(dir.resolve("gateway-p99.svg"))).startsWith("<svg");
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(4); // no temporary file left
        }
    }
}
