package dev.scalelab.design;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which connections make sense, and why the others do not: the canvas refuses an edge with the
 * reason this gives, in words a person drawing the system understands.
 */
public final class Connections {
    private Connections() {
    }

    /** What each kind may send requests to. */
    private static final Map<NodeKind, Set<NodeKind>> TARGETS = new HashMap<>();

    static {
        Set<NodeKind> messaging = EnumSet.of(NodeKind.QUEUE, NodeKind.TOPIC);
        TARGETS.put(NodeKind.CLIENTS, union(EnumSet.of(NodeKind.GATEWAY, NodeKind.CDN, NodeKind.BALANCER, NodeKind.SERVICE), messaging));
        TARGETS.put(NodeKind.GATEWAY, union(EnumSet.of(NodeKind.BALANCER, NodeKind.SERVICE), messaging));
        TARGETS.put(NodeKind.CDN, EnumSet.of(NodeKind.GATEWAY, NodeKind.BALANCER, NodeKind.SERVICE));
        TARGETS.put(NodeKind.BALANCER, EnumSet.of(NodeKind.SERVICE));
        TARGETS.put(NodeKind.SERVICE, union(EnumSet.of(NodeKind.SERVICE, NodeKind.BALANCER, NodeKind.CACHE, NodeKind.DATABASE,
                NodeKind.EXTERNAL), messaging));
        TARGETS.put(NodeKind.CACHE, EnumSet.of(NodeKind.DATABASE));
        TARGETS.put(NodeKind.DATABASE, EnumSet.noneOf(NodeKind.class));
        TARGETS.put(NodeKind.QUEUE, EnumSet.of(NodeKind.SERVICE));
        TARGETS.put(NodeKind.TOPIC, EnumSet.of(NodeKind.SERVICE));
        TARGETS.put(NodeKind.EXTERNAL, EnumSet.noneOf(NodeKind.class));
    }

    private static Set<NodeKind> union(Set<NodeKind> a, Set<NodeKind> b) {
        Set<NodeKind> u = EnumSet.copyOf(a);
        u.addAll(b);
        return u;
    }

    /** The kinds {@code from} may send requests to, in palette order. */
    public static Set<NodeKind> targetsOf(NodeKind from) {
        return EnumSet.copyOf(TARGETS.get(from)); // an EnumSet copies even when empty
    }

    /** The mode a new edge from {@code from} to {@code to} takes unless the user says otherwise. */
    public static EdgeMode defaultMode(NodeKind from, NodeKind to) {
        return from.isMessaging() || to.isMessaging() ? EdgeMode.ASYNC : EdgeMode.SYNC;
    }

    /**
     * Why {@code edge} cannot be added to {@code design}, in one sentence; null when it can. Checks
     * that both ends exist, that the target is something the source can send to, that the mode fits
     * (only queues and topics are reached and left asynchronously; clients wait for their answer),
     * that a CDN has one origin and a cache one database, that it does not repeat an edge, and that
     * calls and hand-offs never come back round to where they started.
     */
    public static String refusal(Design design, Design.Edge edge) {
        Design.Node from = design.node(edge.from());
        Design.Node to = design.node(edge.to());
        if (from == null || to == null) {
            return "there is no node " + (from == null ? edge.from() : edge.to()) + " in the design";
        }
        if (from.id().equals(to.id())) {
            return from.id() + " cannot send requests to itself";
        }
        String kinds = kindRefusal(from, to);
        if (kinds != null) {
            return kinds;
        }
        String mode = modeRefusal(from, to, edge.mode());
        if (mode != null) {
            return mode;
        }
        if (to.kind() == NodeKind.CDN && edge.traffic() == Traffic.WRITES) {
            return "a CDN caches what is read; send writes past it to the origin";
        }
        for (Design.Edge e : design.out(from.id())) {
            if (e.to().equals(to.id()) && (e.traffic() == Traffic.ALL || edge.traffic() == Traffic.ALL || e.traffic() == edge.traffic())) {
                return from.id() + " already sends " + describe(e.traffic()) + " to " + to.id() + "; change that edge's weight instead";
            }
        }
        if (from.kind() == NodeKind.CDN && !design.out(from.id()).isEmpty()) {
            return "a CDN has one origin, and " + from.id() + " has " + design.out(from.id()).get(0).to();
        }
        if (from.kind() == NodeKind.CACHE && !design.out(from.id()).isEmpty()) {
            return "a cache loads its misses from one database, and " + from.id() + " uses " + design.out(from.id()).get(0).to();
        }
        if (edge.mode() != EdgeMode.ASYNC) {
            List<String> back = waitingPath(design, to.id(), from.id());
            if (back != null) {
                return from.id() + " would wait on itself: " + from.id() + " → " + String.join(" → ", back)
                        + "; break the loop with a queue";
            }
        }
        return null;
    }

