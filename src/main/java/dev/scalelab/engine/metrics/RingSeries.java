package dev.scalelab.engine.metrics;

import java.util.Arrays;

/** The last {@code capacity} values of a series; memory stays fixed however long the run. */
public final class RingSeries {
    private final double[] values;
    private int head;
    private long appended;

    public RingSeries(int capacity) {
        values = new double[capacity];
    }

    public void append(double value) {
        values[head] = value;
        head = (head + 1) % values.length;
        appended++;
    }

    public int size() {
        return (int) Math.min(appended, values.length);
    }

    public int capacity() {
        return values.length;
    }

    /** The most recent value, or NaN when empty. */
    public double last() {
        return appended == 0 ? Double.NaN : values[Math.floorMod(head - 1, values.length)];
    }

    /** The newest {@code count} values (or fewer), oldest first. */
    public double[] tail(int count) {
        int n = Math.min(count, size());
        double[] out = new double[n];
        int start = Math.floorMod(head - n, values.length);
        for (int i = 0; i < n; i++) {
            out[i] = values[(start + i) % values.length];
        }
        return out;
    }

    public double[] toArray() {
        return tail(size());
    }

    public void clear() {
        Arrays.fill(values, 0);
        head = 0;
        appended = 0;
    }
}
