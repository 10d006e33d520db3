package dev.scalelab.ui;

import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.balancing.BalancingView;
import dev.scalelab.ui.caching.CachingView;
import dev.scalelab.ui.database.DatabasePanel;
import dev.scalelab.ui.estimator.EstimatorPanel;
import dev.scalelab.ui.events.EventsPanel;
import dev.scalelab.ui.overview.OverviewView;
import dev.scalelab.ui.performance.PerformancePanel;
import dev.scalelab.ui.performance.ThisAppView;
import dev.scalelab.ui.practice.PracticePanel;
import dev.scalelab.ui.resilience.ResilienceView;
import dev.scalelab.ui.scaling.ScalingView;
import dev.scalelab.world.Scenario;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The app's panels, in the order of the navigation list, each as a title and a way to build it. The
 * window builds a panel when it is first shown (start-up builds only the first); an export builds a
 * second one, off screen, on an offline run.
 */
public final class PanelCatalog {

    /**
     * What a panel is built with.
     *
     * @param runner        the simulation it shows and sends commands to
     * @param choosePreset  starts a preset by name (a panel's "open the preset" button)
     * @param startScenario starts a scenario under a label (Practice's "load the starting system")
     */
    public record Context(SimulationRunner runner, Consumer<String> choosePreset, BiConsumer<Scenario, String> startScenario) {
    }

    /** One entry of the navigation list. */
    public record Entry(String title, Function<Context, Panel> factory) {
    }

    private static final List<Entry> ENTRIES = List.of(
            // In the order of DESIGN.md: the Overview, then one panel per pattern along the request path.
            new Entry("Overview", c -> new OverviewView()),
            new Entry("Scaling", c -> new ScalingView(c.runner())),
            new Entry("Load balancing", c -> new BalancingView(c.runner())),
            new Entry("Caching", c -> new CachingView(c.runner(), c.choosePreset())),
            new Entry("Database", c -> new DatabasePanel(c.runner())),
            new Entry("Resilience", c -> new ResilienceView(c.runner(), c.choosePreset())),
            new Entry("Performance", c -> new PerformancePanel(c.runner(), c.choosePreset(), new ThisAppView(c.runner()))),
            new Entry("Events", c -> new EventsPanel(c.runner(), c.choosePreset())),
            new Entry("Practice", c -> new PracticePanel(c.runner(), c.startScenario())),
            new Entry("Estimator", c -> new EstimatorPanel()));

    private PanelCatalog() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entry titled {@code title} (case-insensitive), or null. */
    public static Entry find(String title) {
        for (Entry e : ENTRIES) {
            if (e.title().equalsIgnoreCase(title)) {
                return e;
            }
        }
        return null;
    }
}
