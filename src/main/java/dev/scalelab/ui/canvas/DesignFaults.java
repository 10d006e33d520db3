package dev.scalelab.ui.canvas;

import dev.scalelab.design.NodeKind;
import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.Topology;
import dev.scalelab.world.network.NetworkSnapshot;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A running box's faults and actions, offered by its menu (right-click): the pipeline's actions on the
 * engine behind the box (kill an instance, flush a level, kill a shard's primary, an outage of an
 * API, a burst on a queue...), each given to the run at once and recorded in its timeline. Targets
 * inside the box (instances, shards, replicas) are those the newest snapshot lists; an action with a
 * value or a duration asks for them first ({@link FaultDialog}). FX thread only.
 */
final class DesignFaults {
    private final Consumer<Scenario.TimelineEntry> give;
    private final BiConsumer<String, Boolean> say;
    private ContextMenu showing;

    /**
     * @param give runs a command on the current run; throws ScenarioException (naming the field) when it cannot
     * @param say  the window's status line
     */
    DesignFaults(Consumer<Scenario.TimelineEntry> give, BiConsumer<String, Boolean> say) {
        this.give = give;
        this.say = say;
    }

    /** Shows box {@code node}'s menu at a screen point, or says why there is none. */
    void show(Window owner, Topology topology, Topology.Node node, NetworkSnapshot live, double screenX, double screenY) {
        if (showing != null) {
            showing.hide();
        }
        if (live == null) {
            say.accept("Run the design to act on " + node.id() + ": faults and actions go to a running design.", false);
            return;
        }
        List<MenuItem> items = items(owner, topology, node, live.targets().getOrDefault(node.id(), List.of()));
        if (items.isEmpty()) {
            say.accept(node.id() + " has no faults of its own: change its parameters in the inspector, or act on the boxes "
                    + "it sends to.", false);
            return;
        }
        showing = new ContextMenu(items.toArray(MenuItem[]::new));
        showing.setId("designFaults");
        showing.show(owner, screenX, screenY);
    }

    /** The menu on screen (or the last one shown); null before any. */
    ContextMenu showing() {
        return showing;
    }

