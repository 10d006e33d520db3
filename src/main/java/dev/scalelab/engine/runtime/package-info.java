/**
 * The instance runtime: a JVM-like generational heap per instance, its collectors' pauses, and the
 * pattern notes' object pool.
 *
 * <ul>
 * <li>{@link dev.scalelab.engine.runtime.Heap}: eden, survivor cohorts and old space; young
 * collections when eden fills, promotion after the tenuring age, old collections by collector
 * ({@link dev.scalelab.engine.runtime.CollectorKind}: parallel, g1, zgc), each reported as a
 * {@link dev.scalelab.engine.runtime.GcEvent} whose pause the owner applies.</li>
 * <li>{@link dev.scalelab.engine.runtime.CollectorProfile}: what each collector's work costs, with
 * where the figures come from.</li>
 * <li>{@link dev.scalelab.engine.runtime.ObjectPool}: Get takes an idle object or makes one (a
 * miss); Put keeps it if there is room, else drops it.</li>
 * </ul>
 *
 * <p>Semantics follow {@code shared/reference/engines.md} §7. Everything runs on the simulation
 * thread in virtual time; the engines draw no random numbers and read no clock: the owner passes
 * the time and the sizes.
 */
package dev.scalelab.engine.runtime;
