package dev.scalelab.world;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PartTest {

    @Test
    void everyParameterIsAppliedByExactlyOneSubsystem() {
        for (Parameter p : Parameter.values()) {
            List<Part> owners = Arrays.stream(Part.values()).filter(part -> part.parameters().contains(p)).toList();
            assertEquals(1, owners.size(), p.path() + " is applied by " + owners);
        }
        assertEquals(Parameter.values().length, Arrays.stream(Part.values()).mapToInt(part -> part.parameters().size()).sum());
    }

    @Test
    void aParameterBelongsToThePartOfItsSection() {
        assertEquals(Part.WORKLOAD, Part.of(Parameter.ARRIVAL_RATE));
        assertEquals(Part.WORKLOAD, Part.of(Parameter.KEY_ALPHA));
        assertEquals(Part.BALANCER, Part.of(Parameter.PANIC_THRESHOLD));
        assertEquals(Part.SCALING, Part.of(Parameter.SIZE));
        assertEquals(Part.SCALING, Part.of(Parameter.VPA_MARGIN));
        assertEquals(Part.CACHE, Part.of(Parameter.L2_TTL));
        assertEquals(Part.DATA, Part.of(Parameter.DB_REPLICATION));
    }

    @Test
    void aParameterNamesTheStepThatAppliesIt() {
        assertEquals(ScalingSystem.Step.EDIT_AUTOSCALER, Parameter.TOLERANCE.step());
        assertEquals(ScalingSystem.Step.RESTART_AUTOSCALER, Parameter.SYNC_PERIOD.step());
        assertEquals(CacheSubsystem.Step.REBUILD, Parameter.L3_POLICY.step());
    }
}
