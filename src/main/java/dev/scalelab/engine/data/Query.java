package dev.scalelab.engine.data;

import dev.scalelab.sim.Event;

import java.util.function.Consumer;

/**
 * One read or write on its way through the database. It is also the event that ends its service
 * on a node, so a query in service allocates nothing more.
 */
final class Query implements Event {
    final Database database;
    // Not final: a query of readThen or writeThen is reused once answered (see Database#thenQuery).
    QueryResult.Kind kind;
    int key;
    Session session;
    /** Hears how it ended; null when {@code then} does instead. */
    Consumer<QueryResult> callback;
    /** Fired when it ended, however it did, for a caller that only waits for it (the cache's loads); null with a callback. */
    Event then;
    long submittedNanos;
    /**
     * For a read: the session's own last written version and highest read version of the key when
     * the read was issued. The guarantees cover what was acknowledged or seen before a read began;
     * a write of the same session still in flight may or may not be seen.
     */
    int ownVersionAtSubmit;
    int highestReadAtSubmit;

    Shard shard;
    Node node;
    /** The node's {@link InService} that holds it, and its neighbours there; null when no node serves it. */
    InService inServiceAt;
    Query previousInService;
    Query nextInService;
    /** Times it was sent on to another shard because the one it reached did not hold the key. */
    int reroutes;
    boolean done;
    /** The next in the database's list of answered queries to reuse; null while in use. */
    Query nextFree;

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

    /**
     * Makes an answered query of {@link Database#readThen} or {@link Database#writeThen} a new one,
     * as the constructor would (no session, no callback).
     */
    void reuse(QueryResult.Kind kind, int key, Event then, long submittedNanos) {
        this.kind = kind;
        this.key = key;
        this.then = then;
        this.submittedNanos = submittedNanos;
        session = null;
        callback = null;
        ownVersionAtSubmit = 0;
        highestReadAtSubmit = 0;
        shard = null;
        node = null;
        inServiceAt = null;
        previousInService = null;
        nextInService = null;
        reroutes = 0;
        done = false;
        nextFree = null;
    }

    /** Its service time on {@link #node} is over. */
    @Override
    public void fire() {
        database.serviceDone(this);
    }
}
