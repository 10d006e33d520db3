package dev.scalelab.compare;

import dev.scalelab.seeds.SweepValues;
import dev.scalelab.world.FieldSpec;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFields;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How variant B differs from variant A: one {@code PATH=VALUE} change per line, as
 * {@code simulate --set} takes them ({@code service.instances=8}). Blank lines and lines starting
 * with {@code #} are skipped. Each value is checked by its field's spec, as a scenario file's would
 * be, and a mistake names its line and its field.
 */
public final class Differences {
    /** One change: its line (from 1), the field and the value as written, and the value as the field takes it. */
    public record Change(int line, String path, String text, Object value) {
        /** "service.instances=8". */
        @Override
        public String toString() {
            return path + "=" + text;
        }
    }

    /** A line that is not a change the scenario can take; the message names the line and the field. */
    public static final class DifferenceException extends IllegalArgumentException {
        private final int line;

        DifferenceException(int line, String message) {
            super(message);
            this.line = line;
        }

        /** The line at fault, from 1. */
        public int line() {
            return line;
        }
    }

    private final List<Change> changes;

    private Differences(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    public List<Change> changes() {
        return changes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * The changes written in {@code text}, each checked on {@code base} (the design B starts from), in
     * order, so that a later line can rely on an earlier one (a dependency added, then its field
     * set). Throws a {@link DifferenceException} at the first line that is wrong, such as
     * "line 2, service.instances: 0 is out of range; …".
     */
    public static Differences parse(String text, Scenario base) {
        List<Change> changes = new ArrayList<>();
        Scenario s = base;
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new DifferenceException(number, "line " + number + ": " + Quote.shorten(line)
                        + " is not PATH=VALUE, such as service.instances=8");
            }
            String path = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            String named = "line " + number + ", " + Quote.shorten(path);
            Object parsed;
            try {
                FieldSpec spec = ScenarioFields.spec(path);
                parsed = parse(spec, named, value);
                s = ScenarioFields.with(s, path, parsed);
            } catch (ScenarioException e) {
                String message = e.getMessage();
                throw new DifferenceException(number, message.startsWith("line ") ? message : "line " + number + ", " + message);
            }
            changes.add(new Change(number, path, value, parsed));
        }
        return new Differences(changes);
    }

    /**
     * {@code text} as the field of {@code spec} takes it, or a {@link ScenarioException} naming
     * {@code named}: a number field refuses text that is not a plain decimal, as {@code --set} does.
     */
    public static Object parse(FieldSpec spec, String named, String text) {
        if (SweepValues.isNumeric(spec) && !text.isEmpty() && !SweepValues.isDecimal(text)) {
            throw new ScenarioException(named, Quote.of(text) + " is not a number; " + spec.expectation());
        }
        return spec.parse(named, text);
    }

    /** {@code base} with every change applied, in order. */
    public Scenario applyTo(Scenario base) {
        Scenario s = base;
        for (Change c : changes) {
            s = ScenarioFields.with(s, c.path(), c.value());
        }
        return s;
    }

    /** The changes on one line, for the compare bar: "service.instances=8, cache.enabled=false". */
    public String summary() {
        return changes.stream().map(Change::toString).collect(Collectors.joining(", "));
    }
}
