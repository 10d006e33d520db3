package dev.scalelab.engine.runtime;

/** What stopped an instance's threads. */
public enum PauseKind {
    /** A young collection: eden emptied, survivors copied (with zgc, the sub-millisecond pauses of a young cycle). */
    YOUNG,
    /** An old-space collection short of a full one: g1's mixed collections, a zgc major cycle's pauses. */
    OLD,
    /** A full, stop-the-world collection of the whole heap: parallel's when old space is full, or a requested one. */
    FULL,
    /** Not a collector pause: allocating threads wait because allocation outran a concurrent collector (zgc). */
    ALLOCATION_STALL
}
