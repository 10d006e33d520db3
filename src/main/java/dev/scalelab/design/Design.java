package dev.scalelab.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A drawn system: its nodes and the edges between them, immutable. Edits give a new design, so an
 * undo is the previous value.
 *
 * @param nodes in the order they were added (the order a file lists them)
 * @param edges in the order they were drawn; at a node with several, a request picks one by weight
 */
public record Design(List<Node> nodes, List<Edge> edges) {
    /** What a node's id may be: what a scenario path and a Mermaid id can both hold. */
    public static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

    /**
     * A box of the design.
     *
     * @param id    unique in the design, as {@link #ID}
     * @param kind  what it is
     * @param label what the diagram shows (the id when empty)
     * @param zone  the availability zone it runs in; empty when the design has none
     */
    public record Node(String id, NodeKind kind, String label, String zone) {
        public Node {
            Objects.requireNonNull(id);
            Objects.requireNonNull(kind);
            label = label == null || label.isBlank() ? id : label;
            zone = zone == null ? "" : zone;
        }

        public Node withZone(String newZone) {
            return new Node(id, kind, label, newZone);
        }

        public Node withKind(NodeKind newKind) {
            return new Node(id, newKind, label, zone);
        }
    }

    /**
     * A connection from {@code from} to {@code to}.
     *
     * @param weight  the share of {@code from}'s requests of this traffic that take this edge, relative
     *                to its other edges of the same traffic (1 when all are equal)
     * @param traffic which requests it carries
     * @param mode    how they cross it
     */
    public record Edge(String from, String to, double weight, Traffic traffic, EdgeMode mode) {
        public Edge {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            Objects.requireNonNull(traffic);
            Objects.requireNonNull(mode);
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("an edge's weight must be above 0, got " + weight);
            }
        }

        public static Edge of(String from, String to, EdgeMode mode) {
            return new Edge(from, to, 1, Traffic.ALL, mode);
        }
    }

    public Design {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public static Design empty() {
        return new Design(List.of(), List.of());
    }

    /** The node with this id, or null. */
    public Node node(String id) {
        for (Node n : nodes) {
            if (n.id.equals(id)) {
                return n;
            }
        }
        return null;
    }

    /** The edges that leave {@code id}, in the order they were drawn. */
    public List<Edge> out(String id) {
        return edges.stream().filter(e -> e.from.equals(id)).toList();
    }

    /** The edges that arrive at {@code id}. */
    public List<Edge> in(String id) {
        return edges.stream().filter(e -> e.to.equals(id)).toList();
    }

    /** This design with {@code node} added; its id must be new. */
    public Design with(Node node) {
        if (node(node.id()) != null) {
            throw new IllegalArgumentException("the design already has a node " + node.id());
        }
        List<Node> more = new ArrayList<>(nodes);
        more.add(node);
        return new Design(more, edges);
    }

    /** This design with {@code edge} added, as it is: see {@link Connections#refusal} for whether it makes sense. */
    public Design with(Edge edge) {
        List<Edge> more = new ArrayList<>(edges);
        more.add(edge);
        return new Design(nodes, more);
    }

    /** This design without the node {@code id} and every edge that touches it. */
    public Design without(String id) {
        return new Design(nodes.stream().filter(n -> !n.id.equals(id)).toList(),
                edges.stream().filter(e -> !e.from.equals(id) && !e.to.equals(id)).toList());
    }

    /** This design with {@code replacement} in place of the node of the same id. */
    public Design replacing(Node replacement) {
        return new Design(nodes.stream().map(n -> n.id.equals(replacement.id) ? replacement : n).toList(), edges);
    }

    /** A new id for a node of {@code kind}: its id and the first free number ("service-2"). */
    public String freshId(NodeKind kind) {
        for (int i = 1; ; i++) {
            String id = kind.id() + "-" + i;
            if (node(id) == null) {
                return id;
            }
        }
    }
}
