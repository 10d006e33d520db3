package dev.scalelab.world.network;

import dev.scalelab.design.Connections;
import dev.scalelab.design.Design;
import dev.scalelab.design.DesignCheck;
import dev.scalelab.design.NodeKind;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.Topology;

import java.util.List;

/** Whether a drawing can run on the network: what {@link Network#check} asks of its topology. */
final class NetworkChecks {
    private NetworkChecks() {
    }

    /** As {@link Network#check}. */
    static void scenario(Scenario s) {
        if (s.events() != null) {
            throw new ScenarioException("events", "a drawn system's event streams are its queue and topic nodes; the events "
                    + "section runs only on the fixed pipeline");
        }
        if (s.verticalScaler().policy() != Scenario.VerticalPolicyKind.NONE) {
            throw new ScenarioException("verticalScaler", "a drawn system's vertical scalers are its service nodes' "
                    + "(topology.nodes[i].verticalScaler); move it there");
        }
        if (s.topology() != null) {
            topology(s.topology());
            NetworkTimeline.check(s);
        }
    }

    /**
     * Refuses a design that cannot run, with the first reason: each edge as the canvas would refuse
     * it, then the whole.
     */
    static void topology(Topology t) {
        Design built = Design.empty();
        for (int i = 0; i < t.nodes().size(); i++) {
            Topology.Node n = t.nodes().get(i);
            built = built.with(new Design.Node(n.id(), n.nodeKind(), n.label(), n.zone()));
        }
        for (int i = 0; i < t.edges().size(); i++) {
            Topology.Edge e = t.edges().get(i);
            Design.Edge d = new Design.Edge(e.from(), e.to(), e.weight(), e.trafficClass(), e.edgeMode());
            String refusal = Connections.refusal(built, d);
            if (refusal != null) {
                throw new ScenarioException("topology.edges[" + i + "]", refusal);
            }
            built = built.with(d);
        }
        List<DesignCheck.Problem> problems = DesignCheck.problems(built);
        if (!problems.isEmpty()) {
            DesignCheck.Problem p = problems.get(0);
            int index = -1;
            for (int i = 0; i < t.nodes().size(); i++) {
                if (t.nodes().get(i).id().equals(p.node())) {
                    index = i;
                }
            }
            throw new ScenarioException(index < 0 ? "topology" : "topology.nodes[" + index + "]", p.message());
        }
        TopicNode.check(t);
        for (int i = 0; i < t.nodes().size(); i++) {
            Topology.Node n = t.nodes().get(i);
            if (n.nodeKind() == NodeKind.GATEWAY && n.gateway().shedding().mode() != dev.scalelab.world.ApiGateway.SheddingMode.NONE
                    && GatewayAdmission.servicesBehind(t, n.id()).isEmpty()) {
                throw new ScenarioException("topology.nodes[" + i + "].gateway.shedding", "load shedding reads the queues of the "
                        + "services behind the gateway, and no service is behind " + n.id() + " (through balancers or gateways, "
                        + "over sync or forward edges); connect one, or set mode none");
            }
        }
    }
}
