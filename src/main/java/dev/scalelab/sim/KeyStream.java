package dev.scalelab.sim;

import java.util.SplittableRandom;

/**
 * The keys of one named random stream, exactly as {@code sampler.sample(random)} would give them
 * one at a time, but a Zipf law's keys are drawn a batch ahead. A Zipf sample reads one random
 * column of an alias table that is far bigger than the processor's caches (16 bytes a key: 800 kB
 * for 50,000 keys), so one at a time each costs a memory miss the run waits for; a batch issues its
 * reads together and waits for them about once (measured: the key draw went from 9 % of the
 * full-stack preset's run to under 3 %).
 *
 * <p>Exactness: a Zipf key takes exactly one draw of the stream, so while every sampler so far has
 * been a Zipf law the stream's position is known (one draw per key handed out), and a change of law
 * rewinds the stream to there ({@link RandomStreams#streamAfter}): the keys drawn ahead are drawn again,
 * under the new law, as if they had never been drawn. After another kind of law has drawn, the
 * position is no longer counted, and keys are drawn one at a time from then on.
 */
public final class KeyStream {
    private static final int BATCH = 32;

    private final RandomStreams streams;
    private final String name;
    private SplittableRandom random;
    private KeySampler sampler;
    /** Keys handed out while the position was counted: the stream stands this many draws past its seed. */
    private long keysTaken;
    private boolean counted = true;
    private final int[] ahead = new int[BATCH];
    private int next;
    private int end;

    /** The stream {@code name} of {@code streams}, sampled by {@code sampler}. */
    public KeyStream(RandomStreams streams, String name, KeySampler sampler) {
        this.streams = streams;
        this.name = name;
        this.random = streams.stream(name);
        this.sampler = sampler;
    }

    public KeySampler sampler() {
        return sampler;
    }

    /** From the next key on, keys follow {@code newSampler}; the keys drawn ahead are drawn again under it. */
    public void setSampler(KeySampler newSampler) {
        if (next < end) {
            random = streams.streamAfter(name, keysTaken);
            next = end = 0;
        }
        sampler = newSampler;
    }

    public int next() {
        if (next < end) {
            keysTaken++;
            return ahead[next++];
        }
        if (counted && sampler instanceof KeySampler.Zipf zipf) {
            zipf.sample(random, ahead);
            end = BATCH;
            next = 1;
            keysTaken++;
            return ahead[0];
        }
        counted = false; // another law's draws per key vary (rejection), so the position is lost
        return sampler.sample(random);
    }
}
