package dev.scalelab.engine.scaling;

import dev.scalelab.sim.HasId;

/**
 * Instance sizes for vertical scaling, shaped like a cloud's general-purpose family: each step
 * doubles vCPUs and price. vCPUs set how many workers an instance runs (in proportion to
 * the scenario's base size) and are the CPU "request" the HPA divides usage by.
 */
public enum InstanceSize implements HasId {
    SMALL("small", 1, 0.048),
    MEDIUM("medium", 2, 0.096),
    LARGE("large", 4, 0.192),
    XLARGE("xlarge", 8, 0.384);

    private final String id;
    private final int vcpus;
    private final double costPerHour;

    InstanceSize(String id, int vcpus, double costPerHour) {
        this.id = id;
        this.vcpus = vcpus;
        this.costPerHour = costPerHour;
    }

    @Override
    public String id() {
        return id;
    }

    public int vcpus() {
        return vcpus;
    }

    /** US dollars per hour, accrued from provisioning until the instance is gone. */
    public double costPerHour() {
        return costPerHour;
    }

    public int millicores() {
        return vcpus * 1000;
    }

    public InstanceSize larger() {
        return this == XLARGE ? XLARGE : values()[ordinal() + 1];
    }

    public InstanceSize smaller() {
        return this == SMALL ? SMALL : values()[ordinal() - 1];
    }

    /** Workers on an instance of this size when {@code baseWorkers} run on {@code base}: proportional to vCPUs. */
    public int workers(int baseWorkers, InstanceSize base) {
        return Math.max(1, (int) Math.round(baseWorkers * (double) vcpus / base.vcpus));
    }

    /** The smallest size with at least {@code millicores} of CPU, or the largest. */
    public static InstanceSize fitting(double millicores) {
        for (InstanceSize s : values()) {
            if (s.millicores() >= millicores) {
                return s;
            }
        }
        return XLARGE;
    }

    public static InstanceSize byId(String id) {
        return HasId.byId(InstanceSize.class, id);
    }
}
