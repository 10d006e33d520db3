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
     * @param openPanel     shows the panel of this title (the Overview's parts open their pattern's panel)
     * @param drawSystem    opens the design canvas on the system the runner runs, drawn (the Overview's way to it)
     */
    public record Context(SimulationRunner runner, Consumer<String> choosePreset, BiConsumer<Scenario, String> startScenario,
                          Consumer<String> openPanel, Runnable drawSystem) {
        /** A context whose panels open no other panel nor the canvas (an export's offscreen panel, a test's). */
        public Context(SimulationRunner runner, Consumer<String> choosePreset, BiConsumer<Scenario, String> startScenario) {
            this(runner, choosePreset, startScenario, title -> { }, null);
        }
    }

    /** One entry of the navigation list. */
    public record Entry(String title, Function<Context, Panel> factory) {
    }

    private static final List<Entry> ENTRIES = List.of(
            // In the order of DESIGN.md: the Overview, then one panel per pattern along the request path.
            new Entry("Overview", c -> new OverviewView(c.openPanel(), c.drawSystem())),
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

    /**
     * Every panel of the catalog, each built when the window first asks for its view, charts or
     * parameters: start-up builds only the panel it shows.
     */
    public static List<Panel> lazyPanels(Context context) {
        return ENTRIES.stream().map(e -> (Panel) new LazyPanel(e, context)).toList();
    }

    /** A navigation entry whose panel is built on first use; until then it has nothing to update. */
    static final class LazyPanel implements Panel {
        private final Entry entry;
        private final Context context;
        private Panel built;

        LazyPanel(Entry entry, Context context) {
            this.entry = entry;
            this.context = context;
        }

        /** The panel, built now if it was not. */
        Panel panel() {
            if (built == null) {
                built = entry.factory().apply(context);
            }
            return built;
        }

        boolean isBuilt() {
            return built != null;
        }

        @Override
        public String title() {
            return entry.title();
        }

        @Override
        public javafx.scene.Node view() {
            return panel().view();
        }

        @Override
        public javafx.scene.Node charts() {
            return panel().charts();
        }

        @Override
        public javafx.scene.Node parameters() {
            return panel().parameters();
        }

        @Override
        public void update(dev.scalelab.runtime.Frame frame, long nowNanos) {
            if (built != null) {
                built.update(frame, nowNanos);
            }
        }

        @Override
        public void animate(long nowNanos) {
            if (built != null) {
                built.animate(nowNanos);
            }
        }

        @Override
        public javafx.geometry.Bounds highlightBounds(String element) {
            return built == null ? null : built.highlightBounds(element);
        }

        @Override
        public void dispose() {
            if (built != null) {
                built.dispose();
            }
        }

        @Override
        public Panel unwrapped() {
            return built == null ? this : built.unwrapped();
        }

        @Override
        public String toString() {
            return entry.title();
        }
    }

    /**
     * A second panel built as {@code shown} was, from the same entry and context: compare mode shows
     * variant B in it. Null for a panel that is not one of {@link #lazyPanels}. It offers no way to the
     * canvas: the system the main window runs, which the canvas would draw, is A.
     */
    public static Panel twin(Panel shown) {
        if (!(shown instanceof LazyPanel lazy)) {
            return null;
        }
        Context c = lazy.context;
        return lazy.entry.factory().apply(new Context(c.runner(), c.choosePreset(), c.startScenario(), c.openPanel(), null));
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
