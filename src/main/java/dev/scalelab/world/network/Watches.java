package dev.scalelab.world.network;

import java.util.Arrays;
import java.util.List;

/**
 * The boxes of a {@link Network} that views watch, each with its own {@link Watch}, in the order
 * first asked. While none is watched it holds nothing, and what the run pays for watching is one
 * null check at each tick and each logged decision.
 */
final class Watches {
    /** Null while none is watched. */
    private Watch[] watches;

    /** Adds {@code w}; its box must not be watched already. */
    void add(Watch w) {
        Watch[] next = watches == null ? new Watch[1] : Arrays.copyOf(watches, watches.length + 1);
        next[next.length - 1] = w;
        watches = next;
    }

    /** Stops watching box {@code id} (nothing when it is not watched); the others' watches go on. */
    void remove(String id) {
        Watch w = of(id);
        if (w == null) {
            return;
        }
        Watch[] next = Arrays.stream(watches).filter(x -> x != w).toArray(Watch[]::new);
        watches = next.length == 0 ? null : next; // none left: the run pays one null check again
        w.stop();
    }

    /** Box {@code id}'s watch, or null. */
    Watch of(String id) {
        if (watches != null) {
            for (Watch w : watches) {
                if (w.node.id.equals(id)) {
                    return w;
                }
            }
        }
        return null;
    }

    List<String> ids() {
        return watches == null ? List.of() : Arrays.stream(watches).map(w -> w.node.id).toList();
    }

    /** Before the nodes' tick (see {@link Watch#beforeTick}). */
    void beforeTick() {
        if (watches != null) {
            for (Watch w : watches) {
                w.beforeTick();
            }
        }
    }

    /** After the nodes' tick: each watch takes its second. */
    void second() {
        if (watches != null) {
            for (Watch w : watches) {
                w.second();
            }
        }
    }

    /** A decision {@code node} made: the watches that hear it keep it for their view's log. */
    void decided(NetNode node, String explanation) {
        if (watches != null) {
            for (Watch w : watches) {
                if (w.hears(node, explanation)) {
                    w.decided(node, explanation);
                }
            }
        }
    }
}
