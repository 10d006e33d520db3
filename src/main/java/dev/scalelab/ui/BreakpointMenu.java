package dev.scalelab.ui;

import dev.scalelab.world.Breakpoint;
import dev.scalelab.world.Source;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * "Pause when…": the user's breakpoints, listed in the toolbar's menu button (a click on one removes
 * it) with "Add…", which asks for the kind, the threshold of p99 and the error rate, and the source
 * of a decision or the breaker's dependency. Every change goes to the runner at once. FX thread only.
 */
public final class BreakpointMenu {
    private final MenuButton button;
    private final Consumer<List<Breakpoint>> apply;
    private final Supplier<List<String>> dependencyNames;
    private final Supplier<Window> owner;
    private final List<Breakpoint> breakpoints = new ArrayList<>();

    /**
     * @param button          the toolbar's menu button, filled here
     * @param apply           receives the whole list after every change ({@code runner::setBreakpoints})
     * @param dependencyNames the running scenario's dependencies, for "a breaker opens"
     * @param owner           the window the dialog belongs to
     */
    public BreakpointMenu(MenuButton button, Consumer<List<Breakpoint>> apply, Supplier<List<String>> dependencyNames,
                          Supplier<Window> owner) {
        this.button = button;
        this.apply = apply;
        this.dependencyNames = dependencyNames;
        this.owner = owner;
        refresh();
    }

    public List<Breakpoint> breakpoints() {
        return List.copyOf(breakpoints);
    }

    /** Adds {@code breakpoint} unless it is already there, and sends the list to the runner. */
    public void add(Breakpoint breakpoint) {
        if (!breakpoints.contains(breakpoint)) {
            breakpoints.add(breakpoint);
            changed();
        }
    }

    public void remove(Breakpoint breakpoint) {
        if (breakpoints.remove(breakpoint)) {
            changed();
        }
    }

    private void changed() {
        apply.accept(List.copyOf(breakpoints));
        refresh();
    }

    private void refresh() {
        List<MenuItem> items = new ArrayList<>();
        for (Breakpoint b : breakpoints) {
            MenuItem item = new MenuItem("✕  " + describe(b));
            item.setOnAction(e -> remove(b));
            items.add(item);
        }
        if (!items.isEmpty()) {
            items.add(new SeparatorMenuItem());
        }
        MenuItem add = new MenuItem("Add a condition…");
        add.setOnAction(e -> showAddDialog());
        items.add(add);
        button.getItems().setAll(items);
        button.setText(breakpoints.isEmpty() ? "Pause when…" : "Pause when… (" + breakpoints.size() + ")");
    }

    /** The dialog that adds one condition; a bad threshold is refused with a one-line message. */
    public void showAddDialog() {
        Dialog<Breakpoint> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle("Pause when…");
        dialog.setHeaderText("Pause the run when…");
        ButtonType addType = new ButtonType("Add", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(addType, ButtonType.CANCEL);

        ChoiceBox<Breakpoint.Kind> kind = new ChoiceBox<>();
        kind.getItems().setAll(Breakpoint.Kind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(Breakpoint.Kind k) {
                return k == null ? "" : kindLabel(k);
            }

            @Override
            public Breakpoint.Kind fromString(String text) {
                throw new UnsupportedOperationException("the kind is chosen, not typed");
            }
        });
        kind.setValue(Breakpoint.Kind.BREAKER_OPENS);
        kind.setAccessibleText("Condition");
        TextField threshold = new TextField();
        threshold.setId("breakpointThreshold");
        threshold.setAccessibleText("Threshold");
        Label thresholdLabel = new Label("Threshold");
        Label unit = new Label();
        ComboBox<String> source = new ComboBox<>();
        source.setAccessibleText("Source");
        Label sourceLabel = new Label("Source");
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);

