package dev.scalelab.ui.practice;

import dev.scalelab.world.Scenario;
import dev.scalelab.world.Scenario.TimelineEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The candidate's design as the Practice panel submits it, from the live run: its starting values
 * with every parameter change folded in (where Reset starts over), so a knob turned at 0:40 counts
 * from the first second, as the candidate means it. When the challenge lets the candidate schedule
 * actions (its {@code timeline} knob, as "add a shard live"), the actions the candidate took in the
 * run are kept at their moments, since they happened at a time, not to a setting.
 */
final class Designs {
    /** The knob that lets a candidate put actions on the timeline. */
    static final String TIMELINE_KNOB = "timeline";

    private Designs() {
    }

    /**
     * @param restart  the runner's restart scenario: the initial one, its own timeline, the changes folded in
     * @param recorded the runner's recorded scenario: the initial one with the user's commands in its timeline
     */
    static Scenario design(Scenario restart, Scenario recorded, List<String> knobs) {
        if (!knobs.contains(TIMELINE_KNOB)) {
            return restart;
        }
        List<TimelineEntry> own = new ArrayList<>(restart.timeline());
        List<TimelineEntry> entries = new ArrayList<>(restart.timeline());
        for (TimelineEntry e : recorded.timeline()) {
            // The recorded timeline is the scenario's own entries with the user's merged in: take out
            // one of the own for each match, and keep the user's actions (their sets are folded in already).
            if (!own.remove(e) && !"set".equals(e.command())) {
                entries.add(e);
            }
        }
        entries.sort(Comparator.comparingDouble(TimelineEntry::atSeconds)); // stable: the scenario's own first
        return restart.withTimeline(entries);
    }
}
