package dev.scalelab.world.network;

import dev.scalelab.design.NodeKind;

import java.util.List;

/**
 * What a running topology looks like at one moment, immutable: what the canvas draws on each node
 * and edge. Rates are over the last simulated second.
 *
 * @param timeSeconds     the virtual time it was taken at
 * @param durationSeconds how long the run lasts
 * @param nodes           in the topology's order
 * @param edges           in the topology's order
 * @param totals          what the clients saw
 * @param insights        the bottlenecks and risks standing now, the most pressing first
 */
public record NetworkSnapshot(double timeSeconds, double durationSeconds, List<NodeState> nodes, List<EdgeState> edges,
                              Totals totals, List<Insight> insights) {
    public NetworkSnapshot {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        insights = List.copyOf(insights);
    }

    /**
     * One node.
     *
     * @param utilisation      busy workers over workers (ρ) for a service, database or queue consumer; requests in
     *                         flight over the rate limit's second for others; NaN where it means nothing (clients)
     * @param queued           requests or messages waiting at it
     * @param inService        requests it is working on
     * @param instances        ready instances (services), nodes (databases); 0 for the others
     * @param arrivalsPerSecond requests that reached it
     * @param errorsPerSecond  requests it failed or refused
     * @param p99Ms            the 99th percentile of its response time (its own and what it waited on); NaN before any
     * @param hitRatio         hits over lookups for a CDN or cache; NaN for the others
     * @param down             whether its zone is out
     */
    public record NodeState(String id, NodeKind kind, double utilisation, int queued, int inService, int instances,
                            double arrivalsPerSecond, double errorsPerSecond, double p99Ms, double hitRatio, boolean down) {
    }

    /**
     * One edge.
     *
     * @param ratePerSecond requests, calls or messages that crossed it
     * @param breaker       its breaker's state (closed, open, half-open), empty when it has none
     */
    public record EdgeState(String from, String to, double ratePerSecond, String breaker) {
    }

    /**
     * @param completed     requests answered without error since t = 0
     * @param failed        requests that failed, timed out or were refused since t = 0, but those a gateway answered
     * @param p50Ms         of the answered requests' response time, since t = 0
     * @param p99Ms         likewise
     * @param costPerHour   instances, nodes and cross-zone traffic, at the current rate, in dollars
     * @param limited       requests a gateway answered 429 (over a limit) since t = 0: not errors, as in the pipeline
     * @param shed          requests a gateway shed (503) since t = 0
     */
    public record Totals(long completed, long failed, double p50Ms, double p99Ms, double costPerHour, long limited, long shed) {
    }
}
