package dev.scalelab.ui.estimator;

import dev.scalelab.ui.estimator.EstimateForm.Input;
import dev.scalelab.ui.estimator.EstimateForm.Kind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EstimateFormTest {
    private static final Input RATE = new Input("rate", "Arrival rate", "req/s", "1", Kind.POSITIVE, "");
    private static final Input WORKERS = new Input("workers", "Workers / instance", "", "1", Kind.COUNT, "");
    private static final Input TARGET = new Input("target", "Target utilisation", "%", "70", Kind.PERCENT, "");
    private static final Input HEADROOM = new Input("headroom", "Headroom", "×", "1.5", Kind.FACTOR, "");
    private static final Input SIZE = new Input("size", "Instance size", "", "medium", Kind.SIZE, "");

    @Test
    void aFieldReadsAsItsKindMeansIt() {
        assertEquals(12_000, EstimateForm.read(RATE, " 12,000 "));
        assertEquals(0.7, EstimateForm.read(TARGET, "70 %"), 1e-12);
        assertEquals(8, EstimateForm.read(WORKERS, "8"));
        assertEquals(1, EstimateForm.read(HEADROOM, "1"));
        assertEquals(2, EstimateForm.read(SIZE, "Large"), "the size's ordinal");
    }

    @Test
    void eachProblemNamesTheFieldAndWhatIsWrong() {
        assertEquals("Arrival rate: \"fast\" is not a number", problem(RATE, "fast"));
        assertEquals("Arrival rate: a number is needed", problem(RATE, " "));
        assertEquals("Arrival rate: must be more than 0", problem(RATE, "0"));
        assertEquals("Workers / instance: must be a whole number, at least 1", problem(WORKERS, "2.5"));
        assertEquals("Target utilisation: must be between 0 and 100 %, both excluded", problem(TARGET, "100"));
        assertEquals("Headroom: must be at least 1 (1.5 is 50 % more)", problem(HEADROOM, "0.9"));
        assertEquals("Instance size: \"huge\" is not a size; one of small, medium, large, xlarge", problem(SIZE, "huge"));
        assertEquals("Arrival rate: \"NaN\" is not a finite number", problem(RATE, "NaN"));
    }

    private static String problem(Input in, String text) {
        return assertThrows(IllegalArgumentException.class, () -> EstimateForm.read(in, text)).getMessage();
    }
}
