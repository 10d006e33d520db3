package dev.scalelab.ui.export;

import dev.scalelab.ui.PanelCatalog;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one export dialog: what to export, at what scale, and for a GIF its panel, span and frame
 * rate. A bad field gets one line naming it and the problem, and the dialog stays open. FX thread.
 */
final class ExportDialog {
    /** A GIF longer than this takes minutes to draw and makes a file no slide wants. */
    static final int MAX_GIF_FRAMES = 3000;

    private final Dialog<ExportRequest> dialog = new Dialog<>();
    private final ToggleGroup kinds = new ToggleGroup();
    private final ToggleGroup scales = new ToggleGroup();
    private final ComboBox<String> panelChoice = new ComboBox<>();
    private final TextField fromField = new TextField();
    private final TextField toField = new TextField();
    private final Spinner<Integer> fpsSpinner = new Spinner<>(1, 30, 10);
    private final Label frameCount = new Label();
    private final Label problem = new Label();
    private final double nowSeconds;

    /**
     * @param nowSeconds   the run's virtual time: the end of what can be exported
     * @param currentPanel the panel on screen, the GIF's default
     */
    ExportDialog(Window owner, List<String> stylesheets, ExportRequest.Kind selected, double nowSeconds, String currentPanel) {
        this.nowSeconds = nowSeconds;
        dialog.initOwner(owner);
        dialog.setTitle("Export");
        dialog.setHeaderText("Export from t = " + Provenance.seconds(nowSeconds));
        dialog.getDialogPane().getStylesheets().setAll(stylesheets);
        dialog.getDialogPane().getStylesheets().add(ExportDialog.class.getResource("/styles/export.css").toExternalForm());
        dialog.getDialogPane().getStyleClass().add("export-dialog");

        VBox what = new VBox();
        what.getStyleClass().add("export-kinds");
        for (ExportRequest.Kind k : ExportRequest.Kind.values()) {
            RadioButton b = new RadioButton(k.label);
            b.setId("export" + k.name());
            b.setUserData(k);
            b.setToggleGroup(kinds);
            b.setSelected(k == selected);
            what.getChildren().add(b);
        }

        RadioButton one = new RadioButton("1×");
        one.setId("exportScale1");
        one.setUserData(1);
        RadioButton two = new RadioButton("2× (for slides)");
        two.setId("exportScale2");
        two.setUserData(2);
        one.setToggleGroup(scales);
        two.setToggleGroup(scales);
        one.setSelected(true);
        HBox scaleBox = new HBox(one, two);
        scaleBox.getStyleClass().add("export-row");

        for (PanelCatalog.Entry e : PanelCatalog.entries()) {
            panelChoice.getItems().add(e.title());
        }
        panelChoice.setId("exportPanel");
        panelChoice.setValue(currentPanel != null && panelChoice.getItems().contains(currentPanel) ? currentPanel
                : panelChoice.getItems().get(0));
        fromField.setId("exportFrom");
        toField.setId("exportTo");
        fromField.setPrefColumnCount(7);
        toField.setPrefColumnCount(7);
        fromField.setText(number(Math.max(0, nowSeconds - 30)));
        toField.setText(number(nowSeconds));
        fpsSpinner.setId("exportFps");
        fpsSpinner.setEditable(true);
        fpsSpinner.setPrefWidth(90);
        HBox span = new HBox(new Label("from"), fromField, new Label("to"), toField, new Label("s of virtual time"));
        span.getStyleClass().add("export-row");
        frameCount.getStyleClass().add("export-note");
        problem.setId("exportProblem");
        problem.getStyleClass().add("export-problem");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        GridPane form = new GridPane();
        form.getStyleClass().add("export-form");
        Label whatLabel = heading("Export");
        GridPane.setValignment(whatLabel, javafx.geometry.VPos.TOP);
        form.addRow(0, whatLabel, what);
        Label scaleLabel = heading("Scale");
        form.addRow(1, scaleLabel, scaleBox);
        Label panelLabel = heading("Panel");
        form.addRow(2, panelLabel, panelChoice);
        Label spanLabel = heading("Span");
        form.addRow(3, spanLabel, span);
        Label fpsLabel = heading("Frames per second");
        form.addRow(4, fpsLabel, new HBox(8, fpsSpinner, frameCount));
        form.add(problem, 0, 5, 2, 1);
        form.setPadding(new Insets(4, 0, 0, 0));

        List<Node> pictureRows = List.of(scaleLabel, scaleBox);
        List<Node> gifRows = List.of(panelLabel, panelChoice, spanLabel, span, fpsLabel, fpsSpinner.getParent());
        Runnable showRows = () -> {
            ExportRequest.Kind k = kind();
            for (Node n : pictureRows) {
                n.setVisible(k.picture());
                n.setManaged(k.picture());
            }
            for (Node n : gifRows) {
                n.setVisible(k == ExportRequest.Kind.GIF);
                n.setManaged(k == ExportRequest.Kind.GIF);
            }
            problem.setText("");
            countFrames();
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        };
        kinds.selectedToggleProperty().addListener((obs, was, now) -> showRows.run());
        fromField.textProperty().addListener((obs, was, now) -> countFrames());
        toField.textProperty().addListener((obs, was, now) -> countFrames());
        fpsSpinner.valueProperty().addListener((obs, was, now) -> countFrames());
        showRows.run();

        dialog.getDialogPane().setContent(form);
        ButtonType export = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(export, ButtonType.CANCEL);
        Button exportButton = (Button) dialog.getDialogPane().lookupButton(export);
        exportButton.setId("exportButton");
        // A bad field keeps the dialog open with its one line, rather than closing and losing the others.
        exportButton.addEventFilter(ActionEvent.ACTION, event -> {
            String bad = check();
            if (bad != null) {
                problem.setText(bad);
                event.consume();
            }
        });
        dialog.setResultConverter(button -> button == export ? request() : null);
    }

