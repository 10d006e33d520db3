package dev.scalelab.ui.resilience;

import dev.scalelab.engine.resilience.BreakerState;
import dev.scalelab.engine.resilience.BreakerTransition;

import java.util.List;

/**
 * One breaker's state over time, as spans that each start at a virtual time and last until the next
 * one starts. Built from the transitions the snapshots carry (exact times) and, when the breaker
 * changed without one (the world rebuilt the client with new settings, and it starts CLOSED), from
 * the state a frame shows. A ring of fixed size: no allocation per frame.
 */
final class StateSpans {
    static final int CAPACITY = 512;
    private static final BreakerState[] STATES = BreakerState.values();

    private final double[] startSeconds = new double[CAPACITY];
    private final byte[] states = new byte[CAPACITY];
    private int head;
    private int size;
    private long lastTransitionNanos = Long.MIN_VALUE;

    /** Takes in a frame: the breaker's recent transitions and its state at {@code nowSeconds}. */
    void update(List<BreakerTransition> transitions, BreakerState now, double nowSeconds) {
        for (int i = 0; i < transitions.size(); i++) {
            BreakerTransition t = transitions.get(i);
            if (t.atNanos() > lastTransitionNanos) {
                lastTransitionNanos = t.atNanos();
                append(t.atNanos() / 1e9, t.to());
            }
        }
        if (size == 0 || state(size - 1) != now) {
            append(nowSeconds, now);
        }
    }

    private void append(double start, BreakerState state) {
        if (size > 0) {
            start = Math.max(start, startSeconds(size - 1));
            if (state(size - 1) == state) {
                return;
            }
        }
        if (size == CAPACITY) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        int slot = (head + size) % CAPACITY;
        startSeconds[slot] = start;
        states[slot] = (byte) state.ordinal();
        size++;
    }

    /** Drops the spans that ended before {@code seconds}; the one running at that time stays. */
    void dropBefore(double seconds) {
        while (size > 1 && startSeconds(1) <= seconds) {
            head = (head + 1) % CAPACITY;
            size--;
        }
    }

    void clear() {
        size = 0;
        head = 0;
        lastTransitionNanos = Long.MIN_VALUE;
    }

    int size() {
        return size;
    }

    /** The i-th span, oldest first. */
    double startSeconds(int i) {
        return startSeconds[(head + i) % CAPACITY];
    }

    BreakerState state(int i) {
        return STATES[states[(head + i) % CAPACITY]];
    }
}
