package dev.scalelab.lesson;

import dev.scalelab.world.Scenario;

import java.util.List;

/**
 * A guided lesson: a starting system and the steps a teacher leads a class through. A lesson is a
 * data file ({@code src/main/resources/lessons/NN-id.json}), not code; {@link LessonLibrary} reads it.
 *
 * @param id      the file's id ("autoscaling-hpa"), stable: progress and links use it
 * @param title   "Autoscaling with the HPA"
 * @param pattern the pattern it teaches, one line: "horizontal autoscaling"
 * @param summary two or three sentences: what the class will see and learn
 * @param start   the system at the first step (a preset, with the lesson's changes merged over it)
 * @param panel   the panel the lesson opens on (its title in the navigation list)
 * @param steps   at least one
 */
public record Lesson(String id, String title, String pattern, String summary, Scenario start, String panel, List<Step> steps) {

    public Lesson {
        steps = List.copyOf(steps);
    }
}
