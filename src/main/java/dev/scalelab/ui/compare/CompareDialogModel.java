package dev.scalelab.ui.compare;

import dev.scalelab.compare.Differences;
import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioException;
import dev.scalelab.world.ScenarioFiles;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The Compare designs dialog's state and checks: variant A's label, where variant B comes from (the
 * same design with changes, or another scenario: a preset or a file), B's label, and the one-line
 * problem that keeps Start disabled. FX thread only.
 */
final class CompareDialogModel {
    /** Where variant B comes from. */
    enum Source { CHANGES, SCENARIO }

    /**
     * What Start asks for. {@link #variantB} makes B from A's scenario once the runner has sent it.
     *
     * @param differences how B differs from A, in a line, for the compare bar
     */
    record Request(String labelA, String labelB, String differences, Source source, Differences changes, Scenario other) {
        /** Variant B made from variant A: A with the changes, or the other scenario on A's seed and for A's duration. */
        Scenario variantB(Scenario a) {
            return source == Source.CHANGES ? changes.applyTo(a) : other.withSeed(a.seed()).withDurationSeconds(a.durationSeconds());
        }
    }

    private final Supplier<Scenario> liveDesign;
    private final StringProperty labelA = new SimpleStringProperty(this, "labelA", "as is");
    private final StringProperty labelB = new SimpleStringProperty(this, "labelB", "");
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", Source.CHANGES);
    private final StringProperty changes = new SimpleStringProperty(this, "changes", "");
    private final StringProperty preset = new SimpleStringProperty(this, "preset");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    /** The last file read, kept so that typing elsewhere does not read it again. */
    private Path readFile;
    private Scenario fileScenario;
    private String fileProblem = "";

    /** @param liveDesign the design as it runs now, on which the changes are checked */
    CompareDialogModel(Supplier<Scenario> liveDesign) {
        this.liveDesign = liveDesign;
        Runnable check = () -> problem.set(check());
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {labelA, labelB, source, changes, preset, file}) {
            o.addListener(x -> check.run());
        }
        check.run();
    }

    StringProperty labelAProperty() {
        return labelA;
    }

    StringProperty labelBProperty() {
        return labelB;
    }

    ObjectProperty<Source> sourceProperty() {
        return source;
    }

    StringProperty changesProperty() {
        return changes;
    }

    StringProperty presetProperty() {
        return preset;
    }

    /** A scenario file chosen with Open file…; choosing one clears the preset, and a preset clears it. */
    ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** What keeps Start disabled, in one line naming the field; "" when the comparison can start. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private String check() {
        if (labelA.get() == null || labelA.get().isBlank()) {
            return "Label A: give variant A a name, such as \"as is\".";
        }
        try {
            request();
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The request Start sends, or an {@link IllegalArgumentException} whose message says what is wrong. */
    Request request() {
        String a = labelA.get() == null ? "" : labelA.get().strip();
        String b = labelB.get() == null ? "" : labelB.get().strip();
        if (source.get() == Source.CHANGES) {
            Differences d = Differences.parse(changes.get() == null ? "" : changes.get(), liveDesign.get());
            if (d.isEmpty()) {
                throw new IllegalArgumentException("Changes: write at least one PATH=VALUE line, such as service.instances=8.");
            }
            return new Request(a, b.isEmpty() ? d.summary() : b, d.summary(), Source.CHANGES, d, null);
        }
        Scenario other;
        String name;
        if (file.get() != null) {
            other = readFile(file.get());
            name = String.valueOf(file.get().getFileName());
        } else if (preset.get() != null && !preset.get().isBlank()) {
            other = Presets.load(preset.get());
            name = preset.get();
        } else {
            throw new IllegalArgumentException("Scenario: choose a preset or open a scenario file for variant B.");
        }
        return new Request(a, b.isEmpty() ? name : b, "scenario " + name, Source.SCENARIO, null, other);
    }

    private Scenario readFile(Path path) {
        if (!path.equals(readFile)) {
            readFile = path;
            fileScenario = null;
            try {
                fileScenario = ScenarioFiles.read(path);
                fileProblem = "";
            } catch (ScenarioException e) {
                fileProblem = path.getFileName() + ": " + e.getMessage();
            }
        }
        if (fileScenario == null) {
            throw new IllegalArgumentException(fileProblem);
        }
        return fileScenario;
    }
}
