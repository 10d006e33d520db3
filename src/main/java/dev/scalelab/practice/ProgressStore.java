package dev.scalelab.practice;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The candidate's progress, one entry per challenge, in a JSON file in the user's home directory
 * ({@code ~/.scalelab/progress.json}). Every save is atomic (a temporary file moved into place). A
 * damaged file (not JSON, wrong shape) is never fatal: it is moved aside to
 * {@code progress.json.damaged} (or {@code .damaged-2}, ...), {@link #problem()} says so in one line
 * naming both files, and the store starts empty.
 */
public final class ProgressStore {

    /** One challenge's progress: passed once or not, the best score, attempts graded, hints opened. */
    public record Entry(boolean passed, int bestScore, int attempts, int hintsOpened) {
        public static final Entry NONE = new Entry(false, 0, 0, 0);
    }

    public ProgressStore(Path file) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** {@code ~/.scalelab/progress.json} (from the {@code user.home} system property). */
    public static Path defaultFile() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Every challenge's entry, by challenge id (reads the file on first use). */
    public Map<String, Entry> entries() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The entry of {@code challengeId}, {@link Entry#NONE} when it has none. */
    public Entry entry(String challengeId) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Counts an attempt, keeps the best score and whether it ever passed; saves. Returns the new entry. */
    public Entry record(Verdict verdict) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Notes that the candidate opened {@code hintsOpened} hints of the challenge (never fewer than before); saves. */
    public Entry openedHints(String challengeId, int hintsOpened) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** What went wrong reading or saving the file, in one line, if anything did. */
    public Optional<String> problem() {
        throw new UnsupportedOperationException("not built yet");
    }
}
