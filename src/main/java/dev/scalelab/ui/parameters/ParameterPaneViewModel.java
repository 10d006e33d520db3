package dev.scalelab.ui.parameters;

import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Every live parameter of the running scenario, each as a {@link ParameterViewModel}.
 *
 * <p>FX thread only.
 */
public final class ParameterPaneViewModel {
    private final Map<Parameter, ParameterViewModel> parameters = new EnumMap<>(Parameter.class);
    private Scenario shown;

    /**
     * @param sendToSimulation receives each valid change, such as {@code runner::set}
     * @param current          the scenario the fields start from
     */
    public ParameterPaneViewModel(BiConsumer<Parameter, Object> sendToSimulation, Scenario current) {
        for (Parameter p : Parameter.values()) {
            parameters.put(p, new ParameterViewModel(p, sendToSimulation));
        }
        update(current);
    }

    public ParameterViewModel parameter(Parameter p) {
        return parameters.get(p);
    }

    /** Takes in the scenario of the newest snapshot; cheap when it has not changed, as in most frames. */
    public void update(Scenario current) {
        if (current == shown) {
            return;
        }
        shown = current;
        for (ParameterViewModel model : parameters.values()) {
            model.showLive(current);
        }
    }
}
