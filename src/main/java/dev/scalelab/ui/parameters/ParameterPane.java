package dev.scalelab.ui.parameters;

import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import javafx.scene.Node;

import java.util.function.BiConsumer;

/**
 * The general parameters on the right of the window, for the panels without their own pane: the
 * workload, the service and the balancer's strategy, as a {@link ParameterForm}. The rows keep the
 * names and fx:ids ({@code rateField}, {@code strategyChoice}) this pane has always had.
 *
 * <p>FX thread only.
 */
public final class ParameterPane {
    private final ParameterForm form;

    /** @param sendToSimulation receives each valid change, such as {@code runner::set} */
    public ParameterPane(BiConsumer<Parameter, Object> sendToSimulation, Scenario current) {
        form = new ParameterForm("Parameters", sendToSimulation);
        form.update(current); // before the rows: a slider starts from the live value
        form.section("Workload");
        form.add(Parameter.of("workload.arrival.ratePerSecond"), SliderScale.logarithmic(1, 100_000),
                "Arrival rate", "rate");
        form.add(Parameter.of("workload.arrival.users"), null, "Users (closed loop)", "users");
        form.add(Parameter.of("workload.readRatio"), SliderScale.linear(0, 1, 0.05), "Read ratio", "readRatio");
        form.section("Service");
        form.add(Parameter.of("service.instances"), SliderScale.linear(1, 100, 1), "Instances", "instances");
        form.add(Parameter.of("service.workersPerInstance"), SliderScale.linear(1, 64, 1),
                "Workers / instance", "workers");
        form.add(Parameter.of("service.queueCapacity"), null, "Queue capacity", "queue");
        form.add(Parameter.of("service.serviceTime.meanMs"), SliderScale.logarithmic(1, 10_000),
                "Mean service time", "serviceTime");
        form.add(Parameter.of("service.serviceTime.distribution"), null, "Service time shape", "distribution");
        form.section("Load balancer");
        form.add(Parameter.of("balancer.strategy"), null, "Strategy", "strategy");
    }

    public Node node() {
        return form.node();
    }

    /** Takes in the scenario of the newest snapshot; cheap when it has not changed, as in most frames. */
    public void update(Scenario current) {
        form.update(current);
    }
}
