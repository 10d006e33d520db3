package dev.scalelab.ui.caching;

import dev.scalelab.ui.parameters.FieldLabels;
import dev.scalelab.ui.parameters.ParameterForm;
import dev.scalelab.ui.parameters.SliderScale;
import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static dev.scalelab.ui.controls.ActionButtons.actionButton;

/**
 * The Caching panel's parameter pane: each level's capacity, policy and TTL (only for the levels the
 * scenario has), the write policy and coalescing, the key popularity, and the cache's actions
 * (expire the hot key, flush, fail a level). It is rebuilt when the levels change, and shows a way
 * to a scenario with a cache when there is none.
 *
 * <p>FX thread only.
 */
final class CachingParameters {
    /** Sends an action to the simulation: {@code target} a level name or null, {@code value} or null. */
    interface Commands {
        void act(Action action, String target, Double value);
    }

    private static final Parameter[] CAPACITY = {Parameter.of("cache.levels[0].capacity"),
            Parameter.of("cache.levels[1].capacity"), Parameter.of("cache.levels[2].capacity")};
    private static final Parameter[] POLICY = {Parameter.of("cache.levels[0].policy"),
            Parameter.of("cache.levels[1].policy"), Parameter.of("cache.levels[2].policy")};
    private static final Parameter[] TTL = {Parameter.of("cache.levels[0].ttlSeconds"),
            Parameter.of("cache.levels[1].ttlSeconds"), Parameter.of("cache.levels[2].ttlSeconds")};

    private final BiConsumer<Parameter, Object> set;
    private final Commands commands;
    private final StackPane host = new StackPane();
    private final Node noCache;
    private ParameterForm form;
    private String shownStructure;

    private boolean keysHere = true;
    private boolean writesHere = true;

    CachingParameters(BiConsumer<Parameter, Object> set, Commands commands, Runnable openStampede) {
        this.set = set;
        this.commands = commands;
        host.setId("cachingParameters");
        noCache = noCachePane(openStampede);
    }

    StackPane node() {
        return host;
    }

    /** A drawn cache box's form: its keys are its clients' traffic, set there, so the form says so instead of offering them. */
    void withoutKeys() {
        keysHere = false;
    }

    /**
     * A drawn CDN's form: it caches reads and always coalesces, so the form says so instead of offering
     * a write policy and a switch; its one level's rows are called by its name (edge capacity), not L1.
     */
    void asCdn() {
        writesHere = false;
    }

    /** Follows the simulation's scenario; rebuilds the form when the levels change. */
    void update(Scenario current) {
        Scenario.Cache cache = current.cache();
        String structure = structureOf(cache);
        if (!structure.equals(shownStructure)) {
            shownStructure = structure;
            if (cache == null) {
                form = null;
                host.getChildren().setAll(noCache);
            } else {
                form = build(current);
                host.getChildren().setAll(form.node());
            }
        }
        if (form != null) {
            form.update(current); // also dims the skew unless zipf, the hot fractions unless hotspot
        }
    }

