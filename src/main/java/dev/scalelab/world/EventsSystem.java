package dev.scalelab.world;

/**
 * The asynchronous path of the world: topics, producers, consumer groups with their consumers and
 * lag autoscalers, and work queues.
 */
final class EventsSystem implements Subsystem {

    /** How a live change of an {@code events} field is applied. */
    enum Step implements ApplyStep {
        /** More partitions: future keys move, the groups rebalance. */
        PARTITIONS,
        /** A topic's retention or bound. */
        TOPIC,
        /** A producer's fraction or rate. */
        PRODUCERS,
        /** The number of consumers of a group or queue without an autoscaler. */
        CONSUMERS,
        /** A group's consumer settings. */
        GROUP,
        /** A group's lag autoscaler. */
        AUTOSCALER,
        /** A work queue's settings. */
        QUEUE
    }
}
