package dev.scalelab.design;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a whole design still lacks before it can run: each problem names its node and says what to
 * do. Unlike a refused edge ({@link Connections}), these are states a design passes through while
 * it is drawn, so the canvas lists them rather than refusing.
 */
public final class DesignCheck {
    private DesignCheck() {
    }

    /** One thing to fix; {@code node} is empty for the design as a whole. */
    public record Problem(String node, String message) {
    }

    /** Every problem of {@code design}, in the order of its nodes; empty when it can run. */
    public static List<Problem> problems(Design design) {
        List<Problem> problems = new ArrayList<>();
        if (design.nodes().stream().noneMatch(n -> n.kind() == NodeKind.CLIENTS)) {
            problems.add(new Problem("", "nothing sends requests: add Clients and connect them to the entry of the system"));
        }
        Set<String> reached = reachedFromClients(design);
        boolean someZoned = design.nodes().stream().anyMatch(n -> !n.zone().isEmpty());
        for (Design.Node n : design.nodes()) {
            List<Design.Edge> out = design.out(n.id());
            switch (n.kind()) {
                case CLIENTS -> {
                    if (out.isEmpty()) {
                        problems.add(new Problem(n.id(), n.id() + " sends its requests nowhere: connect it to a gateway, CDN, "
                                + "balancer or service"));
                    }
                }
                case CDN -> {
                    if (out.isEmpty()) {
                        problems.add(new Problem(n.id(), n.id() + " has no origin for its misses: connect it to a gateway, "
                                + "balancer or service"));
                    }
                }
                case BALANCER -> {
                    if (out.isEmpty()) {
                        problems.add(new Problem(n.id(), n.id() + " has no service behind it to send requests to"));
                    }
                }
                case GATEWAY -> {
                    if (out.isEmpty()) {
                        problems.add(new Problem(n.id(), n.id() + " routes requests nowhere: connect it to a balancer or service"));
                    }
                }
                // A cache box with no edge out loads its misses from the plain store its section describes, as the
                // pipeline's cache without a database does.
                case QUEUE, TOPIC -> {
                    if (out.isEmpty()) {
                        problems.add(new Problem(n.id(), n.id() + " has no consumer: its messages would pile up"));
                    }
                }
                default -> {
                    // services, databases and external APIs may end a path
                }
            }
            if (n.kind() != NodeKind.CLIENTS && !reached.contains(n.id())) {
                problems.add(new Problem(n.id(), n.id() + " is not reached by any request"));
            }
            if (someZoned && n.zone().isEmpty() && n.kind() != NodeKind.CLIENTS && n.kind() != NodeKind.EXTERNAL
                    && n.kind() != NodeKind.CDN) { // a CDN is everywhere at once: its edge is not in one zone
                problems.add(new Problem(n.id(), n.id() + " has no zone while other nodes have one"));
            }
        }
        return problems;
    }

    private static Set<String> reachedFromClients(Design design) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (Design.Node n : design.nodes()) {
            if (n.kind() == NodeKind.CLIENTS) {
                seen.add(n.id());
                todo.add(n.id());
            }
        }
        while (!todo.isEmpty()) {
            for (Design.Edge e : design.out(todo.poll())) {
                if (seen.add(e.to())) {
                    todo.add(e.to());
                }
            }
        }
        return seen;
    }
}
