package dev.scalelab.world;

import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.sim.Simulation;

import java.util.List;
import java.util.function.Consumer;

/**
 * The way every request goes through the world: arrival, the API gateway, the balancer's pick, the instance's
 * queue and workers (stopped while its heap pauses), the CPU stage, the cache or the database
 * (through the instance's connection pool), the dependencies, and the answer, moving the request
 * through its {@link Phase}s as it goes. Confined to the simulation thread.
 */
final class RequestPath {
    private final Simulation sim;
    private final RequestMetrics metrics;
    private final WorkloadSystem workload;
    private final BalancerSystem balancer;
    private final ScalingSystem scaling;
    private final CacheSubsystem cache;
    /** Null when the scenario has no database; then so is {@code connections}. */
    private final DataSystem data;
    private final ConnectionSystem connections;
    /** Null when the scenario has no dependencies. */
    private final MeshSystem mesh;
    private final RuntimeSystem runtime;
    private final ProfilerSystem profiler;
    /** Null when the scenario has no events. */
    private final EventsSystem events;
    /** Null when the scenario has neither a gateway nor client classes. */
    private final GatewaySystem gateway;
    private final World world;
    /** Hears every answered request, its phases closed: a test's hook. */
    private Consumer<Request> answeredHook;

    RequestPath(World world, Simulation sim, RequestMetrics metrics, WorkloadSystem workload, BalancerSystem balancer,
                ScalingSystem scaling, CacheSubsystem cache, DataSystem data, ConnectionSystem connections, MeshSystem mesh,
                RuntimeSystem runtime, ProfilerSystem profiler, EventsSystem events, GatewaySystem gateway) {
        this.world = world;
        this.sim = sim;
        this.metrics = metrics;
        this.workload = workload;
        this.balancer = balancer;
        this.scaling = scaling;
        this.cache = cache;
        this.data = data;
        this.connections = connections;
        this.mesh = mesh;
        this.runtime = runtime;
        this.profiler = profiler;
        this.events = events;
        this.gateway = gateway;
    }

    void setAnsweredHook(Consumer<Request> hook) {
        this.answeredHook = hook;
    }

    void arrive(int user) {
        if (metrics.full()) {
            throw metrics.tooManyRequests(world.currentScenario().service().queueCapacity());
        }
        long id = metrics.arrived();
        int client = 0;
        if (gateway != null) {
            client = workload.nextClient();
            if (gateway.admit(client) != GatewaySystem.ADMITTED) {
                metrics.turnedAway();
                if (user >= 0) {
                    workload.userDone(user);
                }
                return;
            }
        }
        int key = workload.nextKey();
        int session = data == null ? 0 : workload.session(user, data.sessionCount());
        Request r = new Request(world, id, sim.nowNanos(), key, workload.nextIsRead(), user, session);
        r.client = (byte) client;
        if (gateway != null && gateway.hasGateway()) {
            long hopNanos = gateway.latencyNanos();
            if (hopNanos > 0) {
                // Its phases start when it leaves the gateway; until then it waits as its own event (see Request#fire).
                r.phaseSinceNanos = sim.nowNanos() + hopNanos;
                sim.schedule(r.phaseSinceNanos, r);
                return;
            }
        }
        balance(r);
    }

    /** Request {@code r} has passed the gateway's hop: the balancer picks its instance. */
    void pastGateway(Request r) {
        balance(r);
    }

    private void balance(Request r) {
        List<ServiceInstance> instances = scaling.pool().instances;
        int index = balancer.pick(instances, r.key);
        if (index < 0) {
            reject(r, -1, Snapshot.Dispatches.REJECTED_NO_INSTANCE);
            return;
        }
        ServiceInstance in = instances.get(index);
        scaling.pool().routed(in);
        r.instance = in;
        if (in.busy < in.workers && !RuntimeSystem.stopped(in)) {
            metrics.dispatched(in.number, Snapshot.Dispatches.QUEUED);
            startService(in, r);
        } else if (in.queue.size() < in.queueCapacity) {
            metrics.dispatched(in.number, Snapshot.Dispatches.QUEUED);
            in.queue.addLast(r);
            if (gateway != null) {
                gateway.queuedChanged(+1);
            }
        } else {
            in.rejected++;
            balancer.onComplete(in, 0);
            reject(r, in.number, Snapshot.Dispatches.REJECTED_QUEUE_FULL);
            world.breakpoints().queueFull(in);
        }
    }

    private void reject(Request r, int instanceNumber, byte outcome) {
        metrics.rejected(instanceNumber, outcome);
        if (gateway != null) {
            gateway.rejected(r.client);
        }
        if (r.user >= 0) {
            workload.userDone(r.user);
        }
    }

