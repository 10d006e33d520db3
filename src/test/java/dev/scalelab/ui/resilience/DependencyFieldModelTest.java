package dev.scalelab.ui.resilience;

import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DependencyFieldModelTest {
    private final Scenario storm = Presets.load("retry-storm");
    private final List<String> sent = new ArrayList<>();

    private DependencyFieldModel model(DependencyField field, int dependency) {
        DependencyFieldModel m = new DependencyFieldModel(field, (path, value) -> sent.add(path + "=" + value));
        m.select(dependency, storm);
        return m;
    }

    @Test
    void showsTheSelectedDependencysValueAndSendsAValidEdit() {
        DependencyFieldModel attempts = model(DependencyField.MAX_ATTEMPTS, 1);
        assertEquals("3", attempts.textProperty().get());
        attempts.textProperty().set(" 5 ");
        assertTrue(attempts.commit());
        assertEquals(List.of("dependencies[1].retry.maxAttempts=5"), sent);
        assertEquals("", attempts.errorProperty().get());
        assertFalse(attempts.isEdited());
    }

    @Test
    void aValueTheReaderRefusesStaysWithTheReasonNamingTheField() {
        DependencyFieldModel attempts = model(DependencyField.MAX_ATTEMPTS, 0);
        attempts.textProperty().set("0");
        assertFalse(attempts.commit());
        assertEquals("dependencies[0].retry.maxAttempts: 0 is out of range; expected 1 to 100", attempts.errorProperty().get());
        attempts.textProperty().set("2.5");
        assertFalse(attempts.commit());
        assertEquals("dependencies[0].retry.maxAttempts: expected a whole number, got 2.5", attempts.errorProperty().get());
        attempts.textProperty().set("many");
        assertFalse(attempts.commit());
        assertEquals("dependencies[0].retry.maxAttempts: \"many\" is not a number", attempts.errorProperty().get());
        assertEquals(List.of(), sent);
        attempts.revert();
        assertEquals("3", attempts.textProperty().get());
        assertEquals("", attempts.errorProperty().get());
    }

    @Test
    void followsTheSimulationUnlessTheUserIsTyping() {
        DependencyFieldModel threshold = model(DependencyField.FAILURE_RATE_THRESHOLD, 1);
        assertEquals("50", threshold.textProperty().get());
        Scenario changed = ScenarioFiles.withDependencyField(storm, "dependencies[1].breaker.failureRateThreshold", 30.0);
        threshold.showLive(changed);
        assertEquals("30", threshold.textProperty().get());
        threshold.textProperty().set("4");
        threshold.showLive(ScenarioFiles.withDependencyField(changed, "dependencies[1].breaker.failureRateThreshold", 40.0));
        assertEquals("4", threshold.textProperty().get(), "the edit in progress is kept");
    }

    @Test
    void aBreakerFieldOfAClientWithoutABreakerIsEmptyAndDisabled() {
        DependencyFieldModel threshold = model(DependencyField.FAILURE_RATE_THRESHOLD, 0);
        assertNull(threshold.liveValueProperty().get());
        assertEquals("", threshold.textProperty().get());
        assertFalse(threshold.applicableProperty().get());
        // Choosing the other dependency shows its value and drops the first one's state.
        threshold.select(1, storm);
        assertEquals("50", threshold.textProperty().get());
        assertTrue(threshold.applicableProperty().get());
    }

    @Test
    void typedTextBecomesTheValueTheFileWouldHold() {
        assertEquals(5, DependencyFieldModel.parse("p", DependencyField.Kind.INTEGER, "5"));
        assertEquals(2.5, DependencyFieldModel.parse("p", DependencyField.Kind.INTEGER, "2.5"));
        assertEquals(50.0, DependencyFieldModel.parse("p", DependencyField.Kind.NUMBER, "50"));
        assertEquals(Boolean.TRUE, DependencyFieldModel.parse("p", DependencyField.Kind.BOOLEAN, "true"));
        assertEquals("full", DependencyFieldModel.parse("p", DependencyField.Kind.CHOICE, "full"));
    }
}
