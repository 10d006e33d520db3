package dev.scalelab.ui.balancing;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.runtime.Frame;
import dev.scalelab.world.Action;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The Load balancing panel's logic: race mode, the two strategies, the selected instance and the
 * actions on it. Only this class sends commands to the simulation.
 *
 * <p>Race mode is a small state machine, because the runner answers asynchronously: switching it
 * on first asks for the current scenario ({@link RaceState#REQUESTED}), starts the race once that
 * has arrived ({@link RaceState#STARTED}), and counts it as running when a frame carries the
 * second world ({@link RaceState#RUNNING}). A running race that the simulation left (a reset, a new
 * scenario) switches the mode off again.
 *
 * <p>FX thread only.
 */
final class BalancingViewModel {
    /** A race the runner has not shown after this long was undone by a reset queued behind it. */
    static final long RACE_START_TIMEOUT_NANOS = 3_000_000_000L;
    static final double MAKE_SLOW_SPEED = 0.25;
    static final double RETURN_ERRORS_RATE = 0.5;

    enum RaceState { OFF, REQUESTED, STARTED, RUNNING }

    private final BalancerCommands commands;
    private final SideViewModel left = new SideViewModel();
    private final SideViewModel right = new SideViewModel();

    private final ReadOnlyBooleanWrapper raceMode = new ReadOnlyBooleanWrapper(this, "raceMode", false);
    private final ReadOnlyBooleanWrapper raceShown = new ReadOnlyBooleanWrapper(this, "raceShown", false);
    private final ReadOnlyObjectWrapper<Strategy> leftStrategy = new ReadOnlyObjectWrapper<>(this, "leftStrategy");
    private final ReadOnlyObjectWrapper<Strategy> rightStrategy = new ReadOnlyObjectWrapper<>(this, "rightStrategy", Strategy.P2C);
    private final ReadOnlyObjectWrapper<String> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper selectedSummary = new ReadOnlyStringWrapper(this, "selectedSummary", "");
    private final ObservableList<String> instanceIds = FXCollections.observableArrayList();
    private final InstanceField weight = new InstanceField(Action.WEIGHT_INSTANCE, "Weight");
    private final InstanceField speed = new InstanceField(Action.SLOW_INSTANCE, "Speed");
    private final InstanceField errorRate = new InstanceField(Action.ERROR_INSTANCE, "Error rate");

    private RaceState raceState = RaceState.OFF;
    private CompletableFuture<Scenario> pendingScenario;
    private long raceStartedAtNanos;
    private Strategy liveLeft;
    private Strategy liveRight;
    private Snapshot snapshot;
    private Snapshot raceSnapshot;
    private final List<String> idScratch = new ArrayList<>();

    BalancingViewModel(BalancerCommands commands) {
        this.commands = commands;
    }

    // ------------------------------------------------------------------ frames

    /** Takes in a new frame seen at pulse time {@code nowNanos}. */
    void update(Frame frame, long nowNanos) {
        snapshot = frame.snapshot();
        raceSnapshot = frame.race();
        boolean paused = frame.status().paused();
        left.update(snapshot, paused, nowNanos);
        Strategy live = snapshot.current().balancer().strategy();
        if (live != liveLeft) {
            liveLeft = live;
            leftStrategy.set(live);
        }
        if (raceSnapshot != null) {
            right.update(raceSnapshot, paused, nowNanos);
            Strategy liveRace = raceSnapshot.current().balancer().strategy();
            // Only a change in the simulation moves the choice, so a choice just sent is not undone meanwhile.
            if (liveRace != liveRight) {
                liveRight = liveRace;
                rightStrategy.set(liveRace);
            }
            if (raceState == RaceState.STARTED) {
                raceState = RaceState.RUNNING;
            }
        } else {
            liveRight = null;
            if (raceState == RaceState.RUNNING) {
                raceState = RaceState.OFF; // the simulation left race mode: a reset or another scenario
            }
        }
        showRaceState();
        showInstances();
    }

    /** Every pulse: starts a requested race once the runner has sent the scenario to race on. */
    void poll(long nowNanos) {
        if (raceState == RaceState.REQUESTED && pendingScenario != null && pendingScenario.isDone()) {
            Scenario scenario = pendingScenario.getNow(null);
            pendingScenario = null;
            if (scenario == null) {
                raceState = RaceState.OFF;
            } else {
                commands.startRace(scenario, leftStrategy.get() != null ? leftStrategy.get() : scenario.balancer().strategy(),
                        rightStrategy.get());
                raceState = RaceState.STARTED;
                raceStartedAtNanos = nowNanos;
            }
            showRaceState();
        } else if (raceState == RaceState.STARTED && nowNanos - raceStartedAtNanos > RACE_START_TIMEOUT_NANOS) {
            raceState = RaceState.OFF;
            showRaceState();
        }
    }

    private void showRaceState() {
        raceMode.set(raceState != RaceState.OFF);
        raceShown.set(raceState == RaceState.RUNNING);
    }

    // ------------------------------------------------------------------ race mode

    /**
     * Race mode on: the current scenario starts over in two worlds with the same seed, balanced by
     * the left and the right strategy. Off: the right world is dropped and the left one runs on.
     */
    void setRaceMode(boolean on) {
        if (on == (raceState != RaceState.OFF)) {
            return;
        }
        if (on) {
            raceState = RaceState.REQUESTED;
            pendingScenario = commands.currentScenario();
        } else {
            raceState = RaceState.OFF;
            pendingScenario = null;
            commands.stopRace();
        }
        showRaceState();
    }

    RaceState raceState() {
        return raceState;
    }

    /** The left strategy is the simulation's balancer.strategy, raced or not. */
    void chooseLeftStrategy(Strategy strategy) {
        if (strategy != null && strategy != leftStrategy.get()) {
            leftStrategy.set(strategy);
            send(Parameter.of("balancer.strategy"), strategy.id());
        }
    }

    /** The right world's strategy: at once during a race, else for the next race. */
    void chooseRightStrategy(Strategy strategy) {
        if (strategy == null || strategy == rightStrategy.get()) {
            return;
        }
        rightStrategy.set(strategy);
        if (raceState == RaceState.STARTED || raceState == RaceState.RUNNING) {
            commands.setRaceStrategy(strategy);
        }
    }

    /**
     * Sends a parameter change. The runner applies it to both worlds of a race, which is what the
     * balancer's settings want (both sides compare under the same settings) but not the strategy:
     * the right world gets its own strategy back in the same instant.
     */
    void send(Parameter parameter, Object value) {
        commands.set(parameter, value);
        if (parameter.path().equals("balancer.strategy")
                && (raceState == RaceState.STARTED || raceState == RaceState.RUNNING)) {
            commands.setRaceStrategy(rightStrategy.get());
        }
    }

    // ------------------------------------------------------------------ the selected instance

    /** Selects instance {@code id} (null: none) for the instance fields and actions. */
    void select(String id) {
        if (id == null ? selected.get() == null : id.equals(selected.get())) {
            return;
        }
        selected.set(id);
        Snapshot.InstanceView in = selectedView();
        weight.showSelected(in == null ? null : in.weight());
        speed.showSelected(in == null ? null : in.speedFactor());
        errorRate.showSelected(in == null ? null : in.errorRate());
        showSelectedSummary(in);
    }

    /** Sends the field's typed value for the selected instance; false, with the reason in the field, when refused. */
    boolean commit(InstanceField field) {
        if (!field.isEdited()) {
            field.parse();
            return true;
        }
        if (selected.get() == null) {
            field.refuse("Select an instance first: click it in the live view.");
            return false;
        }
        Double value = field.parse();
        if (value == null) {
            return false;
        }
        commands.act(field.action(), selected.get(), value);
        field.sent(value);
        return true;
    }

    /** "Make instance slow": gray failure at a quarter of its speed, on both sides of a race. */
    void makeSelectedSlow() {
        if (selected.get() != null) {
            commands.act(Action.SLOW_INSTANCE, selected.get(), MAKE_SLOW_SPEED);
            speed.sent(MAKE_SLOW_SPEED);
        }
    }

    /** "Return errors": half of the selected instance's answers fail, which outlier ejection and health checks can catch. */
    void selectedReturnsErrors() {
        if (selected.get() != null) {
            commands.act(Action.ERROR_INSTANCE, selected.get(), RETURN_ERRORS_RATE);
            errorRate.sent(RETURN_ERRORS_RATE);
        }
    }

    /** Full speed and no errors again. */
    void restoreSelected() {
        if (selected.get() != null) {
            commands.act(Action.SLOW_INSTANCE, selected.get(), 1.0);
            commands.act(Action.ERROR_INSTANCE, selected.get(), 0.0);
            speed.sent(1);
            errorRate.sent(0);
        }
    }

    /** Crashes the selected instance; the pool replaces it with a new one that boots first. */
    void killSelected() {
        if (selected.get() != null) {
            commands.act(Action.KILL_INSTANCE, selected.get(), null);
        }
    }

    private void showInstances() {
        idScratch.clear();
        for (Snapshot.InstanceView in : snapshot.instances()) {
            idScratch.add(in.id());
        }
        if (!idScratch.equals(instanceIds)) {
            instanceIds.setAll(idScratch);
        }
        Snapshot.InstanceView in = selectedView();
        if (in != null) {
            weight.showLive(in.weight());
            speed.showLive(in.speedFactor());
            errorRate.showLive(in.errorRate());
        }
        showSelectedSummary(in);
    }

    private void showSelectedSummary(Snapshot.InstanceView in) {
        String id = selected.get();
        if (id == null) {
            selectedSummary.set("Click an instance in the live view, or choose it here.");
        } else if (in == null) {
            selectedSummary.set(id + " is gone (replaced or removed).");
        } else {
            String exclusion = snapshot == null ? null : snapshot.balancer().excluded().get(id);
            selectedSummary.set(id + " is " + in.state().name().toLowerCase(Locale.ROOT)
                    + (exclusion != null ? ", " + exclusion + " by the balancer" : "") + ".");
        }
    }

    private Snapshot.InstanceView selectedView() {
        String id = selected.get();
        if (id == null || snapshot == null) {
            return null;
        }
        for (Snapshot.InstanceView in : snapshot.instances()) {
            if (in.id().equals(id)) {
                return in;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ properties

    SideViewModel left() {
        return left;
    }

    SideViewModel right() {
        return right;
    }

    /** True from the moment race mode is switched on until it is off again. */
    ReadOnlyBooleanProperty raceModeProperty() {
        return raceMode.getReadOnlyProperty();
    }

    /** True while frames carry the second world: show the right side. */
    ReadOnlyBooleanProperty raceShownProperty() {
        return raceShown.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Strategy> leftStrategyProperty() {
        return leftStrategy.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Strategy> rightStrategyProperty() {
        return rightStrategy.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<String> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    ReadOnlyStringProperty selectedSummaryProperty() {
        return selectedSummary.getReadOnlyProperty();
    }

    ObservableList<String> instanceIds() {
        return instanceIds;
    }

    InstanceField weight() {
        return weight;
    }

    InstanceField speed() {
        return speed;
    }

    InstanceField errorRate() {
        return errorRate;
    }
}
