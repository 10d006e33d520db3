package dev.scalelab;

import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's one-line explanations, on the messages JavaFX 21 really throws (seen under Xvfb and without GTK). */
class AppFailuresTest {
    private static final String INSTALL = "sudo apt-get install libgtk-3-0 libgl1 libxtst6";

    @Test
    void noDisplaySaysSoAndPointsToTheHeadlessCommands() {
        // Main gets the toolkit's exception wrapped by the reflective call.
        Throwable noDisplay = new InvocationTargetException(new UnsupportedOperationException("Unable to open DISPLAY"));
        assertEquals("scalelab: no display: set DISPLAY or run a command such as `simulate` headless (`help` lists them)",
                AppFailures.toolkitProblem(noDisplay.getCause()));
        assertEquals(AppFailures.toolkitProblem(noDisplay.getCause()), AppFailures.toolkitProblem(noDisplay));
    }

    @Test
    void noGtkNamesTheLibraryAndTheDebianPackages() {
        String gtk = AppFailures.toolkitProblem(new UnsupportedOperationException("Unable to load glass GTK library."));
        assertEquals("scalelab: cannot open the window: the GTK 3 library (libgtk-3.so.0) is missing; "
                + "on Debian or Ubuntu install it with " + INSTALL, gtk);
        assertEquals(gtk, AppFailures.toolkitProblem(new RuntimeException(new UnsupportedOperationException(
                "GLASS: Unable to load libgtk-3.so.0"))));

        String xtst = AppFailures.toolkitProblem(new UnsatisfiedLinkError("/root/.openjfx/cache/21.0.11+4/amd64/libglassgtk3.so: "
                + "libXtst.so.6: cannot open shared object file: No such file or directory"));
        assertTrue(xtst.contains("the system library libXtst.so.6 is missing") && xtst.endsWith(INSTALL), xtst);

        String glass = AppFailures.toolkitProblem(new RuntimeException(new UnsatisfiedLinkError(
                "no glassgtk3 in java.library.path: /usr/java/packages/lib:/usr/lib/x86_64-linux-gnu/jni")));
        assertTrue(glass.startsWith("scalelab: cannot open the window: ") && glass.endsWith(INSTALL), glass);

        for (String line : new String[] {gtk, xtst, glass}) {
            assertEquals(1, line.lines().count());
        }
    }

    @Test
    void anyOtherFailureIsABugAndKeepsItsStackTrace() {
        assertNull(AppFailures.toolkitProblem(new IllegalStateException("boom")));
        assertNull(AppFailures.toolkitProblem(new RuntimeException("Exception in Application start method", new NullPointerException())));
        assertNull(AppFailures.toolkitProblem(new UnsatisfiedLinkError("no jnidispatch in java.library.path")));
    }
}
