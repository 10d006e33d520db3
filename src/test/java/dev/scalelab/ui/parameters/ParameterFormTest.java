package dev.scalelab.ui.parameters;

import dev.scalelab.world.Parameter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParameterFormTest {

    @Test
    void labelsComeFromThePathsLastWordAndLevelsAreNamedL1ToL3() {
        assertEquals("Target utilization", ParameterForm.label(Parameter.TARGET_UTILIZATION));
        assertEquals("Scale down stabilization", ParameterForm.label(Parameter.SCALE_DOWN_STABILIZATION));
        assertEquals("L2 capacity", ParameterForm.label(Parameter.L2_CAPACITY));
        assertEquals("Outlier max ejection", ParameterForm.label(Parameter.OUTLIER_MAX_EJECTION));
    }

    @Test
    void fxIdsAreStableAndDistinctForEveryParameter() {
        assertEquals("autoscalerTargetUtilization", ParameterForm.idOf(Parameter.TARGET_UTILIZATION));
        assertEquals("cacheL1Capacity", ParameterForm.idOf(Parameter.L1_CAPACITY));
        assertEquals("cacheL3Policy", ParameterForm.idOf(Parameter.L3_POLICY));
        assertEquals("databaseShardingStrategy", ParameterForm.idOf(Parameter.DB_STRATEGY));
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Parameter p : Parameter.values()) {
            ids.add(ParameterForm.idOf(p));
        }
        assertEquals(Parameter.values().length, ids.size());
    }
}
