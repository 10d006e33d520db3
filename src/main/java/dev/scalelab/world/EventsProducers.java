package dev.scalelab.world;

import dev.scalelab.engine.events.EventRecord;
import dev.scalelab.engine.events.Partitioner;
import dev.scalelab.engine.events.StickyPartitioner;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.sim.Event;
import dev.scalelab.sim.RandomStreams;
import dev.scalelab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What publishes: the request path (a fraction of answered requests, or every write, before the
 * response), steady Poisson sources shaped as the workload is, and the timeline's bursts. Keyed
 * records go where Kafka's default partitioner puts them; unkeyed ones fill a batch on one
 * partition (one sticky partitioner per producer). When a topic or queue is full a producer
 * blocks, holding the request and its worker as a blocked send() holds its thread, up to
 * {@code maxBlockMs}, or drops the record. Confined to the simulation thread.
 */
final class EventsProducers {
    private static final long FAILURE_LINE_PERIOD_NANOS = 30 * Simulation.NANOS_PER_SECOND;

    /** One producer of the scenario: where it publishes and its own random streams. */
    private final class Producer {
        final int index;
        final EventsTopic topic;
        final EventsQueue queue;
        final StickyPartitioner sticky;
        final SplittableRandom fractionRandom;
        final SplittableRandom arrivalRandom;
        final SplittableRandom keyRandom;
        long generation;

        Producer(int index, EventsTopic topic, EventsQueue queue, RandomStreams streams) {
            this.index = index;
            this.topic = topic;
            this.queue = queue;
            String stream = "events.producer." + index;
            EventStreams.Producer p = config();
            sticky = new StickyPartitioner(p.batchRecords(), streams.stream(stream + ".sticky"));
            fractionRandom = streams.stream(stream + ".fraction");
            arrivalRandom = streams.stream(stream + ".arrival");
            keyRandom = streams.stream(stream + ".keys");
        }

        EventStreams.Producer config() {
            return world.currentScenario().events().producers().get(index);
        }

        boolean full() {
            return topic != null ? topic.topic.full() : queue.queue.full();
        }

        void whenSpace(Runnable r) {
            if (topic != null) {
                topic.topic.whenSpace(r);
            } else {
                queue.queue.whenSpace(r);
            }
        }

        void cancelWait(Runnable r) {
            if (topic != null) {
                topic.topic.cancelWait(r);
            } else {
                queue.queue.cancelWait(r);
            }
        }

        void send(long key) {
            EventsProducers.this.send(topic, queue, key, sticky);
        }
    }

    /** A publish waiting for room: it runs when there is some, or fails when its max block time is up. */
    private final class Wait implements Runnable, Event {
        final Producer producer;
        /** The request that waits with it, or null for a steady producer's record. */
        final Request request;
        final long key;
        boolean over;

        Wait(Producer producer, Request request, long key) {
            this.producer = producer;
            this.request = request;
            this.key = key;
        }

        void start() {
            producer.whenSpace(this);
            if (!over) {
                sim.scheduleIn(Simulation.millisToNanos(producer.config().maxBlockMs()), this);
            }
        }

        /** Room: the record goes, and the request publishes the rest it owes. */
        @Override
        public void run() {
            if (over) {
                return;
            }
            over = true;
            if (request == null) {
                producer.send(key);
                return;
            }
            if (request.instance.lifecycle == Lifecycle.FAILED) {
                world.path.published(request, false); // its instance crashed meanwhile: nothing is sent
                return;
            }
            producer.send(key);
            if (!publishFrom(request, producer.index + 1)) {
                world.path.published(request, true);
            }
        }

        /** max.block.ms passed: the send fails, and so does the request. */
        @Override
        public void fire() {
            if (over) {
                return;
            }
            over = true;
            producer.cancelWait(this);
            if (request != null && request.instance.lifecycle == Lifecycle.FAILED) {
                world.path.published(request, false); // lost with its instance, and counted then
                return;
            }
            dropped++;
            failuresSinceLine++;
            if (sim.nowNanos() >= nextFailureLineNanos) {
                String where = producer.topic != null ? producer.topic.name : producer.queue.name;
                world.log(Source.EVENTS, (request == null ? "record dropped" : "request failed")
                        + " (publish blocked past max.block.ms): " + where + " stayed full for "
                        + Parameter.format(producer.config().maxBlockMs()) + " ms"
                        + (failuresSinceLine > 1 ? "; " + failuresSinceLine + " such publishes since the last such line" : ""));
                failuresSinceLine = 0;
                nextFailureLineNanos = sim.nowNanos() + FAILURE_LINE_PERIOD_NANOS;
            }
            if (request != null) {
                world.path.published(request, false);
            }
        }
    }

    private final World world;
    private final Simulation sim;
    private final List<Producer> all = new ArrayList<>();
    /** The producers fed by the request path, in the scenario's order. */
    private final Producer[] onRequests;
    private final SplittableRandom burstRandom;
    private long nextRecordId;
    long blocked;
    long dropped;
    private long failuresSinceLine;
    private long nextFailureLineNanos;

