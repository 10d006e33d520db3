package dev.scalelab.ui.practice;

import dev.scalelab.world.Scenario;

import java.util.List;

/**
 * The candidate's design as the Practice panel submits it, from the live run. When the challenge
 * lets the candidate schedule (its {@code timeline} knob: raise the floor a minute before the sale,
 * add a shard live), the design is the recorded run: the start with every change the candidate made
 * at the moment they made it. Otherwise it is the start with the changes folded into its starting
 * values (where Reset starts over), so a knob turned at 0:40 counts from the first second, as the
 * candidate means it, and not as a change the challenge forbids on its timeline.
 */
final class Designs {
    /** The knob that lets a candidate put changes and actions on the timeline. */
    static final String TIMELINE_KNOB = "timeline";

    private Designs() {
    }

    /**
     * @param restart  the runner's restart scenario: the initial one, its own timeline, the changes folded in
     * @param recorded the runner's recorded scenario: the initial one with the user's commands in its timeline
     */
    static Scenario design(Scenario restart, Scenario recorded, List<String> knobs) {
        return knobs.contains(TIMELINE_KNOB) ? recorded : restart;
    }
}
