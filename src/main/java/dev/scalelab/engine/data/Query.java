package dev.scalelab.engine.data;

import java.util.function.Consumer;

/** One read or write on its way through the database. */
final class Query {
    final QueryResult.Kind kind;
    final int key;
    final Session session;
    final Consumer<QueryResult> callback;
    final long submittedNanos;
    /**
     * For a read: the session's own last written version and highest read version of the key when
     * the read was issued. The guarantees cover what was acknowledged or seen before a read began;
     * a write of the same session still in flight may or may not be seen.
     */
    final int ownVersionAtSubmit;
    final int highestReadAtSubmit;

    Shard shard;
    Node node;
    /** The node's {@link InService} that holds it, and its neighbours there; null when no node serves it. */
    InService inServiceAt;
    Query previousInService;
    Query nextInService;
    /** Times it was sent on to another shard because the one it reached did not hold the key. */
    int reroutes;
    boolean done;

    Query(QueryResult.Kind kind, int key, Session session, Consumer<QueryResult> callback, long submittedNanos) {
        this.kind = kind;
        this.key = key;
        this.session = session;
        this.callback = callback;
        this.submittedNanos = submittedNanos;
        this.ownVersionAtSubmit = session == null ? 0 : session.ownWrittenVersion(key);
        this.highestReadAtSubmit = session == null ? 0 : session.highestReadVersion(key);
    }
}
