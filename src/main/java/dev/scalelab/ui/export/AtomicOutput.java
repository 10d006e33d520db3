package dev.scalelab.ui.export;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A binary file written atomically (a picture): the bytes go to a hidden temporary file beside the
 * target, moved over it only when complete, so a failed or cancelled export never leaves half a
 * file and never damages the one it would replace. Text files go through {@code AtomicFiles}.
 */
final class AtomicOutput implements Closeable {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();

    private final Path target;
    private final Path tmp;
    private final OutputStream out;
    private boolean done;

    private AtomicOutput(Path target, Path tmp, OutputStream out) {
        this.target = target;
        this.tmp = tmp;
        this.out = out;
    }

    /** Creates the temporary file at once, so an unusable path fails before any work. */
    static AtomicOutput open(Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (dir == null || target.getFileName() == null) {
            throw new IOException(file + ": not a file name");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such folder");
        }
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + target.getFileName() + "." + PID + "." + COUNTER.incrementAndGet() + ".tmp");
            try {
                OutputStream out = new BufferedOutputStream(
                        Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
                return new AtomicOutput(target, tmp, out);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    OutputStream stream() {
        return out;
    }

    Path target() {
        return target;
    }

    /** Flushes, closes and moves the temporary file over the target. */
    void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("already committed or discarded: " + target);
        }
        out.close();
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
    }

    /** Without a commit: deletes the temporary file; the target is as it was. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            out.close();
        } catch (IOException ignored) {
            // The file is deleted next; what could not be flushed does not matter.
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // Nothing better to do: the export already reports its own failure.
        }
    }
}
