package dev.scalelab.runtime;

import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;

/**
 * What a pattern panel needs from the run it shows: the newest frame, and a way to send its
 * parameter changes and actions. The main window's {@link SimulationRunner} is one; a drawn node
 * shown in a panel of its own ({@link NodeRun}) is another. Every method may be called from any thread.
 */
public interface PanelSource {

    /** The newest frame; never null. */
    Frame latest();

    /** Changes a parameter of the run ({@code value} from {@link Parameter#parse} or {@link Parameter#validate}). */
    void set(Parameter parameter, Object value);

    /**
     * Changes a field of a dependency's client, {@code dependencies[i].<field>} as the Resilience
     * panel names it ({@code value} checked against the scenario the newest frame shows).
     */
    void setDependencyField(String path, Object value);

    /**
     * Runs an action ({@code target} an instance id such as "i-2", or null where the action needs
     * none; {@code value} its value or null; {@code durationSeconds} how long a fault lasts, 0 for none).
     */
    void act(Action action, String target, Double value, double durationSeconds);
}
