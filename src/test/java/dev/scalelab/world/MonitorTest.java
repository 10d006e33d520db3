package dev.scalelab.world;

import dev.scalelab.engine.metrics.MetricsRegistry;
import dev.scalelab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonitorTest {
    private static final List<String> INSTANCE_NAMES = List.of("threads.busy", "queue.length", "requests.completed");

    private static double instanceSum(MetricsRegistry m, List<String> ids, String name) {
        double total = 0;
        for (String id : ids) {
            total += m.get(id + "." + name).value();
        }
        return total;
    }

    @Test
    void everySecondTheFleetValuesAreTheSumsOfTheInstanceValues() {
        World w = new World(Presets.load("default")); // four instances, no autoscaler
        MetricsRegistry m = w.monitor();
        List<String> ids = List.of("i-0", "i-1", "i-2", "i-3");
        double busySeen = 0;
        double queueSeen = 0;
        for (int second = 1; second <= 120; second++) {
            w.advanceTo(Simulation.secondsToNanos(second));
            for (String id : ids) {
                for (String name : INSTANCE_NAMES) {
                    MetricsRegistry.Metric metric = m.get(id + "." + name);
                    assertEquals(second, metric.count(), metric.name());
                    assertEquals(second, metric.lastUpdatedSeconds(), 1e-9, metric.name());
                }
            }
            double busy = m.get("fleet.threads.busy").value();
            assertEquals(instanceSum(m, ids, "threads.busy"), busy, "second " + second);
            assertEquals(instanceSum(m, ids, "queue.length"), m.get("fleet.queue.length").value(), "second " + second);
            assertEquals(instanceSum(m, ids, "requests.completed"), m.get("fleet.requests.perSecond").value(), "second " + second);
            Sample sample = w.snapshot().lastSample();
            assertEquals(sample.throughputPerSecond(), m.get("fleet.requests.perSecond").value());
            assertEquals(sample.p99Ms(), m.get("fleet.latency.p99Ms").value());
            assertEquals(sample.queued(), m.get("fleet.queue.length").value());
            busySeen += busy;
            queueSeen += m.get("fleet.queue.length").value();
        }
        // 400 requests/s of 20 ms on 16 workers: half of them busy on average.
        assertEquals(8, busySeen / 120, 1.0);
        assertTrue(queueSeen > 0);
        assertEquals(4 * 3 + 4, m.size());
    }

    @Test
    void anInstanceThatIsGoneHasItsNamesRemoved() {
        World w = new World(Presets.load("default"));
        w.advanceTo(Simulation.secondsToNanos(10));
        assertTrue(w.monitor().get("i-1.threads.busy") != null);
        w.advanceTo(w.commandTimeNanos());
        w.applyUserCommand(new Scenario.TimelineEntry(0, "kill-instance", null, "i-1", null, 0));
        w.advanceTo(Simulation.secondsToNanos(12));
        List<String> names = new ArrayList<>();
        for (MetricsRegistry.Metric metric : w.monitor().all()) {
            names.add(metric.name());
        }
        for (String name : INSTANCE_NAMES) {
            assertNull(w.monitor().get("i-1." + name), name);
            assertTrue(names.contains("i-4." + name), "its replacement, provisioning, is monitored: " + names);
        }
        assertEquals(0, w.monitor().get("i-4.threads.busy").value());
        assertEquals(instanceSum(w.monitor(), List.of("i-0", "i-2", "i-3", "i-4"), "threads.busy"),
                w.monitor().get("fleet.threads.busy").value());
    }

    @Test
    void theReportListsTheFleetMetricsOnly() {
        World w = new World(Presets.load("default"));
        w.advanceTo(Simulation.secondsToNanos(30));
        var metrics = Report.of(w, 0).get("metrics");
        List<String> names = new ArrayList<>();
        metrics.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("fleet.threads.busy", "fleet.queue.length", "fleet.requests.perSecond", "fleet.latency.p99Ms"), names);
        assertEquals(w.monitor().get("fleet.requests.perSecond").value(), metrics.get("fleet.requests.perSecond").asDouble());
    }

    @Test
    void theSnapshotCarriesTheMonitorsMetrics() {
        World w = new World(Presets.load("default"));
        w.advanceTo(Simulation.secondsToNanos(5));
        List<PerformanceView.MetricView> views = w.snapshot().performance().profile().metrics();
        assertEquals(w.monitor().size(), views.size());
        PerformanceView.MetricView first = views.get(0);
        assertEquals("i-0.threads.busy", first.name());
        assertEquals(5, first.count());
        assertEquals(5.0, first.lastUpdatedSeconds(), 1e-9);
    }
}
