package dev.scalelab.ui.canvas;

import dev.scalelab.design.Mermaid;
import dev.scalelab.design.NodeKind;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.scalelab.ui.Tooltips.tooltip;

/**
 * File ▸ Import Mermaid…: the user pastes a flowchart ({@code flowchart LR; A[Web] --> B[(Orders DB)]}),
 * reads it, and sees each node's guessed kind with the reason (a cylinder is a database, "queue" in a
 * label a queue); each guess is a choice they may change before they confirm. Arrows the design would
 * refuse are left out and named. FX thread only.
 */
final class MermaidImportDialog {
    private final Stage stage = new Stage();
    private final TextArea text = new TextArea();
    private final GridPane guesses = new GridPane();
    private final Label message = new Label();
    private final Button confirm = new Button("Replace the design");
    private final Map<String, ComboBox<NodeKind>> choices = new LinkedHashMap<>();
    private Mermaid.Flowchart read;

    /** @param imported receives the confirmed design (and what was left out), once */
    MermaidImportDialog(Window owner, Consumer<Mermaid.Imported> imported) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Import a Mermaid flowchart");
        text.setId("mermaidText");
        text.setPromptText("flowchart LR\n  web([Users]) --> gw[API gateway]\n  gw --> api[Orders service]\n  api --> db[(Orders DB)]");
        text.setPrefRowCount(8);
        text.getStyleClass().add("mermaid-text");
        Button readButton = new Button("Read");
        readButton.setId("mermaidRead");
        readButton.setTooltip(tooltip("Reads the flowchart and guesses each node's kind from its class, label and shape."));
        readButton.setOnAction(e -> read());
        message.setId("mermaidMessage");
        message.setWrapText(true);
        guesses.setId("mermaidGuesses");
        guesses.getStyleClass().add("mermaid-guesses");
        confirm.setId("mermaidConfirm");
        confirm.setDefaultButton(true);
        confirm.setDisable(true);
        confirm.setTooltip(tooltip("Replaces the canvas with the flowchart's nodes as the kinds chosen above; Undo brings "
                + "the old design back."));
        confirm.setOnAction(e -> {
            Map<String, NodeKind> kinds = new LinkedHashMap<>();
            choices.forEach((id, box) -> kinds.put(id, box.getValue()));
            stage.close();
            imported.accept(read.toDesign(kinds));
        });
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Label intro = new Label("Paste a Mermaid flowchart, read it, then check the kind guessed for each node.");
        intro.setWrapText(true);
        ScrollPane list = new ScrollPane(guesses);
        list.setFitToWidth(true);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox root = new VBox(10, intro, text, new HBox(8, readButton), message, list, new HBox(8, confirm, cancel));
        root.getStyleClass().add("mermaid-dialog");
        stage.setScene(DesignWindow.scene(root, 760, 620));
    }

    void show() {
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    Stage stage() {
        return stage;
    }

    TextArea textArea() {
        return text;
    }

    private void read() {
        guesses.getChildren().clear();
        choices.clear();
        try {
            read = Mermaid.parse(text.getText());
        } catch (Mermaid.MermaidException e) {
            message.setText("Cannot read it: " + e.getMessage());
            confirm.setDisable(true);
            return;
        }
        List<Mermaid.Guess> all = read.guesses();
        message.setText(all.size() + " nodes and " + read.edges().size() + " arrows. Change a kind where the guess is wrong.");
        guesses.addRow(0, header("Node"), header("Kind"), header("Why"));
        int row = 1;
        for (Mermaid.Guess g : all) {
            ComboBox<NodeKind> kind = new ComboBox<>();
            kind.setId("mermaidKind-" + g.id());
            kind.getItems().setAll(NodeKind.values());
            kind.setValue(g.kind());
            kind.setConverter(new StringConverter<>() {
                @Override
                public String toString(NodeKind k) {
                    return k == null ? "" : k.label();
                }

                @Override
                public NodeKind fromString(String s) {
                    return null;
                }
            });
            choices.put(g.id(), kind);
            Label reason = new Label(g.reason());
            reason.setWrapText(true);
            reason.getStyleClass().add("design-note");
            GridPane.setHgrow(reason, Priority.ALWAYS);
            guesses.addRow(row++, new Label(g.label().equals(g.id()) ? g.id() : g.label() + " (" + g.id() + ")"), kind, reason);
        }
        confirm.setDisable(all.isEmpty());
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("parameter-section");
        return l;
    }
}
