package dev.scalelab.ui.events;

import dev.scalelab.engine.scaling.Lifecycle;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.charts.ChartPacer;
import dev.scalelab.world.EventsView;
import dev.scalelab.world.EventsView.ConsumerView;
import dev.scalelab.world.EventsView.GroupView;
import dev.scalelab.world.EventsView.QueueView;
import dev.scalelab.world.EventsView.TopicView;
import dev.scalelab.world.Snapshot;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;

/**
 * What the Events panel shows besides its drawings: whether the scenario has event streams (and work
 * queues), which topic and which of its groups are drawn (the user's choice, or the first), the
 * names to choose from, and the headline figures of the drawn group. FX thread only.
 */
final class EventsViewModel {
    static final String NONE = "–";

    private final ReadOnlyBooleanWrapper hasEvents = new ReadOnlyBooleanWrapper(this, "hasEvents", false);
    private final ReadOnlyBooleanWrapper hasTopics = new ReadOnlyBooleanWrapper(this, "hasTopics", false);
    private final ReadOnlyBooleanWrapper hasQueues = new ReadOnlyBooleanWrapper(this, "hasQueues", false);
    private final ReadOnlyStringWrapper lag = new ReadOnlyStringWrapper(this, "lag", NONE);
    private final ReadOnlyStringWrapper consumers = new ReadOnlyStringWrapper(this, "consumers", NONE);
    private final ReadOnlyStringWrapper endToEnd = new ReadOnlyStringWrapper(this, "endToEnd", NONE);
    private final ReadOnlyStringWrapper duplicates = new ReadOnlyStringWrapper(this, "duplicates", NONE);
    private final ReadOnlyStringWrapper deadLetters = new ReadOnlyStringWrapper(this, "deadLetters", NONE);
    private final ReadOnlyStringWrapper rebalances = new ReadOnlyStringWrapper(this, "rebalances", NONE);
    private final ChartPacer chartPacer = new ChartPacer();
    private long figuresAtNanos = Long.MIN_VALUE / 2;
    /** A new choice of topic or group shows its figures at once. */
    private boolean figuresDue = true;

    private String chosenTopic;
    private String chosenGroup;
    private TopicView topic;
    private GroupView group;
    private List<String> topicNames = List.of();
    private List<String> groupNames = List.of();

    /**
     * Takes in a new snapshot: picks the drawn topic and group, and sets the figures when they are due
     * (at most four times a wall second: a label whose text changes every frame costs a layout pass).
     */
    void update(Snapshot snapshot, long nowNanos) {
        EventsView events = snapshot.events();
        hasEvents.set(events != null);
        hasTopics.set(events != null && !events.topics().isEmpty());
        hasQueues.set(events != null && !events.queues().isEmpty());
        topic = events == null ? null : pickTopic(events.topics(), chosenTopic);
        group = topic == null ? null : pickGroup(events.groups(), topic.name(), chosenGroup);
        topicNames = events == null ? List.of() : names(events.topics());
        groupNames = topic == null ? List.of() : groupNamesOf(events.groups(), topic.name());
        QueueView queue = events == null || events.queues().isEmpty() ? null : events.queues().get(0);
        if (figuresDue || nowNanos - figuresAtNanos >= ChartPacer.MIN_UPDATE_INTERVAL_NANOS) {
            figuresDue = false;
            figuresAtNanos = nowNanos;
            setFigures(group, queue);
        }
    }

