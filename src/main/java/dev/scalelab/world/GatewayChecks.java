package dev.scalelab.world;

import java.util.List;

/**
 * The checks of the workload's client classes (the scenario's and each drawn clients node's) that
 * span fields: their shares are weights, so at least one must be above 0. Each failure is one {@link ScenarioException} naming the field.
 */
final class GatewayChecks {
    private GatewayChecks() {
    }

    static void check(Scenario s) {
        check(s.workload().clients(), "workload.clients");
        if (s.topology() != null) {
            List<Topology.Node> nodes = s.topology().nodes();
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i).nodeKind() == dev.scalelab.design.NodeKind.CLIENTS) {
                    check(nodes.get(i).workload().clients(), "topology.nodes[" + i + "].workload.clients");
                }
            }
        }
    }

    private static void check(List<ApiGateway.Client> clients, String path) {
        double total = 0;
        for (ApiGateway.Client c : clients) {
            total += c.share();
        }
        if (!clients.isEmpty() && total <= 0) {
            throw new ScenarioException(path, "every share is 0; shares are weights of the arrival rate, "
                    + "so at least one client needs a share above 0");
        }
    }
}
