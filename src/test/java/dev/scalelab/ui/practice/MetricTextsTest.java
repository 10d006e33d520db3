package dev.scalelab.ui.practice;

import dev.scalelab.practice.Metric;
import dev.scalelab.practice.Requirement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricTextsTest {

    @Test
    void ratiosReadAsPercentagesToTheDigitsThatMatter() {
        assertEquals("0.4 %", MetricTexts.percent(0.004));
        assertEquals("0.05 %", MetricTexts.percent(0.0005));
        assertEquals("99.95 %", MetricTexts.percent(0.9995), "not rounded up to 100 %");
        assertEquals("99.9 %", MetricTexts.percent(0.999));
        assertEquals("12.5 %", MetricTexts.percent(0.125));
        assertEquals("100 %", MetricTexts.percent(1));
        assertEquals("0 %", MetricTexts.percent(0));
    }

    @Test
    void eachUnitHasItsOwnWriting() {
        assertEquals("2,140 ms", MetricTexts.value(Metric.P99_MS, 2140));
        assertEquals("12.3 s", MetricTexts.value(Metric.P99_MS, 12_340));
        assertEquals("$0.19/h", MetricTexts.value(Metric.COST_PER_HOUR, 0.192));
        assertEquals("1.35×", MetricTexts.value(Metric.AMPLIFICATION, 1.349));
        assertEquals("3 writes", MetricTexts.value(Metric.LOST_WRITES, 3));
        assertEquals("not closed", MetricTexts.value(Metric.BREAKER_CLOSED_AT_END, 0));
        assertEquals("–", MetricTexts.value(Metric.P99_MS, Double.NaN));
    }

    @Test
    void aTargetSaysWhichSideOfTheBoundPasses() {
        assertEquals("≤ 250 ms", MetricTexts.target(new Requirement("p99", Metric.P99_MS, null, 250.0, null, "p99")));
        assertEquals("≥ 99.9 %", MetricTexts.target(new Requirement("up", Metric.AVAILABILITY, null, null, 0.999, "up")));
        assertEquals("closed", MetricTexts.target(new Requirement("b", Metric.BREAKER_CLOSED_AT_END, "payments", null, 1.0, "b")));
    }
}
