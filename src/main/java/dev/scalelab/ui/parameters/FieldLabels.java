package dev.scalelab.ui.parameters;

import java.util.Map;

/**
 * What a form calls a field, and the fx:id its controls get. Most labels follow from the path
 * ("autoscaler.targetUtilization" is "Target utilization"); a dependency's client settings have
 * the names Resilience4j's and Envoy's documentation give them, which the path cannot say.
 */
public final class FieldLabels {
    /** Labels by the path inside {@code dependencies[i]}. */
    private static final Map<String, String> DEPENDENCY_LABELS = Map.ofEntries(
            Map.entry("breaker.mode", "Mode"),
            Map.entry("breaker.slidingWindowType", "Window type"),
            Map.entry("breaker.slidingWindowSize", "Window size"),
            Map.entry("breaker.minimumNumberOfCalls", "Minimum calls"),
            Map.entry("breaker.failureRateThreshold", "Failure-rate threshold"),
            Map.entry("breaker.slowCallRateThreshold", "Slow-call threshold"),
            Map.entry("breaker.slowCallDurationThresholdMs", "Slow-call duration"),
            Map.entry("breaker.waitDurationInOpenStateMs", "Wait in open"),
            Map.entry("breaker.permittedNumberOfCallsInHalfOpenState", "Calls in half-open"),
            Map.entry("breaker.automaticTransition", "Automatic half-open"),
            Map.entry("breaker.consecutiveFailures", "Consecutive failures"),
            Map.entry("retry.maxAttempts", "Max attempts"),
            Map.entry("retry.backoff", "Back-off"),
            Map.entry("retry.initialIntervalMs", "Initial interval"),
            Map.entry("retry.multiplier", "Multiplier"),
            Map.entry("retry.maxIntervalMs", "Max interval"),
            Map.entry("retry.jitter", "Jitter"),
            Map.entry("retry.budget", "Retry budget"),
            Map.entry("retry.budgetPercent", "Budget"),
            Map.entry("timeoutMs", "Timeout per attempt"),
            Map.entry("maxConcurrentCalls", "Max concurrent calls"));

    /** Labels of fields whose path alone would read badly once the unit is dropped. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("service.runtime.heapMb", "Heap (-Xmx)"),
            Map.entry("service.runtime.youngMb", "Young generation"),
            Map.entry("service.objectPool.objectKb", "Object size"),
            Map.entry("verticalScaler.targetPercentile", "Target percentile"),
            Map.entry("events.producers[0].fraction", "Share of requests"),
            Map.entry("events.groups[0].processingTime.meanMs", "Processing time"),
            Map.entry("events.groups[0].retry.mode", "Retry"),
            Map.entry("events.groups[0].retry.deadLetter", "Dead-letter topic"),
            Map.entry("events.queues[0].processingTime.meanMs", "Processing time"));

    private FieldLabels() {
    }

    /** "autoscaler.targetUtilization" -> "Target utilization"; "cache.levels[0].ttlSeconds" -> "L1 TTL". */
    public static String label(String path) {
        String inDependency = DEPENDENCY_LABELS.get(withinDependency(path));
        if (inDependency != null) {
            return inDependency;
        }
        // A drawn node's section reads as the scenario's section of the same name.
        String named = LABELS.get(path.startsWith("topology.nodes[") ? path.substring(path.indexOf("].") + 2) : path);
        if (named != null) {
            return named;
        }
        String prefix = "";
        // A cache level is called by its name, L1 for levels[0]; other lists' items are one at a time on a form.
        int bracket = path.indexOf("levels[");
        if (bracket >= 0) {
            bracket += "levels".length();
            prefix = "L" + (Integer.parseInt(path.substring(bracket + 1, path.indexOf(']', bracket))) + 1) + " ";
        }
        String last = path.substring(path.lastIndexOf('.') + 1);
        StringBuilder words = new StringBuilder();
        for (char c : last.toCharArray()) {
            if (Character.isUpperCase(c)) {
                words.append(' ').append(Character.toLowerCase(c));
            } else {
                words.append(c);
            }
        }
        // The unit is shown beside the field; the label need not say it again.
        String text = words.toString().replace(" ms", "").replace(" seconds", "").replace(" per second", "")
                .replace(" percent", "").replace(" mb", "").replace(" kb", "");
        text = prefix + text.replace("ttl", "TTL");
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * A stable, unique fx:id base for tests: the path in camel case,
     * "autoscaler.targetUtilization" -> "autoscalerTargetUtilization", "cache.levels[0].capacity" ->
     * "cacheL1Capacity"; a dependency's field without its index, "retryMaxAttempts", as the form
     * shows one dependency at a time.
     */
    public static String idOf(String path) {
        // A drawn node's or edge's field is named within it: topology.nodes[3].service.instances is "serviceInstances".
        if (path.startsWith("topology.nodes[") || path.startsWith("topology.edges[")) {
            path = path.substring(path.indexOf("].") + 2);
        }
        String within = withinDependency(path).replaceAll("levels\\[(\\d+)]", "L$1").replaceAll("\\[0]", "");
        StringBuilder id = new StringBuilder();
        for (String part : within.split("\\.")) {
            if (part.matches("L\\d")) {
                part = "L" + (Integer.parseInt(part.substring(1)) + 1);
            }
            id.append(id.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return id.toString();
    }

    /** "dependencies[1].retry.maxAttempts" -> "retry.maxAttempts"; any other path as it is. */
    static String withinDependency(String path) {
        return path.startsWith("dependencies[") ? path.substring(path.indexOf("].") + 2) : path;
    }
}
