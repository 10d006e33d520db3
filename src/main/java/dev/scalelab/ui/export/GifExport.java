package dev.scalelab.ui.export;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.OfflineRun;
import dev.scalelab.ui.PanelCatalog;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An animated GIF of a panel over a span of virtual time, drawn from a deterministic re-run of the
 * recorded scenario: the same run the user saw, changes included, at a steady frame rate whatever the
 * live app managed.
 *
 * <p>Threads: a worker re-runs the scenario to the span's start, then makes the frames (advancing
 * the world) and encodes the pictures; the FX thread draws a few frames per pulse, within a small time
 * budget, on an offscreen instance of the panel, so the live app stays responsive. Both queues between
 * them are short, so memory does not grow with the span. The result completes on the FX thread.
 */
final class GifExport {
    /** FX time per pulse for drawing frames: the live window keeps most of its 16 ms. */
    private static final long DRAW_BUDGET_NANOS = 8_000_000L;
    private static final int QUEUE = 3;
    /** Where the offscreen panel's pulse clock starts: a panel may treat time 0 as "never". */
    private static final long FIRST_PULSE_NANOS = 1_000_000_000L;

    /**
     * What to draw.
     *
     * @param viewWidth  the panel's view as it is in the window (likewise its height and the charts')
     */
    record Request(PanelCatalog.Entry panel, Provenance provenance, double fromSeconds, double toSeconds, int fps, double scale,
                   double viewWidth, double viewHeight, double chartsWidth, double chartsHeight, List<String> stylesheets,
                   Color background, Path file) {
        int frames() {
            return frameCount(fromSeconds, toSeconds, fps);
        }
    }

    /** What was written. */
    record Result(Path file, int frames, int width, int height) {
    }

    private record Job(Frame frame, long pulseNanos) {
    }

    private record Pixels(int[] argb, int width, int height) {
    }

    private final Request request;
    private final int frames;
    private final BlockingQueue<Job> toDraw = new ArrayBlockingQueue<>(QUEUE);
    private final BlockingQueue<Pixels> drawn = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicInteger encoded = new AtomicInteger();
    private final AtomicReference<Throwable> drawFailure = new AtomicReference<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private volatile boolean cancelled;
    private OffscreenPanel offscreen;
    private AnimationTimer drawer;
    private boolean restNextPulse;

    GifExport(Request request) {
        this.request = request;
        this.frames = request.frames();
        if (frames < 1) {
            throw new IllegalArgumentException("the span holds no frame at " + request.fps() + " fps");
        }
    }

    /** Frames in a span: one per 1/fps of virtual time, the last at the span's end. */
    static int frameCount(double fromSeconds, double toSeconds, int fps) {
        return (int) Math.round((toSeconds - fromSeconds) * fps);
    }

    /** The virtual time of frame {@code k}: the span's start plus k + 1 frame intervals. */
    static double frameSeconds(double fromSeconds, int k, int fps) {
        return fromSeconds + (k + 1) / (double) fps;
    }

