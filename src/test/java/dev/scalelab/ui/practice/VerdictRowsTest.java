package dev.scalelab.ui.practice;

import dev.scalelab.practice.Verdict;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VerdictRowsTest {

    @Test
    void theMeasuredValuesTooltipListsEverySeed() {
        Verdict verdict = PracticeFixture.failingVerdict(PracticeFixture.challenge());

        assertEquals("The worst seed's value. Seed 7: 180 ms · seed 8: 2,140 ms · seed 9: 190 ms",
                VerdictRows.perSeed(verdict.requirements().get(0), verdict.seeds()));
    }

}
