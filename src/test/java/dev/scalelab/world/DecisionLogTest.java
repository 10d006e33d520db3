package dev.scalelab.world;

import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecisionLogTest {

    @Test
    void aScalerLineIsNotADecisionButAPartsLineIs() {
        DecisionLog log = new DecisionLog(new Simulation());
        log.log(Source.HPA, "desired 3");
        log.log(Source.OUTLIER, "i-2 eject: 5 consecutive errors");
        assertEquals(2, log.lineCount());
        assertEquals(List.of(Source.OUTLIER), log.decisions().stream().map(Decision::source).toList());
    }

    @Test
    void anAutoscalerSettingIsTheAutoscalersDecisionWhoeverChangedIt() {
        DecisionLog log = new DecisionLog(new Simulation());
        log.change(Source.USER, "autoscaler.maxReplicas", 10, 20, "autoscaler.maxReplicas: 10 -> 20");
        log.change(Source.TIMELINE, "service.instances", 2, 4, "service.instances: 2 -> 4");
        assertEquals(Source.AUTOSCALER, log.decisions().get(0).source());
        assertEquals("user", log.decisions().get(0).fields().get("by"));
        assertEquals(Source.TIMELINE, log.decisions().get(1).source());
        assertEquals(Source.USER, log.recent().get(0).source());
    }

    @Test
    void aSnapshotCarriesTheNewest200LinesOfTheLast500Kept() {
        DecisionLog log = new DecisionLog(new Simulation());
        for (int i = 0; i < 600; i++) {
            log.log(Source.POOL, "line " + i);
        }
        List<LogEntry> recent = log.recent();
        assertEquals(600, log.lineCount());
        assertEquals(200, recent.size());
        assertEquals("line 400", recent.get(0).message());
        assertEquals("line 599", recent.get(199).message());
    }
}
