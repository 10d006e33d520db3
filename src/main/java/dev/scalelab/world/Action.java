package dev.scalelab.world;

import dev.scalelab.sim.HasId;

/**
 * One-off actions and faults, from the user or the scenario's timeline, such as
 * {@code {"atSeconds": 90, "command": "kill-instance", "target": "i-2"}} or
 * {@code {"atSeconds": 60, "command": "outage", "target": "payments", "durationSeconds": 30}}.
 */
public enum Action implements HasId {
    ADD_INSTANCE("add-instance", Target.NONE, null, 0, 0, false,
            "Add one instance (spec.replicas + 1); it provisions and boots first."),
    REMOVE_INSTANCE("remove-instance", Target.INSTANCE_OPTIONAL, null, 0, 0, false,
            "Remove one instance (spec.replicas - 1): the target if given, otherwise the pool's choice. It drains first."),
    KILL_INSTANCE("kill-instance", Target.INSTANCE, null, 0, 0, false,
            "Crash an instance: its requests in flight fail, and the pool replaces it with a new one that must boot."),
    SLOW_INSTANCE("slow-instance", Target.INSTANCE, "the fraction of normal speed", 0.01, 1, false,
            "Gray failure: the instance stays up and healthy but serves at this fraction of its speed (1 restores it)."),
    ERROR_INSTANCE("error-instance", Target.INSTANCE, "the fraction of requests that fail", 0, 1, false,
            "The instance answers this fraction of its requests with an error (0 restores it); outlier ejection can catch it."),
    WEIGHT_INSTANCE("weight-instance", Target.INSTANCE, "the balancing weight", 0.001, 1000, false,
            "Sets the instance's balancing weight (weighted strategies: smooth weighted round robin, weighted random, least-request)."),
    FLUSH_CACHE("flush-cache", Target.LEVEL_OPTIONAL, null, 0, 0, false,
            "Empties a cache level (the target, such as \"L2\") or every level; write-back entries are written first."),
    EXPIRE_KEY("expire-key", Target.NONE, "the key (0 is the hottest)", 0, 100_000_000, false,
            "Expires one key in every level at once, as a TTL would: its next reads all miss together (a stampede without coalescing)."),
    FAIL_CACHE_LEVEL("fail-cache-level", Target.LEVEL, null, 0, 0, false,
            "A cache level crashes and comes back empty: unflushed write-back writes are lost and counted."),
    ADD_SHARD("add-shard", Target.NONE, null, 0, 0, false,
            "Adds a database shard; keys that change owner migrate to it at the migration rate."),
    REMOVE_SHARD("remove-shard", Target.SHARD_OPTIONAL, null, 0, 0, false,
            "Removes a database shard (the target, such as \"3\", or the last); its keys migrate to the others."),
    KILL_PRIMARY("kill-primary", Target.SHARD, null, 0, 0, false,
            "Kills a shard's primary: after the detection delay the most up-to-date replica is promoted; unreplicated writes are lost."),
    LAG_SPIKE("lag-spike", Target.NODE, "extra replication lag in ms", 0, 3_600_000, true,
            "Adds replication lag to one replica (such as \"s0-r1\") for a while."),
    ERROR_RATE("error-rate", Target.DEPENDENCY, "the extra fraction of calls that fail", 0, 1, true,
            "Fault: a downstream service fails this extra fraction of its calls for a while."),
    LATENCY("latency", Target.DEPENDENCY, "the added latency in ms", 0, 3_600_000, true,
            "Fault: a downstream service answers this much slower for a while; its workers stay busy longer."),
    OUTAGE("outage", Target.DEPENDENCY, null, 0, 0, true,
            "Fault: a downstream service refuses every connection for a while; requests already with it fail."),
    FULL_GC("full-gc", Target.INSTANCE_OPTIONAL, null, 0, 0, false,
            "A full garbage collection now, on the instance given or on every one: parallel and g1 stop the world for a "
                    + "time that grows with the live heap; zgc starts a concurrent major cycle."),
    LEAK_CONNECTIONS("leak-connections", Target.NONE, "the fraction of queries that keep their connection", 0, 1, true,
            "For a while, this fraction of database queries never return their connection: the pools drain, and "
                    + "leak detection (leakDetectionThresholdMs) logs each leaked connection."),
    PUBLISH_BURST("publish-burst", Target.TOPIC_OR_QUEUE, "the number of records", 1, 10_000_000, false,
            "Publishes this many records at once to a topic or queue, keyed uniformly over the workload's keys; what does "
                    + "not fit a full topic or queue is dropped."),
    CRASH_CONSUMER("crash-consumer", Target.CONSUMER, null, 0, 0, false,
            "Crashes a consumer (the target, or a group's or queue's lowest-numbered ready one): it stops without committing, "
                    + "the group notices after the session timeout, and what it processed since its last commit runs again."),
    POISON("poison", Target.TOPIC, "the key of the poisoned record", 0, 100_000_000, false,
            "The next record published to the topic with this key (without a value: the next record at all) fails every "
                    + "time it is processed: a poison message.");

