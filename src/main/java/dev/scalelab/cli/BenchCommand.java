package dev.scalelab.cli;

import dev.scalelab.runtime.ParallelRuns;
import dev.scalelab.runtime.SeekTimes;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.World;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * Measures the two throughput budgets: the kernel on the classic hold model (a fixed population of
 * pending events, each rescheduling itself at an exponential delay), and the whole system on the
 * default scenario, in simulated requests per wall second. Best of three timed rounds after a warm-up.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Print kernel events/s (hold model), simulated requests per wall second (default and full-stack scenarios) "
                + "and how independent runs scale over the cores.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pending", defaultValue = "1000", description = "Pending events in the hold model (default ${DEFAULT-VALUE}).")
    int pending;

    @Option(names = "--events", defaultValue = "20000000", description = "Events per timed kernel round (default ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--simulated-seconds", defaultValue = "7200",
            description = "Virtual seconds of the default scenario per timed round (default ${DEFAULT-VALUE}).")
    double simulatedSeconds;

    @Option(names = "--seek", description = "Also time the timeline bar's seek on a one-hour run of the full-stack preset: "
            + "from t = 0, then through checkpoints (adds about a minute).")
    boolean seek;

    @Override
    public Integer call() {
        if (pending < 1 || events < 1 || !(simulatedSeconds > 0)) {
            throw new Cli.UsageException("--pending, --events and --simulated-seconds must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        holdModel(Math.min(events, 2_000_000)); // warm-up
        priorityQueueHoldModel(Math.min(events, 2_000_000));
        double best = 0;
        double reference = 0;
        for (int round = 0; round < 3; round++) { // interleaved, so both see the same machine
            best = Math.max(best, holdModel(events));
            reference = Math.max(reference, priorityQueueHoldModel(events));
        }
        out.printf(Locale.ROOT, "kernel: %.1f M events/s (hold model, %d pending events, best of 3 x %d events); "
                        + "java.util.PriorityQueue on the same model in this run: %.1f M events/s, ratio %.2f%n",
                best / 1e6, pending, events, reference / 1e6, best / reference);
        out.flush();

        Scenario scenario = Presets.load("default");
        wholeSystem(scenario, Math.min(600, simulatedSeconds)); // warm-up
        double bestRequests = 0;
        double bestEvents = 0;
        for (int round = 0; round < 3; round++) {
            double[] r = wholeSystem(scenario, simulatedSeconds);
            if (r[0] > bestRequests) {
                bestRequests = r[0];
                bestEvents = r[1];
            }
        }
        out.printf(Locale.ROOT, "system: %.0f k simulated requests per wall second (%.1f M events/s; default scenario, %s simulated seconds per round, best of 3)%n",
                bestRequests / 1e3, bestEvents / 1e6, dev.scalelab.world.Parameter.format(simulatedSeconds));
        out.flush();

        // Every part on the request path: autoscaler, cache, database with replicas, a dependency with retries.
        Scenario full = Presets.load("full-stack");
        double fullSeconds = Math.min(900, simulatedSeconds);
        wholeSystem(full, Math.min(120, fullSeconds)); // warm-up
        double bestFull = 0;
        for (int round = 0; round < 3; round++) {
            bestFull = Math.max(bestFull, wholeSystem(full, fullSeconds)[0]);
        }
        out.printf(Locale.ROOT, "full stack: %.0f k simulated requests per wall second (full-stack preset, %s simulated seconds per round, best of 3)%n",
                bestFull / 1e3, dev.scalelab.world.Parameter.format(fullSeconds));
        out.flush();

        // A sweep's or a seed band's runs are independent: on c cores they should take about 1/c of the time.
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores > 1) {
            int runs = 4 * cores;
            parallelRuns(scenario, runs, cores); // warm-up
            double oneThread = parallelRuns(scenario, runs, 1);
            double allThreads = parallelRuns(scenario, runs, cores);
            out.printf(Locale.ROOT, "parallel runs: %d default-scenario runs of 600 simulated seconds take %.2f s on 1 thread, "
                    + "%.2f s on %d: %.2f of the time%n", runs, oneThread, allThreads, cores, allThreads / oneThread);
            out.flush();
        }

        if (seek) {
            seekTimes(out);
        }

        double[] memory = bytesPerQueuedRequest();
        out.printf(Locale.ROOT, "memory: %.0f bytes per queued request (heap growth over %,.0f queued requests); "
                        + "the load-time check counts %d%n", memory[0], memory[1], World.BYTES_PER_REQUEST);
        out.flush();
        return Cli.EXIT_OK;
    }

    private static void seekTimes(PrintWriter out) {
        int moments = 24;
        try {
            SeekTimes t = SeekTimes.measure(Presets.load("full-stack").withDurationSeconds(3600), moments);
            out.printf(Locale.ROOT, "seek: full-stack one-hour run: to its end from t = 0 %.2f s; through checkpoints (%d parked, "
                            + "built in %.0f s after the run) to %d moments spread over it: median %.2f s, max %.2f s%n",
                    t.fromStartMillis() / 1e3, t.checkpoints(), t.buildSeconds(), moments, t.medianMillis() / 1e3, t.maxMillis() / 1e3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            out.println("seek: not measured: " + e);
        }
        out.flush();
    }

    /** Events per wall second. */
    private double holdModel(long eventCount) {
        Simulation sim = new Simulation();
        SplittableRandom random = new SplittableRandom(1);
        final class Hold implements Event {
            @Override
            public void fire() {
                sim.scheduleIn((long) (-1_000_000.0 * Math.log(1.0 - random.nextDouble())), this);
            }
        }
        for (int i = 0; i < pending; i++) {
            sim.schedule((long) (random.nextDouble() * 1_000_000), new Hold());
        }
        long start = System.nanoTime();
        for (long i = 0; i < eventCount; i++) {
            sim.step(Long.MAX_VALUE);
        }
        return eventCount * 1e9 / (System.nanoTime() - start);
    }

    /**
     * The same hold model on a plain {@link PriorityQueue} of (time, sequence) entries, one object
     * per scheduled event, as a straightforward kernel would write it: a reference every machine
     * has, so the kernel's figure reads as a ratio measured in the same run.
     */
    private double priorityQueueHoldModel(long eventCount) {
        record Pending(long timeNanos, long seq) {
        }
        PriorityQueue<Pending> queue = new PriorityQueue<>(
                Comparator.comparingLong(Pending::timeNanos).thenComparingLong(Pending::seq));
        SplittableRandom random = new SplittableRandom(1);
        long seq = 0;
        for (int i = 0; i < pending; i++) {
            queue.add(new Pending((long) (random.nextDouble() * 1_000_000), seq++));
        }
        long start = System.nanoTime();
        for (long i = 0; i < eventCount; i++) {
            long now = queue.poll().timeNanos();
            queue.add(new Pending(now + (long) (-1_000_000.0 * Math.log(1.0 - random.nextDouble())), seq++));
        }
        return eventCount * 1e9 / (System.nanoTime() - start);
    }

    /** Wall seconds to run {@code runs} copies of {@code scenario} (seeds 1, 2, …) to 600 s on {@code threads} threads. */
    private static double parallelRuns(Scenario scenario, int runs, int threads) {
        List<ParallelRuns.Run<Long>> list = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Scenario s = scenario.withDurationSeconds(600).withSeed(i + 1);
            list.add(stop -> {
                World world = new World(s);
                ParallelRuns.toEnd(world, 600, stop);
                return world.snapshot().completed();
            });
        }
        long start = System.nanoTime();
        ParallelRuns.run(list, threads, "bench-run", null, null);
        return (System.nanoTime() - start) / 1e9;
    }

    /** A backlog that only grows: one worker busy for good, every other arrival queued. */
    private static final String BACKLOG = "{\"schema\":1,\"seed\":1,\"durationSeconds\":10,"
            + "\"workload\":{\"arrival\":{\"ratePerSecond\":50000}},"
            + "\"service\":{\"instances\":1,\"workersPerInstance\":1,\"queueCapacity\":1000000,"
            + "\"serviceTime\":{\"distribution\":\"constant\",\"meanMs\":3600000}}}";

    /**
     * {bytes of heap per queued request, requests queued}: the heap in use (after a collection)
     * before and after 500,000 requests pile up in one queue, divided by their number. It counts
     * everything the world keeps per waiting request, whatever the object layout.
     */
    private static double[] bytesPerQueuedRequest() {
        World world = new World(dev.scalelab.world.ScenarioFiles.parse(BACKLOG), Long.MAX_VALUE / 2);
        world.advanceTo(Simulation.secondsToNanos(0.5)); // past start-up allocations
        long queuedBefore = queued(world);
        long before = usedHeapAfterGc();
        world.advanceTo(Simulation.secondsToNanos(10.5));
        long queued = queued(world) - queuedBefore;
        long after = usedHeapAfterGc();
        java.lang.ref.Reference.reachabilityFence(world);
        return new double[] {(after - before) / (double) queued, queued};
    }

    private static long queued(World world) {
        dev.scalelab.world.Snapshot s = world.snapshot();
        return s.offered() - s.completed() - s.rejected() - s.failed();
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    /** {requests completed per wall second, events per wall second}. */
    private static double[] wholeSystem(Scenario scenario, double seconds) {
        World world = new World(scenario.withDurationSeconds(seconds));
        long start = System.nanoTime();
        world.advanceTo(Simulation.secondsToNanos(seconds));
        double wall = (System.nanoTime() - start) / 1e9;
        dev.scalelab.world.Snapshot s = world.snapshot();
        return new double[] {s.completed() / wall, s.eventsFired() / wall};
    }
}
