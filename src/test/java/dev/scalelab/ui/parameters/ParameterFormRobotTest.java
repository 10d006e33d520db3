package dev.scalelab.ui.parameters;

import dev.scalelab.world.Parameter;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFields;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.RangeSlider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.scalelab.ui.FxWait.onFx;
import static dev.scalelab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated form on its own, with real keys and clicks: what reaches the simulation, and what is refused. */
class ParameterFormRobotTest {
    private static final long TIMEOUT_SECONDS = 8;
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final FxRobot robot = new FxRobot();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final Scenario scenario = ScenarioFields.with(Presets.load("full-stack"), "autoscaler.maxReplicas", 10);
    private ParameterForm form;

    @BeforeEach
    void showForm() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupSceneRoot(() -> {
            form = new ParameterForm("Test", (parameter, value) -> sent.add(parameter.path() + "=" + value));
            form.update(scenario);
            form.section("Service");
            form.add(Parameter.of("service.instances"), SliderScale.linear(1, 100, 1));
            form.addRange("Replicas", Parameter.of("autoscaler.minReplicas"),
                    Parameter.of("autoscaler.maxReplicas"), SliderScale.linear(1, 100, 1));
            form.add(Parameter.of("cache.coalesce"));
            return new StackPane(form.node());
        });
        FxToolkit.showStage();
    }

    @AfterEach
    void hideForm() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aRefusedValueIsMarkedWithItsReasonAndEscapeBringsBackTheLiveValue() throws Exception {
        TextField instances = robot.lookup("#serviceInstancesField").queryAs(TextField.class);
        Label error = robot.lookup("#serviceInstancesError").queryAs(Label.class);
        replaceText("#serviceInstancesField", "0");
        waitUntil(() -> onFx(error::isVisible, TIMEOUT_SECONDS), TIMEOUT_SECONDS);
        assertEquals("service.instances: 0 is out of range; a whole number from 1 to 500", onFx(error::getText, TIMEOUT_SECONDS));
        waitUntil(() -> onFx(() -> instances.getPseudoClassStates().contains(INVALID), TIMEOUT_SECONDS), TIMEOUT_SECONDS);

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> onFx(() -> !error.isVisible() && !instances.getPseudoClassStates().contains(INVALID), TIMEOUT_SECONDS),
                TIMEOUT_SECONDS);
        assertEquals("4", onFx(instances::getText, TIMEOUT_SECONDS));
        assertTrue(sent.isEmpty(), sent.toString());

        replaceText("#serviceInstancesField", "6");
        waitUntil(() -> sent.contains("service.instances=6"), TIMEOUT_SECONDS);
        assertEquals(1, sent.size(), sent.toString());
    }

    @Test
    void theRangeRowSendsEachBoundAndRefusesAMinimumAboveTheMaximum() throws Exception {
        RangeSlider slider = robot.lookup("#autoscalerReplicasSlider").queryAs(RangeSlider.class);
        assertEquals((10 - 1) / 99.0, onFx(slider::getHighValue, TIMEOUT_SECONDS), 1e-9, "10 replicas on a 1-100 scale");
        assertEquals((3 - 1) / 99.0, onFx(slider::getLowValue, TIMEOUT_SECONDS), 1e-9);
        replaceText("#autoscalerReplicasHighField", "12");
        waitUntil(() -> sent.contains("autoscaler.maxReplicas=12"), TIMEOUT_SECONDS);

        replaceText("#autoscalerReplicasLowField", "20");
        Label error = robot.lookup("#autoscalerReplicasLowError").queryAs(Label.class);
        waitUntil(() -> onFx(error::isVisible, TIMEOUT_SECONDS), TIMEOUT_SECONDS);
        assertTrue(onFx(error::getText, TIMEOUT_SECONDS).startsWith("autoscaler."), onFx(error::getText, TIMEOUT_SECONDS));
        assertFalse(sent.stream().anyMatch(s -> s.startsWith("autoscaler.minReplicas")), sent.toString());
    }

    @Test
    void theSwitchSendsTheFlippedValueOnce() throws Exception {
        boolean before = (Boolean) ScenarioFields.read(scenario, "cache.coalesce");
        robot.clickOn("#cacheCoalesceCheck");
        waitUntil(() -> sent.contains("cache.coalesce=" + !before), TIMEOUT_SECONDS);
        assertEquals(1, sent.size(), sent.toString());
    }

    private void replaceText(String query, String text) {
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        robot.type(KeyCode.ENTER);
    }
}
