package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.metrics.MetricsRegistry;
import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.sim.Simulation;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Feeds the world's monitor from the pool every simulated second, as the pattern notes'
 * performance monitor samples its process once a second. Per instance: {@code <id>.threads.busy}
 * (workers holding a request, on CPU or waiting on the data and dependencies),
 * {@code <id>.queue.length} and {@code <id>.requests.completed} (in the second that just ended).
 * Fleet-wide: {@code fleet.threads.busy} and {@code fleet.queue.length}, the sums of the instances',
 * {@code fleet.requests.perSecond}, every request completed in the second (those of an instance
 * that left during it too) and {@code fleet.latency.p99Ms}, that second's p99 (NaN without
 * completions). An instance that failed or left has its names removed. The report lists the
 * fleet-wide metrics only, whoever recorded them: per-instance ones would make a report of 200
 * instances long. Confined to the simulation thread.
 */
final class MonitorSystem implements Subsystem {
    /** The prefix of the fleet-wide names, the only ones the report lists. */
    static final String FLEET = "fleet.";

    private final Simulation sim;
    private final RequestMetrics metrics;
    private final ServicePool pool;
    private final MetricsRegistry registry;
    /** The instances recorded so far, in the order they were first seen. */
    private final Map<ServiceInstance, InstanceMetrics> instances = new LinkedHashMap<>();
    private long samples;

    MonitorSystem(Simulation sim, RequestMetrics metrics, ServicePool pool, MetricsRegistry registry) {
        this.sim = sim;
        this.metrics = metrics;
        this.pool = pool;
        this.registry = registry;
    }

    /** One instance's names, made once, and its completions at the last sample. */
    private static final class InstanceMetrics {
        final String prefix;
        final String threadsBusy;
        final String queueLength;
        final String requestsCompleted;
        long completedBefore;
        long seenAtSample;

        InstanceMetrics(ServiceInstance in) {
            prefix = in.id + ".";
            threadsBusy = prefix + "threads.busy";
            queueLength = prefix + "queue.length";
            requestsCompleted = prefix + "requests.completed";
        }
    }

    @Override
    public void sample() {
        double now = sim.nowSeconds();
        samples++;
        int busy = 0;
        int queued = 0;
        for (ServiceInstance in : pool.instances) {
            if (in.lifecycle == Lifecycle.FAILED) {
                continue;
            }
            InstanceMetrics m = instances.computeIfAbsent(in, InstanceMetrics::new);
            m.seenAtSample = samples;
            registry.record(m.threadsBusy, in.busy, now);
            registry.record(m.queueLength, in.queue.size(), now);
            registry.record(m.requestsCompleted, in.completed - m.completedBefore, now);
            m.completedBefore = in.completed;
            busy += in.busy;
            queued += in.queue.size();
        }
        for (Iterator<InstanceMetrics> it = instances.values().iterator(); it.hasNext(); ) {
            InstanceMetrics m = it.next();
            if (m.seenAtSample != samples) {
                registry.removePrefix(m.prefix);
                it.remove();
            }
        }
        Sample second = metrics.lastSample();
        registry.record(FLEET + "threads.busy", busy, now);
        registry.record(FLEET + "queue.length", queued, now);
        registry.record(FLEET + "requests.perSecond", second.throughputPerSecond(), now);
        registry.record(FLEET + "latency.p99Ms", second.p99Ms(), now);
    }

    @Override
    public void report(ObjectNode root) {
        ObjectNode out = root.putObject("metrics");
        for (MetricsRegistry.Metric m : registry.all()) {
            if (m.name().startsWith(FLEET)) {
                if (Double.isNaN(m.value())) {
                    out.putNull(m.name());
                } else {
                    out.put(m.name(), m.value());
                }
            }
        }
    }
}
