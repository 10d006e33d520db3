package dev.scalelab.world.network;

/**
 * What happened to one client's requests in a drawn system, as the clients saw them: the figures the
 * pipeline's report gives under {@code gateway.perClient.<name>}, with the same meaning.
 *
 * @param name      the client class's name; {@code default} for a clients node without classes
 * @param priority  high, normal or low (of the first clients node that names it)
 * @param offered   requests it sent
 * @param completed requests answered without error
 * @param limited   requests a gateway answered 429 (over its global or its per-client limit): not errors
 * @param shed      requests a gateway answered 503 to spare the services behind it
 * @param failed    requests that failed further on (refused by a full queue, lost, timed out, an error)
 * @param p99Ms     the 99th percentile of its answered requests' response time; NaN before any
 */
public record ClientResult(String name, String priority, long offered, long completed, long limited, long shed, long failed,
                           double p99Ms) {
    /** completed / offered, as the grader's {@code client-success-ratio} reads it (1 when it sent nothing). */
    public double successRatio() {
        return offered == 0 ? 1 : completed / (double) offered;
    }

    /** limited / offered, as the grader's {@code client-limited-ratio} reads it (0 when it sent nothing). */
    public double limitedRatio() {
        return offered == 0 ? 0 : limited / (double) offered;
    }
}
