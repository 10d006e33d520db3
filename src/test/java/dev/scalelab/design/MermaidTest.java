package dev.scalelab.design;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Flowcharts in, with each box's kind guessed and the reason; designs out, and back to the same design. */
class MermaidTest {

    private static List<String> kinds(String flowchart) {
        return Mermaid.parse(flowchart).guesses().stream().map(g -> g.id() + "=" + g.kind().id()).toList();
    }

    @Test
    void kindsAreGuessedFromLabelsAndShapes() {
        assertEquals(List.of("A=service", "B=database"), kinds("flowchart LR; A[Web] --> B[(Orders DB)]"));
        assertEquals(List.of("U=clients", "CF=cdn", "GW=gateway", "LB=balancer", "S=service", "R=cache", "P=database", "K=topic",
                        "W=service", "X=external"),
                kinds("""
                        graph TD
                          U([Mobile users]) --> CF((CloudFront))
                          CF --> GW{{API Gateway}} --> LB[ALB] --> S[User service]
                          S --> R[(Redis)] & P[(orders)]
                          S -.->|publish| K[/Kafka orders topic/]
                          K -.-> W[Email worker] --> X[Stripe]
                        """));
        assertEquals(List.of("q=queue", "db=service"), kinds("flowchart LR\n q[\"SQS jobs\"] -.-> db[Reporting]"),
                "an id alone says nothing; a quoted label is read inside its quotes");
        List<Mermaid.Guess> g = Mermaid.parse("flowchart LR; A[(Sessions)] --> B[(Redis cache)]").guesses();
        assertEquals("it is drawn as a cylinder, a database's shape", g.get(0).reason());
        assertEquals(NodeKind.CACHE, g.get(1).kind(), "a label that names a cache wins over the cylinder");
        assertEquals("its label says \"Redis\"", g.get(1).reason());
    }

    @Test
    void arrowsGiveModesTrafficAndWeightsAndTheGuessesCanBeOverruled() {
        Mermaid.Flowchart f = Mermaid.parse("""
                flowchart LR
                  c([Clients]) --> lb[LB]
                  lb -->|70%| a[API v1]
                  lb -->|30%| b[API v2]
                  a -- reads --> r[(Replica)]
                  a ==>|writes| p[(Primary)]
                  a --> q[Jobs]
                """);
        Mermaid.Imported imported = f.toDesign(Map.of("q", NodeKind.QUEUE));
        Design d = imported.design();
        assertEquals(new Design.Edge("lb", "a", 70, Traffic.ALL, EdgeMode.SYNC), d.edges().get(1));
        assertEquals(new Design.Edge("lb", "b", 30, Traffic.ALL, EdgeMode.SYNC), d.edges().get(2));
        assertEquals(new Design.Edge("a", "r", 1, Traffic.READS, EdgeMode.SYNC), d.edges().get(3));
        assertEquals(List.of("a → p left out: a database answers its caller: a hand-off to it must be a sync call",
                        "a → q: async, as every edge into or out of a queue or topic"),
                imported.notes(), "a thick arrow is a hand-off, which a database refuses; an arrow into a queue publishes");
        assertEquals(new Design.Edge("a", "q", 1, Traffic.ALL, EdgeMode.ASYNC), d.edges().get(4));
    }

    @Test
    void subgraphsAreZonesAndClassesAreKinds() {
        Design d = Mermaid.parse("""
                flowchart LR
                  subgraph zone-a [Zone A]
                    s1[Orders]
                  end
                  subgraph "zone b"
                    s2[Orders]
                  end
                  s1 --> x[Thing]
                  class x external
                """).toDesign(Map.of()).design();
        assertEquals("zone-a", d.node("s1").zone());
        assertEquals("zone-b", d.node("s2").zone());
        assertEquals("", d.node("x").zone());
        assertEquals(NodeKind.EXTERNAL, d.node("x").kind());
    }

    @Test
    void aDesignWrittenOutReadsBackTheSame() {
        Design shop = ConnectionsTest.shop();
        shop = shop.replacing(shop.node("api").withZone("zone-a")).replacing(new Design.Node("db", NodeKind.DATABASE, "Orders \"main\" DB", "zone-a"));
        shop = shop.with(new Design.Node("primary", NodeKind.DATABASE, "", "zone-b"))
                .with(new Design.Edge("api", "primary", 2.5, Traffic.WRITES, EdgeMode.SYNC))
                .with(new Design.Node("stage2", NodeKind.SERVICE, "Stage 2", ""))
                .with(new Design.Edge("worker", "stage2", 3, Traffic.ALL, EdgeMode.FORWARD));
        for (Design d : List.of(shop, Design.empty(), ConnectionsTest.shop().without("api"))) {
            String text = Mermaid.write(d);
            Mermaid.Imported back = Mermaid.parse(text).toDesign(Map.of());
            assertEquals(List.of(), back.notes(), text);
            assertEquals(d, back.design(), text);
        }
    }

    @Test
    void aLineItCannotReadIsNamed() {
        assertEquals("line 2: expected an arrow such as --> after A, found \"B\"",
                assertThrows(Mermaid.MermaidException.class, () -> Mermaid.parse("flowchart LR\nA[x] B")).getMessage());
        assertEquals("line 3: A's rectangle opened with [ is not closed with ]",
                assertThrows(Mermaid.MermaidException.class, () -> Mermaid.parse("flowchart LR\n\nA[x --> B")).getMessage());
        assertEquals("line 2: subgraph z is not closed with \"end\"",
                assertThrows(Mermaid.MermaidException.class, () -> Mermaid.parse("flowchart LR\nsubgraph z")).getMessage());
        assertEquals("line 1: class names Q, which no earlier line draws",
                assertThrows(Mermaid.MermaidException.class, () -> Mermaid.parse("class Q queue")).getMessage());
    }
}
