package dev.scalelab.world.network;

import dev.scalelab.world.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A box producers publish to and services consume from: a queue ({@link MessagingNode}) or a topic
 * ({@link TopicNode}). The consuming services tell it when their instances become ready, leave or
 * crash: a queue's consumers and a topic's group members are those instances.
 */
abstract class Broker extends NetNode {
    /** poison without a key: the next record at all. */
    static final int ANY_KEY = Integer.MIN_VALUE;
    /** Hand-outs waiting for the box to come back from a zone outage: its consumers cannot receive meanwhile. */
    final List<Runnable> heldWhileDown = new ArrayList<>();
    long published;
    long refused;
    /** Set by poison: the next record published with this key (any key when {@link #ANY_KEY}) is poisoned. */
    private Integer poisonKey;
    private SplittableRandom burstKeys;

    Broker(Network net, Topology.Node spec) {
        super(net, spec);
    }

    /** A producer publishes {@code f} (from {@code from}, null for the timeline); false when refused (down or full). */
    abstract boolean publish(Link from, Flow f);

    @Override
    void accept(Flow f, Reply reply) {
        reply.done(publish(null, f));
    }

    /** The publish of {@code f} arrives: an async edge carries it as a sync edge carries a call (Link#send). */
    void arrive(Link from) {
        if (from != null) {
            from.crossed++;
        }
        arrivals++;
    }

    /** A publish refused (down or full): the producer's publish fails, and it is this box's error. */
    boolean refuse() {
        refused++;
        errors++;
        ownErrors++;
        return false;
    }

    /** Whether a record of {@code key} published now is the poisoned one. */
    boolean poisons(int key) {
        return poisonKey != null && (poisonKey == ANY_KEY || poisonKey == key);
    }

    /** The poisoned record went in: the next ones are healthy. */
    void poisonSpent() {
        poisonKey = null;
    }

    /** publish-burst: {@code count} records keyed uniformly over {@code keyCount} keys; returns how many fit. */
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

    /** poison: the next record published with {@code key} (any key with {@link #ANY_KEY}) always fails. */
    void poison(int key) {
        poisonKey = key;
    }

    @Override
    void setDown(boolean isDown) {
        super.setDown(isDown);
        if (!isDown) {
            List<Runnable> held = new ArrayList<>(heldWhileDown);
            heldWhileDown.clear();
            held.forEach(Runnable::run);
        }
    }

    /** An instance of a consuming service is ready: it joins. */
    void instanceReady(ServiceNode consumer, ServiceNode.Instance in) {
    }

    /** An instance of a consuming service drains: it leaves cleanly. */
    void instanceLeaving(ServiceNode consumer, ServiceNode.Instance in) {
    }

    /** An instance of a consuming service crashed: it leaves nothing behind, not even a commit. */
    void instanceCrashed(ServiceNode consumer, ServiceNode.Instance in) {
    }
}
