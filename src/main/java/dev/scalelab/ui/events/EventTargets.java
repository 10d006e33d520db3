package dev.scalelab.ui.events;

import dev.scalelab.world.Action;
import dev.scalelab.world.EventStreams;
import dev.scalelab.world.ScenarioException;

import java.util.ArrayList;
import java.util.List;

/**
 * What the Events panel's actions may aim at, read from the scenario's {@code events} section, and
 * the check on the burst's size as typed. Pure: no JavaFX.
 */
final class EventTargets {
    private EventTargets() {
    }

    /** Every topic, then every work queue: where a burst can go. */
    static List<String> burstTargets(EventStreams.Events events) {
        List<String> out = topicNames(events);
        if (events != null) {
            for (EventStreams.Queue q : events.queues()) {
                out.add(q.name());
            }
        }
        return out;
    }

    /** Every group, then every work queue: who can lose a consumer. */
    static List<String> crashTargets(EventStreams.Events events) {
        List<String> out = new ArrayList<>();
        if (events != null) {
            for (EventStreams.Group g : events.groups()) {
                out.add(g.name());
            }
            for (EventStreams.Queue q : events.queues()) {
                out.add(q.name());
            }
        }
        return out;
    }

    static List<String> topicNames(EventStreams.Events events) {
        List<String> out = new ArrayList<>();
        if (events != null) {
            for (EventStreams.Topic t : events.topics()) {
                out.add(t.name());
            }
        }
        return out;
    }

    /** The names of every topic, producer target, group and queue, in order: it changes when one of the lists above would. */
    static String signature(EventStreams.Events events) {
        if (events == null) {
            return "";
        }
        StringBuilder s = new StringBuilder("events");
        for (EventStreams.Topic t : events.topics()) {
            s.append(" t:").append(t.name());
        }
        for (EventStreams.Producer p : events.producers()) {
            s.append(" p:").append(p.topic());
        }
        for (EventStreams.Group g : events.groups()) {
            s.append(" g:").append(g.name()).append(g.autoscaler() == null ? "" : "+");
        }
        for (EventStreams.Queue q : events.queues()) {
            s.append(" q:").append(q.name());
        }
        return s.toString();
    }

    /** A burst's size as typed: a whole number in publish-burst's range; a ScenarioException names the field otherwise. */
    static double burstCount(String text) {
        String t = text == null ? "" : text.trim().replace(",", "").replace("_", "");
        long n;
        try {
            n = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new ScenarioException("burst", "\"" + t + "\" is not a whole number of records");
        }
        return Action.PUBLISH_BURST.checkValue("burst", n);
    }
}
