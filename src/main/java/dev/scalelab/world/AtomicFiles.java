package dev.scalelab.world;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes files atomically: the content goes to a hidden temporary file next to the target
 * ({@code .report.json.<pid>.<n>.tmp}), which is moved over the target only when it is complete, so a
 * crash or a kill never leaves a half-written file and never damages the old one.
 *
 * <p>The temporary file is created with the default permissions (the umask decides), not with
 * {@code Files.createTempFile}'s 0600, and when it replaces a file it takes that file's POSIX
 * permissions: rewriting a 0644 report keeps it 0644.
 *
 * <p>Temporary files still open when the JVM shuts down (SIGTERM, Ctrl-C, {@code System.exit}) are
 * deleted by a shutdown hook, with any directories created for them.
 */
public final class AtomicFiles {
    /** Files being written: what the shutdown hook deletes. */
    private static final Set<Pending> PENDING = ConcurrentHashMap.newKeySet();
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::discardPending, "scalelab-temporary-files"));
        } catch (IllegalStateException shuttingDown) {
            // First used while the JVM exits: nothing will be pending for long.
        }
    }

    private AtomicFiles() {
    }

    /** Writes {@code content} (UTF-8) to {@code file} atomically, creating missing parent directories. */
    public static void write(Path file, String content) throws IOException {
        try (Pending p = open(file)) {
            p.writer().write(content);
            p.commit();
        }
    }

    /**
     * Starts writing {@code file}: creates missing parent directories and the hidden temporary file
     * at once, so an unusable path fails here, before any work. Write through {@link Pending#writer} (text) or {@link Pending#stream} (bytes),
     * then {@link Pending#commit}; closing without a commit deletes the temporary file.
     */
    public static Pending open(Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(target)) {
            // A link is followed: the file it names is replaced, and the link stays a link.
            try {
                target = target.toRealPath();
            } catch (IOException danglingOrNotAFile) {
                // A dangling link, or one to something without a path (a pipe): left as it is.
            }
        }
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
            // A device or a pipe (/dev/null, /dev/stdout, a FIFO) has no content to replace: it is
            // written as it is. Moving a file over it would replace the device itself.
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.WRITE), 1 << 16);
            return new Pending(target, null, out, List.of());
        }
        Path dir = target.getParent();
        if (dir == null || target.getFileName() == null) {
            throw new IOException(file + ": not a file name");
        }
        List<Path> createdDirectories = createDirectories(dir);
        try {
            for (int attempt = 0; ; attempt++) {
                Path tmp = dir.resolve("." + target.getFileName() + "." + PID + "." + COUNTER.incrementAndGet() + ".tmp");
                try {
                    // CREATE_NEW with no attributes: the umask decides the mode, not a fixed 0600.
                    OutputStream out = new BufferedOutputStream(
                            Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
                    Pending p = new Pending(target, tmp, out, createdDirectories);
                    PENDING.add(p);
                    return p;
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= 100) {
                        throw e;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            deleteDirectories(createdDirectories);
            throw e;
        }
    }

    /** A file being written (through a temporary file, or in place when it is a device or a pipe). Not thread-safe: one writer thread. */
    public static final class Pending implements Closeable {
        private final Path target;
        private final Path tmp;
        private final OutputStream out;
        /** Made on first use, over {@link #out}; a file is written as text or as bytes, not both. */
        private Writer writer;
        private final List<Path> createdDirectories;
        private boolean done;

        private Pending(Path target, Path tmp, OutputStream out, List<Path> createdDirectories) {
            this.target = target;
            this.tmp = tmp;
            this.out = out;
            this.createdDirectories = createdDirectories;
        }

        /** For text: buffered; UTF-8 with strict encoding (a lone surrogate is an error, not a silent "?"). */
        public Writer writer() {
            if (writer == null) {
                writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()), 1 << 16);
            }
            return writer;
        }

        /** For bytes (a picture): buffered. */
        public OutputStream stream() {
            if (writer != null) {
                throw new IllegalStateException(target + ": already written as text");
            }
            return out;
        }

        /** Flushes and closes the writer if text was written, else the stream. */
        private void closeOutput() throws IOException {
            if (writer != null) {
                writer.close();
            } else {
                out.close();
            }
        }

        /** The file this will replace, absolute. */
        public Path target() {
            return target;
        }

        /** Flushes, closes and moves the temporary file over the target, keeping the target's permissions. */
        public void commit() throws IOException {
            if (done) {
                throw new IllegalStateException("already committed or discarded: " + target);
            }
            closeOutput();
            if (tmp == null) {
                done = true; // written in place: a device or a pipe
                return;
            }
            copyPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            PENDING.remove(this);
        }

        /** Without a commit: deletes the temporary file and the directories made for it. */
        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            try {
                closeOutput();
            } catch (IOException ignored) {
                // The file is deleted next; what could not be flushed does not matter.
            }
            discard();
            PENDING.remove(this);
        }

        private void discard() {
            if (tmp == null) {
                return;
            }
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Nothing better to do on the way out.
            }
            deleteDirectories(createdDirectories);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) {
            return;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(from);
            Files.setPosixFilePermissions(to, mode);
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: the new file keeps the default permissions.
        }
    }

    /** Creates the missing directories down to {@code dir}; returns them, outermost first. */
    private static List<Path> createDirectories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.push(p);
        }
        List<Path> created = new ArrayList<>();
        try {
            for (Path p : missing) {
                Files.createDirectory(p);
                created.add(p);
            }
        } catch (IOException e) {
            deleteDirectories(created);
            throw e;
        }
        return created;
    }

    /** Deletes directories this class made, innermost first; one that is not empty stays. */
    private static void deleteDirectories(List<Path> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i));
            } catch (IOException stillUsed) {
                return;
            }
        }
    }

    /** The shutdown hook: every temporary file first, then the directories, deepest first. */
    private static void discardPending() {
        List<Path> directories = new ArrayList<>();
        for (Pending p : PENDING) {
            try {
                Files.deleteIfExists(p.tmp);
            } catch (IOException ignored) {
                // Best effort while the JVM exits.
            }
            directories.addAll(p.createdDirectories);
        }
        directories.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path d : directories) {
            try {
                Files.deleteIfExists(d);
            } catch (IOException ignored) {
                // Not empty: something else lives there now.
            }
        }
    }
}
