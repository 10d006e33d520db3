package dev.scalelab.engine.events;

/**
 * One record of a topic or message of a queue. Its {@code id} is unique in the run and kept by
 * copies (a retry topic's, a redelivery), which is what an idempotent consumer deduplicates by.
 *
 * @param key          the record's key, or {@link #NO_KEY}
 * @param publishNanos when the producer published it (the start of its end-to-end latency)
 * @param attempt      processing attempts made so far (0 when new; a retry topic's copy carries its count)
 * @param poison       whether every processing attempt fails
 */
public record EventRecord(long id, long key, long publishNanos, int attempt, boolean poison) {
    public static final long NO_KEY = -1;

    public boolean keyed() {
        return key != NO_KEY;
    }

    public EventRecord nextAttempt() {
        return new EventRecord(id, key, publishNanos, attempt + 1, poison);
    }
}
