package dev.scalelab.world.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A queue: its consumers compete for its one backlog. A consumer takes as
 * many messages at once as it has ready workers; a message its consumer failed comes back after the
 * visibility timeout, and after {@code maxReceives} deliveries goes to the dead letters. A message's
 * time here, from publish to its consumer's answer, is the node's response time.
 */
final class MessagingNode extends NetNode implements Broker {
    private final Topology.Messaging delivery;
    /** One shared backlog, at index 0. */
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
        this.delivery = spec.queue();
    }

    @Override
    void connect() {
        deliveredUnanswered = new int[out.size()];
        backlogs.add(new ArrayDeque<>());
        for (Link l : out) {
            ((ServiceNode) l.to).feeds.add(this);
        }
    }

    @Override
    void accept(Flow f, Reply reply) {
        reply.done(publish(null, f));
    }

    @Override
    public boolean publish(Link from, Flow f) {
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
        backlogs.get(0).addLast(message(f, poisoned));
        held++;
        deliver();
        return true;
    }

    private Flow message(Flow f, boolean poisoned) {
        Flow m = new Flow(f.id, f.key, f.read, sim.nowNanos());
        m.poisoned = poisoned;
        return m;
    }

    @Override
    public void poison(int key) {
        poisonKey = key;
    }

    /**
     * publish-burst: {@code count} messages at once, as a producer without an edge publishes them,
     * keyed uniformly over {@code keyCount} keys from this node's burst stream; returns how many fit.
     */
    @Override
    public long burst(long count, int keyCount) {
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

    @Override
    public void workerFree(ServiceNode consumer) {
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
                ArrayDeque<Flow> backlog = backlogs.get(0);
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
                    backlogs.get(0).addFirst(m);
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
