package dev.scalelab.ui.practice;

import dev.scalelab.practice.Challenge;
import dev.scalelab.practice.ProgressStore;
import dev.scalelab.practice.Verdict;
import dev.scalelab.ui.FxWait;
import dev.scalelab.world.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Practice panel's state with a real progress store in a temporary home: statuses, attempts and hints kept. */
class PracticeViewModelTest {
    private static final long TIMEOUT_SECONDS = 8;
    private final Challenge challenge = PracticeFixture.challenge();

    @TempDir
    Path home;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private PracticeViewModel model(Path file, AtomicReference<Scenario> graded, Verdict verdict) throws Exception {
        return FxWait.onFx(() -> {
            PracticeViewModel model = new PracticeViewModel(() -> new ProgressStore(file),
                    (c, design, seeds, listener, cancelled) -> {
                        graded.set(design);
                        listener.seedDone(seeds, seeds);
                        return verdict;
                    });
            model.setChallenges(List.of(challenge));
            return model;
        }, TIMEOUT_SECONDS);
    }

    @Test
    void aVerdictIsSavedAndTheStatusFollowsIt() throws Exception {
        Path file = home.resolve(".scalelab/progress.json");
        AtomicReference<Scenario> graded = new AtomicReference<>();
        PracticeViewModel model = model(file, graded, PracticeFixture.failingVerdict(challenge));
        assertEquals("new", FxWait.onFx(() -> model.status(challenge), TIMEOUT_SECONDS));

        Scenario design = challenge.startScenario();
        FxWait.onFx(() -> {
            model.choose(challenge);
            model.submit(CompletableFuture.completedFuture(design));
            return null;
        }, TIMEOUT_SECONDS);
        FxWait.waitUntil(() -> FxWait.onFx(() -> model.verdictProperty().get() != null, TIMEOUT_SECONDS), TIMEOUT_SECONDS);

        assertSame(design, graded.get(), "the design the live run handed over is the one graded");
        assertEquals("attempted", FxWait.onFx(() -> model.status(challenge), TIMEOUT_SECONDS));
        assertEquals(1, FxWait.onFx(() -> model.statusRevisionProperty().get(), TIMEOUT_SECONDS));
        assertEquals(1, new ProgressStore(file).entry(challenge.id()).attempts(), "saved in the file");
        assertEquals("", FxWait.onFx(() -> model.noticeProperty().get(), TIMEOUT_SECONDS));
    }

    @Test
    void openedHintsAreRememberedForTheNextVisit() throws Exception {
        Path file = home.resolve(".scalelab/progress.json");
        PracticeViewModel first = model(file, new AtomicReference<>(), PracticeFixture.failingVerdict(challenge));
        FxWait.onFx(() -> {
            first.choose(challenge);
            first.showNextHint();
            first.showNextHint();
            return null;
        }, TIMEOUT_SECONDS);

        PracticeViewModel later = model(file, new AtomicReference<>(), PracticeFixture.failingVerdict(challenge));
        FxWait.onFx(() -> {
            later.choose(challenge);
            return null;
        }, TIMEOUT_SECONDS);

        assertEquals(2, FxWait.onFx(() -> later.hintsShownProperty().get(), TIMEOUT_SECONDS));
        assertEquals("Show hint 3 of 3", FxWait.onFx(later::nextHintText, TIMEOUT_SECONDS));
    }

    @Test
    void aDamagedProgressFileIsOneLineAndTheStoreStartsEmpty() throws Exception {
        Path file = home.resolve(".scalelab/progress.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ not json");

        PracticeViewModel model = model(file, new AtomicReference<>(), PracticeFixture.failingVerdict(challenge));

        String notice = FxWait.onFx(() -> model.noticeProperty().get(), TIMEOUT_SECONDS);
        assertTrue(notice.contains("progress.json") && !notice.contains("\n"), notice);
        assertEquals("new", FxWait.onFx(() -> model.status(challenge), TIMEOUT_SECONDS));
    }

    @Test
    void cancelIsHeardWhileTheLiveRunHasNotHandedTheDesignOver() throws Exception {
        AtomicReference<Scenario> graded = new AtomicReference<>();
        PracticeViewModel model = model(home.resolve("progress.json"), graded, PracticeFixture.failingVerdict(challenge));
        FxWait.onFx(() -> {
            model.choose(challenge);
            model.submit(new CompletableFuture<>()); // a simulation thread that never answers
            model.cancel();
            return null;
        }, TIMEOUT_SECONDS);

        FxWait.waitUntil(() -> FxWait.onFx(() -> !model.gradingRunningProperty().get(), TIMEOUT_SECONDS), TIMEOUT_SECONDS);
        assertEquals("Grading cancelled; the live run goes on.", FxWait.onFx(() -> model.gradingTextProperty().get(), TIMEOUT_SECONDS));
        assertEquals(null, graded.get(), "nothing was graded");
    }

    @Test
    void choosingAnotherChallengeCancelsTheGradingAndClearsItsProgress() throws Exception {
        AtomicReference<Scenario> graded = new AtomicReference<>();
        PracticeViewModel model = model(home.resolve("progress.json"), graded, PracticeFixture.failingVerdict(challenge));
        Challenge other = PracticeFixture.basic("basic-one", 1);
        FxWait.onFx(() -> {
            model.setChallenges(List.of(other, challenge));
            model.choose(challenge);
            model.submit(new CompletableFuture<>());
            model.choose(other);
            return null;
        }, TIMEOUT_SECONDS);

        assertEquals("", FxWait.onFx(() -> model.gradingTextProperty().get(), TIMEOUT_SECONDS));
        FxWait.waitUntil(() -> FxWait.onFx(() -> !model.gradingRunningProperty().get(), TIMEOUT_SECONDS), TIMEOUT_SECONDS);
        assertEquals("", FxWait.onFx(() -> model.gradingTextProperty().get(), TIMEOUT_SECONDS), "the old grading's end is not shown");
        assertEquals(null, FxWait.onFx(() -> model.verdictProperty().get(), TIMEOUT_SECONDS));
    }

    @Test
    void aGuessInPercentReadsAsTheRatioTheMetricMeasures() {
        assertEquals(0.005, PracticeViewModel.guess(challenge.predictions().get(1), "0.5 %").orElseThrow(), 1e-15);
        assertEquals(150.0, PracticeViewModel.guess(challenge.predictions().get(0), " 150 ").orElseThrow());
        assertTrue(PracticeViewModel.guess(challenge.predictions().get(0), "  ").isEmpty(), "a guess is optional");
    }
}
