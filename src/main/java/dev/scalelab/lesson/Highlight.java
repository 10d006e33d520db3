package dev.scalelab.lesson;

/**
 * An element of a panel to outline while a step is shown.
 *
 * <p>Element names: {@code instance:i-3} (an instance tile), {@code pool} (the instance pool view),
 * {@code breaker:payments} (a dependency's breaker), {@code cache:L2} (a cache level),
 * {@code shard:2} (a database shard), {@code param:autoscaler.targetCpuUtilization} (the parameter
 * row of that path), {@code log} (the decision log), and {@code #fxId} for any node of the panel,
 * its charts or its parameters by {@code fx:id} (a chart: {@code #latencyChart}; a figure card).
 *
 * @param panel   the title of the panel the element is on
 * @param element its name, as above
 */
public record Highlight(String panel, String element) {
}
