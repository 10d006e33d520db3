package dev.scalelab.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutputFileTest {

    @Test
    void ioFailuresAreSaidInPlainWords() {
        assertEquals("permission denied", OutputFile.plainWords(new AccessDeniedException("/sys/.r.json.1.1.tmp")));
        assertEquals("read-only file system", OutputFile.plainWords(new FileSystemException("/x", null, "Read-only file system")));
        // What a full disk throws in the middle of a run (seen on a 256 KB tmpfs).
        assertEquals("no space left on device", OutputFile.plainWords(new IOException("No space left on device")));
        assertEquals("the text is not valid Unicode", OutputFile.plainWords(new MalformedInputException(1)));
        assertEquals("ENOSPC", OutputFile.plainWords(new IOException("ENOSPC")));
    }

    @Test
    void aWriteThatFailsDuringTheRunIsOneLineNamingTheOption() {
        OutputFile series = OutputFile.of("--timeseries", "series.csv", "series.csv");
        assertEquals("--timeseries: series.csv: cannot write: no space left on device",
                series.writeFailed(new IOException("No space left on device")).getMessage());
        OutputFile.checkAll(List.of(series)); // a plain file name in the working directory is fine
    }

    @Test
    void aPathEndingInASlashNamesADirectoryEvenBeforeItExists() {
        Cli.UsageException e = org.junit.jupiter.api.Assertions.assertThrows(Cli.UsageException.class,
                () -> OutputFile.checkAll(List.of(OutputFile.of("--out", "target/no-such-results/", "report.json"))));
        assertEquals("--out: target/no-such-results/: is a directory; give a file name such as target/no-such-results/report.json",
                e.getMessage());
    }
}
