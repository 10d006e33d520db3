package dev.scalelab.ui.scaling;

import dev.scalelab.ui.Formats;
import dev.scalelab.ui.charts.ChartPacer;
import dev.scalelab.world.Action;
import dev.scalelab.world.LogEntry;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;
import dev.scalelab.world.Snapshot.InstanceState;
import dev.scalelab.world.Snapshot.InstanceView;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Locale;

/**
 * What the Scaling panel says besides its drawing: the autoscaler's state in the header, its last
 * decision cut into steps with when it was made and when the next one is due, the vertical
 * scaler's last decision, the instance the user selected in the pool and which actions apply to
 * it, and when the charts need new points. Sends the user's actions to the simulation.
 *
 * <p>FX thread only.
 */
public final class ScalingViewModel {
    /** The speed a "slow" instance is set to: a gray failure, up and healthy but four times slower. */
    static final double SLOW_SPEED_FACTOR = 0.25;
    /** At 100× a sample arrives every frame; a few chart updates a second still read as live. */
    static final long MIN_CHART_UPDATE_INTERVAL_NANOS = ChartPacer.MIN_UPDATE_INTERVAL_NANOS;

    /** Receives a pool action: {@code SimulationRunner::act}. */
    @FunctionalInterface
    public interface ActionSink {
        void act(Action action, String target, Double value, double durationSeconds);
    }

    private final ActionSink sendAction;

    private final ReadOnlyStringWrapper autoscaler = new ReadOnlyStringWrapper(this, "autoscaler", "–");
    private final ReadOnlyStringWrapper replicas = new ReadOnlyStringWrapper(this, "replicas", "–");
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper(this, "size", "–");
    private final ReadOnlyStringWrapper costRate = new ReadOnlyStringWrapper(this, "costRate", "–");
    private final ReadOnlyStringWrapper costTotal = new ReadOnlyStringWrapper(this, "costTotal", "–");
    private final ReadOnlyStringWrapper vertical = new ReadOnlyStringWrapper(this, "vertical", "–");

    private final ReadOnlyObjectWrapper<DecisionText> decision = new ReadOnlyObjectWrapper<>(this, "decision", DecisionText.EMPTY);
    private final ReadOnlyStringWrapper decisionTitle = new ReadOnlyStringWrapper(this, "decisionTitle", "");
    private final ReadOnlyStringWrapper decisionHelp = new ReadOnlyStringWrapper(this, "decisionHelp", "");
    private final ReadOnlyObjectWrapper<DecisionText> verticalDecision = new ReadOnlyObjectWrapper<>(this, "verticalDecision", DecisionText.EMPTY);
    private final ReadOnlyStringWrapper verticalTitle = new ReadOnlyStringWrapper(this, "verticalTitle", "");
    private final ReadOnlyBooleanWrapper verticalShown = new ReadOnlyBooleanWrapper(this, "verticalShown", false);

    private final ReadOnlyStringWrapper selectedId = new ReadOnlyStringWrapper(this, "selectedId", null);
    private final ReadOnlyStringWrapper selection = new ReadOnlyStringWrapper(this, "selection", "");
    private final ReadOnlyBooleanWrapper canKill = new ReadOnlyBooleanWrapper(this, "canKill", false);
    private final ReadOnlyBooleanWrapper canSlow = new ReadOnlyBooleanWrapper(this, "canSlow", false);
    private final ReadOnlyBooleanWrapper canRestore = new ReadOnlyBooleanWrapper(this, "canRestore", false);
    private final ReadOnlyStringWrapper whyNot = new ReadOnlyStringWrapper(this, "whyNot", "");

    private Snapshot snapshot;
    private InstanceView selected;
    private String shownDecision;
    private String shownVertical;
    /** Virtual time of the horizontal decision shown, or of the change that restarted the autoscaler's clock. */
    private double syncAnchorSeconds = Double.NaN;
    private double verticalAnchorSeconds = Double.NaN;
    private double decisionSeconds = Double.NaN;
    private double verticalSeconds = Double.NaN;
    private Scenario.AutoscalerPolicy anchoredPolicy;
    private double anchoredSyncSeconds = Double.NaN;
    private Scenario.VerticalPolicyKind anchoredVertical;
    private double anchoredVerticalInterval = Double.NaN;
    private long shownCountdown = Long.MIN_VALUE;
    private long shownVerticalCountdown = Long.MIN_VALUE;

    private final ChartPacer chartPacer = new ChartPacer();

