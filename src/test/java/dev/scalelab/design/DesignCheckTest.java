package dev.scalelab.design;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a design still lacks before it can run, node by node. */
class DesignCheckTest {

    @Test
    void aWholeDesignHasNoProblems() {
        assertEquals(List.of(), DesignCheck.problems(ConnectionsTest.shop().without("edge")));
    }

    @Test
    void eachMissingPieceIsNamed() {
        Design d = Design.empty().with(new Design.Node("edge", NodeKind.CDN, "", ""))
                .with(new Design.Node("jobs", NodeKind.TOPIC, "", ""))
                .with(new Design.Node("c", NodeKind.CACHE, "", ""));
        assertEquals(List.of(
                new DesignCheck.Problem("", "nothing sends requests: add Clients and connect them to the entry of the system"),
                new DesignCheck.Problem("edge", "edge has no origin for its misses: connect it to a gateway, balancer or service"),
                new DesignCheck.Problem("edge", "edge is not reached by any request"),
                new DesignCheck.Problem("jobs", "jobs has no consumer: its messages would pile up"),
                new DesignCheck.Problem("jobs", "jobs is not reached by any request"),
                new DesignCheck.Problem("c", "c is not reached by any request")), DesignCheck.problems(d));
    }

    @Test
    void zonesAreAllOrNothing() {
        Design d = ConnectionsTest.shop().without("edge");
        d = d.replacing(d.node("api").withZone("zone-a"));
        List<DesignCheck.Problem> problems = DesignCheck.problems(d);
        assertEquals(List.of("gw", "lb", "cache", "db", "events", "worker"), problems.stream().map(DesignCheck.Problem::node).toList(),
                "every node but the clients, the external API and the zoned one");
        assertEquals("gw has no zone while other nodes have one", problems.get(0).message());
    }
}
