package dev.scalelab.ui;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Robot tests read nodes on the FX thread and wait on conditions, never on a fixed sleep. */
public final class FxWait {
    private FxWait() {
    }

    /** A condition read on the test thread; it may itself query the FX thread. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** {@code query}'s answer, computed on the FX thread. */
    public static <T> T onFx(Callable<T> query, long timeoutSeconds) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(timeoutSeconds, TimeUnit.SECONDS);
    }

    public static void waitUntil(Condition condition, long timeoutSeconds) throws TimeoutException {
        WaitForAsyncUtils.waitFor(timeoutSeconds, TimeUnit.SECONDS, condition::holds);
    }
}
