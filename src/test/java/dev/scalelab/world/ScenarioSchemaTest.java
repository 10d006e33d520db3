package dev.scalelab.world;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checked-in scenario.schema.json is the one the records generate, and it says what the reader checks. */
class ScenarioSchemaTest {

    private static String checkedIn() throws IOException {
        try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream("/scenario.schema.json")) {
            assertNotNull(in, "scenario.schema.json is missing from the resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theCheckedInSchemaIsTheOneTheRecordsGenerate() throws IOException {
        String generated = ScenarioSchema.text();
        String writeTo = System.getProperty("schema.write");
        if (writeTo != null) {
            Files.writeString(Path.of(writeTo), generated);
            return;
        }
        assertEquals(checkedIn(), generated, "src/main/resources/scenario.schema.json is out of date with the scenario records; "
                + "regenerate it with: mvn -o test -Dtest=ScenarioSchemaTest -Dschema.write=src/main/resources/scenario.schema.json");
    }

    @Test
    void theSchemaGivesEachFieldItsTypeRangeDefaultChoicesAndDescription() throws IOException {
        JsonNode schema = ScenarioFiles.JSON.readTree(checkedIn());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        assertTrue(schema.get("$id").asText().endsWith(":1"));
        assertFalse(schema.get("additionalProperties").asBoolean());
        JsonNode instances = schema.at("/properties/service/properties/instances");
        assertEquals("integer", instances.get("type").asText());
        assertEquals(1, instances.get("minimum").asInt());
        assertEquals(500, instances.get("maximum").asInt());
        assertEquals(Scenario.DEFAULT.service().instances(), instances.get("default").asInt());
        assertEquals(Parameter.of("service.instances").description(), instances.get("description").asText());
        JsonNode strategy = schema.at("/properties/database/properties/sharding/properties/strategy");
        assertEquals("consistent-hash", strategy.get("default").asText());
        assertEquals(6, strategy.get("enum").size());
        JsonNode threshold = schema.at("/properties/dependencies/items/properties/breaker/properties/failureRateThreshold");
        assertEquals(0, threshold.get("exclusiveMinimum").asInt());
        assertEquals("%", threshold.get("x-unit").asText());
        assertEquals(3, schema.at("/properties/dependencies/items/properties/retry/properties/maxAttempts/default").asInt(),
                "a written retry section means three attempts");
        assertEquals("name", schema.at("/properties/dependencies/items/required/0").asText());
        assertFalse(schema.at("/properties/workload/properties/arrival/additionalProperties").asBoolean());
    }

    @Test
    void aScenarioFileMayNameTheSchemaForItsEditor() {
        Scenario s = ScenarioFiles.parse("{\"$schema\": \"../scenario.schema.json\", \"schema\": 1, \"name\": \"edited\"}");
        assertEquals("edited", s.name());
        assertEquals("$schema: expected a string (the address of scenario.schema.json), got 5",
                assertThrowsScenario("{\"$schema\": 5, \"schema\": 1}"));
    }

    private static String assertThrowsScenario(String json) {
        return org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(json)).getMessage();
    }
}
