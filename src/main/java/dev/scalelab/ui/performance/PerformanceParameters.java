package dev.scalelab.ui.performance;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.parameters.FormPart;
import dev.scalelab.ui.parameters.ParameterForm;
import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Snapshot;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.List;

import static dev.scalelab.ui.Tooltips.tooltip;
import static dev.scalelab.ui.controls.ActionButtons.actionButton;

/**
 * The Performance panel's parameter pane: the instances' runtime (collector and heap), the object
 * pool, the connection pool and the database's connection limit and cores, each row generated from
 * its field's spec; and two actions, a full collection (on one instance or all) and a connection
 * leak. A field whose section the scenario lacks shows no value.
 *
 * <p>FX thread only.
 */
final class PerformanceParameters {
    static final String ALL_INSTANCES = "all instances";
    /** The leak the button starts: a fifth of the connections borrowed in the next minute are never returned. */
    static final double LEAK_FRACTION = 0.2;
    static final double LEAK_SECONDS = 60;

    static final List<Parameter> RUNTIME = Parameter.list("service.runtime.collector", "service.runtime.heapMb",
            "service.runtime.youngMb", "service.runtime.allocationKbPerRequest", "service.runtime.survivingFraction",
            "service.runtime.maxTenuringThreshold", "service.runtime.liveSetMb", "service.runtime.pauseTargetMs",
            "service.runtime.initiatingOccupancyPercent");
    static final List<Parameter> OBJECT_POOL = Parameter.list("service.objectPool.capacity",
            "service.objectPool.objectsPerRequest", "service.objectPool.objectKb");
    static final List<Parameter> CONNECTION_POOL = Parameter.list("service.connectionPool.maximumPoolSize",
            "service.connectionPool.minimumIdle", "service.connectionPool.connectionTimeoutMs",
            "service.connectionPool.connectionSetupMs", "service.connectionPool.maxLifetimeSeconds",
            "service.connectionPool.leakDetectionThresholdMs");
    static final List<Parameter> DATABASE = Parameter.list("database.maxConnections", "database.cores");

    private final ParameterForm form;
    private final ComboBox<String> gcTarget = new ComboBox<>();
    private List<String> shownInstances = List.of();

    PerformanceParameters(SimulationRunner runner) {
        form = new ParameterForm("Performance", runner::set);
        // Rows read their live values as they are built, so the form needs a scenario first.
        form.update(runner.latest().snapshot().current());
        section("Runtime", RUNTIME);
        section("Object pool", OBJECT_POOL);
        section("Connection pool", CONNECTION_POOL);
        section("Database", DATABASE);

        form.section("Actions");
        gcTarget.setId("fullGcTarget");
        gcTarget.getItems().setAll(ALL_INSTANCES);
        gcTarget.setValue(ALL_INSTANCES);
        gcTarget.setTooltip(tooltip("The instance that collects, or every instance at once."));
        Button gc = actionButton("Full collection", "fullGcButton", Action.FULL_GC.description(), () -> {
            String target = gcTarget.getValue();
            runner.act(Action.FULL_GC, target == null || ALL_INSTANCES.equals(target) ? null : target, null, 0);
        });
        HBox row = new HBox(gc, gcTarget);
        row.getStyleClass().add("performance-action-row");
        form.addNode(row);
        Button leak = form.button("Leak connections", Action.LEAK_CONNECTIONS.description() + " The button leaks a fifth "
                + "of the connections borrowed in the next 60 s.",
                () -> runner.act(Action.LEAK_CONNECTIONS, null, LEAK_FRACTION, LEAK_SECONDS));
        leak.setId("leakConnectionsButton");
    }

    private void section(String name, List<Parameter> parameters) {
        FormPart part = form.part();
        part.section(name);
        for (Parameter p : parameters) {
            part.add(p.path());
        }
    }

    Node node() {
        return form.node();
    }

    /** Follows the simulation's values and its instances (the full collection's targets). */
    void update(Snapshot snapshot) {
        assert FxThread.isCurrent();
        form.update(snapshot.current());
        List<String> ids = new ArrayList<>(snapshot.instances().size());
        for (Snapshot.InstanceView instance : snapshot.instances()) {
            ids.add(instance.id());
        }
        if (!ids.equals(shownInstances)) {
            shownInstances = ids;
            String picked = gcTarget.getValue();
            List<String> items = new ArrayList<>(ids.size() + 1);
            items.add(ALL_INSTANCES);
            items.addAll(ids);
            gcTarget.getItems().setAll(items);
            gcTarget.setValue(items.contains(picked) ? picked : ALL_INSTANCES);
        }
    }
}
