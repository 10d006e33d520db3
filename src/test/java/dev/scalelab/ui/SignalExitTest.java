package dev.scalelab.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** SIGTERM closes the app through the toolkit, quietly, with the status of a killed process. */
class SignalExitTest {

    /**
     * The jar's entry point, with the two things that make the old race certain rather than rare:
     * frames that take a while (the application thread is inside a pulse when the signal comes)
     * and another shutdown hook that takes a while (the JVM lives on after JavaFX's own hook has
     * stopped the renderer). Prints "up" once the first frame ran.
     */
    public static final class SlowExitApp {
        public static void main(String[] args) throws Exception {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> sleep(1500)));
            Thread slowFrames = new Thread(() -> {
                while (true) {
                    try {
                        Platform.runLater(() -> new AnimationTimer() {
                            private boolean first = true;

                            @Override
                            public void handle(long now) {
                                if (first) {
                                    first = false;
                                    System.out.println("up");
                                    System.out.flush();
                                }
                                sleep(300);
                            }
                        }.start());
                        return;
                    } catch (IllegalStateException toolkitNotStartedYet) {
                        sleep(100);
                    }
                }
            });
            slowFrames.setDaemon(true);
            slowFrames.start();
            dev.scalelab.Main.main(args);
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void sigtermClosesTheAppWithoutAStackTraceAndWithStatus143(@TempDir Path dir) throws Exception {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "no SIGTERM");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-Xmx512m",
                SlowExitApp.class.getName(), "--scenario", "full-stack")
                .redirectError(err.toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("up")) {
                // wait for the first frame
            }
            assertEquals("up", line, () -> "the app did not start: " + read(err));
            Thread.sleep(1000);
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running 30 s after SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        String stderr = read(err);
        assertFalse(stderr.contains("Exception"), stderr);
        assertFalse(stderr.contains("\tat "), stderr);
        assertEquals(143, p.exitValue(), stderr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
