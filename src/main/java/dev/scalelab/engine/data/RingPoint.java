package dev.scalelab.engine.data;

/**
 * One point a router draws on its ring view: a virtual node of a consistent-hash ring, or the lower
 * bound of a shard's key range. {@code position} is the point's place on the 64-bit space as a
 * fraction in [0, 1).
 */
public record RingPoint(int shardId, double position) {
}
