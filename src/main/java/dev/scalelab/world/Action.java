package dev.scalelab.world;

/**
 * One-off actions on the pool, from the user or the scenario's timeline:
 * {@code {"atSeconds": 90, "command": "kill-instance", "target": "i-2"}}.
 */
public enum Action {
    ADD_INSTANCE("add-instance", false, false, "Add one instance (spec.replicas + 1); it provisions and boots first."),
    REMOVE_INSTANCE("remove-instance", false, false,
            "Remove one instance (spec.replicas - 1): the target if given, otherwise the pool's choice. It drains first."),
    KILL_INSTANCE("kill-instance", true, false,
            "Crash an instance: its requests in flight fail, and the pool replaces it with a new one that must boot."),
    SLOW_INSTANCE("slow-instance", true, true,
            "Gray failure: the instance stays up and healthy but serves at this fraction of its speed (1 restores it).");

    private final String id;
    private final boolean needsTarget;
    private final boolean needsValue;
    private final String description;

    Action(String id, boolean needsTarget, boolean needsValue, String description) {
        this.id = id;
        this.needsTarget = needsTarget;
        this.needsValue = needsValue;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public boolean needsTarget() {
        return needsTarget;
    }

    public boolean needsValue() {
        return needsValue;
    }

    public String description() {
        return description;
    }

    public static Action byId(String id) {
        for (Action a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        return null;
    }

    /** Checks the value of a slow-instance: a speed factor in (0, 1]. */
    public static double speedFactor(String field, Object value) {
        if (!(value instanceof Number)) {
            throw new ScenarioException(field, "expected a number from 0.01 to 1 (the fraction of normal speed)");
        }
        double v = ((Number) value).doubleValue();
        if (!(v >= 0.01 && v <= 1)) {
            throw new ScenarioException(field, Parameter.format(v) + " is out of range; a number from 0.01 to 1 (the fraction of normal speed)");
        }
        return v;
    }
}
