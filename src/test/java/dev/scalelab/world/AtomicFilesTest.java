package dev.scalelab.world;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFilesTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static void assumePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void rewritingAFileKeepsItsPermissions(@TempDir Path dir) throws Exception {
        assumePosix();
        for (String mode : List.of("rw-r--r--", "rw-rw----", "rwx------")) {
            Path file = dir.resolve("report-" + mode + ".json");
            Files.writeString(file, "old");
            Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(mode);
            Files.setPosixFilePermissions(file, permissions);
            AtomicFiles.write(file, "new");
            assertEquals("new", Files.readString(file));
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            // The app's Save goes through the same code.
            ScenarioFiles.writeAtomically(file, "newer");
            assertEquals("newer", Files.readString(file));
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void aNewFileGetsTheDefaultPermissionsNotSixHundred(@TempDir Path dir) throws Exception {
        assumePosix();
        // What the umask gives a plain new file here, whatever the umask is.
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("written.json");
        ScenarioFiles.writeAtomically(written, "{}");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
        try (AtomicFiles.Pending p = AtomicFiles.open(dir.resolve("streamed.csv"))) {
            p.writer().write("a,b\n");
            p.commit();
        }
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve("streamed.csv")));
    }

    @Test
    void streamingWritesToAHiddenTemporaryFileUntilCommit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("series.csv");
        Files.writeString(file, "old");
        try (AtomicFiles.Pending p = AtomicFiles.open(file)) {
            p.writer().write("t,x\n1,2\n");
            p.writer().flush();
            List<String> during = names(dir);
            assertEquals(2, during.size(), during.toString());
            String tmp = during.get(0);
            assertEquals(true, tmp.startsWith(".series.csv.") && tmp.endsWith(".tmp"), tmp);
            assertEquals("old", Files.readString(file)); // the old file is untouched until the commit
            p.commit();
        }
        assertEquals("t,x\n1,2\n", Files.readString(file));
        assertEquals(List.of("series.csv"), names(dir));
    }

    @Test
    void closingWithoutACommitDeletesTheTemporaryFileAndTheDirectoriesMadeForIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a/b/trace.csv");
        try (AtomicFiles.Pending p = AtomicFiles.open(file)) {
            p.writer().write("half a row");
            assertEquals(List.of("a"), names(dir));
        }
        assertEquals(List.of(), names(dir));

        Files.writeString(dir.resolve("kept.json"), "old");
        try (AtomicFiles.Pending p = AtomicFiles.open(dir.resolve("kept.json"))) {
            p.writer().write("new");
        }
        assertEquals("old", Files.readString(dir.resolve("kept.json")));
        assertEquals(List.of("kept.json"), names(dir));
    }

    @Test
    void anUnusablePathFailsAtOpenAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        assertThrows(IOException.class, () -> AtomicFiles.open(file.resolve("r.json")));
        assertThrows(IOException.class, () -> AtomicFiles.open(file.resolve("sub/r.json")));
        assertEquals(List.of("afile"), names(dir));
    }

    @Test
    void aLoneSurrogateIsAnErrorNotAQuestionMark(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        assertThrows(java.nio.charset.CharacterCodingException.class, () -> AtomicFiles.write(file, "{\"name\":\"x\uD800\"}"));
        assertFalse(Files.exists(file));
        assertEquals(List.of(), names(dir));
    }

    @Test
    void aLinkIsFollowedAndStaysALink(@TempDir Path dir) throws Exception {
        Path real = Files.createDirectories(dir.resolve("shared")).resolve("report.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("report.json"), real);
        AtomicFiles.write(link, "new");
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertEquals("new", Files.readString(real));
        assertEquals(List.of("report.json"), names(real.getParent()), "no temporary file is left beside the real file");
    }

    @Test
    void aDeviceIsWrittenInPlaceNotReplaced() throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
        // Moving a finished temporary file over /dev/null would make it a regular file (root may do so).
        AtomicFiles.write(devNull, "discarded");
        assertTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "/dev/null is still a device");
        assertEquals(0, Files.size(devNull));
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.exists(devFull) && !Files.isRegularFile(devFull));
        IOException full = assertThrows(IOException.class, () -> AtomicFiles.write(devFull, "x".repeat(100_000)));
        assertTrue(String.valueOf(full.getMessage()).contains("No space left on device"), full.getMessage());
        assertFalse(Files.isRegularFile(devFull));
    }
}