    private void startService(ServiceInstance in, Request r) {
        in.busyChanged(sim.nowNanos(), +1);
        if (gateway != null) {
            gateway.started(r);
        }
        if (in.runtime != null && !runtime.serviceStarts(in.runtime, r)) {
            return; // its allocation stalled: the runtime starts its CPU work when the collector lets it
        }
        startCpu(in, r);
    }

    /** The request's CPU work starts on the worker it holds. */
    void startCpu(ServiceInstance in, Request r) {
        in.cpuChanged(sim.nowNanos(), +1);
        r.enter(Phase.SERVICE, sim.nowNanos());
        double serviceMs = scaling.serviceMs(in);
        if (in.runtime != null) {
            serviceMs = runtime.cpuStarts(in.runtime, r, serviceMs);
        }
        sim.schedule(sim.nowNanos() + Simulation.millisToNanos(serviceMs), r);
    }

    void startQueued(ServiceInstance in) {
        while (in.busy < in.workers && !in.queue.isEmpty() && !RuntimeSystem.stopped(in)) {
            startService(in, in.queue.pollFirst());
            if (gateway != null) {
                gateway.queuedChanged(-1);
            }
        }
    }

    /**
     * The request's CPU work is done; its worker now waits for the data (cache, then database) and
     * the dependencies, in that order, without using CPU.
     */
    void cpuDone(Request r) {
        ServiceInstance in = r.instance;
        if (in.lifecycle == Lifecycle.FAILED) {
            lostWithInstance(r);
            return;
        }
        if (in.runtime != null && runtime.makesUpPause(in.runtime, r)) {
            return; // its instance was paused meanwhile: it runs on for the paused time
        }
        in.cpuChanged(sim.nowNanos(), -1);
        CacheSystem c = cache.cache();
        if (c != null) {
            r.enter(Phase.CACHE, sim.nowNanos());
            c.get(r.key, in.number, r.read, r);
        } else if (data != null) {
            connections.query(r, ok -> afterData(r, ok));
        } else {
            afterData(r, true);
        }
    }

    void afterData(Request r, boolean ok) {
        if (!ok || mesh == null) {
            finish(r, ok);
        } else {
            r.enter(Phase.DOWNSTREAM, sim.nowNanos());
            mesh.call(r.id, r); // r.accept(depsOk) finishes it
        }
    }

    /** A request whose instance crashed: counted as failed then; the client learns of it now. */
    private void lostWithInstance(Request r) {
        balancer.onComplete(r.instance, sim.nowNanos() - r.arrivalNanos);
        if (gateway != null) {
            gateway.failed(r.client);
        }
        if (r.user >= 0) {
            workload.userDone(r.user);
        }
    }

    /** The request is answered: first it publishes the events it owes, which may wait for room in a full topic. */
    void finish(Request r, boolean ok) {
        if (ok && events != null && r.instance.lifecycle != Lifecycle.FAILED && events.publish(r)) {
            return; // it waits, holding its worker; the producer calls published
        }
        complete(r, ok);
    }

    /** A request that waited to publish has published ({@code ok}) or failed past max.block.ms. */
    void published(Request r, boolean ok) {
        complete(r, ok);
    }

    private void complete(Request r, boolean ok) {
        ServiceInstance in = r.instance;
        long now = sim.nowNanos();
        long latencyNanos = now - r.arrivalNanos;
        if (in.lifecycle == Lifecycle.FAILED) {
            lostWithInstance(r);
            return;
        }
        r.endPhases(now);
        if (in.runtime != null) {
            runtime.serviceEnds(in.runtime, r);
        }
        if (answeredHook != null) {
            answeredHook.accept(r);
        }
        in.busyChanged(now, -1);
        balancer.onComplete(in, latencyNanos);
        boolean error = !ok || scaling.errs(in);
        balancer.onResult(in, error);
        if (error) {
            metrics.failed(1);
            if (gateway != null) {
                gateway.failed(r.client);
            }
        } else {
            in.completed++;
            metrics.completed(latencyNanos);
            if (gateway != null) {
                gateway.completed(r.client, latencyNanos);
            }
            profiler.completed(r, now);
            scaling.answered(latencyNanos);
        }
        startQueued(in);
        if (in.lifecycle == Lifecycle.DRAINING) {
            scaling.pool().removeIfDrained(in);
        }
        if (r.user >= 0) {
            workload.userDone(r.user);
        }
    }

    /** A crash loses what the instance held: queued requests fail now, those in service when they would have ended. */
    int failRequestsOf(ServiceInstance in) {
        int lost = in.busy + in.queue.size();
        metrics.failed(lost);
        for (Request r : in.queue) {
            balancer.onComplete(in, sim.nowNanos() - r.arrivalNanos);
            if (gateway != null) {
                gateway.failed(r.client);
                gateway.queuedChanged(-1);
            }
            if (r.user >= 0) {
                workload.userDone(r.user);
            }
        }
        in.queue.clear();
        return lost;
    }
}
