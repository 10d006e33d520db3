package dev.scalelab;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the launcher says when the app cannot start: one line a person can act on,
 * instead of a toolkit's stack trace. Pure functions of the failure's text, so they are tested on
 * the messages the toolkit really throws, without a toolkit. No JavaFX here: {@link Main} runs
 * this before and after the toolkit.
 */
final class AppFailures {
    /** The Debian packages that provide what JavaFX needs on Linux (see README, Run and test). */
    static final String PACKAGES = "libgtk-3-0 libgl1 libxtst6";
    private static final Pattern MISSING_LIBRARY = Pattern.compile("(lib[\\w.+-]*?\\.so[.\\d]*): cannot open shared object file");

    private AppFailures() {
    }

    /**
     * The one line for a failure to start the window toolkit, or null when {@code failure} is
     * something else (a bug, which keeps its stack trace). Looks through the causes, since the
     * launcher gets the toolkit's exception wrapped.
     */
    static String toolkitProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Unable to open DISPLAY")) {
                return "scalelab: no display: set DISPLAY or run a command such as `simulate` headless (`help` lists them)";
            }
            if (message.contains("Unable to load glass GTK library") || message.contains("GLASS: Unable to load")) {
                return missing("the GTK 3 library (libgtk-3.so.0)");
            }
            Matcher lib = MISSING_LIBRARY.matcher(message);
            if (t instanceof UnsatisfiedLinkError && lib.find()) {
                return missing("the system library " + lib.group(1));
            }
            if (t instanceof UnsatisfiedLinkError && message.contains("glassgtk")) {
                // The glass library itself failed to load: JavaFX printed the linker's reason above.
                return missing("a system library of the window toolkit (GTK 3, libXtst.so.6 or libGL.so.1)");
            }
            if (message.contains("no suitable pipeline found") || message.contains("No toolkit found")) {
                return missing("a graphics library (OpenGL libGL.so.1 or GTK 3)");
            }
        }
        return null;
    }

    private static String missing(String what) {
        return "scalelab: cannot open the window: " + what + " is missing; on Debian or Ubuntu install it with "
                + "sudo apt-get install " + PACKAGES;
    }
}
