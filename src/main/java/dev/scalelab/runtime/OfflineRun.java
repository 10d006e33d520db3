package dev.scalelab.runtime;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Report;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.World;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A world run on the caller's thread, with no runner thread and no wall clock: exports use it to
 * re-run a scenario deterministically and draw a panel at chosen moments (an animated GIF at a
 * steady frame rate, whatever the live app managed), and to write the whole run's series and report.
 *
 * <p>Confined to one thread at a time (the world is); it never goes back in time and never past the
 * scenario's duration, as a live run does not.
 */
public final class OfflineRun {
    /** Events run between two looks at the cancel flag: a few milliseconds of work. */
    private static final int EVENTS_PER_CHUNK = 16_384;

    private final World world;
    private final long endNanos;
    private final long wallStartNanos = System.nanoTime();
    private long frameCounter;
    private boolean samplesWritten;
    private IOException sampleFailure;

    public OfflineRun(Scenario scenario) {
        this.world = new World(Objects.requireNonNull(scenario));
        this.endNanos = Simulation.secondsToNanos(scenario.durationSeconds());
    }

    /** Virtual time now, in seconds. */
    public double nowSeconds() {
        return world.nowSeconds();
    }

    /** The scenario's duration: no run goes past it. */
    public double endSeconds() {
        return endNanos / 1e9;
    }

    /**
     * Writes every per-second sample of this run to {@code out} as it is taken: the header line of
     * {@link World#sampleCsvHeader()} at once, then one row per simulated second. Call it before the
     * run advances (a sample missed cannot be taken again). A write that fails stops the next
     * {@link #advanceTo} with that exception.
     */
    public void sampleCsv(Writer out) throws IOException {
        Objects.requireNonNull(out);
        if (world.simulation().nowNanos() > 0 || samplesWritten) {
            throw new IllegalStateException("the samples are written from t = 0: call sampleCsv before the run advances");
        }
        samplesWritten = true;
        out.write(world.sampleCsvHeader());
        out.write('\n');
        world.setSampleSink(sample -> {
            if (sampleFailure != null) {
                return;
            }
            try {
                out.write(sample.toCsv());
                out.write('\n');
            } catch (IOException e) {
                sampleFailure = e;
            }
        });
    }

    /** Runs every event up to {@code atSeconds} (never back) and returns the frame a panel would get then. */
    public Frame frameAt(double atSeconds) {
        advanceTo(atSeconds, () -> false);
        return frame();
    }

    /**
     * Runs every event up to {@code atSeconds} (clamped to the scenario's duration; a time already
     * passed does nothing), looking at {@code cancelled} every few milliseconds of work. Returns false
     * when it was cancelled before getting there.
     */
    public boolean advanceTo(double atSeconds, BooleanSupplier cancelled) {
        long target = Math.min(endNanos, Simulation.secondsToNanos(Math.max(0, atSeconds)));
        if (target <= world.simulation().nowNanos()) {
            return true;
        }
        boolean reached;
        do {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            reached = world.advance(target, EVENTS_PER_CHUNK);
            if (sampleFailure != null) {
                throw new UncheckedIOException(sampleFailure);
            }
        } while (!reached);
        return true;
    }

    /** The frame a panel would get now: the world's snapshot and a paused status. */
    public Frame frame() {
        boolean finished = world.simulation().nowNanos() >= endNanos;
        return new Frame(world.snapshot(), new RunStatus(++frameCounter, true, finished, 1, 0, false, null), null);
    }

    /** The report of the run so far, as {@code simulate --out} writes it (JSON with a final line break). */
    public String reportJson() {
        return Report.toJson(Report.of(world, (System.nanoTime() - wallStartNanos) / 1_000_000));
    }
}
