package dev.scalelab.engine.balancing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bookkeeping of Envoy's active health checking ({@code health_checker_base_impl.cc}): the
 * world sends a probe to every host each {@link Config#intervalNanos()} and reports the outcome;
 * this says which hosts are healthy and when that changes.
 *
 * <ul>
 *   <li>A host added to the cluster starts unhealthy, and its first passing probe makes it
 *       healthy at once (Envoy's first_check_ shortcut, for a fast start).</li>
 *   <li>After that an unhealthy host needs {@code healthyThreshold} passes in a row.</li>
 *   <li>A healthy host turns unhealthy after {@code unhealthyThreshold} timed-out probes in a
 *       row, or at once on an unhealthy response (a non-retriable HTTP status), as Envoy.</li>
 * </ul>
 * Envoy has no defaults for these settings; ScaleLab's are interval 5 s, unhealthy 3, healthy 2.
 *
 * <p>Calls the world makes: {@link #addHost}/{@link #removeHost} as instances join and leave,
 * {@link #onProbe} for every probe's outcome, {@link #isHealthy} when deciding which instances take
 * traffic. A transition to healthy is when Envoy's slow start begins, and it should also be passed
 * to {@link OutlierDetector#onActiveHealthCheckPassed}.
 */
public final class ActiveHealthChecker {

    public record Config(long intervalNanos, int unhealthyThreshold, int healthyThreshold) {
        public static final Config DEFAULTS = new Config(5_000_000_000L, 3, 2);

        public Config {
            if (intervalNanos <= 0 || unhealthyThreshold < 1 || healthyThreshold < 1) {
                throw new IllegalArgumentException("interval and thresholds must be positive");
            }
        }
    }

    public enum Probe {
        PASSED,
        /** No answer in time, or no connection: counts towards the unhealthy threshold. */
        TIMED_OUT,
        /** An answer saying unhealthy (say HTTP 503): unhealthy at once. */
        UNHEALTHY_RESPONSE
    }

    /** A change of a host's health, with the probes that caused it in {@code reason}. */
    public record Transition(long atNanos, String hostId, boolean healthy, String reason) {
    }

    private static final class Host {
        boolean healthy;
        boolean firstCheck = true;
        int passesInARow;
        int timeoutsInARow;
    }

    private final Config config;
    private final Map<String, Host> hosts = new HashMap<>();

    public ActiveHealthChecker(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    public void addHost(String id) {
        hosts.putIfAbsent(id, new Host());
    }

    public void removeHost(String id) {
        hosts.remove(id);
    }

    public boolean isHealthy(String id) {
        Host h = hosts.get(id);
        return h != null && h.healthy;
    }

    /** The outcome of one probe of host {@code id}; a transition when its health changes. */
    public Optional<Transition> onProbe(String id, Probe probe, long nowNanos) {
        Host h = hosts.get(id);
        if (h == null) {
            return Optional.empty();
        }
        boolean firstCheck = h.firstCheck;
        h.firstCheck = false;
        if (probe == Probe.PASSED) {
            h.timeoutsInARow = 0;
            if (!h.healthy && (firstCheck || ++h.passesInARow >= config.healthyThreshold())) {
                h.healthy = true;
                h.passesInARow = 0;
                return Optional.of(new Transition(nowNanos, id, true, firstCheck
                        ? "first health check passed"
                        : config.healthyThreshold() + " health checks passed in a row"));
            }
            return Optional.empty();
        }
        h.passesInARow = 0;
        if (h.healthy && (probe == Probe.UNHEALTHY_RESPONSE || ++h.timeoutsInARow >= config.unhealthyThreshold())) {
            h.healthy = false;
            h.timeoutsInARow = 0;
            return Optional.of(new Transition(nowNanos, id, false, probe == Probe.UNHEALTHY_RESPONSE
                    ? "health check answered unhealthy"
                    : config.unhealthyThreshold() + " health checks timed out in a row"));
        }
        return Optional.empty();
    }
}
