package dev.scalelab.world.network;

import dev.scalelab.world.EventStreams;
import dev.scalelab.world.LogEntry;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Source;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A drawn service watched as a pool ({@link Network#watch}): the view's numbers are the node's own,
 * second by second, and watching does not change the run.
 */
class NodeWatchTest {
    /**
     * 500 req/s of constant 20 ms work on 3 instances of 4 workers: 10 of 12 workers busy (83 %), so
     * the HPA (target 60 %, sync 15 s) scales up; new instances provision 2 s and boot 3 s. The api
     * hands each request to an external API behind it, so its answers are hand-offs and answers both.
     */
    static final String DESIGN = """
            {"schema":1,"name":"watched","seed":7,"durationSeconds":120,
             "topology":{"nodes":[
               {"id":"users","kind":"clients","workload":{"arrival":{"ratePerSecond":500}}},
               {"id":"api","kind":"service","service":{"instances":3,"workersPerInstance":4,"queueCapacity":50,
                 "provisionSeconds":2,"bootSeconds":3,"serviceTime":{"distribution":"constant","meanMs":20}},
                 "autoscaler":{"policy":"hpa","minReplicas":1,"maxReplicas":10,"targetUtilization":60,"syncPeriodSeconds":15}},
               {"id":"pay","kind":"external","external":{"latency":{"distribution":"constant","meanMs":5}}}],
              "edges":[{"from":"users","to":"api"},{"from":"api","to":"pay"}]}}
            """;

    private static NetworkSnapshot.NodeState api(Network net) {
        return net.snapshot().nodes().stream().filter(n -> n.id().equals("api")).findFirst().orElseThrow();
    }

    private static double last(double[] series) {
        return series[series.length - 1];
    }

    @Test
    void theViewOfAWatchedServiceIsTheNodesOwnNumbers() {
        Scenario design = ScenarioFiles.parse(DESIGN);
        Network net = new Network(design);
        net.watch("api");
        long answeredBefore = 0;
        for (int k = 1; k <= 60; k++) {
            net.runUntil(k); // the tick at k included: the view's newest second is second k
            Snapshot view = net.watchedView("api");
            NetworkSnapshot.NodeState node = api(net);
            assertThat(view.series().size()).isEqualTo(k);
            assertThat(last(view.series().timeSeconds())).isEqualTo(k);
            // Second k: the arrivals the node counted in it, the answers it recorded in it, its errors.
            assertThat(last(view.series().offeredPerSecond())).isEqualTo(node.arrivalsPerSecond()).isGreaterThan(400);
            long answered = net.nodeLatency("api").count();
            assertThat(last(view.series().throughputPerSecond())).isEqualTo((double) (answered - answeredBefore));
            answeredBefore = answered;
            assertThat(last(view.series().failedPerSecond())).isEqualTo(node.errorsPerSecond());
            assertThat(last(view.series().instances())).isEqualTo(node.instances());
            assertThat(view.history().seconds()).isEqualTo(k);
            assertThat(view.history().get(dev.scalelab.world.RunHistory.Keys.OFFERED).seconds()).isEqualTo(k);
        }
        Snapshot view = net.watchedView("api");
        NetworkSnapshot.NodeState node = api(net);
        List<Snapshot.InstanceView> instances = view.instances();
        long ready = instances.stream().filter(i -> i.state() == Snapshot.InstanceState.READY).count();
        assertThat(view.scaling().readyReplicas()).isEqualTo(node.instances()).isEqualTo((int) ready);
        // The desired count is what the pool keeps: every instance not draining or failed.
        long kept = instances.stream().filter(i -> i.state() != Snapshot.InstanceState.DRAINING
                && i.state() != Snapshot.InstanceState.FAILED).count();
        assertThat(view.scaling().specReplicas()).isEqualTo((int) kept).isGreaterThan(3);
        assertThat(last(view.series().desiredInstances())).isEqualTo(view.scaling().specReplicas());
        // The last decision is the node's, word for word, and the log says when it was made (the 60 s sync).
        String decision = net.report().path("nodes").path("api").path("lastScalingDecision").asText();
        assertThat(view.scaling().lastDecision()).isEqualTo(decision).isNotEmpty();
        assertThat(net.decisions()).contains(String.format(java.util.Locale.ROOT, "%.3f s api: %s", 60.0, decision));
        LogEntry logged = view.recentLog().get(view.recentLog().size() - 1);
        assertThat(logged.message()).isEqualTo(decision);
        assertThat(logged.source()).isEqualTo(Source.AUTOSCALER);
        assertThat(logged.timeSeconds()).isEqualTo(60.0);
        assertThat(view.current().autoscaler()).isEqualTo(design.topology().node("api").autoscaler());
        assertThat(view.current().service()).isEqualTo(design.topology().node("api").service());
        assertThat(view.instances().get(0).id()).isEqualTo("api-0");
        assertThat(view.instances().get(0).workers()).isEqualTo(4);
        assertThat(view.instances().get(0).queueCapacity()).isEqualTo(50);
        // Sections the node does not have are absent.
        assertThat(view.balancer()).isNull();
        assertThat(view.cache()).isNull();
        assertThat(view.data()).isNull();
    }

    @Test
    void watchingDoesNotChangeTheRun() {
        Network plain = new Network(ScenarioFiles.parse(DESIGN));
        Network watched = new Network(ScenarioFiles.parse(DESIGN));
        watched.runUntil(17.3);
        watched.watch("api");
        plain.run();
        watched.run();
        assertThat(watched.reportJson()).isEqualTo(plain.reportJson());
        // Watched from 17.3 s: the seconds before are not in the view, the 18th (watched in part) is empty, the 19th whole.
        Snapshot.Series series = watched.watchedView("api").series();
        assertThat(series.timeSeconds()[0]).isEqualTo(18.0);
        assertThat(series.offeredPerSecond()[0]).isNaN();
        assertThat(series.throughputPerSecond()[0]).isNaN();
        assertThat(series.offeredPerSecond()[1]).isGreaterThan(400);
        assertThat(watched.watchedView("api").history().get(dev.scalelab.world.RunHistory.Keys.OFFERED).seconds()).isEqualTo(120);
    }

    @Test
    void theViewOfAWatchedCacheIsTheBoxsOwnNumbers() {
        Network net = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.CACHED));
        net.watch("redis");
        CacheNode redis = (CacheNode) net.node("redis");
        dev.scalelab.engine.caching.HierarchyStats before = redis.stats();
        long[] l1Before = {0, 0};
        for (int k = 1; k <= 30; k++) {
            net.runUntil(k);
            Snapshot.CacheView view = net.watchedView("redis").cache();
            dev.scalelab.engine.caching.HierarchyStats now = redis.stats();
            double ratio = (now.cacheReads() - before.cacheReads()) / (double) (now.reads() - before.reads());
            assertThat(last(view.hitRatioSeries())).isEqualTo(ratio);
            assertThat(last(view.storeLoadsPerSecond())).isEqualTo((double) (now.storeLoads() - before.storeLoads()));
            dev.scalelab.engine.caching.LevelStats l1 = redis.hierarchy().levelStats(0);
            assertThat(last(view.levels().get(0).hitRatioSeries()))
                    .isEqualTo((l1.hits() - l1Before[0]) / (double) (l1.hits() - l1Before[0] + l1.misses() - l1Before[1]));
            l1Before[0] = l1.hits();
            l1Before[1] = l1.misses();
            before = now;
            assertThat(view.reads()).isEqualTo(now.reads());
            assertThat(view.levels().get(1).hits()).isEqualTo(redis.hierarchy().levelStats(1).hits());
            assertThat(view.levels().get(1).occupancy()).isEqualTo(redis.hierarchy().levelStats(1).occupancy());
        }
        Snapshot s = net.watchedView("redis");
        assertThat(s.cache().hitRatio()).isEqualTo(net.report().path("nodes").path("redis").path("hitRatio").asDouble());
        assertThat(s.cache().hitRatio()).isBetween(0.3, 0.95);
        // L1 is kept once per calling instance: api's three, which are where the reads come from.
        assertThat(s.cache().levels().get(0).copies()).isEqualTo(3);
        assertThat(s.instances()).extracting(Snapshot.InstanceView::id).containsExactly("api-0", "api-1", "api-2");
        assertThat(s.cache().levels().get(0).slotKeys()).hasSize(200);
        assertThat(s.cache().levels().get(0).cheHitRatio()).isNaN();
        assertThat(s.cache().optimalHitRatio()).isNaN();
        assertThat(s.current().cache()).isEqualTo(net.scenario().topology().node("redis").cache());
        assertThat(s.current().database()).isEqualTo(net.scenario().topology().node("db").database());
        assertThat(s.scaling()).isNull();
        // Watched and viewed every second, or not at all: the same run.
        Network plain = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.CACHED));
        plain.runUntil(30);
        assertThat(net.reportJson()).isEqualTo(plain.reportJson());
    }

    @Test
    void theViewOfAWatchedDatabaseIsTheEnginesOwn() {
        Network net = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.CACHED));
        net.runUntil(4.5); // watched from the middle of a second: the 5th is empty, the 6th the first whole one
        net.watch("db");
        dev.scalelab.engine.data.Database engine = ((DatabaseNode) net.node("db")).engine();
        net.runUntil(5);
        assertThat(last(net.watchedView("db").data().queriesPerSecond())).isNaN();
        long before = engine.counters().reads() + engine.counters().writes();
        long staleBefore = engine.counters().staleReads();
        for (int k = 6; k <= 30; k++) {
            net.runUntil(k);
            Snapshot view = net.watchedView("db");
            long queries = engine.counters().reads() + engine.counters().writes();
            assertThat(last(view.data().queriesPerSecond())).isEqualTo((double) (queries - before)).isGreaterThan(100);
            assertThat(last(view.data().staleReadsPerSecond())).isEqualTo((double) (engine.counters().staleReads() - staleBefore));
            before = queries;
            staleBefore = engine.counters().staleReads();
            assertThat(view.data().router()).isSameAs(engine.router());
            assertThat(view.data().database().shards()).hasSize(engine.view().shards().size());
            assertThat(view.history().get(dev.scalelab.world.RunHistory.Keys.DB_QUERIES).seconds()).isEqualTo(k);
        }
        Snapshot view = net.watchedView("db");
        assertThat(view.current().database()).isEqualTo(net.scenario().topology().node("db").database());
        assertThat(view.data().consistency()).isEqualTo(net.scenario().topology().node("db").database().consistency());
        assertThat(view.current().workload()).isEqualTo(net.scenario().topology().node("users").workload());
        assertThat(view.cache()).isNull();
        assertThat(view.scaling()).isNull();
    }

    @Test
    void theViewOfAWatchedExternalApiIsItsCallersSidecars() {
        Network net = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.CALLED));
        net.watch("pay");
        ExternalNode pay = (ExternalNode) net.node("pay");
        Link checkout = net.node("checkout").out.get(0);
        Link refunds = net.node("refunds").out.get(0);
        double[] failedBefore = {0, 0}; // refunds' sidecar: attempts sent and failed at the last second
        boolean opened = false;
        for (int k = 1; k <= 60; k++) {
            net.runUntil(k);
            Snapshot view = net.watchedView("pay");
            assertThat(view.dependencies()).extracting(Snapshot.DependencyView::name).containsExactly("checkout->pay", "refunds->pay");
            for (int i = 0; i < 2; i++) {
                Link l = i == 0 ? checkout : refunds;
                Snapshot.DependencyView d = view.dependencies().get(i);
                // The sidecar's own counters and per-second counts, and the API's servers, as they stand at second k.
                assertThat(d.stats().requests()).isEqualTo(l.mesh.requests());
                assertThat(d.stats().attemptsSent()).isEqualTo(l.mesh.attemptsSent());
                assertThat(d.stats().retries()).isEqualTo(l.mesh.retries());
                assertThat(d.stats().breakerRejections()).isEqualTo(l.mesh.breakerRejections());
                assertThat(d.breaker().state()).isEqualTo(l.mesh.breaker().state());
                assertThat(last(d.offeredLoadPerSecond())).isEqualTo(l.mesh.lastOfferedLoadPerSecond());
                assertThat(last(d.requestsPerSecond())).isEqualTo(l.mesh.lastRequestsPerSecond());
                assertThat(d.offeredLoadPerSecond()).hasSize(k);
                assertThat(view.history().get(dev.scalelab.world.RunHistory.Keys.dependencyAttempts(d.name())).seconds()).isEqualTo(k);
                assertThat(d.busyWorkers()).isEqualTo(pay.servers().busyWorkers());
                assertThat(d.servers()).isEqualTo(32);
                assertThat(d.queueLength()).isEqualTo(pay.servers().queueLength());
                assertThat(d.errorRate()).isEqualTo(k >= 30 && k < 50 ? pay.servers().currentErrorRate() : 0.02);
                assertThat(d.activeFaults()).isEqualTo(k >= 30 && k < 50 ? List.of("outage (connections refused) until 50 s") : List.of());
            }
            // Without a breaker, the failure rate is the share of the second's attempts that failed, as the pipeline's history has it.
            double sent = refunds.mesh.attemptsSent() - failedBefore[0];
            double failed = refunds.mesh.failedAttempts() - failedBefore[1];
            failedBefore[0] = refunds.mesh.attemptsSent();
            failedBefore[1] = refunds.mesh.failedAttempts();
            dev.scalelab.engine.metrics.SeriesView rates = view.history().get(dev.scalelab.world.RunHistory.Keys.failureRatePercent("refunds->pay"));
            assertThat(rates.bucketSeconds()).isEqualTo(1);
            assertThat(rates.sum(rates.buckets() - 1)).isEqualTo(Math.min(100, 100 * failed / sent)); // an attempt sent the second before may fail in this one
            opened |= checkout.mesh.breaker().state() == dev.scalelab.engine.resilience.BreakerState.OPEN;
        }
        assertThat(opened).as("checkout's breaker opened in the outage").isTrue();
        Snapshot view = net.watchedView("pay");
        assertThat(view.dependencies().get(0).transitions()).extracting(t -> t.to().name()).contains("OPEN", "HALF_OPEN");
        assertThat(view.current().dependencies().get(0).breaker()).isEqualTo(net.scenario().topology().edges().get(2).breaker());
        assertThat(view.current().dependencies().get(1).retry().maxAttempts()).isEqualTo(3);
        assertThat(view.current().dependencies().get(0).instances()).isEqualTo(2);
        assertThat(view.current().timeline()).extracting(Scenario.TimelineEntry::command).containsExactly("outage");
        // The breakers' transitions are logged by checkout, naming pay: pay's log has them, naming checkout.
        assertThat(view.recentLog()).anyMatch(e -> e.source() == Source.BREAKER && e.message().startsWith("checkout: breaker to pay: CLOSED -> OPEN"));
        // Watched from 12.5 s or not at all: the same run.
        Network plain = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.CALLED));
        Network late = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.CALLED));
        late.runUntil(12.5);
        late.watch("pay");
        plain.run();
        late.run();
        net.run();
        assertThat(late.reportJson()).isEqualTo(plain.reportJson());
        assertThat(net.reportJson()).isEqualTo(plain.reportJson());
    }

    @Test
    void theViewOfAWatchedTopicIsItsEnginesOwn() {
        Network net = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.PUBLISHED));
        net.runUntil(2.5); // watched from the middle of a second: the 3rd is part watched, the 4th the first whole one
        net.watch("orders");
        TopicNode orders = (TopicNode) net.node("orders");
        dev.scalelab.engine.events.ConsumerGroup billing = orders.group("billing");
        long published = orders.topic.published();
        long consumed = billing.consumed();
        long rebalancesBefore = billing.rebalances();
        for (int k = 3; k <= 60; k++) {
            net.runUntil(k);
            dev.scalelab.world.EventsView events = net.watchedView("orders").events();
            assertThat(events.groups()).extracting(dev.scalelab.world.EventsView.GroupView::name).containsExactly("billing", "audit");
            dev.scalelab.world.EventsView.TopicView topic = events.topics().get(0);
            dev.scalelab.world.EventsView.GroupView g = events.groups().get(0);
            assertThat(topic.partitions()).hasSize(6);
            assertThat(topic.published()).isEqualTo(orders.topic.published());
            assertThat(topic.backlog()).isEqualTo(orders.topic.backlog());
            assertThat(g.totalLag()).isEqualTo(billing.totalLag());
            assertThat(last(g.totalLagSeries())).isEqualTo(billing.totalLag());
            for (int p = 0; p < 6; p++) {
                assertThat(g.lag()[p]).isEqualTo(billing.lag(p));
                assertThat(last(g.partitionLagSeries()[p])).isEqualTo(billing.lag(p));
                assertThat(g.positions()[p]).isEqualTo(billing.position(p));
                assertThat(topic.partitions().get(p).logEndOffset()).isEqualTo(orders.topic.partition(p).logEndOffset());
            }
            if (k == 3) {
                assertThat(last(topic.publishedPerSecond())).isNaN();
                assertThat(last(g.consumedPerSecond())).isNaN();
            } else {
                assertThat(last(topic.publishedPerSecond())).isEqualTo((double) (orders.topic.published() - published)).isGreaterThan(200);
                assertThat(last(g.consumedPerSecond())).isEqualTo((double) (billing.consumed() - consumed));
            }
            published = orders.topic.published();
            consumed = billing.consumed();
            assertThat(g.rebalances()).isEqualTo(billing.rebalances());
            // The consumers are billing's instances; a member owns what the group's assignment gives it.
            ServiceNode service = (ServiceNode) net.node("billing");
            assertThat(g.consumers()).extracting(dev.scalelab.world.EventsView.ConsumerView::id)
                    .containsExactlyElementsOf(service.instances.stream().map(in -> in.name).toList());
            for (dev.scalelab.world.EventsView.ConsumerView c : g.consumers()) {
                List<Integer> owned = billing.assignment().getOrDefault(c.id(), List.of());
                if (c.lifecycle() == dev.scalelab.engine.scaling.Lifecycle.READY) {
                    assertThat(java.util.Arrays.stream(c.partitions()).boxed().toList()).isEqualTo(owned);
                }
                assertThat(c.processed()).isEqualTo(billing.processed(c.id()));
            }
            assertThat(net.watchedView("orders").history().get(dev.scalelab.world.RunHistory.Keys.events("group billing",
                    dev.scalelab.world.RunHistory.EventsMeasure.LAG)).seconds()).isEqualTo(k);
        }
        // The crash at 20 s: its session timed out 6 s later and the group rebalanced its partitions to the two left.
        assertThat(billing.rebalances()).isGreaterThan(rebalancesBefore);
        Snapshot view = net.watchedView("orders");
        assertThat(view.recentLog()).anyMatch(e -> e.message().startsWith("billing:"));
        EventStreams.Group group = view.current().events().groups().get(0);
        assertThat(group.topic()).isEqualTo("orders");
        assertThat(group.sessionTimeoutMs()).isEqualTo(6000);
        assertThat(group.consumers()).isEqualTo(((ServiceNode) net.node("billing")).scaler.spec());
        assertThat(group.processingTime()).isEqualTo(net.scenario().topology().node("billing").service().serviceTime());
        assertThat(view.current().events().topics().get(0).partitions()).isEqualTo(6);
        // Watched from 2.5 s, viewed every second, or not at all: the same run.
        Network plain = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.PUBLISHED));
        plain.run();
        net.run();
        assertThat(net.reportJson()).isEqualTo(plain.reportJson());
    }

    @Test
    void theViewOfAWatchedQueueIsItsEnginesOwn() {
        Network net = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.QUEUED));
        net.watch("jobs");
        MessagingNode jobs = (MessagingNode) net.node("jobs");
        long dead = 0;
        for (int k = 1; k <= 40; k++) {
            net.runUntil(k);
            dev.scalelab.world.EventsView.QueueView q = net.watchedView("jobs").events().queues().get(0);
            assertThat(q.visible()).isEqualTo(jobs.queue.visible());
            assertThat(last(q.visibleSeries())).isEqualTo(jobs.queue.visible());
            assertThat(last(q.inFlightSeries())).isEqualTo(jobs.queue.inFlight());
            assertThat(q.sent()).isEqualTo(jobs.queue.sent()).isGreaterThan(150L * k);
            assertThat(q.deleted()).isEqualTo(jobs.queue.deleted());
            assertThat(q.redelivered()).isEqualTo(jobs.queue.redelivered());
            assertThat(last(q.deadLetteredSeries())).isEqualTo((double) (jobs.queue.deadLettered() - dead));
            dead = jobs.queue.deadLettered();
            // Its consumers are worker's 2 instances' 4 workers each.
            assertThat(q.consumers()).extracting(dev.scalelab.world.EventsView.ConsumerView::id)
                    .containsExactly("worker-0/0", "worker-0/1", "worker-0/2", "worker-0/3", "worker-1/0", "worker-1/1", "worker-1/2",
                            "worker-1/3");
            assertThat(q.consumers().stream().filter(c -> c.processing() == 0).count())
                    .isEqualTo(jobs.queue.consumers().stream().filter(jobs.queue::busy).count());
            assertThat(last(q.consumersSeries())).isEqualTo(8);
        }
        // The poison published after 10 s failed three receives, 5 s apart, and was dead-lettered.
        assertThat(jobs.queue.deadLettered()).isEqualTo(1);
        assertThat(net.watchedView("jobs").events().queues().get(0).deadLettered()).isEqualTo(1);
        EventStreams.Queue section = net.watchedView("jobs").current().events().queues().get(0);
        assertThat(section.consumers()).isEqualTo(8);
        assertThat(section.visibilityTimeoutSeconds()).isEqualTo(5);
        assertThat(section.maxReceiveCount()).isEqualTo(3);
        assertThat(section.processingTime()).isEqualTo(net.scenario().topology().node("worker").service().serviceTime());
        Network plain = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.QUEUED));
        plain.run();
        net.run();
        assertThat(net.reportJson()).isEqualTo(plain.reportJson());
    }

    /** nginx's smooth weighted round robin over weights 5, 1, 1, by instance number: a a b a c a a. */
    private static final int[] SMOOTH_5_1_1 = {0, 0, 1, 0, 2, 0, 0};

    /** The newest second of a whole-run series of one-second buckets. */
    private static double newest(dev.scalelab.engine.metrics.SeriesView v) {
        assertThat(v.bucketSeconds()).isEqualTo(1);
        return v.sum(v.buckets() - 1);
    }

    /** Requests instance {@code in} took so far, by the service's own counters: finished, in its workers, in its queue. */
    private static long taken(ServiceNode.Instance in) {
        return in.served + in.running.size() + in.queue.size();
    }

    /**
     * lb round-robins 300 req/s over web's three instances; at 20 s its strategy becomes smooth weighted
     * round robin (weights 5, 1, 1). Second by second, the watch's pick record is what the balancer did:
     * one pick per arrival the node counted, decision n going to instance (n − 1) mod 3 before the change
     * and to a a b a c a a from it, each instance's picks the requests its service took (finished, in
     * service, queued), each one's share of the second the share of those taken in it.
     */
    @Test
    void theViewOfAWatchedBalancerIsItsOwnPicks() {
        Network net = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.BALANCED));
        net.watch("lb");
        RouterNode lb = (RouterNode) net.node("lb");
        ServiceNode web = (ServiceNode) net.node("web");
        long[] takenBefore = new long[3];
        long picksAtChange = -1;
        for (int k = 1; k <= 40; k++) {
            if (k == 21) {
                assertThat(net.apply("nodes.lb.balancer.strategy", "smooth-weighted-round-robin"))
                        .isEqualTo("balancer.strategy round-robin -> smooth-weighted-round-robin");
                picksAtChange = net.watchedView("lb").dispatches().total();
            }
            net.runUntil(k);
            Snapshot view = net.watchedView("lb");
            Snapshot.Dispatches d = view.dispatches();
            assertThat(d.total()).isEqualTo(lb.arrivals).isGreaterThan(290L * k);
            assertThat(d.instanceNumbers()).hasSize(Snapshot.Dispatches.KEPT);
            for (int i = 0; i < d.instanceNumbers().length; i++) {
                long n = d.total() - d.instanceNumbers().length + 1 + i; // the decision's number, from 1
                int expected = picksAtChange < 0 || n <= picksAtChange ? (int) ((n - 1) % 3)
                        : SMOOTH_5_1_1[(int) ((n - picksAtChange - 1) % 7)];
                assertThat(d.instanceNumbers()[i]).as("decision %d at %d s", n, k).isEqualTo(expected);
                assertThat(d.outcomes()[i]).isEqualTo(Snapshot.Dispatches.QUEUED);
            }
            long second = 0;
            long[] taken = new long[3];
            for (int i = 0; i < 3; i++) {
                ServiceNode.Instance in = web.instances.get(i);
                taken[i] = taken(in);
                assertThat(view.instances().get(i).routed()).isEqualTo(taken[i]);
                second += taken[i] - takenBefore[i];
            }
            for (int i = 0; i < 3; i++) {
                double share = newest(view.history().get(dev.scalelab.world.RunHistory.Keys.sharePercent("web-" + i)));
                assertThat(share).isEqualTo(100.0 * (taken[i] - takenBefore[i]) / second);
            }
            takenBefore = taken;
            assertThat(last(view.series().offeredPerSecond())).isEqualTo(lb.arrivalsPerSecond);
            assertThat(last(view.series().p99Ms())).isEqualTo(lb.secondP99Ms).isGreaterThan(10);
            assertThat(view.lastSample().p99Ms()).isEqualTo(lb.secondP99Ms);
            assertThat(last(view.series().instances())).isEqualTo(3);
            assertThat(view.rejected()).isZero();
        }
        // Second 40, all smooth weighted round robin: 5 of 7 picks to web-0, 1 of 7 to each other, give or take a cycle's part.
        double share = newest(net.watchedView("lb").history().get(dev.scalelab.world.RunHistory.Keys.sharePercent("web-0")));
        assertThat(share).isBetween(100 * 5 / 7.0 - 2, 100 * 5 / 7.0 + 2);
        Snapshot view = net.watchedView("lb");
        assertThat(view.current().name()).isEqualTo("lb");
        assertThat(view.current().balancer()).isEqualTo(lb.spec.balancer());
        assertThat(view.current().balancer().strategy().id()).isEqualTo("smooth-weighted-round-robin");
        assertThat(view.current().balancer().outlierConsecutiveErrors()).isEqualTo(5);
        assertThat(view.current().service()).isEqualTo(web.spec.service());
        assertThat(view.balancer().strategy()).isEqualTo("smooth-weighted-round-robin");
        assertThat(view.balancer().excluded()).isEmpty();
        assertThat(view.balancer().panic()).isFalse();
        assertThat(view.instances()).extracting(Snapshot.InstanceView::weight).containsExactly(5.0, 1.0, 1.0);
        LogEntry change = view.recentLog().get(view.recentLog().size() - 1);
        assertThat(change.message()).isEqualTo("balancer.strategy: round-robin -> smooth-weighted-round-robin");
        assertThat(change.source()).isEqualTo(Source.USER);
        assertThat(change.timeSeconds()).isEqualTo(20.0);
        assertThat(view.scaling()).isNull();
        assertThat(view.cache()).isNull();

        // Watched from 12.5 s to 30 s, from the start, or not at all: the same run; unwatched, the balancer keeps no record.
        Network plain = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.BALANCED));
        Network late = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.BALANCED));
        for (Network n : List.of(plain, late)) {
            n.runUntil(12.5);
            if (n == late) {
                n.watch("lb");
                assertThat(((RouterNode) n.node("lb")).picks).isNotNull();
            }
            n.runUntil(20);
            n.apply("nodes.lb.balancer.strategy", "smooth-weighted-round-robin");
            n.runUntil(30);
            n.unwatch("lb");
            assertThat(((RouterNode) n.node("lb")).picks).isNull();
            n.run();
        }
        net.run();
        assertThat(late.reportJson()).isEqualTo(plain.reportJson());
        assertThat(net.reportJson()).isEqualTo(plain.reportJson());
    }

    /**
     * Two boxes watched at once (api's pool and redis's levels, from 0 s; db joins at 10.5 s and api
     * leaves at 20 s): each view is its own engine's counters second by second, and the same series as
     * that box watched alone; the others' watches go on when one stops, and the run's report is the same
     * as unwatched.
     */
    @Test
    void twoBoxesWatchedAtOnceAreEachTheirOwnAndTheRunIsTheSame() {
        Network net = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.CACHED));
        Network apiAlone = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.CACHED));
        Network redisAlone = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.CACHED));
        net.watch("api");
        net.watch("redis");
        net.watch("api"); // already watched: the same watch goes on
        apiAlone.watch("api");
        redisAlone.watch("redis");
        assertThat(net.watchedIds()).containsExactly("api", "redis");
        CacheNode redis = (CacheNode) net.node("redis");
        dev.scalelab.engine.caching.HierarchyStats before = redis.stats();
        long answeredBefore = 0;
        for (int k = 1; k <= 30; k++) {
            net.runUntil(k);
            apiAlone.runUntil(k);
            redisAlone.runUntil(k);
            Snapshot cache = net.watchedView("redis");
            dev.scalelab.engine.caching.HierarchyStats now = redis.stats();
            assertThat(last(cache.cache().hitRatioSeries())).isEqualTo((now.cacheReads() - before.cacheReads())
                    / (double) (now.reads() - before.reads()));
            assertThat(last(cache.cache().storeLoadsPerSecond())).isEqualTo((double) (now.storeLoads() - before.storeLoads()));
            assertThat(cache.cache().reads()).isEqualTo(now.reads());
            before = now;
            assertThat(cache.cache().hitRatioSeries()).containsExactly(redisAlone.watchedView("redis").cache().hitRatioSeries());
            assertThat(cache.series().offeredPerSecond()).containsExactly(redisAlone.watchedView("redis").series().offeredPerSecond());
            if (k < 20) {
                Snapshot pool = net.watchedView("api");
                NetworkSnapshot.NodeState node = api(net);
                assertThat(last(pool.series().offeredPerSecond())).isEqualTo(node.arrivalsPerSecond()).isGreaterThan(600);
                long answered = net.nodeLatency("api").count();
                assertThat(last(pool.series().throughputPerSecond())).isEqualTo((double) (answered - answeredBefore));
                answeredBefore = answered;
                assertThat(pool.instances()).hasSize(3);
                assertThat(pool.series().offeredPerSecond()).containsExactly(apiAlone.watchedView("api").series().offeredPerSecond());
                assertThat(pool.series().throughputPerSecond()).containsExactly(apiAlone.watchedView("api").series().throughputPerSecond());
                assertThat(pool.cache()).isNull();
                assertThat(cache.scaling()).isNull();
            }
            if (k > 10) {
                // db watched from 10.5 s: its 11th second part watched (empty), the 12th on whole.
                double[] queries = net.watchedView("db").data().queriesPerSecond();
                assertThat(queries).hasSize(k - 10);
                assertThat(queries[0]).isNaN();
                if (k > 11) {
                    assertThat(last(queries)).isGreaterThan(50);
                }
            }
            if (k == 19) {
                net.runUntil(20);
                net.unwatch("api");
                assertThat(net.watchedView("api")).isNull();
                assertThat(net.watchedIds()).containsExactly("redis", "db");
                net.unwatch("api"); // not watched: nothing
            }
            if (k == 10) {
                net.runUntil(10.5);
                net.watch("db");
            }
        }
        assertThat(net.watchedView("redis").history().get(dev.scalelab.world.RunHistory.Keys.CACHE_HIT_RATIO).seconds()).isEqualTo(30);
        net.unwatch("redis");
        net.unwatch("db");
        assertThat(net.watchedIds()).isEmpty();
        // Watched two and three at a time, each viewed every second, or not at all: the same run.
        Network plain = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.CACHED));
        plain.run();
        net.run();
        assertThat(net.reportJson()).isEqualTo(plain.reportJson());
    }

    /**
     * lb spreads over web and, by edge weight, over admin too: its record is of its picks within web, its
     * first edge, and they are the requests web's instances took, all of them. web-1 fails every request
     * from 5 s: five in a row eject it, the view's excluded instances are the balancer's own health's, and
     * from then on round robin skips it (its picks stop).
     */
    @Test
    void aBalancerOverTwoServicesShowsItsFirstEdgesPoolAndItsEjections() {
        Network net = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.BALANCED
                .replace("\"nodes\":[", "\"nodes\":[{\"id\":\"admin\",\"kind\":\"service\"},")
                .replace("{\"from\":\"lb\",\"to\":\"web\"}", "{\"from\":\"lb\",\"to\":\"web\",\"weight\":3},{\"from\":\"lb\",\"to\":\"admin\"}")
                .replace("\"topology\"", "\"timeline\":[{\"atSeconds\":5,\"command\":\"error-instance\",\"target\":\"web-1\",\"value\":1.0}],\"topology\"")));
        net.watch("lb");
        RouterNode lb = (RouterNode) net.node("lb");
        ServiceNode web = (ServiceNode) net.node("web");
        long webPicks = 0;
        for (int k = 1; k <= 20; k++) {
            net.runUntil(k);
            Snapshot view = net.watchedView("lb");
            long taken = web.instances.stream().mapToLong(NodeWatchTest::taken).sum();
            assertThat(view.dispatches().total()).isEqualTo(taken).isLessThan(lb.arrivals).isGreaterThan(lb.arrivals / 2);
            assertThat(view.instances()).extracting(Snapshot.InstanceView::id).containsExactly("web-0", "web-1", "web-2");
            assertThat(view.balancer().excluded()).isEqualTo(lb.healthOf(web).excluded());
            webPicks = view.instances().get(1).routed();
        }
        Snapshot view = net.watchedView("lb");
        assertThat(view.balancer().excluded()).containsExactly(java.util.Map.entry("web-1", "ejected"));
        assertThat(view.recentLog()).anyMatch(e -> e.source() == Source.OUTLIER && e.message().startsWith("web-1 eject: 5 consecutive errors"));
        net.runUntil(21);
        assertThat(net.watchedView("lb").instances().get(1).routed()).isEqualTo(webPicks);
        assertThat(net.watchedView("lb").dispatches().instanceNumbers()).doesNotContain(1);
    }

    /**
     * A CDN watched as the Caching panel sees a cache: one level, its edge, whose counters, slots and
     * events are the CDN's hierarchy's, second by second; Che's approximation for 1,000 objects of the
     * clients' Zipf keys, as the clients reach it directly; its origin's mean answer time as the store's.
     */
    @Test
    void theViewOfAWatchedCdnIsItsEdgesOwnNumbers() {
        Network net = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.FRONTED));
        net.watch("cdn");
        CacheNode cdn = (CacheNode) net.node("cdn");
        long[] edgeBefore = {0, 0};
        dev.scalelab.engine.caching.HierarchyStats before = cdn.stats();
        for (int k = 1; k <= 45; k++) {
            net.runUntil(k);
            Snapshot s = net.watchedView("cdn");
            Snapshot.CacheView view = s.cache();
            dev.scalelab.engine.caching.LevelStats edge = cdn.hierarchy().levelStats(0);
            dev.scalelab.engine.caching.HierarchyStats now = cdn.stats();
            assertThat(view.levels()).hasSize(1);
            Snapshot.CacheLevelView level = view.levels().get(0);
            assertThat(level.name()).isEqualTo("edge");
            assertThat(level.scope()).isEqualTo("shared");
            assertThat(level.copies()).isEqualTo(1);
            assertThat(level.hits()).isEqualTo(edge.hits());
            assertThat(level.misses()).isEqualTo(edge.misses());
            assertThat(level.occupancy()).isEqualTo(edge.occupancy()).isLessThanOrEqualTo(1000);
            assertThat(level.evictions()).isEqualTo(edge.evictions());
            assertThat(level.expiries()).isEqualTo(edge.expiries());
            assertThat(level.hitRatio()).isEqualTo(edge.hitRatio());
            assertThat(last(level.hitRatioSeries())).isEqualTo((edge.hits() - edgeBefore[0])
                    / (double) (edge.hits() - edgeBefore[0] + edge.misses() - edgeBefore[1]));
            edgeBefore[0] = edge.hits();
            edgeBefore[1] = edge.misses();
            assertThat(last(view.hitRatioSeries())).isEqualTo((now.cacheReads() - before.cacheReads()) / (double) (now.reads() - before.reads()));
            assertThat(last(view.storeLoadsPerSecond())).isEqualTo((double) (now.storeLoads() - before.storeLoads())).isGreaterThan(0);
            assertThat(last(view.duplicateLoadsPerSecond())).isEqualTo((double) (now.duplicateLoads() - before.duplicateLoads()));
            assertThat(last(view.coalescedReadsPerSecond())).isEqualTo((double) (now.coalescedReads() - before.coalescedReads()));
            before = now;
            assertThat(view.reads()).isEqualTo(now.reads());
            assertThat(view.storeLoads()).isEqualTo(now.storeLoads());
            assertThat(last(s.series().offeredPerSecond())).isEqualTo(cdn.arrivalsPerSecond).isGreaterThan(500);
            // The slots drawn are the edge's keys; the events its newest.
            assertThat(level.slotKeys()).hasSize(1000);
            assertThat(level.eventsRecorded()).isEqualTo(cdn.hierarchy().levelCopies(0).iterator().next().events().recorded()).isGreaterThan(0);
        }
        Snapshot s = net.watchedView("cdn");
        Snapshot.CacheLevelView level = s.cache().levels().get(0);
        // Its section: the box's fields, as the panel shows a level.
        assertThat(level.capacity()).isEqualTo(1000);
        assertThat(level.policy()).isEqualTo("lru");
        assertThat(level.ttlSeconds()).isEqualTo(20.0);
        assertThat(level.latencyMs()).isEqualTo(2.0);
        assertThat(level.expiries()).as("a 20 s TTL over 45 s").isGreaterThan(0);
        assertThat(s.cache().writePolicy()).isEqualTo("write-around");
        assertThat(s.cache().coalesce()).isTrue();
        assertThat(s.cache().optimalHitRatio()).isNaN();
        assertThat(s.cache().hitRatio()).isEqualTo(net.report().path("nodes").path("cdn").path("hitRatio").asDouble()).isBetween(0.3, 0.9);
        double[] p = dev.scalelab.engine.caching.CheApproximation.probabilities(dev.scalelab.world.SectionConfigs.keys(
                net.scenario().topology().node("users").workload().keys()));
        assertThat(level.cheHitRatio()).isEqualTo(dev.scalelab.engine.caching.CheApproximation.lruHitRatio(p, 1000)).isBetween(0.4, 0.9);
        // The origin is a service: the store's latency is its mean answer time so far, to 0.1 ms.
        assertThat(s.current().database()).isNull();
        double originMs = Math.round(net.nodeLatency("web").meanMs() * 10) / 10.0;
        assertThat(originMs).isGreaterThanOrEqualTo(10);
        assertThat(s.current().cache().storeLatency()).isEqualTo(dev.scalelab.world.DistributionSpec.constant(originMs));
        assertThat(s.current().cache().levels()).hasSize(1);
        assertThat(s.instances()).isEmpty(); // no service calls it: its reads come from the clients
        assertThat(s.scaling()).isNull();
        Network plain = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.FRONTED));
        plain.run();
        net.run();
        assertThat(net.reportJson()).isEqualTo(plain.reportJson());
    }

    /** Che's approximation is the CDN's only where one popularity of keys reaches it unfiltered: a second clients box of other keys mixes it. */
    @Test
    void aCdnReachedByTwoPopularitiesHasNoChePrediction() {
        Network net = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.FRONTED
                .replace("\"nodes\":[", "\"nodes\":[{\"id\":\"bots\",\"kind\":\"clients\",\"workload\":{\"keys\":{\"distribution\":\"uniform\"}}},")
                .replace("\"edges\":[", "\"edges\":[{\"from\":\"bots\",\"to\":\"cdn\"},")));
        net.watch("cdn");
        net.runUntil(2);
        assertThat(net.watchedView("cdn").cache().levels().get(0).cheHitRatio()).isNaN();
    }

    @Test
    void anApiNoSidecarCallsAQueueTwoServicesReadAndClientsAreNotWatched() {
        Network net = new Network(ScenarioFiles.parse(DESIGN));
        assertThatThrownBy(() -> net.watch("pay")).isInstanceOf(ScenarioException.class)
                .hasMessage("nodes.pay: no edge calls pay through a sidecar (a timeout, retries, a circuit breaker or a bulkhead on a "
                        + "sync edge), so there is no client for the Resilience panel to show: give an edge to pay one in the inspector");
        assertThatThrownBy(() -> net.watch("users")).isInstanceOf(ScenarioException.class)
                .hasMessage("nodes.users: users is of kind clients: a service's pool, a cache box's or a CDN's levels, a database's shards, an "
                        + "external API's callers' sidecars, a topic's or a queue's consumers or a balancer's picks are watched");
        assertThat(net.watchedView("pay")).isNull();
        assertThat(net.watchedIds()).isEmpty();
        // A queue two services read has two pools of consumers, with two processing times: the panel shows one.
        Network twoReaders = new Network(ScenarioFiles.parse(NodeWatchTestDesigns.QUEUED
                .replace("{\"from\":\"jobs\",\"to\":\"worker\",\"mode\":\"async\"}",
                        "{\"from\":\"jobs\",\"to\":\"worker\",\"mode\":\"async\"},{\"from\":\"jobs\",\"to\":\"mailer\",\"mode\":\"async\"}")
                .replace("\"nodes\":[", "\"nodes\":[{\"id\":\"mailer\",\"kind\":\"service\"},")));
        assertThatThrownBy(() -> twoReaders.watch("jobs")).isInstanceOf(ScenarioException.class)
                .hasMessage("nodes.jobs: jobs is read by 2 services (worker, mailer): the Events panel shows a work queue's one pool "
                        + "of consumers, with one processing time");
    }
}
