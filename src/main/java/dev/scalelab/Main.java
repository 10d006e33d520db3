package dev.scalelab;

import dev.scalelab.cli.Cli;

import java.lang.reflect.InvocationTargetException;
import java.util.logging.Logger;

/**
 * Entry point of the jar. With a sub-command it runs headless and never starts the JavaFX
 * toolkit; with no arguments (or only app options) it opens the app. The application class is
 * loaded by name so the CLI path never touches JavaFX classes.
 */
public final class Main {
    /**
     * JavaFX's logger, held so the filter below stays set. The jar loads JavaFX from the class path
     * on purpose (DESIGN.md: a separate main class), and JavaFX warns about that on every start:
     * noise before the one line a person must read when the window cannot open.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.run(args));
        }
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        try {
            Class.forName("dev.scalelab.ui.ScaleLabApp").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            // No display, or no GTK 3 on Linux: one line saying what to do, not the toolkit's trace.
            String problem = AppFailures.toolkitProblem(e.getCause());
            if (problem == null) {
                throw e;
            }
            System.err.println(problem);
            System.exit(1);
        }
    }
}
