package dev.scalelab.ui.resilience;

import dev.scalelab.engine.resilience.BreakerView;
import dev.scalelab.engine.resilience.MeshStats;
import dev.scalelab.ui.Formats;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;

import java.util.Locale;

/** How the Resilience panel words a dependency's settings and state; one place so the canvas and tests agree. */
final class ResilienceTexts {
    private ResilienceTexts() {
    }

    /** "called by 50% of requests · 3 attempts, no back-off · timeout 1 s" */
    static String clientSummary(Scenario.Dependency d) {
        StringBuilder s = new StringBuilder();
        // A drawn edge ("checkout->pay") is taken by a share of its caller's requests, not of the system's.
        int arrow = d.name() == null ? -1 : d.name().indexOf("->");
        s.append("called by ").append(Parameter.format(Math.round(d.callProbability() * 1000) / 10.0)).append("% of requests")
                .append(arrow > 0 ? " at " + d.name().substring(0, arrow) : "").append(" · ");
        Scenario.Retry r = d.retry();
        if (r.maxAttempts() <= 1) {
            s.append("no retry");
        } else {
            s.append(r.maxAttempts()).append(" attempts, ");
            switch (r.backoff()) {
                case "none":
                    s.append("no back-off");
                    break;
                case "exponential":
                    s.append("back-off ").append(duration(r.initialIntervalMs())).append(" ×").append(Parameter.format(r.multiplier()))
                            .append(" ≤ ").append(duration(r.maxIntervalMs()));
                    break;
                default:
                    s.append(r.backoff()).append(" back-off ").append(duration(r.initialIntervalMs()));
            }
            if (!r.backoff().equals("none") && !r.jitter().equals("none")) {
                s.append(", ").append(r.jitter()).append(" jitter");
            }
            if (!r.budget().equals("none")) {
                s.append(", ").append(r.budget()).append(" budget ").append(Parameter.format(r.budgetPercent())).append('%');
            }
        }
        s.append(" · ").append(d.timeoutMs() > 0 ? "timeout " + duration(d.timeoutMs()) : "no timeout");
        if (d.maxConcurrentCalls() > 0) {
            s.append(" · bulkhead ").append(d.maxConcurrentCalls());
        }
        return s.toString();
    }

    /** "count window 50 · min 20 · open 5 s", or "5 failures in a row · open 5 s"; null without a breaker. */
    static String breakerSummary(Scenario.Breaker b) {
        if (b == null) {
            return null;
        }
        if (b.mode().equals("consecutive")) {
            return b.consecutiveFailures() + " failures in a row · open " + duration(b.waitDurationInOpenStateMs());
        }
        return (b.slidingWindowType().equals("time-based") ? "last " + b.slidingWindowSize() + " s" : "last " + b.slidingWindowSize() + " calls")
                + " · min " + b.minimumNumberOfCalls() + " · open " + duration(b.waitDurationInOpenStateMs());
    }

    /** What the breaker does now, in a sentence for the bottom of its card. */
    static String status(BreakerView v, Scenario.Breaker config) {
        switch (v.state()) {
            case CLOSED:
                return "Closed: calls flow" + (v.openings() > 0 ? "; opened " + v.openings() + (v.openings() == 1 ? " time" : " times") : "");
            case OPEN:
                return "Open: rejecting calls, half-open in " + seconds(v.remainingWaitNanos());
            case HALF_OPEN:
                return "Half-open: " + v.halfOpenPermitsLeft() + " of " + (config == null ? "?" : halfOpenCalls(config))
                        + " trial calls left";
            case FORCED_OPEN:
                return "Forced open: rejects every call until released";
            case METRICS_ONLY:
                return "Metrics only: records calls, never trips";
            default:
                return "Disabled: permits every call";
        }
    }

    /** Trial calls in HALF_OPEN: one for the consecutive rule. */
    static int halfOpenCalls(Scenario.Breaker b) {
        return b.mode().equals("consecutive") ? 1 : b.permittedNumberOfCallsInHalfOpenState();
    }

    /** "1 call", "20 calls". */
    static String calls(long n) {
        return n == 1 ? "1 call" : Formats.count(n) + " calls";
    }

    /** The trip condition beside the CLOSED → OPEN arrow: "≥ 50%" or "5 in a row". */
    static String tripCondition(Scenario.Breaker b) {
        return b.mode().equals("consecutive") ? b.consecutiveFailures() + " in a row"
                : "≥ " + Parameter.format(b.failureRateThreshold()) + "%";
    }

    /** "retries 1,234 (56 denied by budget) · rejected by breaker 789 · timeouts 12 · p99 1,020 ms" */
    static String counters(MeshStats s) {
        StringBuilder b = new StringBuilder();
        b.append("retries ").append(Formats.count(s.retries()));
        if (s.retriesDeniedByBudget() > 0) {
            b.append(" (").append(Formats.count(s.retriesDeniedByBudget())).append(" denied by budget)");
        }
        b.append(" · rejected by breaker ").append(Formats.count(s.breakerRejections()));
        if (s.bulkheadRejections() > 0) {
            b.append(" · by bulkhead ").append(Formats.count(s.bulkheadRejections()));
        }
        b.append(" · timeouts ").append(Formats.count(s.timeouts()));
        b.append(" · errors ").append(Formats.count(s.errors()));
        b.append(" · p99 ").append(Formats.millis(s.latency().p99Ms())).append(" ms");
        return b.toString();
    }

    /** "3.0×", or "–" when nothing was asked in the last second. */
    static String amplification(double attemptsPerRequest) {
        return Double.isNaN(attemptsPerRequest) ? "–" : String.format(Locale.ROOT, "%.1f×", attemptsPerRequest);
    }

    /** "62%", or "–" for an empty window. */
    static String percent(double percent) {
        return Double.isNaN(percent) ? "–" : String.format(Locale.ROOT, "%.0f%%", percent);
    }

    /** A wait in ms as a person reads it: "250 ms", "5 s", "1.5 min". */
    static String duration(double ms) {
        if (ms < 1000) {
            return Parameter.format(ms) + " ms";
        }
        if (ms < 120_000) {
            return Parameter.format(Math.round(ms / 100) / 10.0) + " s";
        }
        return Parameter.format(Math.round(ms / 6000) / 10.0) + " min";
    }

    /** Virtual nanoseconds left, to a tenth of a second: "3.4 s". */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
