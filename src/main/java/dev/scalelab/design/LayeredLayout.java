package dev.scalelab.design;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A layered ("Sugiyama") layout, left to right as requests flow: each node in the column after the
 * longest path of edges that reaches it (clients first), then, column by column, nodes ordered by
 * the mean row of their neighbours in the column before and after (four sweeps of the barycenter
 * heuristic, ties kept in the design's order), which keeps crossings few. Edges that go back
 * (a consumer that publishes to the queue it reads from) are left out of the layering. The same
 * design always gets the same layout.
 */
public final class LayeredLayout {
    private static final int SWEEPS = 4;

    private LayeredLayout() {
    }

    /** Where a node goes: its column (0 first) and its row within the column (0 on top). */
    public record Place(int column, int row) {
    }

    /** Each node's place, in the design's node order. */
    public static Map<String, Place> of(Design design) {
        List<String> ids = design.nodes().stream().map(Design.Node::id).toList();
        Set<String> backEdges = backEdges(design, ids);
        Map<String, Integer> column = new HashMap<>();
        for (String id : topologicalOrder(design, ids, backEdges)) {
            int c = 0;
            for (Design.Edge e : design.in(id)) {
                if (!backEdges.contains(key(e)) && column.containsKey(e.from())) {
                    c = Math.max(c, column.get(e.from()) + 1);
                }
            }
            column.put(id, c);
        }
        int columns = column.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<List<String>> byColumn = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            byColumn.add(new ArrayList<>());
        }
        for (String id : ids) {
            byColumn.get(column.get(id)).add(id);
        }
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            boolean forward = sweep % 2 == 0;
            for (int k = 1; k < columns; k++) {
                int c = forward ? k : columns - 1 - k;
                int neighbour = forward ? c - 1 : c + 1;
                order(design, byColumn.get(c), byColumn.get(neighbour));
            }
        }
        Map<String, Place> places = new LinkedHashMap<>();
        for (String id : ids) {
            int c = column.get(id);
            places.put(id, new Place(c, byColumn.get(c).indexOf(id)));
        }
        return places;
    }

    /** Sorts {@code nodes} by the mean row of their neighbours in {@code fixed}; a node without any keeps its row. */
    private static void order(Design design, List<String> nodes, List<String> fixed) {
        Map<String, Double> weight = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String id = nodes.get(i);
            double sum = 0;
            int count = 0;
            for (Design.Edge e : design.edges()) {
                String other = e.from().equals(id) ? e.to() : e.to().equals(id) ? e.from() : null;
                int row = other == null ? -1 : fixed.indexOf(other);
                if (row >= 0) {
                    sum += row;
                    count++;
                }
            }
            weight.put(id, count == 0 ? i : sum / count);
        }
        List<String> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparingDouble(weight::get)); // stable: ties keep their order
        nodes.clear();
        nodes.addAll(sorted);
    }

    private static String key(Design.Edge e) {
        return e.from() + "\u0000" + e.to();
    }

    /** The edges a depth-first search from the clients (then from every other node) finds going back to a node on its path. */
    private static Set<String> backEdges(Design design, List<String> ids) {
        Set<String> back = new HashSet<>();
        Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
        List<String> starts = new ArrayList<>();
        design.nodes().stream().filter(n -> n.kind() == NodeKind.CLIENTS).forEach(n -> starts.add(n.id()));
        starts.addAll(ids);
        for (String s : starts) {
            if (!state.containsKey(s)) {
                visit(design, s, state, back);
            }
        }
        return back;
    }

    private static void visit(Design design, String id, Map<String, Integer> state, Set<String> back) {
        state.put(id, 1);
        for (Design.Edge e : design.out(id)) {
            Integer s = state.get(e.to());
            if (s == null) {
                visit(design, e.to(), state, back);
            } else if (s == 1) {
                back.add(key(e));
            }
        }
        state.put(id, 2);
    }

    private static List<String> topologicalOrder(Design design, List<String> ids, Set<String> backEdges) {
        Map<String, Integer> incoming = new LinkedHashMap<>();
        for (String id : ids) {
            incoming.put(id, 0);
        }
        for (Design.Edge e : design.edges()) {
            if (!backEdges.contains(key(e)) && incoming.containsKey(e.to()) && incoming.containsKey(e.from())) {
                incoming.merge(e.to(), 1, Integer::sum);
            }
        }
        List<String> order = new ArrayList<>();
        List<String> ready = new ArrayList<>(ids.stream().filter(id -> incoming.get(id) == 0).toList());
        while (!ready.isEmpty()) {
            String id = ready.remove(0);
            order.add(id);
            for (Design.Edge e : design.out(id)) {
                if (!backEdges.contains(key(e)) && incoming.containsKey(e.to()) && incoming.merge(e.to(), -1, Integer::sum) == 0) {
                    ready.add(e.to());
                }
            }
        }
        return order;
    }
}
