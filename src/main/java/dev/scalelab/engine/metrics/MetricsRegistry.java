package dev.scalelab.engine.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pattern notes' performance monitor: named metrics, each with its last value, how many times
 * it was recorded and when it was last updated (in the caller's clock, here virtual seconds).
 * {@code record} on a new name registers it; names keep the order they were first recorded in.
 */
public final class MetricsRegistry {

    /** One metric as it stands. */
    public record Metric(String name, double value, long count, double lastUpdatedSeconds) {
    }

    private static final class Cell {
        double value;
        long count;
        double lastUpdatedSeconds;
    }

    private final Map<String, Cell> metrics = new LinkedHashMap<>();

    /** Sets metric {@code name} to {@code value} at {@code nowSeconds}. */
    public void record(String name, double value, double nowSeconds) {
        Cell cell = metrics.computeIfAbsent(name, n -> new Cell());
        cell.value = value;
        cell.count++;
        cell.lastUpdatedSeconds = nowSeconds;
    }

    /** Metric {@code name}, or null when it was never recorded. */
    public Metric get(String name) {
        Cell cell = metrics.get(name);
        return cell == null ? null : new Metric(name, cell.value, cell.count, cell.lastUpdatedSeconds);
    }

    /** Every metric, in the order first recorded. */
    public List<Metric> all() {
        List<Metric> out = new ArrayList<>(metrics.size());
        for (Map.Entry<String, Cell> e : metrics.entrySet()) {
            Cell c = e.getValue();
            out.add(new Metric(e.getKey(), c.value, c.count, c.lastUpdatedSeconds));
        }
        return Collections.unmodifiableList(out);
    }

    /** Forgets the metrics whose names start with {@code prefix} (an instance that is gone). */
    public void removePrefix(String prefix) {
        metrics.keySet().removeIf(name -> name.startsWith(prefix));
    }

    public int size() {
        return metrics.size();
    }
}
