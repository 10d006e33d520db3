package dev.scalelab.engine.events;

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

    /** The outcome of one processing attempt. */
    @FunctionalInterface
    interface Done {
        void done(boolean ok);
    }
}
