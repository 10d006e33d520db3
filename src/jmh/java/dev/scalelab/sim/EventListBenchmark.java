package dev.scalelab.sim;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.DoublyLinked;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.SplayTree;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The event list on the classic hold model: a fixed population of pending events, each of which,
 * when it fires, schedules itself again at now + Exp(mean 1 ms). Every variant draws its delays from
 * {@code SplittableRandom(1)} with the same expression, rounded down to whole nanoseconds as the
 * kernel keeps time, so all of them see the same sequence of delays and only the list differs.
 * Scores are events per microsecond (one operation = one event fired and rescheduled).
 *
 * <ul>
 *   <li>{@code scalelab}: the kernel as the app drives it, {@link Simulation#runUntil(long, int)};
 *   <li>{@code baseline}: the kernel before issue 17 ({@link BinaryHeapBaseline}, a copy);
 *   <li>{@code ssjHenriksen}, {@code ssjBinaryTree}, {@code ssjSplayTree}, {@code ssjDoublyLinked}:
 *       SSJ 3.3.2's event lists under SSJ's own {@link Simulator} loop and
 *       {@link umontreal.ssj.simevents.Event#schedule(double)} (time in nanoseconds as a double, exact
 *       at these magnitudes);
 *   <li>{@code priorityQueue}: a plain {@link PriorityQueue} of (time, sequence) records, one object
 *       per scheduled event, the reference {@code scalelab bench} prints;
 *   <li>{@code drawOnly}: the delays alone, no list: the floor every variant pays;
 *   <li>{@code skewed...}: the kernel, the old kernel and SSJ's Henriksen on a mix like the
 *       simulator's but harder on ties (see {@link #SKEWED_NEAR}), not the hold model.
 * </ul>
 *
 * Run it (SSJ and JMH come in with the {@code jmh} profile only; the default build does not need
 * them):
 * <pre>
 * mvn -Pjmh test-compile exec:exec
 * mvn -Pjmh test-compile exec:exec -Djmh.args="EventListBenchmark -p pending=1000 -f 2"
 * </pre>
 * {@code DoublyLinked} is linear per insertion; it is left out at 100,000 pending (JMH's
 * {@code -p pending=...} picks the sizes).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventListBenchmark {
    /** Events fired per benchmark invocation. */
    static final int BATCH = 1000;

    /** Exp(mean 1 ms) in whole nanoseconds, the hold model's delay. */
    static long delay(SplittableRandom random) {
        return (long) (-1_000_000.0 * Math.log(1.0 - random.nextDouble()));
    }

    /** Initial times: uniform over the first millisecond. */
    static long initial(SplittableRandom random) {
        return (long) (random.nextDouble() * 1_000_000);
    }

    /**
     * The skewed mix of the simulator, harder on ties: 1,000 near events (now + Exp(1 ms)), 2,000
     * periodic ticks all due at the same nanosecond every 10 ms, and 5,000 far events (timeouts
     * 30 to 31 s ahead). About 1.3 M events per simulated second, one in six a tie of 2,000.
     */
    static final int SKEWED_NEAR = 1000;
    static final int SKEWED_TICKS = 2000;
    static final int SKEWED_FAR = 5000;
    static final long TICK = 10_000_000L;

    /** Kind 0 near, 1 tick, 2 far: the delay from {@code now}. */
    static long skewedDelay(int kind, long now, SplittableRandom random) {
        return switch (kind) {
            case 0 -> delay(random);
            case 1 -> (now / TICK + 1) * TICK - now;
            default -> 30_000_000_000L + random.nextInt(1_000_000_000);
        };
    }

    static int skewedKind(int i) {
        return i < SKEWED_NEAR ? 0 : i < SKEWED_NEAR + SKEWED_TICKS ? 1 : 2;
    }

    @State(Scope.Thread)
    public static class KernelSkewed {
        Simulation sim;

        @Setup(Level.Trial)
        public void setUp() {
            sim = new Simulation();
            SplittableRandom random = new SplittableRandom(1);
            Simulation s = sim;
            final class Mixed implements Event {
                final int kind;

                Mixed(int kind) {
                    this.kind = kind;
                }

                @Override
                public void fire() {
                    s.scheduleIn(skewedDelay(kind, s.nowNanos(), random), this);
                }
            }
            for (int i = 0; i < SKEWED_NEAR + SKEWED_TICKS + SKEWED_FAR; i++) {
                sim.schedule(skewedDelay(skewedKind(i), 0, random), new Mixed(skewedKind(i)));
            }
        }
    }

    @State(Scope.Thread)
    public static class BaselineSkewed {
        BinaryHeapBaseline sim;

        @Setup(Level.Trial)
        public void setUp() {
            sim = new BinaryHeapBaseline();
            SplittableRandom random = new SplittableRandom(1);
            BinaryHeapBaseline s = sim;
            final class Mixed implements Event {
                final int kind;

                Mixed(int kind) {
                    this.kind = kind;
                }

                @Override
                public void fire() {
                    s.scheduleIn(skewedDelay(kind, s.nowNanos(), random), this);
                }
            }
            for (int i = 0; i < SKEWED_NEAR + SKEWED_TICKS + SKEWED_FAR; i++) {
                sim.schedule(skewedDelay(skewedKind(i), 0, random), new Mixed(skewedKind(i)));
            }
        }
    }

    static final class SsjMixed extends umontreal.ssj.simevents.Event {
        private final SplittableRandom random;
        private final int kind;

        SsjMixed(Simulator sim, SplittableRandom random, int kind) {
            super(sim);
            this.random = random;
            this.kind = kind;
        }

        @Override
        public void actions() {
            schedule(skewedDelay(kind, (long) sim.time(), random));
        }
    }

    @State(Scope.Thread)
    public static class SsjHenriksenSkewed {
        SsjSimulator sim;

        @Setup(Level.Trial)
        public void setUp() {
            sim = new SsjSimulator(new Henriksen());
            SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < SKEWED_NEAR + SKEWED_TICKS + SKEWED_FAR; i++) {
                new SsjMixed(sim, random, skewedKind(i)).schedule(skewedDelay(skewedKind(i), 0, random));
            }
        }
    }

    @State(Scope.Thread)
    public static class Kernel {
        @Param({"10", "1000", "100000"})
        int pending;
        Simulation sim;

        @Setup(Level.Trial)
        public void setUp() {
            sim = new Simulation();
            SplittableRandom random = new SplittableRandom(1);
            Simulation s = sim;
            final class Hold implements Event {
                @Override
                public void fire() {
                    s.scheduleIn(delay(random), this);
                }
            }
            for (int i = 0; i < pending; i++) {
                sim.schedule(initial(random), new Hold());
            }
        }
    }

    @State(Scope.Thread)
    public static class Baseline {
        @Param({"10", "1000", "100000"})
        int pending;
        BinaryHeapBaseline sim;

        @Setup(Level.Trial)
        public void setUp() {
            sim = new BinaryHeapBaseline();
            SplittableRandom random = new SplittableRandom(1);
            BinaryHeapBaseline s = sim;
            final class Hold implements Event {
                @Override
                public void fire() {
                    s.scheduleIn(delay(random), this);
                }
            }
            for (int i = 0; i < pending; i++) {
                sim.schedule(initial(random), new Hold());
            }
        }
    }

    /** SSJ's own loop ({@code Simulator.start}) one event at a time: remove the first, run its actions. */
    static final class SsjSimulator extends Simulator {
        SsjSimulator(EventList list) {
            super(list);
            stopped = false; // as start() does before its loop
            simulating = true;
        }

        void step() {
            removeFirstEvent().actions();
        }
    }

    static final class SsjHold extends umontreal.ssj.simevents.Event {
        private final SplittableRandom random;

        SsjHold(Simulator sim, SplittableRandom random) {
            super(sim);
            this.random = random;
        }

        @Override
        public void actions() {
            schedule(delay(random));
        }
    }

    static SsjSimulator ssj(EventList list, int pending) {
        SsjSimulator sim = new SsjSimulator(list);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < pending; i++) {
            new SsjHold(sim, random).schedule(initial(random));
        }
        return sim;
    }

    @State(Scope.Thread)
    public static class SsjHenriksen {
        @Param({"10", "1000", "100000"})
        int pending;
        SsjSimulator sim;

        @Setup(Level.Trial)
        public void setUp() {
            sim = ssj(new Henriksen(), pending);
        }
    }

    @State(Scope.Thread)
    public static class SsjBinaryTree {
        @Param({"10", "1000", "100000"})
        int pending;
        SsjSimulator sim;

        @Setup(Level.Trial)
        public void setUp() {
            sim = ssj(new BinaryTree(), pending);
        }
    }

    @State(Scope.Thread)
    public static class SsjSplayTree {
        @Param({"10", "1000", "100000"})
        int pending;
        SsjSimulator sim;

        @Setup(Level.Trial)
        public void setUp() {
            sim = ssj(new SplayTree(), pending);
        }
    }

    @State(Scope.Thread)
    public static class SsjDoublyLinked {
        @Param({"10", "1000"})
        int pending;
        SsjSimulator sim;

        @Setup(Level.Trial)
        public void setUp() {
            sim = ssj(new DoublyLinked(), pending);
        }
    }

    record Pending(long timeNanos, long seq) {
    }

    @State(Scope.Thread)
    public static class Reference {
        @Param({"10", "1000", "100000"})
        int pending;
        PriorityQueue<Pending> queue;
        SplittableRandom random;
        long seq;

        @Setup(Level.Trial)
        public void setUp() {
            queue = new PriorityQueue<>(Comparator.comparingLong(Pending::timeNanos).thenComparingLong(Pending::seq));
            random = new SplittableRandom(1);
            for (int i = 0; i < pending; i++) {
                queue.add(new Pending(initial(random), seq++));
            }
        }
    }

    @State(Scope.Thread)
    public static class Draws {
        SplittableRandom random = new SplittableRandom(1);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int scalelab(Kernel k) {
        return k.sim.runUntil(Long.MAX_VALUE, BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int baseline(Baseline b) {
        return b.sim.runUntil(Long.MAX_VALUE, BATCH);
    }

    private static double steps(SsjSimulator sim) {
        for (int i = 0; i < BATCH; i++) {
            sim.step();
        }
        return sim.time();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double ssjHenriksen(SsjHenriksen s) {
        return steps(s.sim);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double ssjBinaryTree(SsjBinaryTree s) {
        return steps(s.sim);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double ssjSplayTree(SsjSplayTree s) {
        return steps(s.sim);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double ssjDoublyLinked(SsjDoublyLinked s) {
        return steps(s.sim);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long priorityQueue(Reference r) {
        PriorityQueue<Pending> queue = r.queue;
        SplittableRandom random = r.random;
        long seq = r.seq;
        long now = 0;
        for (int i = 0; i < BATCH; i++) {
            now = queue.poll().timeNanos();
            queue.add(new Pending(now + delay(random), seq++));
        }
        r.seq = seq;
        return now;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int skewedScalelab(KernelSkewed k) {
        return k.sim.runUntil(Long.MAX_VALUE, BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int skewedBaseline(BaselineSkewed b) {
        return b.sim.runUntil(Long.MAX_VALUE, BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double skewedSsjHenriksen(SsjHenriksenSkewed s) {
        return steps(s.sim);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long drawOnly(Draws d) {
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            sum += delay(d.random);
        }
        return sum;
    }
}
