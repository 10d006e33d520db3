package dev.scalelab.engine.events;

import dev.scalelab.sim.Simulation;

/**
 * Processing done outside the group: a drawn system's consumer is a service instance, whose record
 * waits for one of its workers, takes its service time and makes its calls. Without one, a group
 * draws each record's processing time from its own config. Confined to the simulation thread.
 */
@FunctionalInterface
public interface RecordProcessor {

    /**
     * Processes {@code record} of {@code partition} (for a retry-topic record, the partition it came
     * from) for {@code memberId}; {@code done} hears once whether the processing succeeded. The group
     * ignores an answer for a member that crashed meanwhile.
     */
    void process(String memberId, int partition, EventRecord record, Done done);

    /**
     * Runs {@code handOut} with a {@link Done} that passes the outcome on to {@code answer}; an
     * outcome given inside the hand-out itself comes back from an event of its own, so a run of
     * refusals does not recurse through a backlog.
     */
    static void handOut(Simulation sim, java.util.function.Consumer<Done> handOut, Done answer) {
        boolean[] handing = {true};
        handOut.accept(ok -> {
            if (handing[0]) {
                sim.scheduleIn(0, () -> answer.done(ok));
            } else {
                answer.done(ok);
            }
        });
        handing[0] = false;
    }

    /** The outcome of one processing attempt. */
    @FunctionalInterface
    interface Done {
        void done(boolean ok);
    }
}
