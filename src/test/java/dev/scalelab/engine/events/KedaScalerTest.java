package dev.scalelab.engine.events;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** KEDA's cap on the reported lag, as {@code getTotalLag} in kedacore/keda's {@code pkg/scalers/kafka_scaler.go}. */
class KedaScalerTest {

    @Test
    void lagBeyondOneThresholdPerPartitionIsCappedAtThePartitionCount() {
        // 12,400 / 1,000 = 12 > 8 partitions: reported as 8 x 1,000.
        assertEquals(8_000, KedaScaler.reportedLag(12_400, 8, 8, 1_000, false, false));
        assertEquals(5_000, KedaScaler.reportedLag(5_000, 8, 8, 1_000, false, false));
    }

    @Test
    void theCapComparesTheIntegerQuotientSoJustUnderTheNextConsumerPassesUncapped() {
        // 8,999 / 1,000 = 8 is not above 8: the lag is reported whole, and the HPA's ceil(8.999) asks for 9.
        assertEquals(8_999, KedaScaler.reportedLag(8_999, 8, 8, 1_000, false, false));
        assertEquals(8_000, KedaScaler.reportedLag(9_000, 8, 8, 1_000, false, false));
    }

    @Test
    void idleConsumersAllowedLeaveTheLagUncapped() {
        assertEquals(12_400, KedaScaler.reportedLag(12_400, 8, 8, 1_000, true, false));
    }

    @Test
    void limitToPartitionsWithLagCapsAtThosePartitionsEvenWithIdleConsumersAllowed() {
        assertEquals(3_000, KedaScaler.reportedLag(12_400, 8, 3, 1_000, false, true));
        assertEquals(3_000, KedaScaler.reportedLag(12_400, 8, 3, 1_000, true, true));
        assertEquals(2_500, KedaScaler.reportedLag(2_500, 8, 3, 1_000, true, true));
        assertEquals(0, KedaScaler.reportedLag(0, 8, 0, 1_000, false, true));
    }

    @Test
    void activationNeedsLagAboveTheThreshold() {
        assertFalse(KedaScaler.active(0, 0));
        assertTrue(KedaScaler.active(1, 0));
        assertFalse(KedaScaler.active(50, 50));
        assertTrue(KedaScaler.active(51, 50));
    }
}
