package dev.scalelab.world;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PartTest {

    @Test
    void everyParameterIsAppliedByExactlyOneSubsystem() {
        for (Parameter p : Parameter.all()) {
            List<Part> owners = Arrays.stream(Part.values()).filter(part -> part.parameters().contains(p)).toList();
            assertEquals(1, owners.size(), p.path() + " is applied by " + owners);
        }
        assertEquals(Parameter.all().size(), Arrays.stream(Part.values()).mapToInt(part -> part.parameters().size()).sum());
    }

    @Test
    void aParameterBelongsToThePartOfItsSection() {
        assertEquals(Part.WORKLOAD, Part.of(Parameter.of("workload.arrival.ratePerSecond")));
        assertEquals(Part.WORKLOAD, Part.of(Parameter.of("workload.keys.alpha")));
        assertEquals(Part.BALANCER, Part.of(Parameter.of("balancer.panicThresholdPercent")));
        assertEquals(Part.SCALING, Part.of(Parameter.of("service.size")));
        assertEquals(Part.SCALING, Part.of(Parameter.of("verticalScaler.marginFraction")));
        assertEquals(Part.CACHE, Part.of(Parameter.of("cache.levels[1].ttlSeconds")));
        assertEquals(Part.DATA, Part.of(Parameter.of("database.replication")));
    }

    @Test
    void aParameterNamesTheStepThatAppliesIt() {
        assertEquals(ScalingSystem.Step.EDIT_AUTOSCALER, Parameter.of("autoscaler.tolerance").step());
        assertEquals(ScalingSystem.Step.RESTART_AUTOSCALER, Parameter.of("autoscaler.syncPeriodSeconds").step());
        assertEquals(CacheSubsystem.Step.REBUILD, Parameter.of("cache.levels[2].policy").step());
    }
}
