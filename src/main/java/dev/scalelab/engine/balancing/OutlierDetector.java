package dev.scalelab.engine.balancing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Envoy's passive outlier detection, consecutive-5xx type ({@code outlier_detection_impl.cc},
 * {@code outlier.rst}). A host that returns {@code consecutive5xx} errors in a row is ejected:
 * it takes no traffic (unless the balancer is in panic, see {@link PanicThreshold}) for
 * min(base_ejection_time x backoff, max_ejection_time), where the backoff counts ejections in a
 * row: it grows by one per ejection and shrinks by one for every interval the host then stays in.
 * Ejected hosts come back on the interval timer, not at the exact instant their time is up.
 *
 * <p>max_ejection_percent: Envoy ejects only while (ejected + 1) / hosts &lt;= the percentage, so
 * with the default 10% a cluster of fewer than 10 hosts can eject nobody, unless
 * {@code always_eject_one_host} lets the first ejection through. Envoy's API documentation
 * promises "at least one host regardless of the value", which its code keeps only with that flag
 * (added in 1.31, off by default). ScaleLab's default turns the flag on, giving the documented
 * behaviour; {@link Config#ENVOY_CODE_DEFAULTS} shows the code's.
 *
 * <p>Calls the world makes, on the simulation thread:
 * <ul>
 *   <li>{@link #addHost} and {@link #removeHost} as instances join and leave the cluster;</li>
 *   <li>{@link #onResult} for every response (5xx, reset and timeout are failures);</li>
 *   <li>{@link #onInterval} every {@link Config#intervalNanos()} (Envoy's interval timer);</li>
 *   <li>{@link #onActiveHealthCheckPassed} when an active health check finds the host healthy
 *       (Envoy's successful_active_health_check_uneject_host, on by default);</li>
 *   <li>{@link #isEjected} when deciding which instances accept traffic.</li>
 * </ul>
 * Every ejection, skipped ejection and return comes back as an {@link Event} with its reason, for
 * the decision log.
 */
public final class OutlierDetector {

    /**
     * Envoy's outlier_detection settings, defaults: consecutive_5xx 5, base_ejection_time 30 s,
     * max_ejection_time 300 s, interval 10 s, max_ejection_percent 10.
     */
    public record Config(int consecutive5xx, long baseEjectionNanos, long maxEjectionNanos, long intervalNanos,
                         double maxEjectionPercent, boolean alwaysEjectOneHost) {
        public static final Config DEFAULTS = new Config(5, 30_000_000_000L, 300_000_000_000L, 10_000_000_000L, 10, true);

        /** The defaults as Envoy's code has them: always_eject_one_host off. */
        public static final Config ENVOY_CODE_DEFAULTS =
                new Config(5, 30_000_000_000L, 300_000_000_000L, 10_000_000_000L, 10, false);

        public Config {
            if (consecutive5xx < 1 || baseEjectionNanos <= 0 || intervalNanos <= 0) {
                throw new IllegalArgumentException("consecutive 5xx, base ejection time and interval must be positive");
            }
            if (maxEjectionNanos < baseEjectionNanos) {
                // As Envoy, which rejects such a config.
                throw new IllegalArgumentException("max ejection time cannot be smaller than base ejection time");
            }
            if (!(maxEjectionPercent >= 0 && maxEjectionPercent <= 100)) {
                throw new IllegalArgumentException("max ejection percent must be in [0, 100]");
            }
        }
    }

    public enum Action { EJECT, EJECTION_SKIPPED, UNEJECT }

    /** One decision, with the inputs that led to it in {@code reason}. */
    public record Event(long atNanos, String hostId, Action action, String reason) {
    }

    private static final class Host {
        int consecutiveErrors;
        boolean ejected;
        long ejectedAtNanos;
        long ejectionNanos;
        int backoff;
        boolean everUnejected;
        long unejectedAtNanos;
    }

    private final Config config;
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private int ejectedHosts;

    public OutlierDetector(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    public void addHost(String id) {
        hosts.putIfAbsent(id, new Host());
    }

    public void removeHost(String id) {
        Host h = hosts.remove(id);
        if (h != null && h.ejected) {
            ejectedHosts--;
        }
    }

    public boolean isEjected(String id) {
        Host h = hosts.get(id);
        return h != null && h.ejected;
    }

    public int ejectedHosts() {
        return ejectedHosts;
    }

    /**
     * A response from host {@code id}. The {@code consecutive5xx}-th error in a row tries to eject
     * it and restarts the count whether or not the ejection happened, as Envoy. Results for hosts
     * that are ejected or unknown are ignored: Envoy clears the counts when a host returns.
     */
    public Optional<Event> onResult(String id, boolean success, long nowNanos) {
        Host h = hosts.get(id);
        if (h == null || h.ejected) {
            return Optional.empty();
        }
        if (success) {
            h.consecutiveErrors = 0;
            return Optional.empty();
        }
        if (++h.consecutiveErrors < config.consecutive5xx()) {
            return Optional.empty();
        }
        h.consecutiveErrors = 0;
        return Optional.of(eject(id, h, nowNanos));
    }

    private Event eject(String id, Host h, long nowNanos) {
        String cause = config.consecutive5xx() + " consecutive errors";
        double percentAfter = 100.0 * (ejectedHosts + 1) / hosts.size();
        boolean allowed = percentAfter <= config.maxEjectionPercent()
                || (config.alwaysEjectOneHost() && ejectedHosts == 0);
        if (!allowed) {
            return new Event(nowNanos, id, Action.EJECTION_SKIPPED, cause + ", but ejecting would make "
                    + (ejectedHosts + 1) + " of " + hosts.size() + " hosts (" + percent(percentAfter)
                    + ") ejected, above max_ejection_percent " + percent(config.maxEjectionPercent()));
        }
        ejectedHosts++;
        h.ejected = true;
        h.ejectedAtNanos = nowNanos;
        // Envoy grows the backoff only while base x backoff is below max + base.
        if (config.baseEjectionNanos() * h.backoff < config.maxEjectionNanos() + config.baseEjectionNanos()) {
            h.backoff++;
        }
        h.ejectionNanos = Math.min(config.baseEjectionNanos() * h.backoff, config.maxEjectionNanos());
        return new Event(nowNanos, id, Action.EJECT, cause + "; ejected for " + seconds(h.ejectionNanos)
                + " (base " + seconds(config.baseEjectionNanos()) + " x " + h.backoff + " in a row); "
                + ejectedHosts + " of " + hosts.size() + " hosts ejected");
    }

    /**
     * Envoy's interval timer: brings back every ejected host whose ejection time has passed, then
     * lowers by one the backoff of each host that has been back for at least an interval.
     */
    public List<Event> onInterval(long nowNanos) {
        List<Event> events = new ArrayList<>();
        for (Map.Entry<String, Host> e : hosts.entrySet()) {
            Host h = e.getValue();
            if (h.ejected && nowNanos - h.ejectedAtNanos >= h.ejectionNanos) {
                events.add(uneject(e.getKey(), h, nowNanos, "ejection time " + seconds(h.ejectionNanos) + " elapsed"));
            }
        }
        for (Host h : hosts.values()) {
            if (!h.ejected && h.everUnejected && nowNanos - h.unejectedAtNanos >= config.intervalNanos() && h.backoff > 0) {
                h.backoff--;
            }
        }
        return events;
    }

    /** An active health check passed: Envoy brings an ejected host back at once. */
    public Optional<Event> onActiveHealthCheckPassed(String id, long nowNanos) {
        Host h = hosts.get(id);
        if (h == null || !h.ejected) {
            return Optional.empty();
        }
        return Optional.of(uneject(id, h, nowNanos, "active health check passed"));
    }

    private Event uneject(String id, Host h, long nowNanos, String reason) {
        ejectedHosts--;
        h.ejected = false;
        h.consecutiveErrors = 0;
        h.everUnejected = true;
        h.unejectedAtNanos = nowNanos;
        return new Event(nowNanos, id, Action.UNEJECT, reason);
    }

    private static String seconds(long nanos) {
        return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + " s";
    }

    private static String percent(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
