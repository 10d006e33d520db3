package dev.scalelab.ui.compare;

import dev.scalelab.compare.Differences;
import dev.scalelab.compare.LiveFigures;
import dev.scalelab.practice.Headline;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.World;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The difference table's numbers and the dialog's checks, without a window. */
class DifferenceTableTest {

    @Test
    void eachRowIsBothSnapshotsFiguresAndTheirDifferenceBMinusA() {
        Scenario a = Presets.load("full-stack");
        Scenario b = Differences.parse("service.instances=8", a).applyTo(a);
        World wa = new World(a);
        World wb = new World(b);
        wa.advanceTo(Simulation.secondsToNanos(40));
        wb.advanceTo(Simulation.secondsToNanos(40));
        Snapshot sa = wa.snapshot();
        Snapshot sb = wb.snapshot();
        List<DifferenceTable.Row> rows = DifferenceTable.rows(sa, sb);
        double[] fa = LiveFigures.of(sa);
        double[] fb = LiveFigures.of(sb);
        assertFalse(rows.stream().anyMatch(r -> r.figure() == Headline.MEAN_INSTANCES), "a figure neither snapshot has is left out");
        assertTrue(rows.size() >= 8, "full-stack has nearly every figure: " + rows);
        for (DifferenceTable.Row r : rows) {
            assertEquals(fa[r.figure().ordinal()], r.a(), 0.0);
            assertEquals(fb[r.figure().ordinal()], r.b(), 0.0);
            assertEquals(fb[r.figure().ordinal()] - fa[r.figure().ordinal()], r.difference(), 0.0, r.figure().key());
        }
        DifferenceTable.Row cost = rows.stream().filter(r -> r.figure() == Headline.COST_PER_HOUR).findFirst().orElseThrow();
        assertEquals(sb.scaling().costDollars() * 90 - sa.scaling().costDollars() * 90, cost.difference(), 1e-9);
        assertTrue(cost.difference() > 0, "eight instances cost more than four");
        assertEquals(String.format(java.util.Locale.ROOT, "+%.1f %%", cost.difference() / cost.a() * 100), cost.relative());
    }

    @Test
    void figuresAreWrittenInTheirUnitsAndDifferencesWithTheirSign() {
        assertEquals("191 ms", dev.scalelab.seeds.HeadlineText.value(Headline.P99_MS, 191.2));
        assertEquals("1.83 %", dev.scalelab.seeds.HeadlineText.value(Headline.DB_STALE_RATIO, 0.0183));
        assertEquals("–", dev.scalelab.seeds.HeadlineText.value(Headline.CACHE_HIT_RATIO, Double.NaN));
        assertEquals("−2.56 ms", dev.scalelab.seeds.HeadlineText.change(Headline.P99_MS, -2.56));
        assertEquals("+0.38 $/h", dev.scalelab.seeds.HeadlineText.change(Headline.COST_PER_HOUR, 0.384));
        assertEquals("0.00 %", dev.scalelab.seeds.HeadlineText.change(Headline.ERROR_RATIO, -0.0000001));
        dev.scalelab.runtime.Summary s = dev.scalelab.runtime.Summary.of(-0.5, -0.3, -0.4);
        assertEquals("−0.40 ± " + String.format(java.util.Locale.ROOT, "%.2f", (s.ciHigh() - s.ciLow()) / 2),
                dev.scalelab.seeds.HeadlineText.compactInterval(Headline.P99_MS, s));
    }

    @Test
    void theDialogNamesTheLineAndFieldOfABadChangeAndNeedsAScenarioForTheOtherSource() {
        Scenario live = Presets.load("full-stack");
        CompareDialogModel m = new CompareDialogModel(() -> live);
        assertTrue(m.problemProperty().get().startsWith("Changes: write at least one"), m.problemProperty().get());
        m.changesProperty().set("service.instances=6\nservice.queueCapacity=-1");
        assertTrue(m.problemProperty().get().startsWith("line 2, service.queueCapacity: -1"), m.problemProperty().get());
        m.changesProperty().set("service.instances=6");
        assertEquals("", m.problemProperty().get());
        CompareDialogModel.Request r = m.request();
        assertEquals("service.instances=6", r.labelB(), "B is named after its changes when the label is blank");
        assertEquals(6, r.variantB(live).service().instances());

        m.sourceProperty().set(CompareDialogModel.Source.SCENARIO);
        assertTrue(m.problemProperty().get().startsWith("Scenario: choose a preset"), m.problemProperty().get());
        m.presetProperty().set("cache-stampede");
        assertEquals("", m.problemProperty().get());
        Scenario other = m.request().variantB(live);
        assertEquals(live.seed(), other.seed(), "the other scenario runs on A's seed");
        assertEquals(live.durationSeconds(), other.durationSeconds(), 0.0, "and stops with A");
        m.labelAProperty().set(" ");
        assertTrue(m.problemProperty().get().startsWith("Label A"), m.problemProperty().get());
    }
}
