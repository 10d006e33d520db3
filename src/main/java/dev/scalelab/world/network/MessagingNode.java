package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.events.EventRecord;
import dev.scalelab.engine.events.RecordProcessor;
import dev.scalelab.engine.events.WorkQueue;
import dev.scalelab.engine.events.WorkQueueConfig;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.DistributionSpec;
import dev.scalelab.world.Topology;

import java.util.HashMap;
import java.util.Map;

/**
 * A queue box, run by the pipeline's SQS engine ({@link WorkQueue}): its consumers compete for its
 * messages. Each worker of each ready instance of a consuming service is one consumer
 * ({@code worker-0/2}: the instance and the worker's number), receiving one message at a time and
 * processing it on its instance, with the service's own service time and calls. A received message
 * is invisible for the visibility timeout, counted from the receive: one its consumer failed, or did
 * not finish in time, comes back when it ends, and a receive beyond {@code maxReceives} moves it to
 * the dead letters. {@code capacity} bounds what it holds, visible and in flight. A message's time
 * here, from publish to its consumer's answer, is the node's response time.
 */
final class MessagingNode extends Broker {
    private Topology.Messaging delivery;
    final WorkQueue queue;
    /** The instance of each consumer, by consumer id. */
    private final Map<String, ServiceNode.Instance> consumers = new HashMap<>();
    /** The edge to each consumer's service, by consumer id. */
    private final Map<String, Link> edgeOf = new HashMap<>();
    /** Processings that succeeded (a duplicate's second one too). */
    private long consumed;
    /** Dead letters counted into {@link #errors} so far. */
    private long deadLettersCounted;

    MessagingNode(Network net, Topology.Node spec) {
        super(net, spec);
        this.delivery = spec.queue();
        this.queue = new WorkQueue(sim, id, config(delivery), net.streams.stream("node." + id + ".queue"), line -> net.decide(this, line));
    }

    /** One message a receive, as a consumer per worker takes it; the processing is the service's, never drawn here. */
    private static WorkQueueConfig config(Topology.Messaging d) {
        return new WorkQueueConfig(DistributionSpec.constant(0).toDistribution(), 1,
                Simulation.secondsToNanos(d.visibilityTimeoutSeconds()), d.maxReceives(), 0, d.capacity(), false);
    }

    @Override
    void change(NodeChange.Change c) {
        if (c.how() != NodeChange.How.QUEUE) {
            super.change(c);
            return;
        }
        delivery = spec.queue();
        queue.reconfigure(config(delivery)); // as the pipeline's queue: from the next receive
    }

    @Override
    void connect() {
        queue.processBy(this::process);
        for (Link l : out) {
            ServiceNode s = (ServiceNode) l.to;
            s.feeds.add(this);
            for (ServiceNode.Instance in : s.instances) {
                if (in.acceptsTraffic()) {
                    instanceReady(s, in);
                }
            }
        }
    }

    /** A consumer's message goes to its own instance over the edge to its service; the answer is the processing's outcome. */
    private void process(String consumerId, int partition, EventRecord record, RecordProcessor.Done done) {
        if (down) {
            heldWhileDown.add(() -> process(consumerId, partition, record, done));
            return;
        }
        ServiceNode.Instance in = consumers.get(consumerId);
        Link l = edgeOf.get(consumerId);
        Flow f = new Flow(record.id() >> 1, (int) record.key(), (record.id() & 1) == 1, record.publishNanos());
        f.pinned = in;
        f.receives = record.attempt() + 1;
        f.poisoned = record.poison();
        l.send(f, ok -> {
            if (ok && !record.poison()) {
                consumed++;
                latency.recordNanos(sim.nowNanos() - record.publishNanos());
            }
            done.done(ok);
        });
    }

    private static String consumerId(ServiceNode.Instance in, int worker) {
        return in.name + "/" + worker;
    }

    @Override
    void instanceReady(ServiceNode consumer, ServiceNode.Instance in) {
        Link l = null;
        for (Link o : out) {
            if (o.to == consumer) {
                l = o;
            }
        }
        for (int w = 0; w < in.workers; w++) {
            consumers.put(consumerId(in, w), in);
            edgeOf.put(consumerId(in, w), l);
            queue.addConsumer(consumerId(in, w));
        }
    }

    @Override
    void instanceLeaving(ServiceNode consumer, ServiceNode.Instance in) {
        for (int w = 0; w < in.workers; w++) {
            queue.removeConsumer(consumerId(in, w)); // it finishes its message in hand, which is already at its instance
        }
    }

    @Override
    void instanceCrashed(ServiceNode consumer, ServiceNode.Instance in) {
        for (int w = 0; w < in.workers; w++) {
            if (queue.consumers().contains(consumerId(in, w)) || queue.busy(consumerId(in, w))) {
                queue.crashConsumer(consumerId(in, w));
            }
            consumers.remove(consumerId(in, w));
            edgeOf.remove(consumerId(in, w));
        }
    }

    @Override
    boolean publish(Link from, Flow f) {
        arrive(from);
        boolean poisoned = poisons(f.key);
        // The message id carries whether its request read, so its consumer's edges of reads or writes still tell.
        if (down || !queue.send(new EventRecord(f.id << 1 | (f.read ? 1 : 0), f.key, sim.nowNanos(), 0, poisoned))) {
            return refuse();
        }
        published++;
        if (poisoned) {
            poisonSpent();
        }
        return true;
    }

    @Override
    void tick() {
        // A dead letter is the box's error: the message was given up.
        long dead = queue.deadLettered();
        errors += dead - deadLettersCounted;
        ownErrors += dead - deadLettersCounted;
        deadLettersCounted = dead;
        super.tick();
    }

    long consumed() {
        return consumed;
    }

    /** Its section as it runs now, for a watch to read. */
    Topology.Messaging delivery() {
        return delivery;
    }

    /** The consumer id of worker {@code worker} of {@code in}: {@code worker-0/2}. */
    static String consumerOf(ServiceNode.Instance in, int worker) {
        return consumerId(in, worker);
    }

    long deadLetters() {
        return queue.deadLettered();
    }

    /** Visible messages, waiting for a consumer. */
    @Override
    int queued() {
        return (int) Math.min(Integer.MAX_VALUE, queue.visible());
    }

    /** Messages in flight: received and not yet deleted or back. */
    @Override
    int inService() {
        return (int) Math.min(Integer.MAX_VALUE, queue.inFlight());
    }

    @Override
    void report(ObjectNode out) {
        out.put("published", published);
        out.put("consumed", consumed);
        out.put("deadLetters", deadLetters());
        out.put("refused", refused);
        out.put("backlog", queued());
        out.put("redelivered", queue.redelivered());
        out.put("duplicates", queue.duplicates());
    }
}