    /** Shows the dialog and waits; empty when cancelled. */
    Optional<ExportRequest> showAndWait() {
        return dialog.showAndWait();
    }

    Dialog<ExportRequest> dialog() {
        return dialog;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("export-heading");
        return l;
    }

    private ExportRequest.Kind kind() {
        return kinds.getSelectedToggle() == null ? ExportRequest.Kind.PANEL_PNG
                : (ExportRequest.Kind) kinds.getSelectedToggle().getUserData();
    }

    private int scale() {
        return scales.getSelectedToggle() == null ? 1 : (Integer) scales.getSelectedToggle().getUserData();
    }

    private void countFrames() {
        try {
            int n = GifExport.frameCount(parse(fromField.getText()), parse(toField.getText()), fpsSpinner.getValue());
            frameCount.setText(n > 0 ? String.format(Locale.ROOT, "%,d frames, drawn from a re-run", n) : "");
        } catch (NumberFormatException e) {
            frameCount.setText("");
        }
    }

    /** The first bad field as one line, or null when the request can be made. */
    String check() {
        if (kind() == ExportRequest.Kind.GIF) {
            double from;
            double to;
            try {
                from = parse(fromField.getText());
            } catch (NumberFormatException e) {
                return "From: \"" + shorten(fromField.getText()) + "\" is not a number of seconds";
            }
            try {
                to = parse(toField.getText());
            } catch (NumberFormatException e) {
                return "To: \"" + shorten(toField.getText()) + "\" is not a number of seconds";
            }
            if (nowSeconds <= 0) {
                return "To: the run has not started yet; play it, then export";
            }
            if (from < 0 || from >= nowSeconds) {
                return "From: " + number(from) + " is out of range; 0 up to " + number(nowSeconds) + " s, the run so far";
            }
            if (to <= from || to > nowSeconds + 1e-9) {
                return "To: " + number(to) + " is out of range; after From, up to " + number(nowSeconds) + " s, the run so far";
            }
            int frames = GifExport.frameCount(from, to, fpsSpinner.getValue());
            if (frames < 1) {
                return "To: the span is shorter than one frame at " + fpsSpinner.getValue() + " fps";
            }
            if (frames > MAX_GIF_FRAMES) {
                return String.format(Locale.ROOT, "To: %,d frames is too many; at most %,d (a shorter span or fewer frames per second)",
                        frames, MAX_GIF_FRAMES);
            }
        } else if (kind() != ExportRequest.Kind.PANEL_PNG && kind() != ExportRequest.Kind.WINDOW_PNG && nowSeconds <= 0) {
            return "Export: the run has not started yet; play it, then export its data";
        }
        return null;
    }

    private ExportRequest request() {
        boolean gif = kind() == ExportRequest.Kind.GIF;
        return new ExportRequest(kind(), scale(), panelChoice.getValue(), gif ? parse(fromField.getText()) : 0,
                gif ? parse(toField.getText()) : nowSeconds, fpsSpinner.getValue());
    }

    private static double parse(String text) {
        double v = Double.parseDouble(text.trim().replaceFirst("\\s*s$", ""));
        if (!Double.isFinite(v)) {
            throw new NumberFormatException(text);
        }
        return v;
    }

    private static String number(double seconds) {
        return Provenance.seconds(seconds).replace(" s", "");
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