    private static String kindRefusal(Design.Node from, Design.Node to) {
        if (TARGETS.get(from.kind()).contains(to.kind())) {
            return null;
        }
        return switch (from.kind()) {
            case DATABASE -> "a database answers the queries it is sent; it does not call " + to.kind().aNoun()
                    + " (" + from.id() + " → " + to.id() + ")";
            case EXTERNAL -> "an external API is someone else's system: it calls nothing of yours";
            case CACHE -> "a cache sends its misses to a database, not to " + to.kind().aNoun();
            case BALANCER -> "a balancer spreads requests over the instances of a service; put " + to.id()
                    + " behind a service";
            case CDN -> "a CDN's misses go to its origin: a gateway, a balancer or a service";
            case QUEUE, TOPIC -> "a " + from.kind().noun() + "'s messages are taken by a consuming service, not by "
                    + to.kind().aNoun();
            default -> to.kind() == NodeKind.CLIENTS
                    ? "clients start requests; nothing sends requests to them"
                    : from.kind().aNoun() + " cannot send requests to " + to.kind().aNoun()
                    + "; it can send them to " + names(TARGETS.get(from.kind()));
        };
    }

    private static String modeRefusal(Design.Node from, Design.Node to, EdgeMode mode) {
        boolean messaging = from.kind().isMessaging() || to.kind().isMessaging();
        if (messaging && mode != EdgeMode.ASYNC) {
            return to.kind().isMessaging()
                    ? "a message is published to " + to.id() + " and the sender goes on: the edge must be async"
                    : "consumers take messages from " + from.id() + " when they can: the edge must be async";
        }
        if (!messaging && mode == EdgeMode.ASYNC) {
            return "an async edge publishes to a queue or a topic; to reach " + to.id() + " without waiting, put a queue between";
        }
        if (mode == EdgeMode.FORWARD && (from.kind() == NodeKind.CLIENTS || from.kind() == NodeKind.CDN
                || from.kind() == NodeKind.CACHE || to.kind() == NodeKind.DATABASE || to.kind() == NodeKind.EXTERNAL
                || to.kind() == NodeKind.CACHE)) {
            return from.kind() == NodeKind.CLIENTS || from.kind() == NodeKind.CDN || from.kind() == NodeKind.CACHE
                    ? from.kind().aNoun() + " waits for the answer it passes back: the edge must be sync"
                    : to.kind().aNoun() + " answers its caller: a hand-off to it must be a sync call";
        }
        return null;
    }

    /** A path of sync or forward edges from {@code start} to {@code goal}, or null. */
    private static List<String> waitingPath(Design design, String start, String goal) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(start);
        cameFrom.put(start, null);
        while (!todo.isEmpty()) {
            String at = todo.poll();
            if (at.equals(goal)) {
                List<String> path = new ArrayList<>();
                for (String n = at; n != null; n = cameFrom.get(n)) {
                    path.add(0, n);
                }
                return path;
            }
            for (Design.Edge e : design.out(at)) {
                if (e.mode() != EdgeMode.ASYNC && !cameFrom.containsKey(e.to())) {
                    cameFrom.put(e.to(), at);
                    todo.add(e.to());
                }
            }
        }
        return null;
    }

    private static String describe(Traffic t) {
        return switch (t) {
            case ALL -> "its requests";
            case READS -> "reads";
            case WRITES -> "writes";
        };
    }

    private static String names(Set<NodeKind> kinds) {
        List<String> names = kinds.stream().map(NodeKind::noun).toList();
        String first = kinds.iterator().next().aNoun();
        if (names.size() == 1) {
            return first;
        }
        return first + (names.size() > 2 ? ", " + String.join(", ", names.subList(1, names.size() - 1)) : "") + " or "
                + names.get(names.size() - 1);
    }
}
