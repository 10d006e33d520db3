package dev.scalelab.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The subsystems that own live parameters, each with its enum of apply steps: the world sends a
 * change to the part whose steps hold the parameter's {@link Parameter#step() step}. Dependency
 * fields ({@code dependencies[i].…}) are the mesh's.
 */
enum Part {
    WORKLOAD(WorkloadSystem.Step.values()),
    BALANCER(BalancerSystem.Step.values()),
    SCALING(ScalingSystem.Step.values()),
    CACHE(CacheSubsystem.Step.values()),
    DATA(DataSystem.Step.values()),
    RUNTIME(RuntimeSystem.Step.values()),
    CONNECTIONS(ConnectionSystem.Step.values()),
    EVENTS(EventsSystem.Step.values()),
    GATEWAY(GatewaySystem.Step.values());

    private static final Map<Parameter, Part> OWNER = owners();

    private final List<ApplyStep> steps;

    Part(ApplyStep[] steps) {
        this.steps = List.of(steps);
    }

    /**
     * Fails unless every parameter's step is held by a part; the check runs when this class is
     * initialised, and the world calls this when it is built, so a gap stops every run at once.
     */
    static void checkOwners() {
        assert OWNER.size() == Parameter.all().size();
    }

    /** The part that applies {@code p}. */
    static Part of(Parameter p) {
        return OWNER.get(p);
    }

    /** The parameters whose steps are this part's, in the file's order. */
    List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : Parameter.all()) {
            if (steps.contains(p.step())) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Every parameter names a step, but a subsystem's step enum must also be listed above: a class
     * initialisation that fails here names the step no part holds.
     */
    private static Map<Parameter, Part> owners() {
        Map<Parameter, Part> owner = new HashMap<>();
        for (Part part : values()) {
            for (Parameter p : part.parameters()) {
                owner.put(p, part);
            }
        }
        for (Parameter p : Parameter.all()) {
            if (!owner.containsKey(p)) {
                throw new IllegalStateException("no part holds " + p.step() + ", the step of " + p.path());
            }
        }
        return owner;
    }
}