    EventsProducers(World world, Simulation sim, EventStreams.Events events, Map<String, EventsTopic> topics,
                    Map<String, EventsQueue> queues, RandomStreams streams) {
        this.world = world;
        this.sim = sim;
        List<Producer> requests = new ArrayList<>();
        for (int i = 0; i < events.producers().size(); i++) {
            EventStreams.Producer p = events.producers().get(i);
            Producer producer = new Producer(i, topics.get(p.topic()), queues.get(p.topic()), streams);
            all.add(producer);
            if (p.source() != EventStreams.Source.STEADY) {
                requests.add(producer);
            }
        }
        onRequests = requests.toArray(new Producer[0]);
        burstRandom = streams.stream("events.burst");
    }

    /** Starts the steady producers' arrivals. */
    void start() {
        for (Producer p : all) {
            if (p.config().source() == EventStreams.Source.STEADY) {
                restart(p);
            }
        }
    }

    /** A producer's rate or shape changed: a steady one draws its next arrival afresh from now (Poisson: exact). */
    void reconfigure(int index) {
        Producer p = all.get(index);
        if (p.config().source() == EventStreams.Source.STEADY) {
            restart(p);
        }
    }

    private void restart(Producer p) {
        p.generation++;
        long generation = p.generation;
        scheduleArrival(p, new Event() {
            @Override
            public void fire() {
                if (generation != p.generation) {
                    return; // superseded by a rate change
                }
                steadyArrival(p);
                scheduleArrival(p, this);
            }
        });
    }

    private void scheduleArrival(Producer p, Event e) {
        EventStreams.Producer c = p.config();
        double next = c.shape().nextArrivalSeconds(c.ratePerSecond(), sim.nowSeconds(), p.arrivalRandom);
        if (Double.isFinite(next)) {
            sim.schedule(Math.max(sim.nowNanos(), Simulation.secondsToNanos(next)), e);
        }
    }

    private void steadyArrival(Producer p) {
        EventStreams.Producer c = p.config();
        long key = c.keyed() ? p.keyRandom.nextInt(c.keyCount()) : EventRecord.NO_KEY;
        if (mustWait(p, key)) {
            new Wait(p, null, key).start();
        }
    }

    /**
     * Sends a record with {@code key} if the producer's buffer has room, or drops it when full and
     * told to; returns true when the publisher must wait for room instead (counted as blocked).
     */
    private boolean mustWait(Producer p, long key) {
        if (!p.full()) {
            p.send(key);
            return false;
        }
        if (p.config().whenFull() == EventStreams.WhenFull.DROP) {
            dropped++;
            return false;
        }
        blocked++;
        return true;
    }

    // ------------------------------------------------------------------ the request path

    /**
     * Publishes the records request {@code r} owes, before its response. Returns false when every
     * one went (or was dropped) at once; true when a publish waits for room: the path then hears
     * of the request again through {@link RequestPath#published}.
     */
    boolean publish(Request r) {
        return onRequests.length != 0 && publishFrom(r, 0);
    }

    private boolean publishFrom(Request r, int fromIndex) {
        for (Producer p : onRequests) {
            if (p.index < fromIndex) {
                continue;
            }
            EventStreams.Producer c = p.config();
            boolean owes = c.source() == EventStreams.Source.WRITES ? !r.read
                    : c.fraction() >= 1 || p.fractionRandom.nextDouble() < c.fraction();
            if (!owes) {
                continue;
            }
            long key = c.keyed() ? r.key : EventRecord.NO_KEY;
            if (mustWait(p, key)) {
                r.enter(Phase.PUBLISH, sim.nowNanos());
                new Wait(p, r, key).start();
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ actions

    /**
     * publish-burst: {@code count} records at once to a topic or queue, keyed uniformly over
     * {@code keyCount} keys; what does not fit is dropped.
     */
    long burst(EventsTopic topic, EventsQueue queue, long count, int keyCount) {
        long sent = 0;
        for (long i = 0; i < count; i++) {
            if (topic != null ? topic.topic.full() : queue.queue.full()) {
                dropped += count - i;
                break;
            }
            send(topic, queue, burstRandom.nextInt(keyCount), null);
            sent++;
        }
        return sent;
    }

    /** One record, with the next id of the run, to its partition (by key, or by the sticky partitioner) or queue. */
    private void send(EventsTopic topic, EventsQueue queue, long key, StickyPartitioner sticky) {
        long id = nextRecordId++;
        long now = sim.nowNanos();
        if (topic == null) {
            queue.queue.send(new EventRecord(id, key, now, 0, false));
            return;
        }
        int partitions = topic.topic.partitions();
        int partition = key == EventRecord.NO_KEY ? sticky.next(partitions) : Partitioner.partitionOf(key, partitions);
        topic.append(partition, new EventRecord(id, key, now, 0, topic.takePoison(key)));
    }
}
