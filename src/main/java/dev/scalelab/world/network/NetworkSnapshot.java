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
 * @param decisionCount   decisions the nodes made since t = 0 (a view shows only the new ones)
 * @param decisions       the newest decisions, oldest first, each with its time, node and inputs
 * @param targets         what a command given now can name inside each node, by node id: a service's
 *                        running instances ({@code api-0}), a database's shards and live replicas
 *                        ({@code orders/0}, {@code orders/s0-r1}); nodes with none are left out
 */
public record NetworkSnapshot(double timeSeconds, double durationSeconds, List<NodeState> nodes, List<EdgeState> edges,
                              Totals totals, List<Insight> insights, long decisionCount, List<String> decisions,
                              java.util.Map<String, List<String>> targets) {
    public NetworkSnapshot {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        insights = List.copyOf(insights);
        decisions = List.copyOf(decisions);
        targets = java.util.Map.copyOf(targets);
    }

    /** A snapshot without decisions or targets (a test's, a view's sample). */
    public NetworkSnapshot(double timeSeconds, double durationSeconds, List<NodeState> nodes, List<EdgeState> edges,
                           Totals totals, List<Insight> insights) {
        this(timeSeconds, durationSeconds, nodes, edges, totals, insights, 0, List.of(), java.util.Map.of());
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
     * @param service          a service's heap, pools and instance size; null for the other kinds
     * @param health           a balancer's health handling now: how many instances it ejected or found
     *                         unhealthy, and whether it panics ("1 ejected", "2 out · panic"); empty when
     *                         all are in, and for the other kinds
     */
    public record NodeState(String id, NodeKind kind, double utilisation, int queued, int inService, int instances,
                            double arrivalsPerSecond, double errorsPerSecond, double p99Ms, double hitRatio, boolean down,
                            ServiceFigures service, String health) {
        /** A node without health handling to tell (a test's, a view's sample). */
        public NodeState(String id, NodeKind kind, double utilisation, int queued, int inService, int instances,
                         double arrivalsPerSecond, double errorsPerSecond, double p99Ms, double hitRatio, boolean down,
                         ServiceFigures service) {
            this(id, kind, utilisation, queued, inService, instances, arrivalsPerSecond, errorsPerSecond, p99Ms, hitRatio, down,
                    service, "");
        }
    }

    /**
     * A service's resources over the last simulated second, named as the pipeline's report names them.
     *
     * @param gcPauseMs            collector pauses of its instances, added up (0 without a heap)
     * @param gcCollections        collections its instances' collectors ran
     * @param gcPauseShare         the share of its ready instances' time the pauses stopped them, 0 to 1
     * @param connectionWaitMsP99  p99 of the waits for a connection; NaN without a connection pool or without a borrow
     * @param connectionPending    requests waiting for a connection now
     * @param size                 the instance size it runs, or rolls to ("small" ... "xlarge")
     */
    public record ServiceFigures(double gcPauseMs, long gcCollections, double gcPauseShare, double connectionWaitMsP99,
                                 int connectionPending, String size) {
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