    private void setFigures(GroupView g, QueueView q) {
        if (g != null) {
            lag.set(Formats.count(g.totalLag()));
            consumers.set(consumerFigure(g.consumers(), g.desiredConsumers()));
            endToEnd.set(Double.isNaN(g.endToEndMsP99()) ? NONE : Formats.millis(g.endToEndMsP99()) + " ms");
            duplicates.set(Formats.count(g.duplicates()));
            deadLetters.set(Formats.count(g.deadLettered()));
            rebalances.set(g.rebalances() + " · " + Formats.millis(g.rebalancePauseMsTotal() / 1000) + " s");
        } else if (q != null) {
            lag.set(Formats.count(q.visible() + q.inFlight()));
            consumers.set(consumerFigure(q.consumers(), q.desiredConsumers()));
            endToEnd.set(Double.isNaN(q.endToEndMsP99()) ? NONE : Formats.millis(q.endToEndMsP99()) + " ms");
            duplicates.set(Formats.count(q.duplicates()));
            deadLetters.set(Formats.count(q.deadLettered()));
            rebalances.set(NONE);
        } else {
            for (ReadOnlyStringWrapper figure : List.of(lag, consumers, endToEnd, duplicates, deadLetters, rebalances)) {
                figure.set(NONE);
            }
        }
    }

    /** "3 / 4 ready → 8": ready of all consumers, and the autoscaler's wish when it has one. */
    static String consumerFigure(List<ConsumerView> all, int desired) {
        int ready = 0;
        for (ConsumerView c : all) {
            if (c.lifecycle() == Lifecycle.READY) {
                ready++;
            }
        }
        return ready + " / " + all.size() + (desired >= 0 ? " → " + desired : "");
    }

    /** The topic named {@code chosen}, or the first. */
    static TopicView pickTopic(List<TopicView> topics, String chosen) {
        for (TopicView t : topics) {
            if (t.name().equals(chosen)) {
                return t;
            }
        }
        return topics.isEmpty() ? null : topics.get(0);
    }

    /** The group named {@code chosen} if it reads {@code topic}, or the first group that does; null when none does. */
    static GroupView pickGroup(List<GroupView> groups, String topic, String chosen) {
        GroupView first = null;
        for (GroupView g : groups) {
            if (g.topic().equals(topic)) {
                if (g.name().equals(chosen)) {
                    return g;
                }
                if (first == null) {
                    first = g;
                }
            }
        }
        return first;
    }

    private static List<String> names(List<TopicView> topics) {
        List<String> out = new ArrayList<>(topics.size());
        for (TopicView t : topics) {
            out.add(t.name());
        }
        return out;
    }

    private static List<String> groupNamesOf(List<GroupView> groups, String topic) {
        List<String> out = new ArrayList<>();
        for (GroupView g : groups) {
            if (g.topic().equals(topic)) {
                out.add(g.name());
            }
        }
        return out;
    }

    static double last(double[] perSecond) {
        return perSecond == null || perSecond.length == 0 ? Double.NaN : perSecond[perSecond.length - 1];
    }

    void chooseTopic(String name) {
        chosenTopic = name;
        figuresDue = true;
    }

    void chooseGroup(String name) {
        chosenGroup = name;
        figuresDue = true;
    }

    /** True when the charts may take the newest per-second point now. */
    boolean chartsDue(Snapshot.Series series, long nowNanos) {
        return chartPacer.due(ChartPacer.newestSampleSeconds(series), nowNanos);
    }

    TopicView topic() {
        return topic;
    }

    GroupView group() {
        return group;
    }

    List<String> topicNames() {
        return topicNames;
    }

    List<String> groupNames() {
        return groupNames;
    }

    ReadOnlyBooleanProperty hasEventsProperty() {
        return hasEvents.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty hasTopicsProperty() {
        return hasTopics.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty hasQueuesProperty() {
        return hasQueues.getReadOnlyProperty();
    }

    ReadOnlyStringProperty lagProperty() {
        return lag.getReadOnlyProperty();
    }

    ReadOnlyStringProperty consumersProperty() {
        return consumers.getReadOnlyProperty();
    }

    ReadOnlyStringProperty endToEndProperty() {
        return endToEnd.getReadOnlyProperty();
    }

    ReadOnlyStringProperty duplicatesProperty() {
        return duplicates.getReadOnlyProperty();
    }

    ReadOnlyStringProperty deadLettersProperty() {
        return deadLetters.getReadOnlyProperty();
    }

    ReadOnlyStringProperty rebalancesProperty() {
        return rebalances.getReadOnlyProperty();
    }
}
