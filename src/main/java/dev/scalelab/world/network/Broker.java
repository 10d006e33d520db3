package dev.scalelab.world.network;

/**
 * A box producers publish to and services consume from: a queue ({@link MessagingNode}) or a topic
 * ({@link TopicNode}). The consuming services tell it when their instances become ready, leave or
 * crash: a queue's consumers and a topic's group members are those instances.
 */
interface Broker {
    /** A producer publishes {@code f} (from {@code from}, null for the timeline); false when refused (down or full). */
    boolean publish(Link from, Flow f);

    /** publish-burst: {@code count} records keyed uniformly over {@code keyCount} keys; returns how many fit. */
    long burst(long count, int keyCount);

    /** poison: the next record published with {@code key} (any key with {@link MessagingNode#ANY_KEY}) always fails. */
    void poison(int key);

    /** An instance of a consuming service is ready: it joins. */
    default void instanceReady(ServiceNode consumer, ServiceNode.Instance in) {
    }

    /** An instance of a consuming service drains: it leaves cleanly. */
    default void instanceLeaving(ServiceNode consumer, ServiceNode.Instance in) {
    }

    /** An instance of a consuming service crashed: it leaves nothing behind, not even a commit. */
    default void instanceCrashed(ServiceNode consumer, ServiceNode.Instance in) {
    }
}
