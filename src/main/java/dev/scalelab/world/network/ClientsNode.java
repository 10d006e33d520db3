package dev.scalelab.world.network;

import dev.scalelab.design.EdgeMode;
import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.KeyStream;
import dev.scalelab.sim.Simulation;
import dev.scalelab.world.ApiGateway;
import dev.scalelab.world.ClientShares;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.SectionConfigs;
import dev.scalelab.world.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The workload of a drawn system: open (Poisson at the shaped rate) or closed (users who wait for
 * their answer, then think), each request with a key and a read or write, sent along one of the
 * node's edges by weight, and of a client class drawn by share (the pipeline's draw), whose name and
 * priority it carries to the gateways. What the clients see is the system's result.
 */
final class ClientsNode extends NetNode {
    /** Its traffic as it is now: a timeline's set changes its rate or read ratio. */
    private Scenario.Workload workload;
    /** The pending open-workload arrival belongs to one generation; a rate change starts a new one, as in the pipeline. */
    private long arrivalGeneration;
    private final KeyStream keys;
    private final SplittableRandom arrivalRandom;
    private final SplittableRandom readRandom;
    private final SplittableRandom routeRandom;
    private final Distribution thinkMs;
    private final ClientShares shares;
    private final SplittableRandom clientRandom;
    /** Its classes' indexes among the network's clients, and their priorities as the shedder ranks them. */
    private final int[] clientIndex;
    private final int[] clientPriority;

    ClientsNode(Network net, Topology.Node spec) {
        super(net, spec);
        this.workload = spec.workload();
        this.keys = new KeyStream(net.streams, "node." + id + ".keys", SectionConfigs.keys(workload.keys()));
        this.arrivalRandom = net.streams.stream("node." + id + ".arrivals");
        this.readRandom = net.streams.stream("node." + id + ".reads");
        this.routeRandom = net.streams.stream("node." + id + ".route");
        this.thinkMs = workload.arrival().thinkTime().toDistribution();
        this.shares = new ClientShares(workload.clients());
        this.clientRandom = net.streams.stream("node." + id + ".clients");
        List<ApiGateway.Client> classes = workload.clients().isEmpty() ? List.of(ApiGateway.Client.DEFAULT) : workload.clients();
        clientIndex = new int[classes.size()];
        clientPriority = new int[classes.size()];
        for (int i = 0; i < classes.size(); i++) {
            String name = workload.clients().isEmpty() ? ClientFigures.DEFAULT_CLIENT : classes.get(i).name();
            clientIndex[i] = net.clients.index(name);
            clientPriority[i] = SectionConfigs.priority(classes.get(i).priority());
        }
        if (workload.arrival().process() == Scenario.ArrivalProcess.CLOSED) {
            for (int u = 0; u < workload.arrival().users(); u++) {
                // Users start spread over one think time, not all at t = 0.
                sim.schedule(Simulation.millisToNanos(thinkMs.sample(arrivalRandom)), this::userSends);
            }
        } else {
            scheduleArrival();
        }
    }

    int keyCount() {
        return workload.keys().count();
    }

    private void scheduleArrival() {
        Scenario.Arrival a = workload.arrival();
        double next = a.shape().nextArrivalSeconds(a.ratePerSecond(), sim.nowSeconds(), arrivalRandom);
        if (Double.isFinite(next)) {
            long generation = arrivalGeneration;
            sim.schedule(Math.max(sim.nowNanos(), Simulation.secondsToNanos(next)), () -> {
                if (generation != arrivalGeneration) {
                    return; // stranded by a rate change
                }
                send(null);
                scheduleArrival();
            });
        }
    }

    /**
     * A timeline's set of its open workload's rate: the next arrival is drawn again from now at the
     * new rate (the pending one is stranded), as the pipeline restarts its arrivals.
     */
    void setRate(double ratePerSecond) {
        Scenario.Arrival a = workload.arrival();
        workload = new Scenario.Workload(new Scenario.Arrival(a.process(), ratePerSecond, a.shape(), a.users(), a.thinkTime()),
                workload.keys(), workload.readRatio(), workload.clients());
        if (a.process() == Scenario.ArrivalProcess.POISSON) {
            arrivalGeneration++;
            scheduleArrival();
        }
    }

    @Override
    void change(NodeChange.Change c) {
        switch (c.how()) {
            case RATE -> setRate(((Number) c.value()).doubleValue());
            case READ_RATIO -> setReadRatio(((Number) c.value()).doubleValue());
            default -> super.change(c);
        }
    }

    /** A timeline's set of its read ratio: the requests sent from now on are reads in that share. */
    void setReadRatio(double readRatio) {
        workload = new Scenario.Workload(workload.arrival(), workload.keys(), readRatio, workload.clients());
    }

    private void userSends() {
        send(() -> sim.scheduleIn(Simulation.millisToNanos(thinkMs.sample(arrivalRandom)), this::userSends));
    }

    /** Sends one request; {@code then} (a closed user's next think) runs when it ends. */
    private void send(Runnable then) {
        arrivals++;
        Flow f = net.newFlow(keys.next(), readRandom.nextDouble() < workload.readRatio());
        int c = shares.next(clientRandom);
        f.client = clientIndex[c];
        f.priority = clientPriority[c];
        net.clients.sent(f);
        List<Link> fit = new ArrayList<>(out.size());
        for (Link l : out) {
            // Health-checked DNS: an entry point in a zone that is out is not offered.
            if (l.carries(f) && !l.to.down) {
                fit.add(l);
            }
        }
        Link l = net.pickByWeight(fit, routeRandom, this);
        if (l == null) {
            errors++;
            net.clientDone(f, false);
            if (then != null) {
                then.run();
            }
            return;
        }
        if (l.mode == EdgeMode.ASYNC) {
            // A message published straight from the clients: answered when the queue takes it.
            f.publishedByClients = true;
            boolean ok = ((Broker) l.to).publish(l, f);
            net.clientDone(f, ok);
            if (then != null) {
                then.run();
            }
            return;
        }
        l.send(f, ok -> {
            if (ok) {
                latency.recordNanos(sim.nowNanos() - f.startNanos);
            } else {
                errors++;
            }
            net.clientDone(f, ok);
            if (then != null) {
                then.run();
            }
        });
    }

    @Override
    void accept(Flow f, Reply reply) {
        throw new IllegalStateException("clients send requests; nothing sends requests to them");
    }
}
