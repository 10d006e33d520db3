package dev.scalelab.design;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Connections that make no sense are refused with the reason, and those that do are not. */
class ConnectionsTest {

    /** clients → gateway → lb → api → cache → db, api → events (queue) → worker → payments (external). */
    static Design shop() {
        Design d = Design.empty();
        for (Object[] n : new Object[][]{{"users", NodeKind.CLIENTS}, {"gw", NodeKind.GATEWAY}, {"lb", NodeKind.BALANCER},
                {"api", NodeKind.SERVICE}, {"cache", NodeKind.CACHE}, {"db", NodeKind.DATABASE}, {"events", NodeKind.QUEUE},
                {"worker", NodeKind.SERVICE}, {"payments", NodeKind.EXTERNAL}, {"edge", NodeKind.CDN}}) {
            d = d.with(new Design.Node((String) n[0], (NodeKind) n[1], "", ""));
        }
        for (String[] e : new String[][]{{"users", "gw"}, {"gw", "lb"}, {"lb", "api"}, {"api", "cache"}, {"cache", "db"},
                {"worker", "payments"}}) {
            Design.Edge edge = Design.Edge.of(e[0], e[1], EdgeMode.SYNC);
            assertNull(Connections.refusal(d, edge), e[0] + " → " + e[1]);
            d = d.with(edge);
        }
        d = d.with(Design.Edge.of("api", "events", EdgeMode.ASYNC)).with(Design.Edge.of("events", "worker", EdgeMode.ASYNC));
        return d;
    }

    private static String refusal(Design d, String from, String to, EdgeMode mode) {
        return Connections.refusal(d, Design.Edge.of(from, to, mode));
    }

    @Test
    void nonsenseIsRefusedWithItsReason() {
        Design d = shop();
        assertEquals("a database answers the queries it is sent; it does not call a service (db → api)",
                refusal(d, "db", "api", EdgeMode.SYNC));
        assertEquals("an external API is someone else's system: it calls nothing of yours", refusal(d, "payments", "api", EdgeMode.SYNC));
        assertEquals("clients start requests; nothing sends requests to them", refusal(d, "api", "users", EdgeMode.SYNC));
        assertEquals("a balancer spreads requests over the instances of a service; put db behind a service",
                refusal(d, "lb", "db", EdgeMode.SYNC));
        assertEquals("api cannot send requests to itself", refusal(d, "api", "api", EdgeMode.SYNC));
        assertEquals("there is no node nowhere in the design", refusal(d, "api", "nowhere", EdgeMode.SYNC));
        assertEquals("a message is published to events and the sender goes on: the edge must be async",
                refusal(d.without("events").with(new Design.Node("events", NodeKind.QUEUE, "", "")), "api", "events", EdgeMode.SYNC));
        assertEquals("an async edge publishes to a queue or a topic; to reach payments without waiting, put a queue between",
                refusal(d, "api", "payments", EdgeMode.ASYNC));
        assertEquals("a database answers its caller: a hand-off to it must be a sync call", refusal(d, "api", "db", EdgeMode.FORWARD));
        assertEquals("a cache loads its misses from one database, and cache uses db",
                refusal(d.with(new Design.Node("db2", NodeKind.DATABASE, "", "")), "cache", "db2", EdgeMode.SYNC));
        assertEquals("api already sends its requests to cache; change that edge's weight instead", refusal(d, "api", "cache", EdgeMode.SYNC));
        assertEquals("a CDN caches what is read; send writes past it to the origin",
                Connections.refusal(d, new Design.Edge("users", "edge", 1, Traffic.WRITES, EdgeMode.SYNC)));
        assertEquals("a service cannot send requests to a CDN; it can send them to a load balancer, service, cache, database, queue, topic "
                + "or external API", refusal(d, "api", "edge", EdgeMode.SYNC));
    }

    @Test
    void callsThatComeBackRoundAreRefusedButAQueueBreaksTheLoop() {
        Design d = shop().with(new Design.Node("audit", NodeKind.SERVICE, "", ""));
        d = d.with(Design.Edge.of("api", "audit", EdgeMode.SYNC));
        assertEquals("audit would wait on itself: audit → lb → api → audit; break the loop with a queue",
                refusal(d, "audit", "lb", EdgeMode.SYNC));
        assertNull(refusal(d, "worker", "api", EdgeMode.SYNC), "worker is reached through the queue only: no loop of waits");
        assertNull(refusal(d, "worker", "events", EdgeMode.ASYNC), "a consumer may publish back to its queue");
    }

    @Test
    void readsAndWritesMayTakeSeparateEdgesToTheSameNode() {
        Design d = shop().with(new Design.Node("primary", NodeKind.DATABASE, "", ""));
        Design.Edge writes = new Design.Edge("api", "primary", 1, Traffic.WRITES, EdgeMode.SYNC);
        assertNull(Connections.refusal(d, writes));
        d = d.with(writes);
        assertNull(Connections.refusal(d, new Design.Edge("api", "primary", 1, Traffic.READS, EdgeMode.SYNC)));
        assertEquals("api already sends writes to primary; change that edge's weight instead",
                Connections.refusal(d, new Design.Edge("api", "primary", 2, Traffic.WRITES, EdgeMode.SYNC)));
    }

    @Test
    void everyKindSaysWhatItMayCall() {
        assertEquals(List.of(), List.copyOf(Connections.targetsOf(NodeKind.DATABASE)));
        assertEquals(List.of(NodeKind.SERVICE), List.copyOf(Connections.targetsOf(NodeKind.BALANCER)));
        assertEquals(EdgeMode.ASYNC, Connections.defaultMode(NodeKind.SERVICE, NodeKind.TOPIC));
        assertEquals(EdgeMode.SYNC, Connections.defaultMode(NodeKind.SERVICE, NodeKind.DATABASE));
    }
}
