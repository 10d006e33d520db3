package dev.scalelab.world;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live parameters come from the marks on the scenario records ({@link Live}), not from a list. */
class LiveDeclarationTest {

    /**
     * The oracle is the hand-written list the marks replaced (the Parameter enum of commit 74c5bde,
     * path and step per line): deriving the parameters from the records must not add, drop or
     * re-route one. A new live field adds its line here.
     */
    @Test
    void theMarksDeclareExactlyTheParametersTheFormerListHeld() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        try (InputStream in = getClass().getResourceAsStream("/live-parameters.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] cells = line.split("\t");
                expected.put(cells[0], cells[1]);
            }
        }
        Map<String, String> declared = new TreeMap<>();
        for (Parameter p : Parameter.all()) {
            ApplyStep step = p.step();
            declared.put(p.path(), step.getClass().getEnclosingClass().getSimpleName() + ".Step." + ((Enum<?>) step).name());
        }
        Map<String, String> missing = new TreeMap<>(expected);
        missing.entrySet().removeAll(declared.entrySet());
        Map<String, String> extra = new TreeMap<>(declared);
        extra.entrySet().removeAll(expected.entrySet());
        assertEquals("missing {} extra {}", "missing " + missing + " extra " + extra);
    }

    @Test
    void aSectionMarkNamesWhichOfItsFieldsAreLive() {
        assertEquals(ScalingSystem.Step.SERVICE_TIME, Parameter.of("service.serviceTime.meanMs").step());
        assertEquals(ScalingSystem.Step.SERVICE_TIME, Parameter.of("service.serviceTime.distribution").step());
        assertNull(Parameter.byPath("service.serviceTime.p99Ms"), "the mark names meanMs and distribution only");
        // The same record type, marked with another step in another place.
        assertEquals(GatewaySystem.Step.GLOBAL_LIMIT, Parameter.of("gateway.global.burst").step());
        assertEquals(GatewaySystem.Step.CLIENT_LIMITS, Parameter.of("gateway.perClient.burst").step());
    }

    @Test
    void aListIsLiveUpToItsLiveItems() {
        assertEquals(CacheSubsystem.Step.REBUILD, Parameter.of("cache.levels[2].ttlSeconds").step());
        assertNull(Parameter.byPath("cache.levels[3].ttlSeconds"));
        assertEquals(EventsSystem.Step.CONSUMERS, Parameter.of("events.groups[0].consumers").step());
        assertNull(Parameter.byPath("events.groups[1].consumers"), "the events subsystem applies changes to the first group");
    }

    @Test
    void theOrderIsTheFilesWithEachItemsFieldsTogether() {
        Map<String, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < Parameter.all().size(); i++) {
            at.put(Parameter.all().get(i).path(), i);
        }
        assertTrue(at.get("workload.arrival.ratePerSecond") < at.get("service.instances"));
        assertEquals(at.get("cache.levels[0].capacity") + 1, at.get("cache.levels[0].policy"));
        assertTrue(at.get("cache.levels[0].ttlSeconds") < at.get("cache.levels[1].capacity"));
        assertTrue(Parameter.of("cache.levels[0].ttlSeconds").compareTo(Parameter.of("cache.levels[1].capacity")) < 0);
    }

    @Test
    void onePathIsOneParameter() {
        assertSame(Parameter.of("service.instances"), Parameter.byPath("service.instances"));
        assertNull(Parameter.byPath("seed"), "a field that is not live");
        assertNull(Parameter.byPath("service.instance"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parameter.of("service.instance"));
        assertEquals("service.instance is not a live parameter; did you mean service.instances?", e.getMessage());
    }
}
