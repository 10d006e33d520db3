package dev.scalelab.runtime;

import dev.scalelab.sim.Simulation;
import dev.scalelab.world.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The branches of a run: the root ("main") from the scenario as loaded, and a fork each time the
 * user changed something at a moment they had gone back to. Loading or resetting a scenario starts a new set. Confined to the thread that
 * owns it (the runner's simulation thread); {@link #view()} is the immutable picture any thread may read.
 */
public final class Branches {
    /** A name the user gives: long enough for "cache warm, 8 instances", short enough for a menu. */
    public static final int MAX_NAME_LENGTH = 60;

    /**
     * The branches as they stand, in the order they were made, and which one runs. Immutable.
     *
     * @param version increases with every change, so a view can tell it has nothing new to show
     */
    public record View(List<Branch> branches, int currentId, long version) {
        public View {
            branches = List.copyOf(branches);
        }

        public Branch current() {
            return byId(currentId);
        }

        /** The branch with {@code id}, or null when there is none (it was deleted). */
        public Branch byId(int id) {
            for (Branch b : branches) {
                if (b.id() == id) {
                    return b;
                }
            }
            return null;
        }

        /** {@code b}'s parent, or null for the root. */
        public Branch parentOf(Branch b) {
            return b.isRoot() ? null : byId(b.parentId());
        }
    }

    private final List<Branch> branches = new ArrayList<>();
    private int currentId = Branch.ROOT_ID;
    private int forks;
    private long version;
    private View view;

    /** A new set: the root branch "main" on {@code base}, with no command of the user's yet. */
    public Branches(Scenario base) {
        branches.add(new Branch(Branch.ROOT_ID, "main", Branch.NO_PARENT, 0, Objects.requireNonNull(base), List.of(), 0));
        changed();
    }

    public View view() {
        return view;
    }

    public Branch current() {
        return byId(currentId);
    }

    /** A command of the user's took effect at its {@code atSeconds} on the current branch. */
    public void record(Scenario.TimelineEntry command) {
        replace(current().withCommand(command));
    }

    /** The run of the current branch got to {@code seconds}. */
    public void reached(double seconds) {
        Branch c = current();
        Branch r = c.reached(seconds);
        if (r != c) {
            replace(r);
        }
    }

    /**
     * Whether a change given at {@code nowNanos} needs a new branch: the run went back before where
     * the current branch got to, or before a command of the user's on it (the future the branch
     * holds, which the change would otherwise rewrite). In plain play neither holds and the change
     * extends the branch. A command given now takes effect at the next whole millisecond; one
     * recorded at or before {@code nowNanos} has already run and stays in the past either way.
     */
    public boolean forkNeeded(long nowNanos) {
        Branch c = current();
        return Simulation.secondsToNanos(c.reachedSeconds()) > nowNanos || c.hasCommandsAfter(nowNanos);
    }

    /**
     * A new branch from the current one at {@code nowNanos}: its commands up to that moment, none
     * after. It becomes the current branch, named "fork N at m:ss".
     */
    public Branch fork(long nowNanos) {
        Branch parent = current();
        double at = nowNanos / (double) Simulation.NANOS_PER_SECOND;
        int id = ++forks; // never reused: a deleted branch's id names nothing
        Branch child = new Branch(id, uniqueName("fork " + id + " at " + clock(at)), parent.id(), at, parent.base(),
                parent.commandsUpTo(nowNanos), at);
        branches.add(child);
        currentId = id;
        changed();
        return child;
    }

    /** Makes {@code id} the current branch; returns it. */
    public Branch switchTo(int id) {
        Branch b = existing(id);
        currentId = id;
        changed();
        return b;
    }

    /**
     * Renames {@code id}. A name is trimmed; an empty one, one longer than {@link #MAX_NAME_LENGTH}
     * or one another branch has is refused with a message that says so.
     */
    public void rename(int id, String name) {
        Branch b = existing(id);
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("branch name: empty; give the branch a name");
        }
        if (n.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("branch name: " + n.length() + " characters; at most " + MAX_NAME_LENGTH);
        }
        for (Branch other : branches) {
            if (other.id() != id && other.name().equalsIgnoreCase(n)) {
                throw new IllegalArgumentException("branch name: \"" + n + "\" is taken by another branch");
            }
        }
        replace(b.withName(n));
    }

    /**
     * Deletes {@code id}: not the root (every other branch comes from it) and not the current one
     * (the run is on it). Its forks stay, as forks of its parent: each holds its own commands.
     */
    public void delete(int id) {
        Branch b = existing(id);
        if (b.isRoot()) {
            throw new IllegalArgumentException("branch " + b.name() + ": the first branch cannot be deleted");
        }
        if (id == currentId) {
            throw new IllegalArgumentException("branch " + b.name() + ": the run is on it; switch to another branch first");
        }
        branches.remove(b);
        for (int i = 0; i < branches.size(); i++) {
            if (branches.get(i).parentId() == id) {
                branches.set(i, branches.get(i).withParent(b.parentId()));
            }
        }
        changed();
    }

    private Branch byId(int id) {
        for (Branch b : branches) {
            if (b.id() == id) {
                return b;
            }
        }
        return null;
    }

    private Branch existing(int id) {
        Branch b = byId(id);
        if (b == null) {
            throw new IllegalArgumentException("branch " + id + ": there is no such branch (it was deleted, or another scenario started)");
        }
        return b;
    }

    private void replace(Branch b) {
        for (int i = 0; i < branches.size(); i++) {
            if (branches.get(i).id() == b.id()) {
                branches.set(i, b);
            }
        }
        changed();
    }

    private void changed() {
        view = new View(branches, currentId, ++version);
    }

    /** {@code name}, or with " (2)", " (3)"… when a branch the user renamed already has it. */
    private String uniqueName(String name) {
        String n = name;
        for (int k = 2; nameTaken(n); k++) {
            n = name + " (" + k + ")";
        }
        return n;
    }

    private boolean nameTaken(String name) {
        return branches.stream().anyMatch(b -> b.name().equalsIgnoreCase(name));
    }

    /** 120 s -> "2:00"; an hour or more -> "1:02:05". */
    public static String clock(double seconds) {
        long s = (long) Math.floor(Math.max(0, seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
