package dev.scalelab.ui;

import javafx.application.Platform;
import sun.misc.Signal;

/**
 * SIGTERM, SIGINT and SIGHUP close the app the way its window's close button does: {@link
 * Platform#exit} from the toolkit's side, so {@code stop()} runs and the toolkit stops its pulses
 * before its renderer. Left to the JVM's default, a signal runs the shutdown hooks while the
 * toolkit is live, and JavaFX's own hook stops the renderer while a pulse may still be drawing:
 * that pulse's {@code RejectedExecutionException} is printed with its stack trace (reproduced
 * under Xvfb whenever another shutdown hook takes a moment). The exit status stays 128 + the
 * signal's number, as for a killed process.
 */
final class SignalExit {
    /** A toolkit that does not answer (a hung application thread) must not keep the process alive; a loaded machine may take seconds to close a healthy one. */
    private static final long GRACE_MILLIS = 10_000;
    private static volatile int status;

    private SignalExit() {
    }

    static void install() {
        for (String name : new String[] {"TERM", "INT", "HUP"}) {
            try {
                Signal.handle(new Signal(name), SignalExit::exit);
            } catch (IllegalArgumentException unavailable) {
                // Not on this platform, or the JVM keeps it (-Xrs): the default stays.
            }
        }
    }

    /** 0, or the exit status a signal asked for once the app has stopped. */
    static int status() {
        return status;
    }

    private static void exit(Signal signal) {
        status = 128 + signal.getNumber();
        Thread fallback = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(status);
        }, "scalelab-exit-fallback");
        fallback.setDaemon(true);
        fallback.start();
        Platform.exit();
    }
}
