package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.design.NodeKind;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A queue or a topic. A queue's consumers compete for its one backlog; a topic keeps a backlog per
 * consuming service (a consumer group each) and every group gets every message. A consumer takes as
 * many messages at once as it has ready workers; a message its consumer failed comes back after the
 * visibility timeout, and after {@code maxReceives} deliveries goes to the dead letters. A message's
 * time here, from publish to its consumer's answer, is the node's response time.
 */
final class MessagingNode extends NetNode {
    private final Topology.Messaging delivery;
    private final boolean topic;
    /** One backlog per consuming edge for a topic; one shared, at index 0, for a queue. */
    private final List<ArrayDeque<Flow>> backlogs = new ArrayList<>();
    private int[] deliveredUnanswered = new int[0];
    private int held;
    private int nextConsumer;
    long published;
    long consumed;
    long deadLetters;
    long refused;
    /** Set by poison: the next message published with this key (any key when {@link #ANY_KEY}) is poisoned. */
    private Integer poisonKey;
    static final int ANY_KEY = Integer.MIN_VALUE;
    private java.util.SplittableRandom burstKeys;

    MessagingNode(Network net, Topology.Node spec) {
        super(net, spec);
        this.delivery = spec.messaging();
        this.topic = spec.nodeKind() == NodeKind.TOPIC;
    }

    @Override
    void connect() {
        deliveredUnanswered = new int[out.size()];
        for (int i = 0; i < (topic ? out.size() : 1); i++) {
            backlogs.add(new ArrayDeque<>());
        }
        for (Link l : out) {
            ((ServiceNode) l.to).feeds.add(this);
        }
    }

    @Override
    void accept(Flow f, Reply reply) {
        reply.done(publish(null, f));
    }

    /** A producer publishes {@code f}; false when the node is down or full (the producer's publish fails). */
    boolean publish(Link from, Flow f) {
        if (from != null) {
            from.crossed++; // an async edge carries the publish as a sync edge carries a call (Link#send)
        }
        arrivals++;
        if (down || (delivery.capacity() > 0 && held >= delivery.capacity())) {
            refused++;
            errors++;
            ownErrors++;
            return false;
        }
        published++;
        boolean poisoned = poisonKey != null && (poisonKey == ANY_KEY || poisonKey == f.key);
        if (poisoned) {
            poisonKey = null;
        }
        if (topic) {
            for (ArrayDeque<Flow> b : backlogs) {
                b.addLast(message(f, poisoned));
                held++;
            }
        } else if (!backlogs.isEmpty()) {
            backlogs.get(0).addLast(message(f, poisoned));
            held++;
        }
        deliver();
        return true;
    }

    private Flow message(Flow f, boolean poisoned) {
        Flow m = new Flow(f.id, f.key, f.read, sim.nowNanos());
        m.poisoned = poisoned;
        return m;
    }

    /** poison: the next message published with {@code key} (or, with {@link #ANY_KEY}, the next at all) fails every time. */
    void poison(int key) {
        poisonKey = key;
    }

    /**
     * publish-burst: {@code count} messages at once, as a producer without an edge publishes them,
     * keyed uniformly over {@code keyCount} keys from this node's burst stream; returns how many fit.
     */
    long burst(long count, int keyCount) {
        if (burstKeys == null) {
            burstKeys = net.streams.stream("node." + id + ".burst"); // made at the first burst: one stream for all of them
        }
        long sent = 0;
        for (long i = 0; i < count; i++) {
            if (publish(null, net.newFlow(burstKeys.nextInt(keyCount), false))) {
                sent++;
            }
        }
        return sent;
    }

    /** A consumer of this node has a worker free. */
    void workerFree(ServiceNode consumer) {
        deliver();
    }

    private void deliver() {
        if (down || out.isEmpty()) {
            return;
        }
        int n = out.size();
        boolean sent = true;
        while (sent) {
            sent = false;
            for (int k = 0; k < n; k++) {
                int i = (nextConsumer + k) % n;
                ArrayDeque<Flow> backlog = backlogs.get(topic ? i : 0);
                Link l = out.get(i);
                ServiceNode consumer = (ServiceNode) l.to;
                if (backlog.isEmpty() || consumer.down || deliveredUnanswered[i] >= consumer.readyWorkers()) {
                    continue;
                }
                send(i, backlog.pollFirst());
                sent = true;
                nextConsumer = (i + 1) % n; // competing consumers take turns
            }
        }
    }

    private void send(int i, Flow m) {
        Link l = out.get(i);
        m.receives++;
        deliveredUnanswered[i]++;
        l.send(m, answered -> {
            // A poisoned message is processed like any other, and its processing fails every time.
            boolean ok = answered && !m.poisoned;
            deliveredUnanswered[i]--;
            if (ok) {
                held--;
                consumed++;
                latency.recordNanos(sim.nowNanos() - m.startNanos);
            } else if (m.receives >= delivery.maxReceives()) {
                held--;
                deadLetters++;
                errors++;
                ownErrors++;
            } else {
                // Hidden for the visibility timeout, then back at the head for the next consumer.
                sim.scheduleIn(Simulation.secondsToNanos(delivery.visibilityTimeoutSeconds()), () -> {
                    backlogs.get(topic ? i : 0).addFirst(m);
                    deliver();
                });
            }
            deliver();
        });
    }

    @Override
    void setDown(boolean isDown) {
        super.setDown(isDown);
        if (!isDown) {
            deliver();
        }
    }

    @Override
    int queued() {
        int q = 0;
        for (ArrayDeque<Flow> b : backlogs) {
            q += b.size();
        }
        return q;
    }

    @Override
    int inService() {
        int s = 0;
        for (int f : deliveredUnanswered) {
            s += f;
        }
        return s;
    }

    @Override
    void report(ObjectNode out) {
        out.put("published", published);
        out.put("consumed", consumed);
        out.put("deadLetters", deadLetters);
        out.put("refused", refused);
        out.put("backlog", queued());
    }
}
