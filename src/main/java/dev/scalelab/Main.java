package dev.scalelab;

import dev.scalelab.cli.Cli;

/**
 * Entry point of the jar. With a sub-command it runs headless and never starts the JavaFX
 * toolkit; with no arguments (or only app options) it opens the app. The application class is
 * loaded by name so the CLI path never touches JavaFX classes.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.run(args));
        }
        Class.forName("dev.scalelab.ui.ScaleLabApp").getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
