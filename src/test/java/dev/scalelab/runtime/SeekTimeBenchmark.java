package dev.scalelab.runtime;

import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;

import java.util.concurrent.TimeUnit;

/**
 * How long the timeline bar's seek takes to the end of a one-hour run of the full-stack preset: the
 * runner's deterministic re-run from t = 0. A measurement, not a test (machines differ): after
 * {@code mvn test-compile}, {@code java -cp target/classes:target/test-classes:<the test class path>
 * dev.scalelab.runtime.SeekTimeBenchmark}.
 */
public final class SeekTimeBenchmark {
    public static void main(String[] args) throws Exception {
        Scenario hour = Presets.load("full-stack").withDurationSeconds(3600);
        try (SimulationRunner runner = new SimulationRunner(hour, true)) {
            runner.start();
            for (int i = 0; i < 4; i++) {
                long start = System.nanoTime();
                Frame at = runner.seek(hour, 3600).get(5, TimeUnit.MINUTES);
                long ms = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("seek to %.0f s: %,d ms (%,d events)%n", at.snapshot().timeSeconds(), ms,
                        at.snapshot().eventsFired());
            }
        }
    }
}
