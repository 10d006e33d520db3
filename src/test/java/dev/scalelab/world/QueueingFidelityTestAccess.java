package dev.scalelab.world;

/** Lets tests in other packages use the fixed M/M/1 scenario text. */
public final class QueueingFidelityTestAccess {
    public static final String MM1 = QueueingFidelityTest.MM1;

    private QueueingFidelityTestAccess() {
    }
}
