package dev.scalelab.ui.seeds;

import dev.scalelab.branches.BranchComparison;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.util.List;
import java.util.function.Function;

/**
 * Branch ▸ Compare with parent…: a branch and its parent re-run headless on the same seed to the
 * same moment, and their reports side by side, figure by figure (the headline figures, then the
 * main sections' counts and latencies), with Export… to Markdown and CSV. The runs start when the
 * window opens; closing it cancels them. FX thread only.
 */
public final class BranchCompareWindow {
    private final Stage stage = new Stage();
    private final BranchCompareViewModel viewModel;
    private final TableView<BranchCompareViewModel.Row> table = new TableView<>();
    // Tests put a recorder in the dialog's place (a native file dialog cannot be driven headless).
    private Function<FileChooser, File> saveDialog = chooser -> chooser.showSaveDialog(stage);

    public BranchCompareWindow(Window owner, BranchCompareViewModel viewModel) {
        this.viewModel = viewModel;
        stage.initOwner(owner);
        stage.setTitle("Compare " + viewModel.branchName() + " with " + viewModel.parentName());

        Label intro = new Label("Both branches re-run from t = 0 on the same seed to " + dev.scalelab.runtime.Branches.clock(viewModel.atSeconds())
                + " (the later of the moments they reached, at most the scenario's end), so every difference comes from "
                + "what the branch changed. Difference and change are branch − parent.");
        intro.setWrapText(true);
        intro.getStyleClass().add("seed-intro");

        Button cancel = new Button("Cancel");
        cancel.setId("cancelCompare");
        cancel.setOnAction(e -> viewModel.cancel());
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        Button again = new Button("Run again");
        again.setId("runCompare");
        again.setOnAction(e -> viewModel.run());
        again.disableProperty().bind(viewModel.runningProperty());
        Button export = new Button("Export…");
        export.setId("exportCompare");
        export.setTooltip(new Tooltip("Writes the table as Markdown (.md) and, beside it, as CSV with the raw numbers."));
        export.setOnAction(e -> export());
        export.disableProperty().bind(viewModel.resultProperty().isNull().or(viewModel.runningProperty()));
        ProgressBar bar = new ProgressBar();
        bar.setId("compareProgress");
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.visibleProperty().bind(viewModel.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label message = new Label();
        message.setId("compareMessage");
        message.textProperty().bind(viewModel.messageProperty());
        message.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox controls = new HBox(bar, cancel, again, gap, export);
        controls.getStyleClass().add("seed-controls");

        table.setId("compareTable");
        table.getStyleClass().add("compare-table");
        table.getColumns().setAll(List.of(
                column("Figure", BranchCompareViewModel.Row::figure),
                column(viewModel.parentName() + " (parent)", BranchCompareViewModel.Row::parent),
                column(viewModel.branchName() + " (branch)", BranchCompareViewModel.Row::branch),
                column("Difference", BranchCompareViewModel.Row::difference),
                column("Change", BranchCompareViewModel.Row::change)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Re-running both branches…"));
        VBox.setVgrow(table, Priority.ALWAYS);
        viewModel.resultProperty().addListener((obs, was, now) -> show(now));

        VBox root = new VBox(intro, controls, message, table);
        root.getStyleClass().add("seed-bands");
        stage.setScene(BackgroundRuns.scene(root));
        stage.setOnHidden(e -> viewModel.cancel());
    }

    /** Shows the window and starts the runs. */
    public void show() {
        stage.show();
        stage.toFront();
        viewModel.run();
    }

    public Stage stage() {
        return stage;
    }

    /** For tests: what the save dialog returns in place of asking. */
    public void replaceSaveDialog(Function<FileChooser, File> dialog) {
        saveDialog = dialog;
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the comparison");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown, with a CSV beside it (*.md)", "*.md"));
        chooser.setInitialFileName((viewModel.branchName() + " vs " + viewModel.parentName()).replaceAll("[^A-Za-z0-9 ._-]", "_") + ".md");
        File file = saveDialog.apply(chooser);
        if (file != null) {
            viewModel.export(file.toPath());
        }
    }

    private void show(BranchComparison c) {
        if (c != null) {
            table.getItems().setAll(BranchCompareViewModel.rows(c));
        }
    }

    private static TableColumn<BranchCompareViewModel.Row, String> column(String title,
                                                                       Function<BranchCompareViewModel.Row, String> value) {
        TableColumn<BranchCompareViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        c.setPrefWidth(title.equals("Figure") ? 200 : 160);
        if (!title.equals("Figure")) {
            c.getStyleClass().add("number-column");
        }
        return c;
    }
}
