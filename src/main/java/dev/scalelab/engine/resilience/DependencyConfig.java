package dev.scalelab.engine.resilience;

import dev.scalelab.sim.Distribution;

/**
 * A downstream service as the scenario describes it.
 *
 * @param instances          instances of the service
 * @param workersPerInstance concurrent calls each instance serves; instances x workers servers share one FIFO queue
 * @param queueCapacity      calls that may wait; beyond it a call is shed with an error
 * @param serviceTimeMs      time a worker spends on one call, in ms
 * @param errorRate          probability in [0, 1] that a served call answers with an error
 * @param connectMillis      the round trip of an answer that needs no worker: a refused connection, a shed call
 */
public record DependencyConfig(String name, int instances, int workersPerInstance, int queueCapacity,
                               Distribution serviceTimeMs, double errorRate, double connectMillis) {
    public DependencyConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a dependency needs a name");
        }
        if (instances < 1 || workersPerInstance < 1) {
            throw new IllegalArgumentException(name + ": instances and workersPerInstance must be at least 1");
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException(name + ": queueCapacity must not be negative");
        }
        if (serviceTimeMs == null) {
            throw new IllegalArgumentException(name + ": a service time distribution is required");
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException(name + ": errorRate must be in [0, 1]: " + errorRate);
        }
        if (!(connectMillis >= 0)) {
            throw new IllegalArgumentException(name + ": connectMillis must not be negative");
        }
    }

    public int servers() {
        return instances * workersPerInstance;
    }
}