    /** The menu of a box of {@code node}'s kind, its inner targets {@code targets} (names the run gave). */
    List<MenuItem> items(Window owner, Topology topology, Topology.Node node, List<String> targets) {
        String id = node.id();
        List<MenuItem> out = new ArrayList<>();
        switch (node.nodeKind()) {
            case SERVICE -> {
                out.add(now("Add an instance", Action.ADD_INSTANCE, id));
                out.add(now("Remove an instance", Action.REMOVE_INSTANCE, id));
                out.add(new SeparatorMenuItem());
                out.add(each("Kill instance", targets, t -> give(Action.KILL_INSTANCE, t, null, 0)));
                out.add(each("Slow instance", targets, t -> ask(owner, Action.SLOW_INSTANCE, t, 0.5, 0)));
                out.add(each("Errors on instance", targets, t -> ask(owner, Action.ERROR_INSTANCE, t, 0.5, 0)));
                if (topology.edges().stream().anyMatch(e -> e.to().equals(id) && topology.node(e.from()) != null
                        && topology.node(e.from()).nodeKind() == NodeKind.TOPIC)) {
                    // A member of a topic's consumer group: it stops heartbeating, and its partitions move
                    // after the session timeout.
                    out.add(each("Crash consumer", targets, t -> give(Action.CRASH_CONSUMER, t, null, 0)));
                }
                if (node.service().runtime() != null) {
                    out.add(now("Full GC on every instance", Action.FULL_GC, id));
                }
                if (node.service().connectionPool() != null) {
                    out.add(asking(owner, "Leak connections…", Action.LEAK_CONNECTIONS, id, 0.2, 30));
                }
            }
            case CACHE, CDN -> {
                out.add(now("Flush the whole " + (node.nodeKind() == NodeKind.CDN ? "CDN" : "cache"), Action.FLUSH_CACHE, id));
                List<String> levels = node.nodeKind() == NodeKind.CDN ? List.of(id + "/edge")
                        : node.cache().levels().stream().map(l -> id + "/" + l.name()).toList();
                if (node.nodeKind() == NodeKind.CACHE) {
                    out.add(each("Flush level", levels, t -> give(Action.FLUSH_CACHE, t, null, 0)));
                }
                out.add(each("Fail level", levels, t -> give(Action.FAIL_CACHE_LEVEL, t, null, 0)));
                MenuItem expire = new MenuItem("Expire the hottest key everywhere");
                expire.setOnAction(e -> give(Action.EXPIRE_KEY, null, 0, 0));
                out.add(expire);
            }
            case DATABASE -> {
                List<String> shards = targets.stream().filter(t -> !t.substring(id.length() + 1).startsWith("s")).toList();
                List<String> replicas = targets.stream().filter(t -> t.substring(id.length() + 1).startsWith("s")).toList();
                out.add(now("Add a shard", Action.ADD_SHARD, id));
                out.add(now("Remove the last shard", Action.REMOVE_SHARD, id));
                out.add(new SeparatorMenuItem());
                out.add(each("Kill primary of", shards, t -> give(Action.KILL_PRIMARY, t, null, 0)));
                out.add(each("Lag spike on", replicas, t -> ask(owner, Action.LAG_SPIKE, t, 500, 30)));
            }
            case EXTERNAL -> {
                out.add(asking(owner, "Outage…", Action.OUTAGE, id, Double.NaN, 30));
                out.add(asking(owner, "Add latency…", Action.LATENCY, id, 200, 30));
                out.add(asking(owner, "Raise the error rate…", Action.ERROR_RATE, id, 0.5, 30));
            }
            case QUEUE, TOPIC -> {
                out.add(asking(owner, "Publish a burst…", Action.PUBLISH_BURST, id, 1000, 0));
                MenuItem poison = new MenuItem("Poison the next message");
                poison.setOnAction(e -> give(Action.POISON, id, null, 0));
                out.add(poison);
            }
            default -> {
            }
        }
        return out;
    }

    private MenuItem now(String text, Action a, String target) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> give(a, target, null, 0));
        return item;
    }

    private MenuItem asking(Window owner, String text, Action a, String target, double value, double seconds) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> ask(owner, a, target, value, seconds));
        return item;
    }

    /** A submenu of {@code targets}, each running {@code act}; disabled (and saying so) when there are none. */
    private static MenuItem each(String text, List<String> targets, Consumer<String> act) {
        Menu menu = new Menu(text);
        for (String t : targets) {
            MenuItem item = new MenuItem(t);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> act.accept(t));
            menu.getItems().add(item);
        }
        if (targets.isEmpty()) {
            MenuItem none = new MenuItem("none running now");
            none.setDisable(true);
            menu.getItems().add(none);
        }
        return menu;
    }

    /** Asks for the value (NaN: none) and the duration (0: none) of {@code a}, then gives it. */
    private void ask(Window owner, Action a, String target, double value, double seconds) {
        FaultDialog.ask(owner, a, target, value, seconds).ifPresent(this::give);
    }

    private void give(Action a, String target, Object value, double seconds) {
        give(Scenario.TimelineEntry.action(0, a, target, value, seconds));
    }

    void give(Scenario.TimelineEntry e) {
        try {
            give.accept(e);
            Action a = Action.byId(e.command());
            say.accept(a.id() + (e.target() == null ? "" : " " + e.target())
                    + (e.value() == null ? "" : " " + Parameter.format(((Number) e.value()).doubleValue()))
                    + (e.durationSeconds() > 0 ? " for " + Parameter.format(e.durationSeconds()) + " s" : "")
                    + ": given to the run, and kept in its timeline (File ▸ Save the run…). The decisions say what it did.", false);
        } catch (ScenarioException x) {
            say.accept("Cannot " + e.command() + ": " + x.getMessage(), true);
        }
    }
}
