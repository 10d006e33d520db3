/**
 * The caching engine: eviction policies and cache levels, a multi-level cache hierarchy in
 * virtual time, and the reference bounds a view compares them with.
 *
 * <ul>
 * <li>{@link dev.scalelab.engine.caching.CacheLevel}: one cache of unit-size entries with an
 * eviction policy chosen by name (lru, fifo, lfu, random, clock, w-tinylfu as Caffeine v3.2.4),
 * per-entry TTL with jitter, XFetch early refresh, counters, recent events and a key snapshot.</li>
 * <li>{@link dev.scalelab.engine.caching.CacheHierarchy}: levels on the request path, scoped per
 * instance or shared, inclusive or exclusive, with write policies, single-flight loads through the
 * world's {@link dev.scalelab.engine.caching.BackingStore}, stale-read counting and operator
 * actions.</li>
 * <li>{@link dev.scalelab.engine.caching.Belady} (MIN over a recorded trace, see
 * {@link dev.scalelab.engine.caching.KeyTraceRecorder}) and
 * {@link dev.scalelab.engine.caching.CheApproximation} (LRU and FIFO/RANDOM under IRM).</li>
 * </ul>
 *
 * <p>Semantics follow {@code shared/reference/engines.md} §4. Everything runs on the simulation
 * thread; randomness comes only from the {@code SplittableRandom} handed in; nothing reads the
 * wall clock.
 */
package dev.scalelab.engine.caching;
