package dev.scalelab.cli;

import dev.scalelab.world.AtomicFiles;
import dev.scalelab.world.Quote;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One file a command writes ({@code --out}, {@code --timeseries}, {@code --trace}). Every output is
 * checked before the run, so a path that cannot be written costs no simulated hours and leaves
 * nothing behind; a failure during the write is one line naming the option, like any bad argument.
 */
final class OutputFile {
    private final String option;
    private final String given;
    private final Path path;
    private final String example;

    private OutputFile(String option, String given, String example) {
        this.option = option;
        this.given = given;
        this.example = example;
        try {
            this.path = given.isEmpty() ? null : Path.of(given);
        } catch (InvalidPathException e) {
            throw problem("not a usable file name (" + e.getReason() + ")");
        }
    }

    Path path() {
        return path;
    }

    /** The output of {@code option}, or null when the option was not given. */
    static OutputFile of(String option, String given, String example) {
        return given == null ? null : new OutputFile(option, given, example);
    }

    /**
     * Checks every output on its own, then that no two share a file (the second would silently
     * replace the first). Throws a {@link Cli.UsageException} naming the option and the problem.
     */
    static void checkAll(List<OutputFile> outputs) {
        for (OutputFile o : outputs) {
            o.check();
        }
        for (int i = 0; i < outputs.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (outputs.get(i).sameFileAs(outputs.get(j))) {
                    throw outputs.get(i).problem("the same file as " + outputs.get(j).option + "; give each output its own file");
                }
            }
        }
    }

    /** Starts writing: makes the temporary file now, so the path is proven writable before the run. */
    AtomicFiles.Pending open() {
        try {
            return AtomicFiles.open(path);
        } catch (NoSuchFileException e) {
            // The directory is there but refuses new entries (/proc does so, even for root).
            throw problem("cannot create a file in " + where() + ": "
                    + (Files.isDirectory(path.toAbsolutePath().getParent()) ? "it takes no new files" : plainWords(e)));
        } catch (IOException e) {
            throw problem("cannot create a file in " + where() + ": " + plainWords(e));
        }
    }

    /** A write during or after the run failed. */
    Cli.UsageException writeFailed(IOException e) {
        return problem("cannot write: " + plainWords(e));
    }

    private void check() {
        if (path == null) {
            throw new Cli.UsageException(option + ": empty; give a file name such as " + example);
        }
        if (Files.isDirectory(path) || given.endsWith("/") || given.endsWith(java.io.File.separator)) {
            throw problem("is a directory; give a file name such as " + Quote.shorten(path.resolve(example).toString()));
        }
        if (isDeviceOrPipe()) {
            // /dev/null, /dev/stdout, a FIFO: written in place, so only the device itself must be writable.
            if (!Files.isWritable(path)) {
                throw problem("permission denied");
            }
            return;
        }
        // The nearest ancestor that exists: missing directories are made, but not inside a file.
        Path ancestor = path.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        Path existing = ancestor == null ? Path.of("").toAbsolutePath() : ancestor;
        if (!Files.isDirectory(existing)) {
            throw problem(Quote.shorten(existing.toString()) + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw problem("cannot create a file in " + Quote.shorten(existing.toString()) + ": "
                    + (readOnly(existing) ? "read-only file system" : "permission denied"));
        }
    }

    private static boolean readOnly(Path dir) {
        try {
            return Files.getFileStore(dir).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    /** An existing target that is neither a file nor a directory. */
    private boolean isDeviceOrPipe() {
        return Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path);
    }

    private boolean sameFileAs(OutputFile other) {
        if (isDeviceOrPipe() && other.isDeviceOrPipe()) {
            return false; // two outputs to /dev/null lose nothing that was meant to be kept
        }
        Path a = path.toAbsolutePath().normalize();
        Path b = other.path.toAbsolutePath().normalize();
        if (a.equals(b)) {
            return true;
        }
        try {
            // Links and "dir/../x" spellings of one existing file.
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private String where() {
        Path parent = path.toAbsolutePath().getParent();
        return Quote.shorten(String.valueOf(parent));
    }

    private Cli.UsageException problem(String what) {
        return new Cli.UsageException(option + ": " + Quote.shorten(given) + ": " + what);
    }

    /** An I/O failure in a person's words: "permission denied", "no space left on device". */
    static String plainWords(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof CharacterCodingException) {
            return "the text is not valid Unicode";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return lowerFirst(((FileSystemException) e).getReason());
        }
        // A write that fails mid-run is a plain IOException with the system's words ("No space left on device").
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : lowerFirst(Quote.shorten(message));
    }

    private static String lowerFirst(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1) : s;
    }
}
