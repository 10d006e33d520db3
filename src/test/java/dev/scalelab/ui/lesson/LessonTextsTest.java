package dev.scalelab.ui.lesson;

import dev.scalelab.lesson.RunUntil;
import dev.scalelab.world.Breakpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bar's texts, and the command-time rule the controller uses to know where a step's run starts. */
class LessonTextsTest {

    @Test
    void measuredValuesWithTheirUnits() {
        assertEquals("612 ms", LessonTexts.value(612.4, "ms"));
        assertEquals("12.3 ms", LessonTexts.value(12.34, "ms"));
        assertEquals("7", LessonTexts.value(7, ""));
        assertEquals("93.4 %", LessonTexts.value(93.44, "%"));
        assertEquals("1,250 req/s", LessonTexts.value(1250.2, "req/s"));
        assertEquals("–", LessonTexts.value(Double.NaN, "ms"));
    }

    @Test
    void whereARunGoes() {
        assertEquals("00:00", LessonController.clock(0));
        assertEquals("01:30", LessonController.clock(90));
        assertEquals("12:41", LessonController.clock(761.9));
        assertEquals("to 01:55", LessonController.until(new RunUntil(115, null, 0)));
        assertEquals("until p99 above 500 ms (at the latest 02:00)",
                LessonController.until(new RunUntil(0, Breakpoint.parse("p99-above=500"), 120)));
    }

    @Test
    void eachChangeTakesEffectAtTheNextWholeMillisecond() {
        assertEquals(2.0, LessonController.afterChanges(2.0, 0), 0);
        assertEquals(2.001, LessonController.afterChanges(2.0, 1), 1e-12);
        assertEquals(2.002, LessonController.afterChanges(2.0, 2), 1e-12);
        assertEquals(41.235, LessonController.afterChanges(41.2345678, 1), 1e-12);
    }

    @Test
    void problemsAreOneLineFromTheRootCause() {
        RuntimeException error = new RuntimeException("outer", new IllegalStateException("the file is damaged\nat line 3"));
        assertEquals("the file is damaged", LessonTexts.rootMessage(error));
    }
}