    public ScalingViewModel(ActionSink sendAction) {
        this.sendAction = sendAction;
    }

    /** Takes in a new snapshot. */
    public void update(Snapshot newSnapshot) {
        if (snapshot != null && newSnapshot.timeSeconds() < snapshot.timeSeconds()) {
            restart();
        }
        snapshot = newSnapshot;
        Snapshot.Scaling scaling = newSnapshot.scaling();
        Scenario current = newSnapshot.current();
        autoscaler.set(describeAutoscaler(current.autoscaler()));
        replicas.set(describeReplicas(scaling));
        size.set(describeSize(scaling, newSnapshot.instances()));
        costRate.set(dollars(scaling.costPerHour()) + " / h");
        costTotal.set(dollars(scaling.costDollars()));
        vertical.set(describeVertical(current.verticalScaler()));
        updateDecision(newSnapshot);
        updateVertical(newSnapshot);
        updateSelection();
    }

    private void restart() {
        shownDecision = null;
        shownVertical = null;
        syncAnchorSeconds = Double.NaN;
        verticalAnchorSeconds = Double.NaN;
        decisionSeconds = Double.NaN;
        verticalSeconds = Double.NaN;
        anchoredPolicy = null;
        anchoredVertical = null;
    }

    // ------------------------------------------------------------------ header

    static String describeAutoscaler(Scenario.Autoscaler a) {
        switch (a.policy()) {
            case HPA:
                return String.format(Locale.ROOT, "HPA · CPU %.0f %%", a.targetUtilization());
            case THRESHOLD:
                return String.format(Locale.ROOT, "threshold · CPU %.0f %%", a.targetUtilization());
            case TARGET_TRACKING:
                return "target tracking · " + describeTarget(a);
            default:
                return "none";
        }
    }

    /** "p95 latency 200 ms" or "queue 5 per instance". */
    static String describeTarget(Scenario.Autoscaler a) {
        String value = Parameter.format(a.targetValue());
        return a.metric().id().equals("p95-latency") ? "p95 latency " + value + " ms" : "queue " + value + " per instance";
    }

    /** "4 / 7": ready of desired; the pool's title says how many are starting. */
    static String describeReplicas(Snapshot.Scaling scaling) {
        return scaling.readyReplicas() + " / " + scaling.specReplicas();
    }

    static String describeSize(Snapshot.Scaling scaling, List<InstanceView> instances) {
        String target = scaling.targetSize();
        if (!scaling.rolling()) {
            int vcpus = vcpusOf(target, instances);
            return vcpus > 0 ? target + " · " + vcpus + " vCPU" : target;
        }
        int replaced = 0;
        int active = 0;
        for (InstanceView in : instances) {
            if (in.state() != InstanceState.FAILED && in.state() != InstanceState.DRAINING) {
                active++;
                if (in.size().equals(target) && in.state() == InstanceState.READY) {
                    replaced++;
                }
            }
        }
        return target + " (rolling " + replaced + "/" + active + ")";
    }

    private static int vcpusOf(String size, List<InstanceView> instances) {
        for (InstanceView in : instances) {
            if (in.size().equals(size)) {
                return in.vcpus();
            }
        }
        return 0;
    }

    static String describeVertical(Scenario.VerticalScaler v) {
        switch (v.policy()) {
            case THRESHOLD:
                return String.format(Locale.ROOT, "threshold > %.0f %%", v.upThreshold() * 100);
            case VPA:
                return String.format(Locale.ROOT, "VPA P%.0f + %.0f %%", v.targetPercentile() * 100, v.marginFraction() * 100);
            default:
                return "off";
        }
    }

    /** $0.0123, $0.384, $12.50: the digits that matter at each size. */
    static String dollars(double amount) {
        if (amount < 0.1) {
            return String.format(Locale.ROOT, "$%.4f", amount);
        }
        if (amount < 10) {
            return String.format(Locale.ROOT, "$%.3f", amount);
        }
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }

    // ------------------------------------------------------------------ decisions

