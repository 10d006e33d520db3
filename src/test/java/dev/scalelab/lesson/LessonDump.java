package dev.scalelab.lesson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Locale;

/**
 * Authoring aid, not a check: prints every probe at each step's stop, to choose a prediction's ranges and
 * the numbers a step's text quotes. {@code mvn -o test -Dtest=LessonDump -Dlesson.dump=all} (or {@code =ID}).
 */
class LessonDump {
    @Test
    @EnabledIfSystemProperty(named = "lesson.dump", matches = ".+")
    void dump() {
        String only = System.getProperty("lesson.dump").equals("all") ? "" : System.getProperty("lesson.dump");
        for (Lesson l : LessonLibrary.all()) {
            if (!only.isEmpty() && !l.id().equals(only)) {
                continue;
            }
            long t0 = System.nanoTime();
            LessonPlayer p = new LessonPlayer(l);
            System.out.println("=== " + l.id());
            for (int i = 0; i < l.steps().size(); i++) {
                LessonPlayer.Outcome o = p.play(i);
                StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "  [%d] %.3f s %s answer=%d value=%.4f |",
                        i, o.stoppedAtSeconds(), o.hit() == null ? "" : o.hit().trigger(), o.answer(), o.probeValue()));
                for (Probe probe : Probe.values()) {
                    double v = probe.value(o.snapshot());
                    if (!Double.isNaN(v)) {
                        s.append(String.format(Locale.ROOT, " %s=%.4g", probe.id(), v));
                    }
                }
                if (System.getProperty("ids") != null) {
                    s.append(" ids=").append(o.snapshot().instances().stream().map(v -> v.id() + ":" + v.state()).toList());
                }
                System.out.println(s);
            }
            System.out.println("  wall " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }
}
