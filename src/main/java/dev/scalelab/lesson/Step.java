package dev.scalelab.lesson;

import dev.scalelab.world.Scenario;

import java.util.List;

/**
 * One step of a lesson. On entering it the app shows {@code panel}, applies {@code changes} at the
 * current virtual time (recorded like the user's own changes, so a step replays exactly), outlines
 * {@code highlight}, asks {@code prediction} if there is one, and on Next runs until {@code runUntil}.
 *
 * @param title      a few words for the step list: "The spike arrives"
 * @param text       what to say and what to look at, two to four sentences
 * @param panel      the panel to show (its title), or null to stay on the current one
 * @param changes    timeline commands applied when the step starts ({@code atSeconds} is ignored: now);
 *                   sets of any field the timeline accepts, faults and actions
 * @param runUntil   where the step's run stops; null for a step that only explains (the run stays paused)
 * @param highlight  the element to outline, or null
 * @param prediction a question the run then answers, or null
 */
public record Step(String title, String text, String panel, List<Scenario.TimelineEntry> changes, RunUntil runUntil,
                   Highlight highlight, Prediction prediction) {

    public Step {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
