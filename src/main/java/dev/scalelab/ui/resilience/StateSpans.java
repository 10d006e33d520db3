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

    private final int capacity;
    private final double[] startSeconds;
    private final byte[] states;
    private int head;
    private int size;
    private long lastTransitionNanos = Long.MIN_VALUE;

    StateSpans() {
        this(CAPACITY);
    }

    private StateSpans(int capacity) {
        this.capacity = capacity;
        startSeconds = new double[capacity];
        states = new byte[capacity];
    }

    /**
     * The spans of a whole run from its history of states at the end of each second (see
     * {@code RunHistory.Keys.breakerState}): a bucket of several seconds that saw the breaker leave
     * CLOSED is drawn in the state it left to (its greatest ordinal), so an opening is never merged away.
     */
    static StateSpans fromSeconds(dev.scalelab.engine.metrics.SeriesView view) {
        StateSpans spans = new StateSpans(Math.max(1, view.buckets()));
        for (int k = 0; k < view.buckets(); k++) {
            if (view.count(k) > 0) {
                spans.append(view.startSeconds(k), STATES[(int) Math.round(view.max(k))]);
            }
        }
        return spans;
    }

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
        if (size == capacity) {
            head = (head + 1) % capacity;
            size--;
        }
        int slot = (head + size) % capacity;
        startSeconds[slot] = start;
        states[slot] = (byte) state.ordinal();
        size++;
    }

    /** Drops the spans that ended before {@code seconds}; the one running at that time stays. */
    void dropBefore(double seconds) {
        while (size > 1 && startSeconds(1) <= seconds) {
            head = (head + 1) % capacity;
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
        return startSeconds[(head + i) % capacity];
    }

    BreakerState state(int i) {
        return STATES[states[(head + i) % capacity]];
    }
}
