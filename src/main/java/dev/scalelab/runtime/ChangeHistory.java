package dev.scalelab.runtime;

import dev.scalelab.world.Scenario;

import java.util.ArrayDeque;

/**
 * The user's changes to the running scenario, for Undo and Redo and the "modified" mark. Confined
 * to the simulation thread, like the world whose changes it records.
 *
 * <p>"Modified" means the user did something (a setting or an action) since the scenario started.
 * Starting over keeps it true when the scenario started is the previous run's restart scenario
 * (Reset, Play after the end: the user's settings folded in) and differs from the original; any
 * other scenario (a preset, a file, Revert) is a new original and clears it.
 */
final class ChangeHistory {
    /** How many changes Undo can take back: enough for a session, bounded like every log here. */
    static final int DEPTH = 200;

    /** One {@code set} of {@code path}, with the value it replaced and the value it left. */
    record Change(String path, Object before, Object after) {
    }

    private final ArrayDeque<Change> undo = new ArrayDeque<>();
    private final ArrayDeque<Change> redo = new ArrayDeque<>();
    private Scenario original;
    private boolean modified;

    ChangeHistory(Scenario original) {
        this.original = original;
    }

    /**
     * A new world starts from {@code scenario}; {@code restartOfPrevious} is the restart scenario
     * of the world it replaces (null when there was none). Undo and Redo start empty.
     */
    void started(Scenario scenario, Scenario restartOfPrevious) {
        undo.clear();
        redo.clear();
        if (scenario.equals(restartOfPrevious)) {
            modified = !scenario.equals(original);
        } else {
            original = scenario;
            modified = false;
        }
    }

    /** The user changed a setting; Undo can take it back, and what Redo held is gone. */
    void changed(Change c) {
        modified = true;
        push(undo, c);
        redo.clear();
    }

    /** The user did something that is not a setting (an action, a change of nothing that Undo could restore). */
    void acted() {
        modified = true;
    }

    /** The change Undo takes back next, removed; null when none. */
    Change takeUndo() {
        return undo.pollFirst();
    }

    /** {@code c} was taken back: Redo can give it again. */
    void undone(Change c) {
        modified = true;
        push(redo, c);
    }

    /** The change Redo gives again next, removed; null when none. */
    Change takeRedo() {
        return redo.pollFirst();
    }

    /** {@code c} was given again: Undo can take it back. */
    void redone(Change c) {
        modified = true;
        push(undo, c);
    }

    boolean modified() {
        return modified;
    }

    int undoDepth() {
        return undo.size();
    }

    int redoDepth() {
        return redo.size();
    }

    private static void push(ArrayDeque<Change> stack, Change c) {
        stack.addFirst(c);
        if (stack.size() > DEPTH) {
            stack.removeLast();
        }
    }
}
