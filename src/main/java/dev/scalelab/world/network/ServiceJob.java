package dev.scalelab.world.network;

import dev.scalelab.sim.Event;

/**
 * One request on a drawn service's worker: it holds the worker through its CPU time and its sync
 * calls; a crash or a zone outage ends its instance's generation, and its late events then do nothing.
 */
final class ServiceJob implements Event {
    final Flow flow;
    final Reply reply;
    private final ServiceNode node;
    final ServiceNode.Instance in;
    final int generation;
    final long arrivedNanos;
    int nextCall;
    /** The instance's paused time when its CPU work started (see {@link dev.scalelab.world.PauseClock}). */
    long gcMarkNanos;
    int pooledObjects;
    long stalledBytes;

    ServiceJob(ServiceNode node, Flow flow, Reply reply, ServiceNode.Instance in) {
        this.node = node;
        this.flow = flow;
        this.reply = reply;
        this.in = in;
        this.generation = in.generation;
        this.arrivedNanos = node.sim.nowNanos();
    }

    /** Its CPU time is over. */
    @Override
    public void fire() {
        if (generation != in.generation) {
            return;
        }
        if (node.resources != null && node.resources.makesUpPause(this)) {
            return; // its instance was paused meanwhile: it runs on for the paused time
        }
        in.cpuChanged(-1);
        node.calls(this);
    }
}
