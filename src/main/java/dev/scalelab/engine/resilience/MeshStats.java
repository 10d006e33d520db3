package dev.scalelab.engine.resilience;

import dev.scalelab.engine.metrics.LatencySummary;

/**
 * Counters of one {@link MeshClient} since it was built; immutable.
 *
 * @param requests              calls made by the world
 * @param attempts              attempts made, rejected ones included
 * @param attemptsSent          attempts that reached the dependency: the load it was offered
 * @param retries               retries scheduled (attempts after the first)
 * @param retriesDeniedByBudget retries the policy wanted but the budget refused
 * @param breakerRejections     attempts the breaker did not permit
 * @param bulkheadRejections    attempts refused by a full bulkhead
 * @param timeouts              attempts that hit the per-attempt timeout
 * @param errors                attempts the dependency answered with an error
 * @param attemptsInFlight      attempts sent and not yet ended
 * @param latency               whole-call latency (back-offs included) of the finished calls
 */
public record MeshStats(String dependency, long requests, long succeeded, long failed, long attempts, long attemptsSent,
                        long retries, long retriesDeniedByBudget, long breakerRejections, long bulkheadRejections,
                        long timeouts, long errors, int attemptsInFlight, BreakerState breakerState,
                        LatencySummary latency) {

    /** Attempts sent to the dependency per request: 1 without retries, up to maxAttempts in a retry storm. */
    public double amplification() {
        return requests == 0 ? Double.NaN : attemptsSent / (double) requests;
    }
}
