/**
 * Event streams, as Kafka, KEDA and SQS run them.
 *
 * <ul>
 *   <li>{@link dev.scalelab.engine.events.Topic} and {@link dev.scalelab.engine.events.PartitionLog}:
 *       partitioned, ordered, retained logs; {@link dev.scalelab.engine.events.Partitioner} (murmur2)
 *       and {@link dev.scalelab.engine.events.StickyPartitioner} place records.</li>
 *   <li>{@link dev.scalelab.engine.events.ConsumerGroup}: members, polling, commits, crashes and
 *       redelivery; its coordinator runs the rebalances with the
 *       {@link dev.scalelab.engine.events.Assignor}s, its failures the retries and dead letters,
 *       its commits the times members commit.</li>
 *   <li>{@link dev.scalelab.engine.events.KedaScaler}: the lag KEDA reports to the HPA.</li>
 *   <li>{@link dev.scalelab.engine.events.WorkQueue}: an SQS queue with a visibility timeout and a
 *       dead-letter queue.</li>
 * </ul>
 *
 * Pure Java, deterministic: time only from the {@link dev.scalelab.sim.Simulation} in ns,
 * randomness only from the {@link java.util.SplittableRandom} each part is given. Confined to the
 * simulation thread.
 */
package dev.scalelab.engine.events;