    /** Level names: the form has one block of rows and one row of buttons per level. */
    static String structureOf(Scenario.Cache cache) {
        if (cache == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (Scenario.CacheLevel level : cache.levels()) {
            s.append(level.name()).append(';');
        }
        return s.toString();
    }

    private ParameterForm build(Scenario current) {
        ParameterForm f = new ParameterForm("Caching", set);
        // Shown before the rows are added, so that each row (and its slider) starts from a live value.
        f.update(current);
        List<Scenario.CacheLevel> levels = current.cache().levels();
        int count = Math.min(CAPACITY.length, levels.size());

        // The actions and coalescing first: the hot key's expiry and its cure are what a stampede is about.
        f.section("Actions");
        Button expire = f.button("Expire hot key",
                "Expires key 0, the hottest key, in every level at once, as its TTL would. Its next reads all miss together: "
                        + "without coalescing each of them loads it from the store (a stampede); with coalescing they share one load.",
                () -> commands.act(Action.EXPIRE_KEY, null, 0.0));
        expire.setId("expireHotKeyButton");
        Button flushAll = f.button("Flush every level", Action.FLUSH_CACHE.description(),
                () -> commands.act(Action.FLUSH_CACHE, null, null));
        flushAll.setId("flushAllButton");
        List<Node> rows = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            String name = levels.get(i).name();
            Button flush = actionButton("Flush " + name, "flushL" + (i + 1) + "Button",
                    "Empties " + name + " (every copy of it); its write-back entries are written to the store first.",
                    () -> commands.act(Action.FLUSH_CACHE, name, null));
            Button fail = actionButton("Fail " + name, "failL" + (i + 1) + "Button",
                    name + " crashes and comes back empty: its unflushed write-back writes are lost and counted, and its "
                            + "keys' next reads fall through to the level below or the store.",
                    () -> commands.act(Action.FAIL_CACHE_LEVEL, name, null));
            HBox row = new HBox(flush, fail);
            row.getStyleClass().add("caching-action-row");
            rows.add(row);
        }
        rows.forEach(f::addNode);

        f.section("Writes and stampedes");
        if (writesHere) {
            f.add(Parameter.of("cache.writePolicy"));
            f.add(Parameter.of("cache.coalesce"));
        } else {
            f.addNode(note("A CDN caches what is read: a write goes past it to its origin. Concurrent misses of one object "
                    + "share one fetch from the origin (coalescing is always on)."));
        }

        f.section("Levels");
        for (int i = 0; i < count; i++) {
            if (writesHere) {
                f.add(CAPACITY[i], SliderScale.logarithmic(10, 1_000_000));
                f.add(POLICY[i]);
                f.add(TTL[i], SliderScale.logarithmic(1, 86_400));
            } else {
                String name = levels.get(i).name();
                addNamed(f, CAPACITY[i], SliderScale.logarithmic(10, 1_000_000), name);
                addNamed(f, POLICY[i], null, name);
                addNamed(f, TTL[i], SliderScale.logarithmic(1, 86_400), name);
            }
        }
        f.addNode(note("A new capacity, policy or TTL rebuilds the cache: it starts empty."));

        f.section("Key popularity");
        if (!keysHere) {
            f.addNode(note("The keys are the traffic of the drawing's clients box: they change on that box, not on the cache."));
            return f;
        }
        f.add(Parameter.of("workload.keys.distribution"));
        f.add(Parameter.of("workload.keys.alpha"), SliderScale.linear(0, 2, 0.05));
        f.add(Parameter.of("workload.keys.hotTrafficFraction"), SliderScale.linear(0, 1, 0.01));
        f.add(Parameter.of("workload.keys.hotKeyFraction"), SliderScale.logarithmic(0.001, 1));
        f.add(Parameter.of("workload.keys.scanFraction"), SliderScale.linear(0, 1, 0.01));
        f.addNode(note("A new key popularity also starts the cache empty."));
        return f;
    }

    /** A level's row called by the level's name ("Edge TTL" for "L1 TTL"), its controls' fx:ids as ever. */
    private static void addNamed(ParameterForm f, Parameter p, SliderScale scale, String levelName) {
        String label = FieldLabels.label(p.path());
        String named = levelName + label.substring(label.indexOf(' '));
        f.add(p, scale, Character.toUpperCase(named.charAt(0)) + named.substring(1), FieldLabels.idOf(p.path()));
    }

    private static Label note(String text) {
        Label note = new Label(text);
        note.getStyleClass().add("caching-note");
        note.setWrapText(true);
        return note;
    }

    private static Node noCachePane(Runnable openStampede) {
        Label title = new Label("Caching");
        title.getStyleClass().add("pane-title");
        Label text = note("This scenario has no cache, so there is nothing to tune here. Open the cache-stampede "
                + "scenario, or add a \"cache\" section with levels to your scenario file.");
        Button open = actionButton("Open cache-stampede", "openStampedeFromParametersButton",
                "Starts the cache-stampede scenario from t = 0: an L1 per instance and a shared L2 in front of a slow store, "
                        + "a hot key that expires at 60 s without coalescing and at 150 s with it.",
                openStampede);
        VBox pane = new VBox(title, text, open);
        pane.getStyleClass().addAll("parameter-list", "caching-no-cache-parameters");
        ScrollPane scroll = new ScrollPane(pane);
        scroll.getStyleClass().add("parameter-pane");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }
}
