package dev.scalelab.runtime;

import dev.scalelab.world.Scenario;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How long the timeline bar's seek takes on a run: once from t = 0 (no checkpoint yet), then, once
 * the run has been played to its end and its checkpoints are parked, to evenly spread moments of
 * it. A measurement for {@code bench --seek}; machines differ.
 *
 * @param fromStartMillis     a seek to the run's end with no checkpoint: a re-run from t = 0
 * @param checkpoints         how many worlds were parked along the run
 * @param buildSeconds        wall time from the run's end until the last of them was parked
 * @param seekMillis          each seek through a checkpoint, in the order of the moments
 */
public record SeekTimes(double fromStartMillis, int checkpoints, double buildSeconds, double[] seekMillis) {

    public double medianMillis() {
        double[] sorted = seekMillis.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    public double maxMillis() {
        return Arrays.stream(seekMillis).max().orElse(0);
    }

    /** Plays {@code scenario} to its end at full speed, waits for its checkpoints, then seeks to {@code moments} moments spread over it. */
    public static SeekTimes measure(Scenario scenario, int moments) throws InterruptedException, ExecutionException, TimeoutException {
        double end = scenario.durationSeconds();
        try (SimulationRunner runner = new SimulationRunner(scenario, true)) {
            runner.start();
            long start = System.nanoTime();
            runner.seek(scenario, end).get(10, TimeUnit.MINUTES); // a re-run from t = 0, which also marks the checkpoints' moments
            double fromStart = (System.nanoTime() - start) / 1e6;
            long built = System.nanoTime();
            Checkpoints c = runner.checkpoints();
            long deadline = built + TimeUnit.MINUTES.toNanos(10);
            while (c.missing() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double buildSeconds = (System.nanoTime() - built) / 1e9;
            int parked = c.marks().size();
            double[] times = new double[moments];
            for (int i = 0; i < moments; i++) {
                // Spread over the run, and never on a checkpoint's own moment: (i + 0.5) / moments of the way.
                double at = end * (i + 0.5) / moments;
                long t0 = System.nanoTime();
                runner.seek(scenario, at).get(10, TimeUnit.MINUTES);
                times[i] = (System.nanoTime() - t0) / 1e6;
                // The taken checkpoint is built again before the next seek, as it would be while the user looks.
                while (c.missing() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            return new SeekTimes(fromStart, parked, buildSeconds, times);
        }
    }
}
