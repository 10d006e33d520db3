package dev.scalelab.ui.estimator;

import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.practice.Estimator;
import dev.scalelab.ui.FxThread;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One section of the Estimator: its input fields as text, each checked as it is typed (a problem is
 * a line under the field that names it), and the estimate worked out again whenever every field
 * reads: its figures and its arithmetic.
 *
 * <p>FX thread only.
 */
final class EstimateForm {

    /** What a field accepts. */
    enum Kind {
        /** A number above zero: a rate, a time. */
        POSITIVE,
        /** A whole number of at least 1: workers, keys, cores. */
        COUNT,
        /** A percentage above 0 and under 100, read as a fraction: a target utilisation or hit ratio. */
        PERCENT,
        /** A factor of at least 1: headroom. */
        FACTOR,
        /** A number above zero, up to 10: Zipf's exponent. */
        EXPONENT,
        /** An instance size by name. */
        SIZE
    }

    /** An input: its id (the fx:id's end), label, unit, first value and what it means. */
    record Input(String id, String label, String unit, String initial, Kind kind, String explanation) {
    }

    /** A result line: "Instances", "6". */
    record Figure(String name, String value) {
    }

    /** The estimate's figures and arithmetic, or the problem that stopped it. */
    record Outcome(List<Figure> figures, List<String> arithmetic, String problem) {
        Outcome {
            figures = List.copyOf(figures);
            arithmetic = List.copyOf(arithmetic);
        }

        static Outcome failed(String problem) {
            return new Outcome(List.of(), List.of(), problem);
        }
    }

    /** The fields' values as read: numbers by id, a size as its ordinal. */
    record Values(Map<String, Double> numbers) {
        double get(String id) {
            return numbers.get(id);
        }

        int count(String id) {
            return (int) Math.round(numbers.get(id));
        }

        InstanceSize size(String id) {
            return InstanceSize.values()[count(id)];
        }
    }

    private final String id;
    private final String title;
    private final List<Input> inputs;
    private final Function<Values, Outcome> estimate;
    private final Map<String, StringProperty> texts = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> problems = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private Values values;

    EstimateForm(String id, String title, List<Input> inputs, Function<Values, Outcome> estimate) {
        this.id = id;
        this.title = title;
        this.inputs = List.copyOf(inputs);
        this.estimate = estimate;
        for (Input in : inputs) {
            StringProperty text = new SimpleStringProperty(this, in.id(), in.initial());
            texts.put(in.id(), text);
            problems.put(in.id(), new ReadOnlyStringWrapper(this, in.id() + "Problem", ""));
            text.addListener((obs, old, now) -> recompute());
        }
        recompute();
    }

    /** Reads every field; when all read, works the estimate out again. */
    void recompute() {
        assert FxThread.isCurrent();
        Map<String, Double> numbers = new LinkedHashMap<>();
        boolean allRead = true;
        for (Input in : inputs) {
            String text = texts.get(in.id()).get();
            try {
                numbers.put(in.id(), read(in, text));
                problems.get(in.id()).set("");
            } catch (IllegalArgumentException e) {
                problems.get(in.id()).set(e.getMessage());
                allRead = false;
            }
        }
        if (!allRead) {
            values = null;
            outcome.set(Outcome.failed("Fix the marked field to see the estimate."));
            return;
        }
        values = new Values(numbers);
        try {
            outcome.set(estimate.apply(values));
        } catch (RuntimeException e) {
            outcome.set(Outcome.failed("No estimate: " + (e.getMessage() == null ? e.toString() : e.getMessage())));
        }
    }

    /** {@code text} as {@code in} reads it; a problem is an {@link IllegalArgumentException} naming the field. */
    static double read(Input in, String text) {
        String t = text == null ? "" : text.strip().replace(",", "");
        if (in.kind() == Kind.SIZE) {
            for (InstanceSize s : InstanceSize.values()) {
                if (s.id().equalsIgnoreCase(t)) {
                    return s.ordinal();
                }
            }
            throw new IllegalArgumentException(in.label() + ": \"" + t + "\" is not a size; one of "
                    + Arrays.stream(InstanceSize.values()).map(InstanceSize::id).collect(Collectors.joining(", ")));
        }
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(in.label() + ": " + (t.isEmpty() ? "a number is needed" : "\"" + t + "\" is not a number"));
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(in.label() + ": \"" + t + "\" is not a finite number");
        }
        switch (in.kind()) {
            case POSITIVE -> {
                if (v <= 0) {
                    throw new IllegalArgumentException(in.label() + ": must be more than 0");
                }
            }
            case COUNT -> {
                if (v < 1 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(in.label() + ": must be a whole number, at least 1");
                }
            }
            case PERCENT -> {
                if (v <= 0 || v >= 100) {
                    throw new IllegalArgumentException(in.label() + ": must be between 0 and 100 %, both excluded");
                }
                v /= 100;
            }
            case FACTOR -> {
                if (v < 1) {
                    throw new IllegalArgumentException(in.label() + ": must be at least 1 (1.5 is 50 % more)");
                }
            }
            case EXPONENT -> {
                if (v <= 0 || v > 10) {
                    throw new IllegalArgumentException(in.label() + ": must be more than 0 and at most 10");
                }
            }
            case SIZE -> throw new AssertionError("read above");
        }
        return v;
    }

    /** The arithmetic lines of {@code steps}. */
    static List<String> lines(List<Estimator.Step> steps) {
        List<String> out = new ArrayList<>(steps.size());
        for (Estimator.Step s : steps) {
            out.add(s.text());
        }
        return out;
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    static String number(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    // ------------------------------------------------------------------ for the view

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    List<Input> inputs() {
        return inputs;
    }

    /** The text of field {@code inputId}, bound to its text field. */
    StringProperty text(String inputId) {
        return texts.get(inputId);
    }

    /** The field's problem in one line, empty when it reads. */
    ReadOnlyStringProperty problem(String inputId) {
        return problems.get(inputId).getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The values behind the shown outcome, or null while a field does not read. */
    Values values() {
        return values;
    }
}
