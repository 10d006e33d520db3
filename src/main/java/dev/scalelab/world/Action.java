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
            "Gray failure: the instance stays up and healthy but serves at this fraction of its speed (1 restores it)."),
    ERROR_INSTANCE("error-instance", true, true,
            "The instance answers this fraction of its requests with an error (0 restores it); outlier ejection can catch it."),
    WEIGHT_INSTANCE("weight-instance", true, true,
            "Sets the instance's balancing weight (weighted strategies: smooth weighted round robin, weighted random, least-request).");

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

    /** Checks an action's value: its range and what it means. */
    public double checkValue(String field, Object value) {
        double min;
        double max;
        String meaning;
        switch (this) {
            case SLOW_INSTANCE:
                min = 0.01;
                max = 1;
                meaning = "the fraction of normal speed";
                break;
            case ERROR_INSTANCE:
                min = 0;
                max = 1;
                meaning = "the fraction of requests that fail";
                break;
            case WEIGHT_INSTANCE:
                min = 0.001;
                max = 1000;
                meaning = "the balancing weight";
                break;
            default:
                throw new ScenarioException(field, id + " takes no value");
        }
        String expected = "a number from " + Parameter.format(min) + " to " + Parameter.format(max) + " (" + meaning + ")";
        if (!(value instanceof Number)) {
            throw new ScenarioException(field, "expected " + expected);
        }
        double v = ((Number) value).doubleValue();
        if (!(v >= min && v <= max)) {
            throw new ScenarioException(field, Parameter.format(v) + " is out of range; " + expected);
        }
        return v;
    }
}
