package dev.scalelab.engine.balancing;

import java.util.ArrayList;
import java.util.List;

/** A backend whose state a test sets directly. */
final class TestBackend implements Backend {
    final String id;
    boolean up = true;
    int active;
    double weight = 1;

    TestBackend(String id) {
        this.id = id;
    }

    TestBackend(String id, double weight) {
        this.id = id;
        this.weight = weight;
    }

    /** Backends named i-0, i-1, ... with the given weights. */
    static List<TestBackend> weighted(double... weights) {
        List<TestBackend> out = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            out.add(new TestBackend("i-" + i, weights[i]));
        }
        return out;
    }

    /** n backends named i-0 ... i-(n-1) with weight 1. */
    static List<TestBackend> pool(int n) {
        List<TestBackend> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new TestBackend("i-" + i));
        }
        return out;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean acceptsTraffic() {
        return up;
    }

    @Override
    public int activeRequests() {
        return active;
    }

    @Override
    public double weight() {
        return weight;
    }
}
