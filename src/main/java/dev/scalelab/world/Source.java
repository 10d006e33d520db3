package dev.scalelab.world;

import dev.scalelab.sim.HasId;

import java.util.Locale;

/**
 * Who wrote a line of the decision log or made a decision: a part of the world, the user, or the
 * scenario's timeline. The id is what the log and the report show.
 */
public enum Source implements HasId {
    WORLD,
    USER,
    TIMELINE,
    /** A change of an {@code autoscaler.*} setting, whoever made it: the autoscaler's own decision. */
    AUTOSCALER,
    HPA,
    THRESHOLD,
    TARGET_TRACKING,
    VERTICAL,
    VERTICAL_THRESHOLD,
    VERTICAL_VPA,
    POOL,
    BALANCER,
    HEALTH,
    OUTLIER,
    CACHE,
    DATABASE,
    /** The instances' connection pools (HikariCP's warnings) and how the fleet's connections fit the database. */
    CONNECTIONS,
    MESH,
    BREAKER,
    /** The instances' garbage collectors: old and full collections, allocation stalls, pauses past the target. */
    GC,
    /** KEDA's lag autoscalers of the consumer groups and work queues: each poll's decision with its inputs. */
    KEDA,
    /** The asynchronous path: consumers' lifecycles, and the groups' and queues' rebalances, removals, dead letters and stalls. */
    EVENTS,
    /** The API gateway: its load shedder's changes of state, with their inputs. */
    GATEWAY;

    private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** "target-tracking", "vertical-vpa": as the log and the report write it. */
    @Override
    public String id() {
        return id;
    }

    /**
     * True for the scalers, whose log lines are not decisions of their own: each sync records one
     * decision with its replica counts and inputs instead.
     */
    boolean logsOnly() {
        return this == HPA || this == THRESHOLD || this == TARGET_TRACKING || this == VERTICAL || this == KEDA;
    }

    /** The source of the horizontal policy whose engine id is {@code policyId} ("hpa", "threshold", ...). */
    static Source horizontal(String policyId) {
        return switch (policyId) {
            case "hpa" -> HPA;
            case "threshold" -> THRESHOLD;
            case "target-tracking" -> TARGET_TRACKING;
            default -> throw new IllegalArgumentException("no horizontal policy " + policyId);
        };
    }

    /** The source of a decision of the vertical policy whose engine id is {@code policyId} ("threshold", "vpa"). */
    static Source vertical(String policyId) {
        return switch (policyId) {
            case "threshold" -> VERTICAL_THRESHOLD;
            case "vpa" -> VERTICAL_VPA;
            default -> throw new IllegalArgumentException("no vertical policy " + policyId);
        };
    }

    /** The id, so a log line formatted with {@code %s} reads as it always did. */
    @Override
    public String toString() {
        return id;
    }
}
