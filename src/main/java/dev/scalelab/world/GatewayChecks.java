package dev.scalelab.world;

import java.util.List;

/**
 * The checks of the workload's client classes that span fields: their shares are weights, so at
 * least one must be above 0. Each failure is one {@link ScenarioException} naming the field.
 */
final class GatewayChecks {
    private GatewayChecks() {
    }

    static void check(Scenario s) {
        List<ApiGateway.Client> clients = s.workload().clients();
        double total = 0;
        for (ApiGateway.Client c : clients) {
            total += c.share();
        }
        if (!clients.isEmpty() && total <= 0) {
            throw new ScenarioException("workload.clients", "every share is 0; shares are weights of the arrival rate, "
                    + "so at least one client needs a share above 0");
        }
    }
}
