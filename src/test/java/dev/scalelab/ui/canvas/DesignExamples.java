package dev.scalelab.ui.canvas;

import dev.scalelab.design.NodeKind;
import dev.scalelab.world.AtomicFiles;
import dev.scalelab.world.ScenarioFiles;

import java.nio.file.Path;

/** Designs the canvas tests draw, built through the editor as a user would. */
final class DesignExamples {
    private DesignExamples() {
    }

    /**
     * "A high-performance API gateway": users → gateway → balancer → orders service → cache → database,
     * and the service calls a payments API; every node but the users and the third party in one zone.
     */
    static DesignEditor apiGateway() {
        DesignEditor e = new DesignEditor();
        String users = e.addNode(NodeKind.CLIENTS, 0, 0);
        String gateway = e.addNode(NodeKind.GATEWAY, 0, 0);
        String balancer = e.addNode(NodeKind.BALANCER, 0, 0);
        String service = e.addNode(NodeKind.SERVICE, 0, 0);
        String cache = e.addNode(NodeKind.CACHE, 0, 0);
        String db = e.addNode(NodeKind.DATABASE, 0, 0);
        String payments = e.addNode(NodeKind.EXTERNAL, 0, 0);
        check(e.connect(users, gateway));
        check(e.connect(gateway, balancer));
        check(e.connect(balancer, service));
        check(e.connect(service, cache));
        check(e.connect(cache, db));
        check(e.connect(service, payments));
        String[][] labels = {{users, "Users"}, {gateway, "API gateway"}, {balancer, "Load balancer"}, {service, "Orders"},
                {cache, "Orders cache"}, {db, "Orders DB"}, {payments, "Payments API"}};
        for (int i = 0; i < labels.length; i++) {
            check(e.setField("topology.nodes[" + i + "].label", labels[i][1]));
            if (i > 0 && i < labels.length - 1) {
                check(e.setField("topology.nodes[" + i + "].zone", "eu-1a"));
            }
        }
        // 400 requests/s that each hold a worker for the service's own 20 ms and the payments API's ~80 ms
        // need about 40 workers: 14 instances of 4 leave headroom.
        check(e.setField("topology.nodes[3].service.instances", 14));
        e.autoLayout();
        e.clearSelection();
        return e;
    }

    private static void check(String refusal) {
        if (refusal != null) {
            throw new AssertionError(refusal);
        }
    }

    /** Writes the API-gateway design to the file given, for screenshots: {@code DesignExamples out.json}. */
    public static void main(String[] args) throws Exception {
        AtomicFiles.write(Path.of(args[0]), ScenarioFiles.write(apiGateway().scenario()));
    }
}
