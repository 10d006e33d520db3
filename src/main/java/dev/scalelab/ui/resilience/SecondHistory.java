package dev.scalelab.ui.resilience;

import java.util.Arrays;

/**
 * Per-second points of one dependency for the charts, newest last, in a ring of fixed size. Each
 * point is labelled with the end of its virtual second (the second [59, 60) is 60), as the world's
 * samples are. A value is NaN where there is none (no request in that second, an empty window).
 */
final class SecondHistory {
    static final int CAPACITY = 600;

    static final int ATTEMPTS = 0;
    static final int REQUESTS = 1;
    static final int AMPLIFICATION = 2;
    static final int FAILURE_RATE = 3;
    static final int THRESHOLD = 4;
    private static final int COLUMNS = 5;

    private final double[] times = new double[CAPACITY];
    private final double[][] values = new double[COLUMNS][CAPACITY];
    private int head;
    private int size;

    void append(double time, double attempts, double requests, double amplification, double failureRate, double threshold) {
        if (size == CAPACITY) {
            head = (head + 1) % CAPACITY;
            size--;
        }
        int slot = (head + size) % CAPACITY;
        times[slot] = time;
        values[ATTEMPTS][slot] = attempts;
        values[REQUESTS][slot] = requests;
        values[AMPLIFICATION][slot] = amplification;
        values[FAILURE_RATE][slot] = failureRate;
        values[THRESHOLD][slot] = threshold;
        size++;
    }

    void clear() {
        head = 0;
        size = 0;
        Arrays.fill(times, 0);
    }

    int size() {
        return size;
    }

    /** The i-th point's time, oldest first. */
    double time(int i) {
        return times[(head + i) % CAPACITY];
    }

    double value(int column, int i) {
        return values[column][(head + i) % CAPACITY];
    }

    /** The time of the newest point, or NaN when there is none. */
    double newestTime() {
        return size == 0 ? Double.NaN : time(size - 1);
    }

    /** The index of the first point later than {@code time} (size when there is none). */
    int firstAfter(double time) {
        int i = size;
        while (i > 0 && time(i - 1) > time) {
            i--;
        }
        return i;
    }
}
