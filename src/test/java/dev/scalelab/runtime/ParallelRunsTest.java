package dev.scalelab.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParallelRunsTest {

    @Test
    void resultsComeInTheRunsOrderWhateverTheThreadCount() {
        for (int threads : new int[] {1, 2, 5}) {
            List<ParallelRuns.Run<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                runs.add(stop -> {
                    long spin = (20 - n) * 10_000L; // the first runs take longest, so they finish last
                    long x = 0;
                    for (long k = 0; k < spin; k++) {
                        x += k;
                    }
                    return n + (int) (x & 0);
                });
            }
            AtomicInteger told = new AtomicInteger();
            List<Integer> results = ParallelRuns.run(runs, threads, "test", (done, total) -> told.incrementAndGet(), null);
            assertEquals(20, results.size());
            for (int i = 0; i < 20; i++) {
                assertEquals(i, results.get(i));
            }
            assertEquals(20, told.get());
        }
    }

    @Test
    void aFailingRunStopsTheOthersAndItsFailureIsThrown() {
        List<ParallelRuns.Run<Integer>> runs = new ArrayList<>();
        runs.add(stop -> {
            while (!stop.getAsBoolean()) {
                Thread.onSpinWait(); // would run for ever if nothing told it to stop
            }
            throw new CancellationException("stopped");
        });
        runs.add(stop -> {
            throw new IllegalStateException("run 2 broke");
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ParallelRuns.run(runs, 2, "test", null, null));
        assertEquals("run 2 broke", e.getMessage());
        assertThrows(CancellationException.class, () -> ParallelRuns.run(List.<ParallelRuns.Run<Integer>>of(stop -> {
            while (!stop.getAsBoolean()) {
                Thread.onSpinWait();
            }
            throw new CancellationException("stopped");
        }), 1, "test", null, () -> true));
    }
}
