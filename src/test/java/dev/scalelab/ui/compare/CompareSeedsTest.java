package dev.scalelab.ui.compare;

import dev.scalelab.compare.Differences;
import dev.scalelab.practice.Headline;
import dev.scalelab.seeds.SeedBands;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.scalelab.ui.FxWait.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Run N seeds" of the compare bar: both designs on the same seeds, each difference as SeedBands tests it. */
class CompareSeedsTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // the runs report back on the FX thread
    }

    @Test
    void bothDesignsRunOnTheSameSeedsAndEachDifferenceIsMarkedAsSeedBandsFindsIt() throws Exception {
        Scenario a = Presets.load("default").withDurationSeconds(60);
        Scenario b = Differences.parse("service.instances=2", a).applyTo(a);
        CompletableFuture<Map<Headline, SeedBands.Difference>> found = new CompletableFuture<>();
        CompletableFuture<Integer> count = new CompletableFuture<>();
        CompareSeeds seeds = onFx(() -> new CompareSeeds(), 5);
        onFx(() -> {
            seeds.run(3, CompletableFuture.completedFuture(List.of(a, b)), (n, d) -> {
                count.complete(n);
                found.complete(d);
            });
            return null;
        }, 5);
        Map<Headline, SeedBands.Difference> got = found.get(120, TimeUnit.SECONDS);
        assertEquals(3, count.get());
        assertFalse(onFx(() -> seeds.runningProperty().get(), 5));
        assertTrue(onFx(() -> seeds.messageProperty().get(), 5).startsWith("3 seeds from seed " + a.seed()));

        SeedBands.Runs ra = SeedBands.run("A", a, a.seed(), 3, 1, null, null);
        SeedBands.Runs rb = SeedBands.run("B", b, a.seed(), 3, 1, null, null);
        SeedBands.Difference p99 = SeedBands.difference(ra, rb, Headline.P99_MS);
        assertEquals(p99.ofDifferences(), got.get(Headline.P99_MS).ofDifferences(), "the same seeds give the same interval");
        assertTrue(got.get(Headline.P99_MS).significant(), "two instances at the default's load (full) instead of four is slower beyond the noise: "
                + got.get(Headline.P99_MS).ofDifferences());
        assertTrue(got.get(Headline.COST_PER_HOUR).ofDifferences().mean() < 0, "and cheaper");
    }
}
