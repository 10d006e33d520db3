package dev.scalelab.world;

import dev.scalelab.engine.events.EventRecord;
import dev.scalelab.engine.events.PartitionLog;
import dev.scalelab.engine.events.Topic;
import dev.scalelab.engine.metrics.RingSeries;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A topic in the world: the engine's {@link Topic}, the groups that read it, the poison records
 * the timeline asked for, and its measures. Confined to the simulation thread.
 */
final class EventsTopic {
    /** How many poison records are remembered for the view: each is one action of the timeline or the user. */
    private static final int POISON_CAPACITY = 1000;

    final String name;
    final Topic topic;
    final List<EventsGroup> groups = new ArrayList<>();
    /** poison without a key: the next record published is poison. */
    private boolean poisonNext;
    /** poison with a key: the next record of each of these keys is poison. */
    private long[] poisonKeys = new long[0];
    /** Poison records published, as {partition, offset}, for the view. */
    final List<long[]> poisonRecords = new ArrayList<>();

    final RingSeries publishedPerSecond = new RingSeries(World.SERIES_CAPACITY);
    private long lastPublished;
    long lagMax;

    EventsTopic(Simulation sim, EventStreams.Topic t) {
        this.name = t.name();
        this.topic = new Topic(sim, t.name(), t.partitions(), Simulation.secondsToNanos(t.retentionSeconds()), t.maxRecords());
    }

    /** poison: the next record with {@code key} is poison, or the next record at all without one. */
    void poison(Long key) {
        if (key == null) {
            poisonNext = true;
            return;
        }
        long[] next = Arrays.copyOf(poisonKeys, poisonKeys.length + 1);
        next[poisonKeys.length] = key;
        poisonKeys = next;
    }

    /** Whether the record about to be published with {@code key} is poison; a pending poison is used up. */
    boolean takePoison(long key) {
        if (poisonNext) {
            poisonNext = false;
            return true;
        }
        for (int i = 0; i < poisonKeys.length; i++) {
            if (poisonKeys[i] == key) {
                long[] next = new long[poisonKeys.length - 1];
                System.arraycopy(poisonKeys, 0, next, 0, i);
                System.arraycopy(poisonKeys, i + 1, next, i, next.length - i);
                poisonKeys = next;
                return true;
            }
        }
        return false;
    }

    /** Appends {@code r} to {@code partition}, remembering it if it is poison. */
    void append(int partition, EventRecord r) {
        long offset = topic.append(partition, r);
        if (r.poison() && poisonRecords.size() < POISON_CAPACITY) {
            poisonRecords.add(new long[] {partition, offset});
        }
    }

    /** Records every group has consumed: published less the slowest group's backlog. */
    long consumed() {
        return topic.published() - topic.backlog();
    }

    void sample() {
        long published = topic.published();
        publishedPerSecond.append(published - lastPublished);
        lastPublished = published;
        lagMax = Math.max(lagMax, topic.backlog());
    }

    /** The partitions' logs now; the poison records at or after {@code slowestPosition[p]}. */
    List<EventsView.PartitionView> partitionViews(long[] slowestPosition) {
        int n = topic.partitions();
        List<EventsView.PartitionView> out = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            PartitionLog log = topic.partition(p);
            long end = log.logEndOffset();
            long from = Math.max(log.logStartOffset(), end - EventsView.TAIL_RECORDS);
            long[] keys = new long[(int) (end - from)];
            for (long o = from; o < end; o++) {
                keys[(int) (o - from)] = log.keyAt(o);
            }
            int poison = 0;
            for (long[] rec : poisonRecords) {
                if (rec[0] == p && rec[1] >= slowestPosition[p] && rec[1] >= log.logStartOffset()) {
                    poison++;
                }
            }
            long[] poisonOffsets = new long[poison];
            int i = 0;
            for (long[] rec : poisonRecords) {
                if (rec[0] == p && rec[1] >= slowestPosition[p] && rec[1] >= log.logStartOffset()) {
                    poisonOffsets[i++] = rec[1];
                }
            }
            out.add(new EventsView.PartitionView(p, log.logStartOffset(), end, keys, poisonOffsets));
        }
        return List.copyOf(out);
    }
}