    private void updateDecision(Snapshot s) {
        Scenario.Autoscaler a = s.current().autoscaler();
        String text = s.scaling().lastDecision();
        // Identity, not equality: each decision is a new string, even one that reads like the last.
        if (text != shownDecision) {
            shownDecision = text;
            decision.set(DecisionText.parse(text));
            decisionSeconds = text.isEmpty() ? Double.NaN : timeOfLog(s, text, s.timeSeconds());
            syncAnchorSeconds = decisionSeconds;
        }
        // A new policy or sync period restarts the autoscaler's clock (ScalingSystem.configureAutoscaler).
        if (a.policy() != anchoredPolicy || a.syncPeriodSeconds() != anchoredSyncSeconds) {
            syncAnchorSeconds = restartedClock(s, anchoredPolicy == null, syncAnchorSeconds,
                    Parameter.of("autoscaler.policy"), Parameter.of("autoscaler.syncPeriodSeconds"));
            anchoredPolicy = a.policy();
            anchoredSyncSeconds = a.syncPeriodSeconds();
            decisionHelp.set(explainPolicy(a));
        }
        long countdown = a.policy() == Scenario.AutoscalerPolicy.NONE || Double.isNaN(syncAnchorSeconds)
                ? -1 : (long) Math.ceil(Math.max(0, syncAnchorSeconds + a.syncPeriodSeconds() - s.timeSeconds()));
        if (countdown != shownCountdown || decisionTitle.get().isEmpty()) {
            shownCountdown = countdown;
            decisionTitle.set(decisionTitle(a, decision.get(), decisionSeconds, countdown));
        }
    }

    static String decisionTitle(Scenario.Autoscaler a, DecisionText d, double decidedAtSeconds, long nextInSeconds) {
        String next = nextInSeconds < 0 ? "" : nextInSeconds == 0 ? " · next decision now" : " · next in " + nextInSeconds + " s";
        if (a.policy() == Scenario.AutoscalerPolicy.NONE) {
            return d.isEmpty()
                    ? "No horizontal autoscaler: the pool keeps the desired count. Choose a policy on the right."
                    : "Autoscaler off · its last decision, at " + Formats.clock(decidedAtSeconds) + ":";
        }
        if (d.isEmpty()) {
            return "Horizontal autoscaler · no decision yet" + next;
        }
        String who = d.source().isEmpty() ? "Autoscaler" : d.source();
        return who + " decision at " + Formats.clock(decidedAtSeconds) + next;
    }

    /** How the chosen policy decides, for the decision box's tooltip. */
    static String explainPolicy(Scenario.Autoscaler a) {
        switch (a.policy()) {
            case HPA:
                return "Kubernetes HPA, every sync period: utilization = Σ CPU used / Σ CPU requested over ready pods; "
                        + "ratio = utilization / target; desired = ⌈ready × ratio⌉, but no change while the ratio is "
                        + "within 1 ± tolerance. Pods not ready yet count as 0 % when scaling up; missing ones as 100 % "
                        + "when scaling down. Then stabilization (the lowest recommendation of the scale-up window, the "
                        + "highest of the scale-down window), the behavior policies (Pods or Percent per period) and "
                        + "min/max replicas.";
            case THRESHOLD:
                return "Threshold rule, every sync period: average CPU above the target adds one instance; below "
                        + "half the target removes the least-loaded one; in between, keep. Within min and max replicas.";
            case TARGET_TRACKING:
                return "Target tracking, every sync period: desired = ⌈ready × metric / target value⌉ on "
                        + describeTarget(a) + ". Scale-out at once; scale-in waits for the scale-down "
                        + "stabilization (cooldown) after the last change, and only outside 1 ± tolerance.";
            default:
                return "No horizontal autoscaler: the pool keeps its desired count; add or remove instances by hand.";
        }
    }

    private void updateVertical(Snapshot s) {
        Scenario.VerticalScaler v = s.current().verticalScaler();
        String text = s.scaling().lastVertical();
        if (text != shownVertical) {
            shownVertical = text;
            verticalDecision.set(DecisionText.parse(text));
            verticalSeconds = text.isEmpty() ? Double.NaN : timeOfLog(s, text, s.timeSeconds());
            verticalAnchorSeconds = verticalSeconds;
        }
        if (v.policy() != anchoredVertical || v.intervalSeconds() != anchoredVerticalInterval) {
            verticalAnchorSeconds = restartedClock(s, anchoredVertical == null, verticalAnchorSeconds,
                    Parameter.of("verticalScaler.policy"), Parameter.of("verticalScaler.intervalSeconds"));
            anchoredVertical = v.policy();
            anchoredVerticalInterval = v.intervalSeconds();
        }
        boolean on = v.policy() != Scenario.VerticalPolicyKind.NONE;
        verticalShown.set(on || !text.isEmpty());
        long countdown = !on || Double.isNaN(verticalAnchorSeconds)
                ? -1 : (long) Math.ceil(Math.max(0, verticalAnchorSeconds + v.intervalSeconds() - s.timeSeconds()));
        if (countdown != shownVerticalCountdown || verticalTitle.get().isEmpty()) {
            shownVerticalCountdown = countdown;
            String next = countdown < 0 ? "" : " · next in " + countdown + " s";
            String title;
            if (!on && verticalDecision.get().isEmpty()) {
                title = "";
            } else if (!on) {
                title = "Vertical scaler off · its last decision, at " + Formats.clock(verticalSeconds) + ":";
            } else if (verticalDecision.get().isEmpty()) {
                title = "Vertical scaler (" + v.policy().id() + ") · no decision yet" + next;
            } else {
                title = "Vertical scaler (" + v.policy().id() + ") decision at " + Formats.clock(verticalSeconds) + next;
            }
            verticalTitle.set(title);
        }
    }

