package dev.scalelab.world;

import java.util.List;

/**
 * The API gateway as the Overview draws it: per client, what it let through, limited and shed in
 * the last whole simulated second, and the load shedder's state.
 *
 * @param shedding       the shedding mode ("none", "queue-length", "latency")
 * @param shedderReason  why the shedder is in its state, with its inputs; "" without a shedder
 * @param admittedDownTo the lowest priority let through now: 2 (low: nothing shed), 1 (normal: low shed), 0 (high)
 */
public record GatewayView(List<ClientView> clients, long limited, long shed, String shedding, String shedderReason,
                          int admittedDownTo) {

    /** One client class (or the anonymous "default" client): its last second, and its totals. */
    public record ClientView(String name, String priority, double admittedPerSecond, double limitedPerSecond,
                             double shedPerSecond, long offered, long limited, long shed) {
    }
}
