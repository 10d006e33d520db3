package dev.scalelab.ui.parameters;

import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterViewModelTest {
    private final List<Object> sent = new ArrayList<>();
    private final Scenario scenario = Presets.load("default");
    private final ParameterViewModel rate = new ParameterViewModel(Parameter.ARRIVAL_RATE, (p, value) -> sent.add(value));

    @Test
    void showsTheLiveValueUntilTheUserTypes() {
        rate.showLive(scenario);
        assertEquals("400", rate.textProperty().get());
        assertFalse(rate.isEdited());
    }

    @Test
    void aValidValueIsSentOnceAndStaysShownWhileTheSimulationCatchesUp() {
        rate.showLive(scenario);
        rate.textProperty().set("800");
        assertTrue(rate.commit());
        assertEquals(List.of(800.0), sent);
        rate.showLive(scenario); // the next snapshot still has 400: the command is on its way
        assertEquals("800", rate.textProperty().get());
        assertTrue(rate.commit(), "nothing new to send");
        assertEquals(1, sent.size());
    }

    @Test
    void invalidTextIsRefusedWithAMessageNamingTheFieldAndNothingIsSent() {
        rate.showLive(scenario);
        rate.textProperty().set("abc");
        assertFalse(rate.commit());
        assertEquals("workload.arrival.ratePerSecond: \"abc\" is not a number; a number from 0 to 10000000",
                rate.errorProperty().get());
        rate.textProperty().set("-5");
        assertFalse(rate.commit());
        assertTrue(rate.errorProperty().get().startsWith("workload.arrival.ratePerSecond: -5 is out of range"),
                rate.errorProperty().get());
        assertTrue(sent.isEmpty());
    }

    @Test
    void aLiveChangeDoesNotOverwriteAnEditAndRevertShowsIt() {
        rate.showLive(scenario);
        rate.textProperty().set("12");
        rate.showLive(Parameter.ARRIVAL_RATE.applyTo(scenario, 900.0)); // a timeline command
        assertEquals("12", rate.textProperty().get());
        rate.revert();
        assertEquals("900", rate.textProperty().get());
        assertEquals("", rate.errorProperty().get());
    }

    @Test
    void theRateAppliesToAnOpenWorkloadAndUsersToAClosedOne() {
        ParameterViewModel users = new ParameterViewModel(Parameter.USERS, (p, value) -> sent.add(value));
        rate.showLive(scenario);
        users.showLive(scenario);
        assertTrue(rate.applicableProperty().get());
        assertFalse(users.applicableProperty().get());
        Scenario closed = Presets.load("closed-loop");
        rate.showLive(closed);
        users.showLive(closed);
        assertFalse(rate.applicableProperty().get());
        assertTrue(users.applicableProperty().get());
    }
}