    /** When the log says {@code message} was written (the newest such line), or {@code fallback}. */
    static double timeOfLog(Snapshot s, String message, double fallback) {
        List<LogEntry> log = s.recentLog();
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).message().equals(message)) {
                return log.get(i).timeSeconds();
            }
        }
        return fallback;
    }

    /**
     * Where a scaler's clock starts again after its policy or period changed: at the change, as the
     * log tells it. Seen for the first time (a new run, or the panel shown for the first time), the
     * clock runs from the later of its last decision and its last change; from the run's start
     * (t = 0) when there was neither.
     */
    static double restartedClock(Snapshot s, boolean firstSight, double lastDecisionSeconds, Parameter... parameters) {
        double changed = timeOfChange(s, parameters);
        if (!firstSight) {
            return Double.isNaN(changed) ? s.timeSeconds() : changed;
        }
        double anchor = Double.isNaN(lastDecisionSeconds) ? 0 : lastDecisionSeconds;
        return Double.isNaN(changed) ? anchor : Math.max(anchor, changed);
    }

    /**
     * When the newest change of one of {@code parameters} was made, from its log line
     * ("autoscaler.syncPeriodSeconds: 15 -> 60"), or NaN when the recent log holds none.
     */
    static double timeOfChange(Snapshot s, Parameter... parameters) {
        List<LogEntry> log = s.recentLog();
        for (int i = log.size() - 1; i >= 0; i--) {
            String message = log.get(i).message();
            for (Parameter p : parameters) {
                if (message.startsWith(p.path() + ": ")) {
                    return log.get(i).timeSeconds();
                }
            }
        }
        return Double.NaN;
    }

    // ------------------------------------------------------------------ selection and actions

    /** Selects the instance {@code id} (from a click on its tile), or none with null. */
    public void select(String id) {
        selectedId.set(id);
        updateSelection();
    }

    private void updateSelection() {
        String id = selectedId.get();
        selected = null;
        if (id != null && snapshot != null) {
            for (InstanceView in : snapshot.instances()) {
                if (in.id().equals(id)) {
                    selected = in;
                    break;
                }
            }
            if (selected == null) {
                selectedId.set(null); // it is gone: terminated, or failed and replaced
            }
        }
        InstanceView in = selected;
        boolean active = in != null && in.state() != InstanceState.FAILED && in.state() != InstanceState.DRAINING;
        canKill.set(in != null && in.state() != InstanceState.FAILED);
        canSlow.set(active && in.speedFactor() != SLOW_SPEED_FACTOR);
        canRestore.set(active && in.speedFactor() < 1);
        selection.set(in == null ? "None: click a tile in the pool." : describeInstance(in));
        whyNot.set(in == null ? "Select an instance first: click its tile in the pool."
                : in.state() == InstanceState.FAILED ? in.id() + " has failed; the pool is replacing it."
                : in.state() == InstanceState.DRAINING ? in.id() + " is draining: it takes no new requests and will be gone soon."
                : "");
    }

    /**
     * "i-3 · ready · medium, 2 vCPU · 25 % speed". Its busy workers and queue are on its tile: here
     * they would change every frame, and the pane would lay itself out again every frame.
     */
    static String describeInstance(InstanceView in) {
        StringBuilder s = new StringBuilder(in.id()).append(" · ").append(stateName(in));
        s.append(" · ").append(in.size()).append(", ").append(in.vcpus()).append(" vCPU");
        if (in.speedFactor() < 1) {
            s.append(" · ").append(Math.round(in.speedFactor() * 100)).append(" % speed");
        }
        return s.toString();
    }

    static String stateName(InstanceView in) {
        switch (in.state()) {
            case PROVISIONING: return "pending";
            case BOOTING: return "booting";
            case DRAINING: return "draining";
            case FAILED: return "failed";
            default: return in.warmingUp() ? "warming up" : "ready";
        }
    }

    public void addInstance() {
        sendAction.act(Action.ADD_INSTANCE, null, null, 0);
    }

    /** Removes the selected instance if there is one that can go, otherwise lets the pool choose. */
    public void removeInstance() {
        String target = selected != null && selected.state() != InstanceState.FAILED
                && selected.state() != InstanceState.DRAINING ? selected.id() : null;
        sendAction.act(Action.REMOVE_INSTANCE, target, null, 0);
    }

    public void killSelected() {
        if (canKill.get()) {
            sendAction.act(Action.KILL_INSTANCE, selected.id(), null, 0);
        }
    }

    public void slowSelected() {
        if (canSlow.get()) {
            sendAction.act(Action.SLOW_INSTANCE, selected.id(), SLOW_SPEED_FACTOR, 0);
        }
    }

    public void restoreSelected() {
        if (canRestore.get()) {
            sendAction.act(Action.SLOW_INSTANCE, selected.id(), 1.0, 0);
        }
    }

    // ------------------------------------------------------------------ charts

    /**
     * The replica count that would serve {@code offeredPerSecond} at the target utilization: offered
     * work (req/s × mean service time) over what one replica does at the target (workers × target).
     * The load line of the replicas chart, in the same unit as the replicas, so that the three lines
     * compare at a glance: where the HPA should settle once it has caught up.
     */
    static double neededReplicas(double offeredPerSecond, double meanServiceMs, int workersPerReplica, double targetFraction) {
        if (workersPerReplica <= 0 || targetFraction <= 0) {
            return Double.NaN;
        }
        return offeredPerSecond * meanServiceMs / 1000 / (workersPerReplica * targetFraction);
    }

    /** Workers of a new replica: those of an instance of the pool's target size, else the scenario's. */
    static int workersPerReplica(Snapshot s) {
        String target = s.scaling().targetSize();
        for (InstanceView in : s.instances()) {
            if (in.size().equals(target) && in.state() != InstanceState.FAILED) {
                return in.workers();
            }
        }
        return s.current().service().workersPerInstance();
    }

    /** The CPU target as a fraction, for the load line and the CPU chart; 0.6 when the policy has none. */
    static double targetFraction(Scenario.Autoscaler a) {
        return a.targetUtilization() > 0 ? a.targetUtilization() / 100 : 0.6;
    }

    /** Whether the horizontal policy aims at a CPU utilization (HPA, threshold), so its target is worth a line. */
    static boolean actsOnCpu(Scenario.Autoscaler a) {
        return a.policy() == Scenario.AutoscalerPolicy.HPA || a.policy() == Scenario.AutoscalerPolicy.THRESHOLD;
    }

    /**
     * True when the newest sample is one the charts have not shown and the charts may redraw now
     * (at most four times a wall second, but at once after a restart).
     */
    public boolean chartsDue(double newest, long nowNanos) {
        return chartPacer.due(newest, nowNanos);
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyStringProperty autoscalerProperty() {
        return autoscaler.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty replicasProperty() {
        return replicas.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty costRateProperty() {
        return costRate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty costTotalProperty() {
        return costTotal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verticalProperty() {
        return vertical.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DecisionText> decisionProperty() {
        return decision.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty decisionTitleProperty() {
        return decisionTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty decisionHelpProperty() {
        return decisionHelp.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DecisionText> verticalDecisionProperty() {
        return verticalDecision.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verticalTitleProperty() {
        return verticalTitle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verticalShownProperty() {
        return verticalShown.getReadOnlyProperty();
    }

    /** The id of the selected instance, or null. */
    public ReadOnlyStringProperty selectedIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    /** The selected instance in words, or how to select one. */
    public ReadOnlyStringProperty selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canKillProperty() {
        return canKill.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSlowProperty() {
        return canSlow.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRestoreProperty() {
        return canRestore.getReadOnlyProperty();
    }

    /** Why the actions on the selected instance are unavailable, or "" when they apply. */
    public ReadOnlyStringProperty whyNotProperty() {
        return whyNot.getReadOnlyProperty();
    }
}
