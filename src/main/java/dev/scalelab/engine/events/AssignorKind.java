package dev.scalelab.engine.events;

import dev.scalelab.sim.HasId;

/** How a consumer group shares a topic's partitions among its members, as Kafka's assignors do. */
public enum AssignorKind implements HasId {
    /** RangeAssignor: members sorted, P / N each, the first P mod N one more, in runs. Eager. */
    RANGE("range"),
    /** RoundRobinAssignor: partitions dealt to the sorted members in turn. Eager. */
    ROUND_ROBIN("round-robin"),
    /** CooperativeStickyAssignor: keeps what balance allows, moves only the surplus; only moved partitions stop. */
    COOPERATIVE_STICKY("cooperative-sticky");

    private final String id;

    AssignorKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static AssignorKind byId(String id) {
        return HasId.byId(AssignorKind.class, id);
    }
}
