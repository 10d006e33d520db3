package dev.scalelab.world.network;

import dev.scalelab.runtime.DesignRun;
import dev.scalelab.world.Action;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Commands given while a drawn system runs (the canvas's faults on a box): they run at a free whole
 * millisecond, and the design with them in its timeline at those times replays the run exactly.
 */
class NetworkCommandTest {
    private static final String NODES = "{\"id\":\"users\",\"kind\":\"clients\",\"workload\":{\"arrival\":{\"ratePerSecond\":200}}},"
            + "{\"id\":\"web\",\"kind\":\"service\",\"service\":{\"instances\":3,\"workersPerInstance\":4,\"queueCapacity\":50,"
            + "\"provisionSeconds\":2,\"bootSeconds\":3,\"serviceTime\":{\"distribution\":\"exponential\",\"meanMs\":10}}},"
            + "{\"id\":\"pay\",\"kind\":\"external\",\"external\":{\"latency\":{\"distribution\":\"constant\",\"meanMs\":20}}},"
            + "{\"id\":\"orders\",\"kind\":\"database\",\"database\":{\"sharding\":{\"shards\":2},\"replicasPerShard\":1}}";
    private static final String EDGES = "{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"pay\",\"probability\":0.5},"
            + "{\"from\":\"web\",\"to\":\"orders\"}";

    private static Scenario design(double seconds) {
        return ScenarioFiles.parse("{\"schema\":1,\"name\":\"commands\",\"seed\":11,\"durationSeconds\":" + seconds
                + ",\"topology\":{\"nodes\":[" + NODES + "],\"edges\":[" + EDGES + "]}}");
    }

    private static Scenario.TimelineEntry act(Action a, String target, Object value, double seconds) {
        return Scenario.TimelineEntry.action(0, a, target, value, seconds);
    }

    /**
     * Three faults given at odd moments (between events, not on whole milliseconds) run at the next
     * free whole millisecond, and the design with them in its timeline gives the same report, byte for
     * byte, and the same decisions.
     */
    @Test
    void aRunWithCommandsIsReplayedByItsRecordedTimeline() {
        Scenario d = design(60);
        Network live = new Network(d);
        live.runUntil(12.3456789);
        double killAt = live.command(act(Action.KILL_INSTANCE, "web-1", null, 0));
        live.runUntil(20.0004);
        double outageAt = live.command(act(Action.OUTAGE, "pay", null, 5));
        live.runUntil(31.77);
        double lagAt = live.command(act(Action.LAG_SPIKE, "orders/s1-r1", 400.0, 10));
        live.run();

        assertThat(killAt).isEqualTo(12.346);
        assertThat(outageAt).isBetween(20.001, 20.003);
        assertThat(lagAt).isBetween(31.771, 31.773);
        assertThat(live.decisions()).anyMatch(s -> s.startsWith("12.346 s web: web-1 failed ("));

        Scenario replay = d.withTimeline(List.of(
                Scenario.TimelineEntry.action(killAt, Action.KILL_INSTANCE, "web-1", null, 0),
                Scenario.TimelineEntry.action(outageAt, Action.OUTAGE, "pay", null, 5),
                Scenario.TimelineEntry.action(lagAt, Action.LAG_SPIKE, "orders/s1-r1", 400.0, 10)));
        Network again = new Network(replay);
        again.run();
        Network none = new Network(d);
        none.run();
        assertThat(again.reportJson()).isEqualTo(live.reportJson());
        assertThat(again.decisions()).isEqualTo(live.decisions());
        // The report of the replay lists what the run was given, at the moments it ran.
        assertThat(DesignReport.markdown(again, "report")).contains("## Timeline\n\n| at | command | target or field | value | for |\n"
                + "|---|---|---|---|---|\n| 12.346 s | kill-instance | web-1 | – | – |\n| " + dev.scalelab.world.Parameter.format(outageAt)
                + " s | outage | pay | – | 5 s |\n| " + dev.scalelab.world.Parameter.format(lagAt) + " s | lag-spike | orders/s1-r1 | 400 | 10 s |\n");
        assertThat(DesignReport.markdown(none, "report")).doesNotContain("## Timeline");
        // The faults did something: without them the run differs.
        assertThat(none.failed()).isLessThan(live.failed());
    }

    /** What a command may name comes with each snapshot: the service's running instances, the database's shards and replicas. */
    @Test
    void aSnapshotListsWhatACommandCanName() {
        Network net = new Network(design(30));
        net.runUntil(10);
        assertThat(net.snapshot().targets().get("web")).containsExactly("web-0", "web-1", "web-2");
        assertThat(net.snapshot().targets().get("orders")).containsExactly("orders/0", "orders/1", "orders/s0-r1", "orders/s1-r1");
        assertThat(net.snapshot().targets()).doesNotContainKeys("users", "pay");
        net.command(act(Action.KILL_INSTANCE, "web-0", null, 0));
        net.runUntil(10.5);
        // web-0 is gone; its replacement web-3 provisions, and can already be named.
        assertThat(net.snapshot().targets().get("web")).containsExactly("web-1", "web-2", "web-3");
        long before = net.snapshot().decisionCount();
        net.command(act(Action.ADD_INSTANCE, null, null, 0));
        assertThat(net.snapshot().decisionCount()).isEqualTo(before + 1);
        assertThat(net.snapshot().decisions()).last().asString().endsWith("web: add-instance: spec 3 -> 4");
    }

    /** A command the drawing cannot run is refused before it runs, naming its own field, and the run goes on unchanged. */
    @Test
    void aBadCommandIsRefusedNamingItsField() {
        Network net = new Network(design(30));
        net.runUntil(5);
        assertThatThrownBy(() -> net.command(act(Action.KILL_INSTANCE, "api-0", null, 0)))
                .isInstanceOf(ScenarioException.class).extracting(e -> ((ScenarioException) e).field()).isEqualTo("target");
        assertThatThrownBy(() -> net.command(act(Action.SLOW_INSTANCE, "web-0", 3.0, 0)))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("value")
                .hasMessageContaining("value: 3 is out of range; a number from 0.01 to 1 (the fraction of normal speed)");
        assertThatThrownBy(() -> net.command(act(Action.OUTAGE, "pay", null, 0)))
                .isInstanceOf(ScenarioException.class).extracting(e -> ((ScenarioException) e).field()).isEqualTo("durationSeconds");
        assertThatThrownBy(() -> net.command(act(Action.FLUSH_CACHE, "web", null, 0)))
                .isInstanceOf(ScenarioException.class).extracting(e -> ((ScenarioException) e).field()).isEqualTo("target");
        assertThat(net.nowSeconds()).isEqualTo(5);
        net.run();
        Network untouched = new Network(design(30));
        untouched.run();
        assertThat(net.reportJson()).isEqualTo(untouched.reportJson());
        assertThatThrownBy(() -> net.command(act(Action.ADD_INSTANCE, null, null, 0)))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("the run has ended at 30 s");
        // Given in the last millisecond, it would run past the end, where a replay never runs it: refused too.
        Network late = new Network(design(30));
        late.runUntil(29.9995);
        assertThatThrownBy(() -> late.command(act(Action.ADD_INSTANCE, null, null, 0)))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("the run has ended at 30 s");
        assertThat(late.finished()).isTrue();
        assertThat(late.reportJson()).isEqualTo(untouched.reportJson());
    }

    /**
     * On its own thread: commands given to a paused run are run at once and recorded; the run then
     * goes on at max speed to its end, and the recorded scenario replays it to the same final snapshot.
     */
    @Test
    void aDesignRunRecordsTheCommandsItRan() throws Exception {
        Scenario d = design(40);
        try (DesignRun run = new DesignRun(d)) {
            run.setPaused(true);
            run.start();
            run.command(act(Action.KILL_INSTANCE, "web-2", null, 0));
            run.command(act(Action.ERROR_RATE, "pay", 0.5, 8));
            waitFor(() -> run.commandsRun().size() == 2);
            assertThat(run.commandsRun()).extracting(Scenario.TimelineEntry::atSeconds).containsExactly(0.001, 0.002);
            // A database the drawing lacks is refused at once; a shard it lacks now is the run's to say (shards come and go).
            assertThatThrownBy(() -> run.command(act(Action.KILL_PRIMARY, "users/0", null, 0)))
                    .isInstanceOf(ScenarioException.class).hasMessageContaining("users/0");
            run.setSpeed(DesignRun.MAX_SPEED);
            run.setPaused(false);
            waitFor(run::finished);
            assertThat(run.failure()).isNull();
            Scenario recorded = run.recordedScenario();
            assertThat(recorded.timeline()).hasSize(2);
            Network again = new Network(recorded);
            again.run();
            NetworkSnapshot a = run.latest();
            NetworkSnapshot b = again.snapshot();
            assertThat(b.totals()).isEqualTo(a.totals());
            assertThat(b.nodes()).isEqualTo(a.nodes());
            assertThat(b.decisions()).isEqualTo(a.decisions());
            assertThatThrownBy(() -> run.command(act(Action.ADD_INSTANCE, null, null, 0)))
                    .isInstanceOf(ScenarioException.class).hasMessageContaining("ended");
        }
    }

    /**
     * An outage given to an API behind a breaker (window 10 calls, threshold 50 %): the breaker opens
     * on the outage's fifth failure, and the decision log says so with the figures that opened it, as the
     * pipeline's log does; after the wait in open it goes half-open.
     */
    @Test
    void aBreakerOpeningIsADecisionWithItsFigures() {
        Scenario d = ScenarioFiles.parse("{\"schema\":1,\"name\":\"breaker\",\"seed\":3,\"durationSeconds\":60,\"topology\":"
                + "{\"nodes\":[" + NODES + "],\"edges\":[{\"from\":\"users\",\"to\":\"web\"},{\"from\":\"web\",\"to\":\"pay\","
                + "\"breaker\":{\"slidingWindowSize\":10,\"minimumNumberOfCalls\":10,\"failureRateThreshold\":50,"
                + "\"waitDurationInOpenStateMs\":5000}},{\"from\":\"web\",\"to\":\"orders\"}]}}");
        Network net = new Network(d);
        net.runUntil(10);
        assertThat(net.decisions()).noneMatch(s -> s.contains("breaker"));
        double at = net.command(act(Action.OUTAGE, "pay", null, 30));
        net.runUntil(12);
        String opened = net.decisions().stream().filter(s -> s.contains("web: breaker to pay: CLOSED -> OPEN, "))
                .findFirst().orElseThrow();
        // Count-based window of 10: it opens at the first call that brings the window's failures to 5 of 10.
        assertThat(opened).contains("failure rate 50.0% ≥ 50% over 10 calls; open for 5000 ms");
        assertThat(Double.parseDouble(opened.substring(0, opened.indexOf(" s ")))).isBetween(at, at + 0.2);
        net.runUntil(at + 5.5);
        assertThat(net.decisions()).anyMatch(s -> s.contains("web: breaker to pay: OPEN -> HALF_OPEN"));
    }

    /** Waits (at most 20 s, so a broken run fails the test rather than hangs it) until {@code done}. */
    private static void waitFor(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
