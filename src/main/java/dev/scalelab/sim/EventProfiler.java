package dev.scalelab.sim;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The simulator's own profile: the wall time its events take, by the type of event and the part of
 * the simulated system that owns it. A {@link Simulation} with a profiler hands every event to
 * {@link #fire}; without one it pays a null check per event and nothing else.
 *
 * <p>Sampling keeps it cheap enough to leave on: one event in about {@code sampleEvery} is timed (two
 * reads of the wall clock), the others are only counted. The gap between two timed events is drawn
 * uniformly from 1 to {@code 2 × sampleEvery − 1} by a generator of the profiler's own, so an event
 * that recurs every {@code sampleEvery} events is not always timed or always missed; that generator
 * is not one of the simulation's streams, so profiling never changes a run. A type's event count and
 * wall time are its timed events scaled up by events seen ÷ events timed; its mean time per event is
 * measured directly. Each timed interval includes one read of the clock (some tens of nanoseconds).
 *
 * <p>Who owns an event is read from its class name, as a person reading a stack trace would:
 * <ul>
 *   <li>a nested class {@code MeshClient$Attempt} belongs to {@code MeshClient}, type {@code Attempt}
 *       (deeper nesting is joined with dots; an anonymous class {@code Foo$1} is "anonymous 1");</li>
 *   <li>a lambda or method reference, {@code ScalingSystem$$Lambda$88/0x…}, belongs to the class that
 *       wrote it, and its type is "lambda" with the types it captured, the owner itself left out:
 *       {@code () -> autoscalerSync(generation)} is {@code lambda(long)}, {@code this::takeSample}
 *       {@code lambda()}. Two lambdas of one class that capture the same types share a row;</li>
 *   <li>a top-level class that is an event itself, such as the world's {@code Request} (the request
 *       path: a request finishing its service), is its own owner, type {@code fire()}.</li>
 * </ul>
 *
 * <p>Confined to the simulation thread, as the simulation it profiles; {@link #profile()} returns an
 * immutable copy that may be handed to any thread. One profiler may serve several simulations in
 * turn (a run and the runs that replace it), adding up their events.
 */
public final class EventProfiler {
    /** Times about one event in 16: a few nanoseconds per event on average. */
    public static final int DEFAULT_SAMPLE_EVERY = 16;

    private final LongSupplier wallClockNanos;
    private final int sampleEvery;
    private final Map<Class<?>, Tally> tallies = new IdentityHashMap<>();
    private long strideState = 0x9E3779B97F4A7C15L;
    private int untilSample = 1;
    private long eventsSeen;
    private long eventsTimed;

    /**
     * @param wallClockNanos the wall clock, such as {@code System::nanoTime}; the kernel never reads
     *                       one itself, so a test can give it a clock of its own
     * @param sampleEvery    time one event in this many on average; 1 times every event
     */
    public EventProfiler(LongSupplier wallClockNanos, int sampleEvery) {
        if (sampleEvery < 1) {
            throw new IllegalArgumentException("sampleEvery must be at least 1: " + sampleEvery);
        }
        this.wallClockNanos = Objects.requireNonNull(wallClockNanos);
        this.sampleEvery = sampleEvery;
    }

    /** Fires {@code event}, timing it if it is the one the sampler picked. */
    void fire(Event event) {
        eventsSeen++;
        if (--untilSample > 0) {
            event.fire();
            return;
        }
        untilSample = nextGap();
        long start = wallClockNanos.getAsLong();
        event.fire();
        long wall = wallClockNanos.getAsLong() - start;
        Class<?> type = event.getClass();
        Tally tally = tallies.get(type);
        if (tally == null) {
            tally = new Tally(ownerAndType(type));
            tallies.put(type, tally);
        }
        tally.timed++;
        tally.wallNanos += wall;
        eventsTimed++;
    }

    /** The gap to the next timed event: uniform on [1, 2 × sampleEvery − 1], mean sampleEvery (xorshift64). */
    private int nextGap() {
        if (sampleEvery == 1) {
            return 1;
        }
        long x = strideState;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        strideState = x;
        return 1 + (int) Long.remainderUnsigned(x, 2L * sampleEvery - 1);
    }

    /** What has been measured so far, as an immutable copy. */
    public Profile profile() {
        Map<List<String>, Row> rows = new LinkedHashMap<>();
        for (Tally t : tallies.values()) {
            List<String> key = List.of(t.kind[0], t.kind[1]);
            Row before = rows.get(key);
            rows.put(key, before == null ? new Row(t.kind[0], t.kind[1], t.timed, t.wallNanos)
                    : new Row(t.kind[0], t.kind[1], before.timedEvents() + t.timed, before.timedWallNanos() + t.wallNanos));
        }
        return new Profile(eventsSeen, eventsTimed, sorted(new ArrayList<>(rows.values())));
    }

    private static List<Row> sorted(List<Row> rows) {
        rows.sort(Comparator.comparingLong(Row::timedWallNanos).reversed()
                .thenComparing(Row::subsystem).thenComparing(Row::eventType));
        return List.copyOf(rows);
    }

    /**
     * Who owns events of class {@code type} and what kind of event they are, from the class name (see
     * the class comment): {@code {"MeshClient", "Attempt"}}, {@code {"ScalingSystem", "lambda(long)"}}.
     */
    public static String[] ownerAndType(Class<?> type) {
        String name = type.getName();
        int lambda = name.indexOf("$$Lambda");
        String host = lambda >= 0 ? name.substring(0, lambda) : name;
        String[] parts = host.substring(host.lastIndexOf('.') + 1).split("\\$");
        StringBuilder nested = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            if (nested.length() > 0) {
                nested.append('.');
            }
            boolean anonymous = !parts[i].isEmpty() && parts[i].chars().allMatch(Character::isDigit);
            nested.append(anonymous ? "anonymous " + parts[i] : parts[i]);
        }
        String eventType;
        if (lambda >= 0) {
            eventType = (nested.length() > 0 ? nested + " " : "") + "lambda(" + capturedTypes(type, host) + ")";
        } else {
            eventType = nested.length() > 0 ? nested.toString() : "fire()";
        }
        return new String[] {parts[0], eventType};
    }

    /** The simple names of the values a lambda captured, in order, without the object that wrote it. */
    private static String capturedTypes(Class<?> lambdaClass, String hostName) {
        List<String> names = new ArrayList<>();
        for (Field f : lambdaClass.getDeclaredFields()) {
            if (!f.getType().getName().equals(hostName)) {
                names.add(f.getType().getSimpleName());
            }
        }
        return String.join(", ", names);
    }

    private static final class Tally {
        final String[] kind;
        long timed;
        long wallNanos;

        Tally(String[] kind) {
            this.kind = kind;
        }
    }

    /**
     * One type of event: how many of its events were timed and their wall time together.
     *
     * @param subsystem the class that owns the event, such as "ScalingSystem" or "Request"
     * @param eventType the kind of event within it, such as "ArrivalEvent" or "lambda(long)"
     */
    public record Row(String subsystem, String eventType, long timedEvents, long timedWallNanos) {

        /** Mean wall time of one event, measured on the timed ones. */
        public double nanosPerEvent() {
            return timedEvents == 0 ? 0 : timedWallNanos / (double) timedEvents;
        }
    }

    /**
     * The profile at one moment: events seen and timed since the profiler started, and its rows, the
     * most wall time first.
     */
    public record Profile(long eventsSeen, long eventsTimed, List<Row> rows) {
        public static final Profile EMPTY = new Profile(0, 0, List.of());

        public Profile {
            rows = List.copyOf(rows);
        }

        /** How many events each timed one stands for. */
        public double scale() {
            return eventsTimed == 0 ? 0 : eventsSeen / (double) eventsTimed;
        }

        /** The estimated number of events of {@code row}'s type. */
        public double events(Row row) {
            return row.timedEvents() * scale();
        }

        /** The estimated wall time of {@code row}'s events, in nanoseconds. */
        public double wallNanos(Row row) {
            return row.timedWallNanos() * scale();
        }

        /** {@code row}'s share of the wall time of all events, in percent. */
        public double sharePercent(Row row) {
            long total = 0;
            for (Row r : rows) {
                total += r.timedWallNanos();
            }
            return total == 0 ? 0 : 100.0 * row.timedWallNanos() / total;
        }

        /** The estimated wall time of all events, in nanoseconds. */
        public double wallNanos() {
            double total = 0;
            for (Row r : rows) {
                total += wallNanos(r);
            }
            return total;
        }

        /**
         * What was measured after {@code earlier}, a profile of the same profiler: the events and
         * times of this one less those of that one, rows without new timed events left out.
         */
        public Profile since(Profile earlier) {
            Map<List<String>, Row> before = new LinkedHashMap<>();
            for (Row r : earlier.rows()) {
                before.put(List.of(r.subsystem(), r.eventType()), r);
            }
            List<Row> delta = new ArrayList<>();
            for (Row r : rows) {
                Row b = before.get(List.of(r.subsystem(), r.eventType()));
                long timed = r.timedEvents() - (b == null ? 0 : b.timedEvents());
                if (timed > 0) {
                    delta.add(new Row(r.subsystem(), r.eventType(), timed, r.timedWallNanos() - (b == null ? 0 : b.timedWallNanos())));
                }
            }
            return new Profile(eventsSeen - earlier.eventsSeen(), eventsTimed - earlier.eventsTimed(), sorted(delta));
        }
    }
}