    /** What an action's target names. */
    public enum Target {
        NONE(false, ""), INSTANCE(true, "an instance such as \"i-0\""), INSTANCE_OPTIONAL(false, "an instance such as \"i-0\""),
        LEVEL(true, "a cache level such as \"L2\""), LEVEL_OPTIONAL(false, "a cache level such as \"L2\""),
        SHARD(true, "a shard number such as \"0\""), SHARD_OPTIONAL(false, "a shard number such as \"0\""),
        NODE(true, "a database node such as \"s0-r1\""), DEPENDENCY(true, "a dependency's name"),
        TOPIC_OR_QUEUE(true, "a topic or work queue such as \"orders\""),
        CONSUMER(true, "a consumer group or work queue such as \"billing\", or a consumer such as \"billing-0\""),
        TOPIC(true, "a topic such as \"orders\"");

        private final boolean required;
        private final String example;

        Target(boolean required, String example) {
            this.required = required;
            this.example = example;
        }

        public boolean required() {
            return required;
        }

        public String example() {
            return example;
        }
    }

    private final String id;
    private final Target target;
    private final String valueMeaning;
    private final double valueMin;
    private final double valueMax;
    private final boolean needsDuration;
    private final String description;

    Action(String id, Target target, String valueMeaning, double valueMin, double valueMax, boolean needsDuration,
           String description) {
        this.id = id;
        this.target = target;
        this.valueMeaning = valueMeaning;
        this.valueMin = valueMin;
        this.valueMax = valueMax;
        this.needsDuration = needsDuration;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    public Target target() {
        return target;
    }

    public boolean needsTarget() {
        return target.required();
    }

    /** Whether the action takes a value (expire-key's and poison's are optional: the hottest key, any record). */
    public boolean takesValue() {
        return valueMeaning != null;
    }

    public boolean needsValue() {
        return valueMeaning != null && this != EXPIRE_KEY && this != POISON;
    }

    public boolean needsDuration() {
        return needsDuration;
    }

    public String description() {
        return description;
    }

    public static Action byId(String id) {
        return HasId.byId(Action.class, id);
    }

    /** Checks an action's value: its range and what it means. */
    public double checkValue(String field, Object value) {
        if (valueMeaning == null) {
            throw new ScenarioException(field, id + " takes no value");
        }
        String expected = "a number from " + Parameter.format(valueMin) + " to " + Parameter.format(valueMax) + " (" + valueMeaning + ")";
        if (!(value instanceof Number)) {
            throw new ScenarioException(field, "expected " + expected);
        }
        double v = ((Number) value).doubleValue();
        if (!(v >= valueMin && v <= valueMax)) {
            throw new ScenarioException(field, Parameter.format(v) + " is out of range; " + expected);
        }
        return v;
    }
}
