package dev.scalelab.design;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Columns follow the longest path from the clients; rows keep edges from crossing where they can. */
class LayeredLayoutTest {

    @Test
    void columnsFollowTheLongestPathAndABackEdgeIsIgnored() {
        Design d = ConnectionsTest.shop().with(Design.Edge.of("worker", "events", EdgeMode.ASYNC)); // a loop through the queue
        Map<String, LayeredLayout.Place> p = LayeredLayout.of(d);
        assertEquals(0, p.get("users").column());
        assertEquals(1, p.get("gw").column());
        assertEquals(2, p.get("lb").column());
        assertEquals(3, p.get("api").column());
        assertEquals(4, p.get("cache").column());
        assertEquals(5, p.get("db").column());
        assertEquals(4, p.get("events").column());
        assertEquals(5, p.get("worker").column());
        assertEquals(6, p.get("payments").column());
        assertEquals(0, p.get("edge").column(), "a node nothing reaches starts a column of its own");
    }

    @Test
    void rowsFollowTheirNeighboursSoEdgesDoNotCross() {
        // a1 → b2 and a2 → b1 cross in the order drawn; the layout swaps b1 and b2.
        Design d = Design.empty();
        for (String id : new String[]{"c", "a1", "a2", "b1", "b2"}) {
            d = d.with(new Design.Node(id, id.equals("c") ? NodeKind.CLIENTS : NodeKind.SERVICE, "", ""));
        }
        d = d.with(Design.Edge.of("c", "a1", EdgeMode.SYNC)).with(Design.Edge.of("c", "a2", EdgeMode.SYNC))
                .with(Design.Edge.of("a1", "b2", EdgeMode.SYNC)).with(Design.Edge.of("a2", "b1", EdgeMode.SYNC));
        Map<String, LayeredLayout.Place> p = LayeredLayout.of(d);
        assertEquals(0, p.get("a1").row());
        assertEquals(1, p.get("a2").row());
        assertEquals(0, p.get("b2").row());
        assertEquals(1, p.get("b1").row());
    }
}
