package dev.scalelab.world;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of the {@code events} section that span fields: what a group reads and a producer
 * publishes to exist, topics and queues have distinct names, and the timeline's events commands
 * name things the scenario has. Each failure is one {@link ScenarioException} naming the field.
 */
final class EventsChecks {
    private static final Pattern ITEM = Pattern.compile("events\\.(topics|producers|groups|queues)\\[(\\d{1,9})].*");
    private static final Pattern CONSUMER_ID = Pattern.compile("(.+)-\\d{1,9}");

    private EventsChecks() {
    }

    static void check(Scenario s) {
        EventStreams.Events events = s.events();
        if (events != null) {
            checkSection(events);
        }
        checkTimeline(s);
    }

    private static void checkSection(EventStreams.Events events) {
        List<String> topics = events.topics().stream().map(EventStreams.Topic::name).toList();
        List<String> queues = events.queues().stream().map(EventStreams.Queue::name).toList();
        List<String> groups = events.groups().stream().map(EventStreams.Group::name).toList();
        for (int i = 0; i < queues.size(); i++) {
            if (topics.contains(queues.get(i))) {
                throw new ScenarioException("events.queues[" + i + "].name", Quote.of(queues.get(i))
                        + " is also a topic's name; producers name either, so topics and queues need distinct names");
            }
            if (groups.contains(queues.get(i))) {
                throw new ScenarioException("events.queues[" + i + "].name", Quote.of(queues.get(i))
                        + " is also a group's name; crash-consumer names either, so groups and queues need distinct names");
            }
        }
        for (int i = 0; i < events.groups().size(); i++) {
            String topic = events.groups().get(i).topic();
            if (!topics.contains(topic)) {
                throw new ScenarioException("events.groups[" + i + "].topic", Quote.of(topic) + " is not a topic of this scenario"
                        + oneOf(topics, "topics"));
            }
        }
        List<String> destinations = new ArrayList<>(topics);
        destinations.addAll(queues);
        for (int i = 0; i < events.producers().size(); i++) {
            String topic = events.producers().get(i).topic();
            if (!destinations.contains(topic)) {
                throw new ScenarioException("events.producers[" + i + "].topic", Quote.of(topic)
                        + " is not a topic or queue of this scenario" + oneOf(destinations, "topics or queues"));
            }
        }
    }

    private static String oneOf(List<String> names, String what) {
        return names.isEmpty() ? " (it has no " + what + ")" : "; use one of " + String.join(", ", names);
    }

    private static void checkTimeline(Scenario s) {
        EventStreams.Events events = s.events();
        List<Scenario.TimelineEntry> timeline = s.timeline();
        int partitions = events == null || events.topics().isEmpty() ? 0 : events.topics().get(0).partitions();
        for (int i = 0; i < timeline.size(); i++) {
            Scenario.TimelineEntry e = timeline.get(i);
            String at = "timeline[" + i + "]";
            if (e.command().equals("set")) {
                if (e.path() == null || !e.path().startsWith("events.")) {
                    continue;
                }
                if (events == null) {
                    throw new ScenarioException(at + ".path", Quote.of(e.path()) + " names the events section, which this "
                            + "scenario does not have");
                }
                Matcher m = ITEM.matcher(e.path());
                if (m.matches()) {
                    int size = switch (m.group(1)) {
                        case "topics" -> events.topics().size();
                        case "producers" -> events.producers().size();
                        case "groups" -> events.groups().size();
                        default -> events.queues().size();
                    };
                    if (Integer.parseInt(m.group(2)) >= size) {
                        throw new ScenarioException(at + ".path", Quote.of(e.path()) + " names an item this scenario does not "
                                + "have: it has " + size + " " + m.group(1));
                    }
                }
                if (e.path().equals("events.topics[0].partitions")) {
                    int next = ((Number) e.value()).intValue();
                    if (next < partitions) {
                        throw new ScenarioException(at + ".value", next + " is below the " + partitions + " partitions "
                                + events.topics().get(0).name() + " has by then; Kafka only adds partitions");
                    }
                    partitions = next;
                }
                continue;
            }
            Action action = Action.byId(e.command());
            if (action != Action.PUBLISH_BURST && action != Action.CRASH_CONSUMER && action != Action.POISON) {
                continue;
            }
            if (events == null && s.topology() != null) {
                continue; // a drawn system's queue and topic boxes and their consumers: NetworkTimeline checks the target
            }
            if (events == null) {
                throw new ScenarioException(at + ".command", action.id() + " acts on the events section, which this scenario "
                        + "does not have");
            }
            List<String> topics = events.topics().stream().map(EventStreams.Topic::name).toList();
            List<String> queues = events.queues().stream().map(EventStreams.Queue::name).toList();
            List<String> groups = events.groups().stream().map(EventStreams.Group::name).toList();
            String target = e.target();
            switch (action) {
                case PUBLISH_BURST -> {
                    if (!topics.contains(target) && !queues.contains(target)) {
                        List<String> both = new ArrayList<>(topics);
                        both.addAll(queues);
                        throw new ScenarioException(at + ".target", Quote.of(target) + " is not a topic or queue of this "
                                + "scenario" + oneOf(both, "topics or queues"));
                    }
                    double n = ((Number) e.value()).doubleValue();
                    if (n != Math.rint(n)) {
                        throw new ScenarioException(at + ".value", Parameter.format(n) + " is not a whole number of records");
                    }
                }
                case POISON -> {
                    if (!topics.contains(target)) {
                        throw new ScenarioException(at + ".target", Quote.of(target) + " is not a topic of this scenario"
                                + oneOf(topics, "topics"));
                    }
                }
                default -> {
                    Matcher id = CONSUMER_ID.matcher(target);
                    boolean named = groups.contains(target) || queues.contains(target)
                            || id.matches() && (groups.contains(id.group(1)) || queues.contains(id.group(1)));
                    if (!named) {
                        List<String> both = new ArrayList<>(groups);
                        both.addAll(queues);
                        throw new ScenarioException(at + ".target", Quote.of(target) + " is not a group, queue or consumer "
                                + "(such as " + (both.isEmpty() ? "billing-0" : both.get(0) + "-0") + ") of this scenario"
                                + oneOf(both, "groups or queues"));
                    }
                }
            }
        }
    }
}
