/**
 * The service-mesh resilience engine: what sits between a service and its dependencies.
 *
 * <ul>
 *   <li>{@link dev.scalelab.engine.resilience.CircuitBreaker}: Resilience4j's state machine (or the
 *       pattern notes' consecutive-failures breaker), configured by
 *       {@link dev.scalelab.engine.resilience.BreakerConfig}.</li>
 *   <li>{@link dev.scalelab.engine.resilience.RetryPolicy} with a
 *       {@link dev.scalelab.engine.resilience.Backoff} (Resilience4j, AWS jitter, Envoy), and a
 *       {@link dev.scalelab.engine.resilience.RetryBudget} (Envoy or Finagle).</li>
 *   <li>{@link dev.scalelab.engine.resilience.DownstreamService}: a dependency as a FIFO queueing
 *       server with injectable {@link dev.scalelab.engine.resilience.Fault faults}.</li>
 *   <li>{@link dev.scalelab.engine.resilience.MeshClient}: one per dependency, composing retry,
 *       breaker, per-attempt timeout and bulkhead around asynchronous calls, with measures and a
 *       per-attempt trace.</li>
 * </ul>
 *
 * Pure Java, deterministic: time only from the {@link dev.scalelab.sim.Simulation} in ns,
 * randomness only from the {@link java.util.SplittableRandom} each part is given, all state
 * bounded. Everything is confined to the simulation thread.
 */
package dev.scalelab.engine.resilience;
