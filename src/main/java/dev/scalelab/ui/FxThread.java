package dev.scalelab.ui;

import javafx.application.Platform;

/**
 * The FX-thread contract, checked. A method whose Javadoc says "FX thread only" starts with
 * {@code assert FxThread.isCurrent();}, so a call from the simulation thread fails in the tests
 * (which run with assertions on) instead of corrupting a scene graph now and then.
 */
public final class FxThread {

    private FxThread() {
    }

    /** True on the JavaFX application thread; for {@code assert FxThread.isCurrent();}. */
    public static boolean isCurrent() {
        return Platform.isFxApplicationThread();
    }
}
