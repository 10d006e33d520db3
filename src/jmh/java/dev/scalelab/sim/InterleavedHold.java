package dev.scalelab.sim;

import umontreal.ssj.simevents.eventlist.Henriksen;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;

/**
 * The hold model of {@link EventListBenchmark} in interleaved rounds timed on the thread's CPU
 * clock, for a machine too loaded for JMH's wall-clock scores to mean much: every round runs each
 * variant once, and the ratio of the kernel to SSJ's Henriksen is taken within each round. Not a
 * JMH benchmark; after {@code mvn -Pjmh test-compile}, run with the test class path:
 * {@code java -cp target/classes:target/test-classes:<jmh and ssj jars> dev.scalelab.sim.InterleavedHold [pending] [rounds] [events]}.
 */
public final class InterleavedHold {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int pending = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        long events = args.length > 2 ? Long.parseLong(args[2]) : 2_000_000;
        String[] names = {"scalelab", "baseline", "ssjHenriksen", "priorityQueue"};
        IntSupplier[] runs = new IntSupplier[names.length];
        {
            Simulation sim = new Simulation();
            SplittableRandom random = new SplittableRandom(1);
            final class Hold implements Event {
                public void fire() {
                    sim.scheduleIn(EventListBenchmark.delay(random), this);
                }
            }
            for (int i = 0; i < pending; i++) {
                sim.schedule(EventListBenchmark.initial(random), new Hold());
            }
            runs[0] = () -> sim.runUntil(Long.MAX_VALUE, 1000);
        }
        {
            BinaryHeapBaseline sim = new BinaryHeapBaseline();
            SplittableRandom random = new SplittableRandom(1);
            final class Hold implements Event {
                public void fire() {
                    sim.scheduleIn(EventListBenchmark.delay(random), this);
                }
            }
            for (int i = 0; i < pending; i++) {
                sim.schedule(EventListBenchmark.initial(random), new Hold());
            }
            runs[1] = () -> sim.runUntil(Long.MAX_VALUE, 1000);
        }
        {
            EventListBenchmark.SsjSimulator sim = EventListBenchmark.ssj(new Henriksen(), pending);
            runs[2] = () -> {
                for (int i = 0; i < 1000; i++) {
                    sim.step();
                }
                return 1000;
            };
        }
        {
            EventListBenchmark.Reference reference = new EventListBenchmark.Reference();
            reference.pending = pending;
            reference.setUp();
            EventListBenchmark bench = new EventListBenchmark();
            runs[3] = () -> (int) bench.priorityQueue(reference);
        }
        double[][] rates = new double[names.length][rounds];
        for (int w = 0; w < 3; w++) {
            for (IntSupplier r : runs) {
                for (long i = 0; i < events; i += 1000) {
                    r.getAsInt();
                }
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (int v = 0; v < runs.length; v++) {
                long start = CPU.getCurrentThreadCpuTime(); // CPU time: what other processes take is left out
                for (long i = 0; i < events; i += 1000) {
                    runs[v].getAsInt();
                }
                rates[v][round] = events * 1e3 / (CPU.getCurrentThreadCpuTime() - start); // events per microsecond
            }
        }
        double[] ratio = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            ratio[round] = rates[0][round] / rates[2][round];
        }
        Arrays.sort(ratio);
        System.out.printf("scalelab/ssjHenriksen per round: median %.2f min %.2f max %.2f%n", ratio[rounds / 2], ratio[0], ratio[rounds - 1]);
        for (int v = 0; v < names.length; v++) {
            double[] r = rates[v].clone();
            Arrays.sort(r);
            System.out.printf("%-14s pending=%d best %.2f median %.2f worst %.2f ev/us%n", names[v], pending, r[r.length - 1], r[r.length / 2], r[0]);
        }
    }
}
