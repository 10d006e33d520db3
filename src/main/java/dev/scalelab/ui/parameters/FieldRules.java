package dev.scalelab.ui.parameters;

import dev.scalelab.world.FieldSpec;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;

/**
 * Whether a field means anything with the scenario's other settings, as the world builds it, and
 * the unit it is in. A field that does not apply is shown disabled, not hidden, so a form keeps
 * its shape while the user switches a mode back and forth.
 */
final class FieldRules {
    private FieldRules() {
    }

    static boolean appliesTo(String path, Scenario scenario) {
        if (path.startsWith("dependencies[")) {
            int index = ScenarioFiles.dependencyIndex(path);
            return index < scenario.dependencies().size()
                    && dependencyFieldApplies(FieldLabels.withinDependency(path), scenario.dependencies().get(index));
        }
        Scenario.ArrivalProcess process = scenario.workload().arrival().process();
        Scenario.KeyDistribution keys = scenario.workload().keys().distribution();
        switch (path) {
            // An open workload has a rate and no users; a closed one has users and no rate.
            case "workload.arrival.ratePerSecond":
                return process == Scenario.ArrivalProcess.POISSON;
            case "workload.arrival.users":
                return process == Scenario.ArrivalProcess.CLOSED;
            case "workload.keys.alpha":
                return keys == Scenario.KeyDistribution.ZIPF;
            case "workload.keys.hotTrafficFraction":
            case "workload.keys.hotKeyFraction":
                return keys == Scenario.KeyDistribution.HOTSPOT;
            default:
                return true;
        }
    }

    /**
     * As the mesh client is built from the dependency's settings: a consecutive breaker has no
     * window, a single attempt no back-off, no back-off no interval.
     */
    private static boolean dependencyFieldApplies(String field, Scenario.Dependency d) {
        Scenario.Breaker b = d.breaker();
        Scenario.Retry r = d.retry();
        boolean retries = r.maxAttempts() > 1;
        boolean backoff = retries && !r.backoff().equals("none");
        switch (field) {
            case "breaker.mode":
            case "breaker.waitDurationInOpenStateMs":
                return b != null;
            case "breaker.consecutiveFailures":
                return b != null && b.mode().equals("consecutive");
            case "breaker.slidingWindowType":
            case "breaker.slidingWindowSize":
            case "breaker.minimumNumberOfCalls":
            case "breaker.failureRateThreshold":
            case "breaker.slowCallRateThreshold":
            case "breaker.slowCallDurationThresholdMs":
            case "breaker.permittedNumberOfCallsInHalfOpenState":
            case "breaker.automaticTransition":
                return b != null && b.mode().equals("resilience4j");
            case "retry.backoff":
            case "retry.budget":
                return retries;
            case "retry.initialIntervalMs":
            case "retry.maxIntervalMs":
            case "retry.jitter":
                return backoff;
            case "retry.multiplier":
                return backoff && r.backoff().equals("exponential");
            case "retry.budgetPercent":
                return retries && !r.budget().equals("none");
            default:
                return true;
        }
    }

    /**
     * The spec's unit, but a time-based breaker window counts seconds, not calls, and a fraction
     * without a unit says its range, so that nobody types 90 for 90 %.
     */
    static String unit(FieldSpec spec, Scenario scenario) {
        String path = spec.path();
        if (spec.unit().isEmpty() && spec.type() == FieldSpec.Type.NUMBER && spec.min() == 0 && spec.max() == 1) {
            return "0–1";
        }
        if (path.endsWith("].breaker.slidingWindowSize")) {
            int index = ScenarioFiles.dependencyIndex(path);
            Scenario.Breaker b = index < scenario.dependencies().size() ? scenario.dependencies().get(index).breaker() : null;
            if (b != null && b.slidingWindowType().equals("time-based")) {
                return "s";
            }
        }
        return spec.unit();
    }
}
