package dev.scalelab.ui.performance;

import dev.scalelab.ui.Formats;
import dev.scalelab.world.PerformanceView.MetricView;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The monitor's registry as a table (name, last value, how often recorded, when last), narrowed by
 * a filter on the name and sortable by any column; the sort and the filter hold while the values
 * move.
 *
 * <p>FX thread only.
 */
public final class MonitorTable extends VBox {
    private final ObservableList<MetricView> metrics = FXCollections.observableArrayList();
    private final FilteredList<MetricView> filtered = new FilteredList<>(metrics);
    private final TextField filter = new TextField();
    private final TableView<MetricView> table = new TableView<>();

    public MonitorTable() {
        getStyleClass().add("monitor-table");
        filter.setId("perfMetricFilter");
        filter.setPromptText("Filter by name, such as gc or pool");
        filter.textProperty().addListener((obs, was, text) -> {
            String needle = text.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(needle.isEmpty() ? null : m -> m.name().toLowerCase(Locale.ROOT).contains(needle));
        });
        filter.setPrefColumnCount(28);
        Label label = new Label("Filter");
        label.setLabelFor(filter);
        HBox top = new HBox(label, filter);
        top.getStyleClass().add("monitor-top");

        table.setId("perfMetricTable");
        table.setPlaceholder(new Label("No metric recorded yet."));
        table.getColumns().add(column("Name", MetricView::name, 260, null));
        table.getColumns().add(column("Value", MetricView::value, 110, v -> Formats.millis(v)));
        table.getColumns().add(column("Count", MetricView::count, 90, v -> Formats.count(v)));
        table.getColumns().add(column("Updated (s)", MetricView::lastUpdatedSeconds, 100,
                v -> String.format(Locale.ROOT, "%.1f", v)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        SortedList<MetricView> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(top, table);
    }

    /** Replaces the rows with {@code now}; filter and sort stay. */
    void show(List<MetricView> now) {
        metrics.setAll(now);
    }

    /** The rows on screen, in their order; for tests. */
    List<MetricView> rows() {
        return List.copyOf(table.getItems());
    }

    /**
     * A column of one field of a metric; numbers are right-aligned in {@code format}, and sort as
     * numbers, not as their text.
     */
    private static <T extends Comparable<T>> TableColumn<MetricView, T> column(String title, Function<MetricView, T> field,
                                                                              double width, Function<Double, String> format) {
        TableColumn<MetricView, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(field.apply(cell.getValue())));
        column.setPrefWidth(width);
        if (format != null) {
            column.getStyleClass().add("number-column");
            column.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(T value, boolean empty) {
                    super.updateItem(value, empty);
                    setText(empty || value == null ? null : format.apply(((Number) value).doubleValue()));
                }
            });
        }
        return column;
    }
}