    /** Indeterminate (-1) while the re-run reaches the span's start, then the share of frames written. FX thread. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Starts the export; FX thread. The future completes on the FX thread, exceptionally on failure or cancel. */
    CompletableFuture<Result> start() {
        offscreen = new OffscreenPanel(request.panel(), request.provenance().scenario(), request.viewWidth(),
                request.viewHeight(), request.chartsWidth(), request.chartsHeight(), request.stylesheets(), request.scale(),
                request.background());
        drawer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                drawSome();
            }
        };
        drawer.start();
        Thread worker = new Thread(this::work, "scalelab-export-gif");
        worker.setDaemon(true);
        worker.setPriority(Thread.MIN_PRIORITY);
        worker.start();
        return result;
    }

    /** Stops the export; the file it would have replaced stays as it was. Any thread. */
    void cancel() {
        cancelled = true;
    }

    /**
     * One pulse: draws queued frames until the budget is spent or the encoder has enough waiting. A
     * pulse whose drawing overran the budget (one large frame in software rendering can) is followed by
     * a pulse left to the live window.
     */
    private void drawSome() {
        if (restNextPulse) {
            restNextPulse = false;
            return;
        }
        long start = System.nanoTime();
        int done = encoded.get();
        if (done > 0) {
            progress.set(done / (double) frames);
        }
        try {
            while (drawn.remainingCapacity() > 0 && System.nanoTime() - start < DRAW_BUDGET_NANOS) {
                Job job = toDraw.poll();
                if (job == null) {
                    return;
                }
                WritableImage image = offscreen.render(job.frame(), job.pulseNanos());
                drawn.add(new Pixels(Pictures.argb(image), (int) image.getWidth(), (int) image.getHeight()));
                restNextPulse = System.nanoTime() - start > DRAW_BUDGET_NANOS;
            }
        } catch (RuntimeException | Error e) {
            drawFailure.compareAndSet(null, e);
            drawer.stop();
        }
    }

    private void work() {
        Result written = null;
        Throwable failure = null;
        try {
            written = encode();
        } catch (Throwable t) {
            failure = t;
        }
        Result r = written;
        Throwable f = failure;
        // The one hand-over to the FX thread: stop drawing, drop the panel, report.
        Platform.runLater(() -> {
            drawer.stop();
            offscreen.close();
            if (f == null) {
                progress.set(1);
                result.complete(r);
            } else {
                result.completeExceptionally(f);
            }
        });
    }

    private Result encode() throws Exception {
        OfflineRun run = new OfflineRun(request.provenance().scenario());
        if (!run.advanceTo(request.fromSeconds(), () -> cancelled)) {
            throw new CancellationException("cancelled");
        }
        int made = 0;
        int width = 0;
        int height = 0;
        try (dev.scalelab.world.AtomicFiles.Pending output = dev.scalelab.world.AtomicFiles.open(request.file());
             GifFile gif = new GifFile(output.stream(), request.fps(), comment())) {
            while (gif.frames() < frames) {
                if (cancelled) {
                    throw new CancellationException("cancelled");
                }
                Throwable drawError = drawFailure.get();
                if (drawError != null) {
                    throw new IllegalStateException("drawing the panel failed: " + drawError, drawError);
                }
                Pixels p = drawn.poll();
                if (p == null && made < frames && toDraw.remainingCapacity() > 0) {
                    double t = frameSeconds(request.fromSeconds(), made, request.fps());
                    long pulse = FIRST_PULSE_NANOS + Math.round((made + 1) * 1e9 / request.fps());
                    toDraw.add(new Job(run.frameAt(t), pulse));
                    made++;
                    continue;
                }
                if (p == null) {
                    p = drawn.poll(20, TimeUnit.MILLISECONDS);
                    if (p == null) {
                        continue;
                    }
                }
                if (gif.frames() == 0) {
                    width = p.width();
                    height = p.height();
                } else if (p.width() != width || p.height() != height) {
                    throw new IllegalStateException("frame " + (gif.frames() + 1) + " is " + p.width() + "×" + p.height()
                            + ", not " + width + "×" + height);
                }
                gif.write(Pictures.rgb(p.argb(), p.width(), p.height()));
                encoded.set(gif.frames());
            }
            gif.finish();
            output.commit();
        }
        return new Result(request.file(), frames, width, height);
    }

    /** The GIF's comment: what reproduces it. */
    private String comment() {
        Provenance p = request.provenance();
        return "ScaleLab " + offscreenTitle() + " panel, " + p.label() + ", seed " + p.seed() + ", "
                + Provenance.seconds(request.fromSeconds()).replace(" s", "") + "-" + Provenance.seconds(request.toSeconds())
                + ", " + request.fps() + " fps; scenario: " + p.scenarioOneLine();
    }

    private String offscreenTitle() {
        return request.panel().title();
    }
}
