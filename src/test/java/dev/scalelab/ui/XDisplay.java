package dev.scalelab.ui;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the screenshot classes (run by hand under Xvfb, not by the build) share: the real toolkit on
 * the X display instead of the build's headless Monocle, and a capture of the whole screen.
 */
public final class XDisplay {
    private XDisplay() {
    }

    /** Call before the toolkit starts (in a {@code @BeforeAll}): the real toolkit, software rendering. */
    public static void use() {
        System.setProperty("testfx.headless", "false");
        System.clearProperty("glass.platform");
        System.clearProperty("monocle.platform");
        System.setProperty("prism.order", "sw");
        System.clearProperty("prism.text");
    }

    /** Captures the whole screen into {@code file} with ImageMagick's {@code import}. */
    public static void shoot(Path file) throws Exception {
        Path out = file.toAbsolutePath();
        Files.createDirectories(out.getParent());
        Process p = new ProcessBuilder("import", "-window", "root", out.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
    }
}
