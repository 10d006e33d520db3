package dev.scalelab.ui.parameters;

import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFields;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldViewModelTest {
    private final List<String> sent = new ArrayList<>();
    private final Scenario scenario = Presets.load("default");
    private final Scenario storm = Presets.load("retry-storm");

    private FieldViewModel field(String path, Scenario shown) {
        FieldViewModel model = new FieldViewModel(path, (p, value) -> sent.add(p + "=" + value));
        model.showLive(shown);
        return model;
    }

    /** Types {@code text} and commits it; returns the message, empty when the value was taken. */
    private static String typed(FieldViewModel model, String text) {
        model.textProperty().set(text);
        model.commit();
        return model.errorProperty().get();
    }

    @Test
    void showsTheLiveValueUntilTheUserTypes() {
        FieldViewModel rate = field("workload.arrival.ratePerSecond", scenario);
        assertEquals("400", rate.textProperty().get());
        assertEquals("req/s", rate.unitProperty().get());
        assertFalse(rate.isEdited());
    }

    @Test
    void aValidValueIsSentOnceAndStaysShownWhileTheSimulationCatchesUp() {
        FieldViewModel rate = field("workload.arrival.ratePerSecond", scenario);
        rate.textProperty().set("800");
        assertTrue(rate.commit());
        assertEquals(List.of("workload.arrival.ratePerSecond=800.0"), sent);
        rate.showLive(scenario); // the next snapshot still has 400: the command is on its way
        assertEquals("800", rate.textProperty().get());
        assertTrue(rate.commit(), "nothing new to send");
        assertEquals(1, sent.size());
    }

    @Test
    void eachTypeRefusesABadValueWithItsOneLineMessageNamingTheField() {
        assertEquals("workload.arrival.ratePerSecond: \"abc\" is not a number; a number from 0 to 10000000",
                typed(field("workload.arrival.ratePerSecond", scenario), "abc"));
        assertEquals("workload.arrival.ratePerSecond: -5 is out of range; a number from 0 to 10000000",
                typed(field("workload.arrival.ratePerSecond", scenario), "-5"));
        assertEquals("service.instances: \"2.5\" is not a whole number; a whole number from 1 to 500",
                typed(field("service.instances", scenario), "2.5"));
        assertEquals("service.instances: 501 is out of range; a whole number from 1 to 500",
                typed(field("service.instances", scenario), "501"));
        assertEquals("service.queueCapacity: is empty; a whole number from 0 to 10000000",
                typed(field("service.queueCapacity", scenario), " "));
        assertEquals("dependencies[1].retry.backoff: \"slow\" is not one of none, fixed, linear, exponential",
                typed(field("dependencies[1].retry.backoff", storm), "slow"));
        assertEquals("dependencies[1].breaker.automaticTransition: \"maybe\" is not true or false",
                typed(field("dependencies[1].breaker.automaticTransition", storm), "maybe"));
        assertTrue(sent.isEmpty(), sent.toString());
    }

    @Test
    void aValueThatConflictsWithAnotherFieldIsRefusedBeforeItIsSent() {
        Scenario scaled = ScenarioFields.with(scenario, "autoscaler.maxReplicas", 10);
        FieldViewModel min = field("autoscaler.minReplicas", scaled);
        String message = typed(min, "20");
        assertTrue(message.startsWith("autoscaler."), message);
        assertTrue(message.contains("10") || message.contains("20"), message);
        assertTrue(sent.isEmpty(), sent.toString());
    }

    @Test
    void aRefusedValueKeepsTheLastGoodOneAndRevertShowsIt() {
        FieldViewModel attempts = field("dependencies[0].retry.maxAttempts", storm);
        assertEquals("3", attempts.textProperty().get());
        assertFalse(typed(attempts, "0").isEmpty());
        assertEquals("0", attempts.textProperty().get(), "the refused text stays, to be corrected");
        assertEquals(3, attempts.liveValueProperty().get());
        attempts.revert();
        assertEquals("3", attempts.textProperty().get());
        assertEquals("", attempts.errorProperty().get());
        assertEquals("", typed(attempts, " 5 "));
        assertEquals(List.of("dependencies[0].retry.maxAttempts=5"), sent);
        assertEquals("5", attempts.textProperty().get());
    }

    @Test
    void aLiveChangeDoesNotOverwriteAnEditAndRevertShowsIt() {
        FieldViewModel rate = field("workload.arrival.ratePerSecond", scenario);
        rate.textProperty().set("12");
        rate.showLive(Parameter.of("workload.arrival.ratePerSecond").applyTo(scenario, 900.0)); // a timeline command
        assertEquals("12", rate.textProperty().get());
        rate.revert();
        assertEquals("900", rate.textProperty().get());
    }

    @Test
    void aBreakerFieldOfAClientWithoutABreakerIsEmptyAndDisabledUntilItHasOne() {
        FieldViewModel threshold = field("dependencies[0].breaker.failureRateThreshold", storm);
        assertNull(threshold.liveValueProperty().get());
        assertEquals("", threshold.textProperty().get());
        assertFalse(threshold.applicableProperty().get());
        threshold.showLive(ScenarioFields.with(storm, "dependencies[0].breaker.mode", "resilience4j"));
        assertEquals("50", threshold.textProperty().get(), "Resilience4j's default failure-rate threshold");
        assertTrue(threshold.applicableProperty().get());
    }

    @Test
    void aFractionWithoutAUnitSaysItsRange() {
        assertEquals("0–1", field("workload.readRatio", scenario).unitProperty().get());
        assertEquals("", field("balancer.activeRequestBias", scenario).unitProperty().get(), "a bias is no fraction");
    }

    @Test
    void aTimeBasedWindowsSizeIsInSecondsACountBasedOnesInCalls() {
        FieldViewModel window = field("dependencies[1].breaker.slidingWindowSize", storm);
        assertEquals("calls", window.unitProperty().get());
        window.showLive(ScenarioFields.with(storm, "dependencies[1].breaker.slidingWindowType", "time-based"));
        assertEquals("s", window.unitProperty().get());
    }
}
