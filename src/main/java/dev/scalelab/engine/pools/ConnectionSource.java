package dev.scalelab.engine.pools;

/** Where a pool's connections go: the database, which counts them and may refuse a new one. */
public interface ConnectionSource {
    /** A new connection asks to be let in; false when the server refuses it (too many clients). */
    boolean open();

    /** An open connection is closed; the server frees its slot. */
    void close();
}
