package dev.scalelab.ui.compare;

import dev.scalelab.world.Presets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Run › Compare designs…: names variant A (the design as it runs now) and says what variant B is,
 * the same design with some changes or another scenario, then Start. Every control has a mnemonic
 * or is reached with Tab (Tab leaves the changes' text area, Ctrl+Enter starts); Start stays
 * disabled while the model names a problem, shown under the form. The dialog does not block: Start
 * hands the request to {@code start}. FX thread only.
 */
final class CompareDialog {
    static final ButtonType START = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);

    private final Dialog<CompareDialogModel.Request> dialog = new Dialog<>();

    CompareDialog(Window owner, CompareDialogModel model, Function<FileChooser, File> openFile,
                  Consumer<CompareDialogModel.Request> start) {
        dialog.initOwner(owner);
        dialog.setTitle("Compare designs");
        dialog.setHeaderText("Run two designs side by side, on the same seed, from t = 0");
        dialog.getDialogPane().getButtonTypes().addAll(START, ButtonType.CANCEL);
        dialog.getDialogPane().getStyleClass().add("compare-dialog");
        dialog.getDialogPane().getStylesheets().addAll(sheet("app.css"), sheet("compare.css"));

        TextField labelA = new TextField();
        labelA.setId("compareLabelA");
        labelA.textProperty().bindBidirectional(model.labelAProperty());
        ToggleGroup from = new ToggleGroup();
        RadioButton changes = new RadioButton("The same design with _changes:");
        changes.setId("compareFromChanges");
        changes.setMnemonicParsing(true);
        RadioButton scenario = new RadioButton("Another _scenario:");
        scenario.setId("compareFromScenario");
        scenario.setMnemonicParsing(true);
        changes.setToggleGroup(from);
        scenario.setToggleGroup(from);
        from.selectToggle(model.sourceProperty().get() == CompareDialogModel.Source.CHANGES ? changes : scenario);
        from.selectedToggleProperty().addListener((obs, old, t) -> model.sourceProperty().set(
                t == scenario ? CompareDialogModel.Source.SCENARIO : CompareDialogModel.Source.CHANGES));

        TextArea text = new TextArea();
        text.setId("compareChanges");
        text.setPromptText("service.instances=8\nautoscaler.targetUtilization=0.5");
        text.setPrefRowCount(4);
        text.setPrefColumnCount(34);
        text.setAccessibleText("Changes of variant B, one PATH=VALUE per line");
        text.textProperty().bindBidirectional(model.changesProperty());
        text.setTooltip(tip("One change per line, PATH=VALUE, as simulate --set takes them; a line starting with # is a comment. "
                + "The paths are the scenario file's, the same as the parameters' tooltips and the timeline use."));
        text.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume(); // Tab moves on, as in every other field: the changes have no use for a tab
                Node next = e.isShiftDown() ? changes : scenario;
                next.requestFocus();
            } else if (e.getCode() == KeyCode.ENTER && e.isControlDown()) {
                e.consume();
                ((Button) dialog.getDialogPane().lookupButton(START)).fire();
            }
        });

        ComboBox<String> preset = new ComboBox<>();
        preset.setId("comparePreset");
        preset.getItems().setAll(Presets.names());
        preset.setPromptText("a preset");
        preset.setAccessibleText("Preset for variant B");
        preset.valueProperty().bindBidirectional(model.presetProperty());
        Label file = new Label();
        file.getStyleClass().add("compare-file");
        file.textProperty().bind(model.fileProperty().map(p -> p.getFileName().toString()).orElse(""));
        Button open = new Button("Open _file…");
        open.setMnemonicParsing(true);
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Variant B's scenario");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (*.json)", "*.json"));
            File chosen = openFile.apply(chooser);
            if (chosen != null) {
                model.presetProperty().set(null);
                model.fileProperty().set(chosen.toPath());
            }
        });
        preset.valueProperty().addListener((obs, old, p) -> {
            if (p != null) {
                model.fileProperty().set(null);
            }
        });
        HBox other = new HBox(preset, open, file);
        other.getStyleClass().add("compare-other");
        other.disableProperty().bind(scenario.selectedProperty().not());
        text.disableProperty().bind(changes.selectedProperty().not());

        TextField labelB = new TextField();
        labelB.setId("compareLabelB");
        labelB.setPromptText("the changes, or the scenario's name");
        labelB.textProperty().bindBidirectional(model.labelBProperty());

        Label problem = new Label();
        problem.setId("compareProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        Label note = new Label("Both start at t = 0 on A's seed and run in lockstep; your changes while they run go to both. "
                + "Another scenario runs on A's seed and stops at A's duration.");
        note.getStyleClass().add("compare-note");
        note.setWrapText(true);

        GridPane form = new GridPane();
        form.getStyleClass().add("compare-form");
        form.addRow(0, mnemonic("Label _A", labelA), labelA);
        form.add(new Label("Variant B"), 0, 1);
        form.add(changes, 1, 1);
        form.add(text, 1, 2);
        form.add(scenario, 1, 3);
        form.add(other, 1, 4);
        form.addRow(5, mnemonic("Label _B", labelB), labelB);
        form.add(problem, 0, 6, 2, 1);
        form.add(note, 0, 7, 2, 1);
        GridPane.setHgrow(text, Priority.ALWAYS);
        dialog.getDialogPane().setContent(form);

        Node startButton = dialog.getDialogPane().lookupButton(START);
        startButton.setId("compareStart");
        startButton.disableProperty().bind(model.problemProperty().isNotEmpty());
        dialog.setResultConverter(type -> type == START ? model.request() : null);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                start.accept(dialog.getResult());
            }
        });
        dialog.setOnShown(e -> text.requestFocus());
    }

    /** Shows the dialog and returns at once. */
    void show() {
        dialog.show();
    }

    Dialog<CompareDialogModel.Request> dialog() {
        return dialog;
    }

    private static Label mnemonic(String text, Node field) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        return l;
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    private static String sheet(String name) {
        return CompareDialog.class.getResource("/styles/" + name).toExternalForm();
    }
}
