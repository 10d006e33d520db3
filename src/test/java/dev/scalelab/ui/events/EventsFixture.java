package dev.scalelab.ui.events;

import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.RunStatus;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.EventsView;
import dev.scalelab.world.EventsView.ConsumerView;
import dev.scalelab.world.EventsView.GroupView;
import dev.scalelab.world.EventsView.PartitionView;
import dev.scalelab.world.EventsView.QueueView;
import dev.scalelab.world.EventsView.TopicView;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Events views as the world would make them, for the panel's tests: a topic "orders" of P partitions,
 * each holding 1,000 records plus 10 per partition number, read by group "billing" whose committed
 * offset lags 100 + 20 × p behind the log end (its position 10 ahead of the commit); partition 0 holds
 * a poison record 30 behind its end and waits on retry 3; consumers own the partitions round-robin
 * (the last of them still booting, owning none). A work queue "jobs" rides along when asked for.
 */
final class EventsFixture {
    static final long BASE_RECORDS = 1_000;
    private static long frameNumber;

    private EventsFixture() {
    }

    static long logEnd(int p) {
        return BASE_RECORDS + 10L * p;
    }

    static long lag(int p) {
        return 100 + 20L * p;
    }

    /** The view with {@code partitions} partitions and {@code consumers} ready consumers (plus one booting), {@code seconds} per-second points. */
    static EventsView view(int partitions, int consumers, int seconds, boolean rebalancing, boolean withQueue) {
        List<PartitionView> parts = new ArrayList<>();
        long[] committed = new long[partitions];
        long[] positions = new long[partitions];
        long[] lags = new long[partitions];
        boolean[] stopped = new boolean[partitions];
        int[] retries = new int[partitions];
        double[][] partitionLag = new double[partitions][];
        long total = 0;
        for (int p = 0; p < partitions; p++) {
            long end = logEnd(p);
            long[] keys = new long[EventsView.TAIL_RECORDS];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = i % 7 == 0 ? -1 : (p * 31L + i) % 50;
            }
            parts.add(new PartitionView(p, 0, end, keys, p == 0 ? new long[] {end - 30} : new long[0]));
            committed[p] = end - lag(p);
            positions[p] = committed[p] + 10;
            lags[p] = lag(p);
            total += lags[p];
            stopped[p] = rebalancing || p == 0;
            retries[p] = p == 0 ? 3 : 0;
            partitionLag[p] = series(seconds, lag(p));
        }
        List<ConsumerView> members = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            List<Integer> owned = new ArrayList<>();
            for (int p = c; p < partitions; p += consumers) {
                owned.add(p);
            }
            members.add(new ConsumerView("billing-" + c, Lifecycle.READY, c, owned.stream().mapToInt(Integer::intValue).toArray(),
                    c % 2 == 0 && !owned.isEmpty() ? owned.get(0) : -1, 500 + c));
        }
        members.add(new ConsumerView("billing-" + consumers, Lifecycle.BOOTING, consumers, new int[0], -1, 0));
        TopicView topic = new TopicView("orders", parts, partitions * BASE_RECORDS, total, 0, false, series(seconds, 250));
        GroupView group = new GroupView("billing", "orders", "range", "auto", "in-order", false, members, committed, positions, lags,
                stopped, retries, total, rebalancing, 2, 6_000, 40_000, 120, 37, 4, 0, 0, 12.5, 480, 8,
                "billing: lag 12,400 over 8 partitions, threshold 1,000 → 13 → capped at 8 partitions → 8 consumers (was 2)",
                series(seconds, total), partitionLag, series(seconds, 480), series(seconds, consumers), series(seconds, 8),
                series(seconds, 240), series(seconds, 1), series(seconds, 0.5));
        List<QueueView> queues = withQueue ? List.of(queue(seconds)) : List.of();
        return new EventsView(List.of(topic), List.of(group), queues, 3, 1, series(seconds, 0), series(seconds, 0));
    }

    static QueueView queue(int seconds) {
        List<ConsumerView> workers = List.of(new ConsumerView("jobs-0", Lifecycle.READY, 0, new int[0], 0, 90),
                new ConsumerView("jobs-1", Lifecycle.READY, 1, new int[0], -1, 85),
                new ConsumerView("jobs-2", Lifecycle.FAILED, 2, new int[0], -1, 12));
        return new QueueView("jobs", workers, 340, 2, 0, 1_000, 650, 9, 4, 2, 30, 800, 2_400, 3, "jobs: 342 messages → 3",
                series(seconds, 340), series(seconds, 2), series(seconds, 2), series(seconds, 3), series(seconds, 0.2),
                series(seconds, 0.1), series(seconds, 2_400));
    }

    /** A snapshot of the default preset after {@code seconds}, its events part made by {@code events} (null: none). */
    static Snapshot snapshot(double seconds, Part events) {
        World world = new World(Presets.load("default"));
        world.advanceTo(Simulation.secondsToNanos(seconds));
        Snapshot s = world.snapshot();
        EventsView view = events == null ? null : events.at(s.series().size());
        return new Snapshot(s.timeSeconds(), s.eventsFired(), s.current(), s.instances(), s.offered(), s.completed(),
                s.rejected(), s.failed(), s.lastSample(), s.totalLatency(), s.series(), s.dispatches(), s.logCount(),
                s.recentLog(), s.scaling(), s.balancer(), s.cache(), s.data(), s.dependencies(), s.performance(), view, s.gateway(), s.history());
    }

    /** The events view a world would make with {@code seconds} per-second points. */
    interface Part {
        EventsView at(int seconds);
    }

    static Frame frame(Snapshot snapshot) {
        return new Frame(snapshot, new RunStatus(++frameNumber, true, false, 1, 0, false, null), null);
    }

    static double[] series(int seconds, double value) {
        double[] s = new double[seconds];
        Arrays.fill(s, value);
        return s;
    }
}