        Runnable follow = () -> {
            Breakpoint.Kind k = kind.getValue();
            boolean measured = k == Breakpoint.Kind.P99_ABOVE || k == Breakpoint.Kind.ERROR_RATE_ABOVE;
            threshold.setDisable(!measured);
            unit.setText(k == Breakpoint.Kind.P99_ABOVE ? "ms" : k == Breakpoint.Kind.ERROR_RATE_ABOVE ? "%" : "");
            if (measured && threshold.getText().isBlank()) {
                threshold.setText(k == Breakpoint.Kind.P99_ABOVE ? "500" : "5");
            }
            boolean sourced = k == Breakpoint.Kind.DECISION || k == Breakpoint.Kind.BREAKER_OPENS;
            source.setDisable(!sourced);
            if (k == Breakpoint.Kind.DECISION) {
                source.getItems().setAll(Arrays.stream(Source.values()).map(Source::id).toList());
                source.setValue(Source.HPA.id());
            } else if (k == Breakpoint.Kind.BREAKER_OPENS) {
                List<String> names = new ArrayList<>();
                names.add(ANY_DEPENDENCY);
                names.addAll(dependencyNames.get());
                source.getItems().setAll(names);
                source.setValue(ANY_DEPENDENCY);
            } else {
                source.getItems().clear();
            }
            error.setText("");
        };
        kind.valueProperty().addListener((obs, old, k) -> {
            threshold.setText("");
            follow.run();
        });
        follow.run();

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Condition"), kind);
        form.addRow(1, thresholdLabel, threshold, unit);
        form.addRow(2, sourceLabel, source);
        form.add(error, 0, 3, 3, 1);
        dialog.getDialogPane().setContent(form);

        dialog.getDialogPane().lookupButton(addType).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            String problem = validate(kind.getValue(), threshold.getText()).orElse("");
            error.setText(problem);
            if (!problem.isEmpty()) {
                event.consume(); // the dialog stays open with the message
            }
        });
        dialog.setResultConverter(type -> type != addType ? null
                : build(kind.getValue(), threshold.getText(), source.getValue()));
        dialog.showAndWait().ifPresent(this::add);
    }

    private static final String ANY_DEPENDENCY = "any dependency";

    /** A one-line problem with the threshold of {@code kind}, naming the field; empty when it is good. */
    static Optional<String> validate(Breakpoint.Kind kind, String text) {
        if (kind != Breakpoint.Kind.P99_ABOVE && kind != Breakpoint.Kind.ERROR_RATE_ABOVE) {
            return Optional.empty();
        }
        String field = kind == Breakpoint.Kind.P99_ABOVE ? "p99 threshold" : "error rate threshold";
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Optional.of(field + ": \"" + text.trim() + "\" is not a number");
        }
        if (kind == Breakpoint.Kind.P99_ABOVE && !(value > 0 && value <= 3_600_000)) {
            return Optional.of(field + ": " + text.trim() + " is out of range; a number of ms above 0, at most 3600000");
        }
        if (kind == Breakpoint.Kind.ERROR_RATE_ABOVE && !(value >= 0 && value < 100)) {
            return Optional.of(field + ": " + text.trim() + " is out of range; a percentage from 0 to below 100");
        }
        return Optional.empty();
    }

    static Breakpoint build(Breakpoint.Kind kind, String threshold, String source) {
        return switch (kind) {
            case P99_ABOVE, ERROR_RATE_ABOVE -> new Breakpoint(kind, Double.parseDouble(threshold.trim()), "");
            case DECISION -> new Breakpoint(kind, 0, source == null ? "" : source);
            case BREAKER_OPENS -> new Breakpoint(kind, 0, source == null || source.equals(ANY_DEPENDENCY) ? "" : source);
            default -> new Breakpoint(kind, 0, "");
        };
    }

    static String kindLabel(Breakpoint.Kind kind) {
        return switch (kind) {
            case BREAKER_OPENS -> "a breaker opens";
            case P99_ABOVE -> "p99 above a bound";
            case ERROR_RATE_ABOVE -> "the error rate above a bound";
            case REPLICAS_CHANGE -> "the replica count changes";
            case QUEUE_FULL -> "a queue is full";
            case STALE_READ -> "a read is stale";
            case KEY_MOVES -> "keys move between shards";
            case DECISION -> "a decision of a source";
        };
    }

    /** "p99 above 500 ms", "a decision of hpa", "a breaker of payments opens". */
    public static String describe(Breakpoint b) {
        return switch (b.kind()) {
            case P99_ABOVE -> "p99 above " + number(b.threshold()) + " ms";
            case ERROR_RATE_ABOVE -> "error rate above " + number(b.threshold()) + " %";
            case DECISION -> "a decision of " + b.source();
            case BREAKER_OPENS -> b.source().isEmpty() ? "a breaker opens" : "the breaker of " + b.source() + " opens";
            default -> kindLabel(b.kind());
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
