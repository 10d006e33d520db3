package dev.scalelab.sim.candidates;

import dev.scalelab.sim.Event;
import org.openjdk.jmh.annotations.*;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CandidateBenchmark {
    static final int BATCH = 1000;

    static long delay(SplittableRandom random) {
        return (long) (-1_000_000.0 * Math.log(1.0 - random.nextDouble()));
    }

    @State(Scope.Thread)
    public static class R {
        @Param({"10", "1000", "100000"})
        int pending;
        CandidateSim.Radix sim;

        @Setup
        public void setUp() {
            sim = new CandidateSim.Radix();
            SplittableRandom random = new SplittableRandom(1);
            CandidateSim.Radix s = sim;
            final class Hold implements Event {
                public void fire() {
                    s.scheduleIn(delay(random), this);
                }
            }
            for (int i = 0; i < pending; i++) {
                sim.schedule((long) (random.nextDouble() * 1_000_000), new Hold());
            }
        }
    }

    @State(Scope.Thread)
    public static class Q {
        @Param({"10", "1000", "100000"})
        int pending;
        CandidateSim.Quaternary sim;

        @Setup
        public void setUp() {
            sim = new CandidateSim.Quaternary();
            SplittableRandom random = new SplittableRandom(1);
            CandidateSim.Quaternary s = sim;
            final class Hold implements Event {
                public void fire() {
                    s.scheduleIn(delay(random), this);
                }
            }
            for (int i = 0; i < pending; i++) {
                sim.schedule((long) (random.nextDouble() * 1_000_000), new Hold());
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int radix(R r) {
        return r.sim.runUntil(Long.MAX_VALUE, BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int quaternary(Q q) {
        return q.sim.runUntil(Long.MAX_VALUE, BATCH);
    }
}
