package dev.scalelab.world;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The subsystems that own live parameters, each with its enum of apply steps. Every
 * {@link Parameter} belongs to exactly one of them; building a world checks it, so a parameter
 * nobody applies stops every run at once, not only the run that changes it. Dependency fields ({@code dependencies[i].…}) are the mesh's.
 */
enum Part {
    WORKLOAD(WorkloadSystem.Step.values()),
    BALANCER(BalancerSystem.Step.values()),
    SCALING(ScalingSystem.Step.values()),
    CACHE(CacheSubsystem.Step.values()),
    DATA(DataSystem.Step.values());

    private static final Map<Parameter, Part> OWNER = owners();

    private final ApplyStep[] steps;

    Part(ApplyStep[] steps) {
        this.steps = steps;
    }

    /** Throws unless every parameter has exactly one owner: the world checks it each time it is built. */
    static void checkOwners() {
        owners();
    }

    /** The part that applies {@code p}. */
    static Part of(Parameter p) {
        return OWNER.get(p);
    }

    List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        for (ApplyStep s : steps) {
            out.addAll(s.parameters());
        }
        return out;
    }

    private static Map<Parameter, Part> owners() {
        Map<Parameter, Part> owner = new EnumMap<>(Parameter.class);
        for (Part part : values()) {
            for (Parameter p : part.parameters()) {
                Part before = owner.put(p, part);
                if (before != null) {
                    throw new IllegalStateException(p + " is applied by both " + before + " and " + part);
                }
            }
        }
        for (Parameter p : Parameter.values()) {
            if (!owner.containsKey(p)) {
                throw new IllegalStateException("no subsystem applies " + p + " (" + p.path() + ")");
            }
        }
        return owner;
    }
}
