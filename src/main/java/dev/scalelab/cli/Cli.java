package dev.scalelab.cli;

import dev.scalelab.world.Quote;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The headless commands. Bad arguments give one line naming the option and the problem, and exit code 2. */
@Command(name = "scalelab", mixinStandardHelpOptions = true, version = "ScaleLab 0.1.0",
        description = "Simulate scalability patterns headless. Without a command, the app opens.",
        subcommands = {SimulateCommand.class, SweepCommand.class, CompareCommand.class, PresetsCommand.class, BenchCommand.class, ChallengesCommand.class, GradeCommand.class, PlanCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 2;

    private static final Set<String> COMMANDS = Set.of("simulate", "sweep", "compare", "presets", "bench", "challenges", "grade", "plan", "--help", "-h", "--version", "-V", "help");

    public static boolean isCommand(String firstArgument) {
        return COMMANDS.contains(firstArgument);
    }

    /** Whether standard error is a terminal, where progress is rewritten in place rather than logged line by line. */
    private final boolean errIsTerminal;

    private Cli(boolean errIsTerminal) {
        this.errIsTerminal = errIsTerminal;
    }

    boolean errIsTerminal() {
        return errIsTerminal;
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), stderrIsTerminal(), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, false, args);
    }

    static int run(PrintWriter out, PrintWriter err, boolean errIsTerminal, String... args) {
        CommandLine cl = new CommandLine(new Cli(errIsTerminal));
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + oneLine(shortenValues(ex.getMessage(), a)));
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException) {
                err.println("error: " + oneLine(ex.getMessage()));
                return EXIT_USAGE;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /**
     * Whether this process's standard error is a terminal: on Linux, what file descriptor 2 links
     * to; elsewhere, whether Java sees a console (standard input and output both terminals).
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /**
     * picocli's messages repeat the arguments they complain about in full ("Unknown option: '…'"),
     * which can be megabytes: each long argument is replaced by its shortened {@link Quote}.
     */
    static String shortenValues(String message, String[] args) {
        if (message == null) {
            return "";
        }
        String m = message;
        for (String arg : args) {
            if (arg.length() > Quote.MAX_CHARS) {
                m = m.replace(arg, Quote.shorten(arg));
                int equals = arg.indexOf('=');
                if (arg.startsWith("-") && equals > 0) { // --seed=VALUE: the message quotes VALUE alone
                    String value = arg.substring(equals + 1);
                    m = m.replace(value, Quote.shorten(value));
                }
            }
        }
        return m;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is needed: simulate, sweep, compare, presets, bench, challenges or grade");
    }

    /** A problem with what the user gave us (a file, an option value): exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
