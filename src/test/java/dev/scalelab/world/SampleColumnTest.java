package dev.scalelab.world;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SampleColumnTest {

    @Test
    void theHeaderNamesEachColumnWithItsUnit() {
        assertEquals("time_s,offered_per_s,throughput_per_s,rejected_per_s,failed_per_s,mean_ms,p50_ms,p99_ms,"
                + "ready_instances_count,desired_instances_count,utilization_ratio,queued_count,cost_dollars_per_hour,"
                + "cost_dollars", Sample.CSV_HEADER);
    }

    @Test
    void aRowWritesEachColumnInItsFormat() {
        Sample s = new Sample(12.5, 100, 98.25, 1, 0.75, Double.NaN, 10.123456, 250, 3, 4, 0.6666666, 17, 0.384, 0.0013333333);
        assertEquals("12.5,100.0000,98.2500,1.0000,0.7500,,10.1235,250.0000,3,4,0.6667,17,0.3840,0.001333", s.toCsv());
    }

    @Test
    void onlyTheMeanAndTheQueueAreNotCharted() {
        for (SampleColumn c : SampleColumn.values()) {
            assertEquals(c != SampleColumn.MEAN && c != SampleColumn.QUEUED, c.charted(), c.name());
        }
    }
}
