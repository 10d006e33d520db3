package dev.scalelab.engine.data;

import dev.scalelab.sim.Event;

import java.util.function.Consumer;

/**
 * One read or write on its way through the database. It is also the event that ends its service
 * on a node, so a query in service allocates nothing more.
 */
final class Query implements Event {
    final Database database;
    final QueryResult.Kind kind;
    final int key;
    final Session session;
    /** Hears how it ended; null when {@code then} does instead. */
    final Consumer<QueryResult> callback;
    /** Fired when it ended, however it did, for a caller that only waits for it (the cache's loads); null with a callback. */
    final Event then;
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

    Query(Database database, QueryResult.Kind kind, int key, Session session, Consumer<QueryResult> callback, Event then,
          long submittedNanos) {
        this.database = database;
        this.then = then;
        this.kind = kind;
        this.key = key;
        this.session = session;
        this.callback = callback;
        this.submittedNanos = submittedNanos;
        this.ownVersionAtSubmit = session == null ? 0 : session.ownWrittenVersion(key);
        this.highestReadAtSubmit = session == null ? 0 : session.highestReadVersion(key);
    }

    /** Its service time on {@link #node} is over. */
    @Override
    public void fire() {
        database.serviceDone(this);
    }
}
