package dev.scalelab.ui.performance;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.JvmReading;
import dev.scalelab.runtime.ProfileTable;
import dev.scalelab.runtime.SimulationRunner;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.FxmlPanel;
import dev.scalelab.ui.Formats;
import dev.scalelab.ui.charts.TimeLineChart;
import dev.scalelab.ui.controls.FigureCard;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.Locale;
import java.util.function.Function;

/**
 * "This app": the real JVM that runs ScaleLab, read once a wall second through the standard
 * management beans (heap used and committed, collections and their time per collector, threads, the
 * simulation thread's allocation), with simulated events per second and the UI's frame interval, as
 * headline figures and live charts; and the simulator's own profile (wall time per subsystem and
 * event type over the last wall second) as a table. The layout is {@code fxml/ThisApp.fxml}, the look
 * {@code styles/this-app.css}.
 *
 * <p>The monitor runs from the view's own pulse timer, shown or not, so the charts hold the last five
 * minutes whenever they are opened and every pulse counts toward the frame figures. Everything is in
 * {@link #view()}; {@link #charts()} is null.
 *
 * <p>FX thread only.
 */
public final class ThisAppView extends FxmlPanel {
    private final SimulationRunner runner;
    private final ThisAppViewModel viewModel = new ThisAppViewModel();
    @FXML private FigureCard heapFigure;
    @FXML private FigureCard collectionsFigure;
    @FXML private FigureCard allocationFigure;
    @FXML private FigureCard threadsFigure;
    @FXML private FigureCard eventsFigure;
    @FXML private FigureCard framesFigure;
    @FXML private TimeLineChart heapChart;
    @FXML private TimeLineChart collectionsChart;
    @FXML private TimeLineChart collectionTimeChart;
    @FXML private TimeLineChart threadsChart;
    @FXML private TimeLineChart allocationChart;
    @FXML private TimeLineChart eventsChart;
    @FXML private TimeLineChart frameChart;
    @FXML private Label jvmText;
    @FXML private TableView<ProfileTable.Line> profileTable;
    @FXML private TableColumn<ProfileTable.Line, String> subsystemColumn;
    @FXML private TableColumn<ProfileTable.Line, String> eventTypeColumn;
    @FXML private TableColumn<ProfileTable.Line, String> eventsColumn;
    @FXML private TableColumn<ProfileTable.Line, String> shareColumn;
    @FXML private TableColumn<ProfileTable.Line, String> nanosColumn;
    private ThisAppCharts charts;
    private long chartedRevision = -1;

    private final AnimationTimer monitorPulse = new AnimationTimer() {
        @Override
        public void handle(long nowNanos) {
            viewModel.pulse(nowNanos, runner.simulationThreadId(), runner.latest().snapshot().eventsFired());
        }
    };

    public ThisAppView(SimulationRunner runner) {
        super("This app");
        this.runner = runner;
        loadLayout("ThisApp");
        place(null, null);
        monitorPulse.start();
    }

    /** Called by the loader once the layout's nodes are injected: the view's bindings, in one place. */
    @FXML
    private void initialize() {
        heapFigure.valueProperty().bind(viewModel.heapProperty());
        collectionsFigure.valueProperty().bind(viewModel.collectionsProperty());
        allocationFigure.valueProperty().bind(viewModel.allocationProperty());
        threadsFigure.valueProperty().bind(viewModel.threadsProperty());
        eventsFigure.valueProperty().bind(viewModel.eventsProperty());
        framesFigure.valueProperty().bind(viewModel.framesProperty());
        column(subsystemColumn, ProfileTable.Line::subsystem);
        column(eventTypeColumn, ProfileTable.Line::eventType);
        column(eventsColumn, line -> Formats.count(line.eventsPerSecond()));
        column(shareColumn, line -> String.format(Locale.ROOT, "%.1f", line.sharePercent()));
        column(nanosColumn, line -> Formats.count(line.nanosPerEvent()));
        profileTable.setItems(viewModel.profileLines());
        charts = new ThisAppCharts(heapChart, collectionsChart, collectionTimeChart, threadsChart, allocationChart, eventsChart, frameChart);
    }

    private static void column(TableColumn<ProfileTable.Line, String> column, Function<ProfileTable.Line, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())).getReadOnlyProperty());
    }

    @Override
    public void update(Frame frame, long nowNanos) {
        assert FxThread.isCurrent();
        viewModel.showProfile(runner.profile());
    }

    @Override
    public void animate(long nowNanos) {
        assert FxThread.isCurrent();
        if (viewModel.revision() != chartedRevision) {
            chartedRevision = viewModel.revision();
            charts.show(viewModel.monitor().history());
            JvmReading latest = viewModel.monitor().latestReading();
            if (latest != null) { // none yet when the panel is built after start-up and drawn before its first sample
                jvmText.setText(jcmdText(latest));
            }
        }
    }

    @Override
    public void dispose() {
        monitorPulse.stop();
    }

    /** The heap as {@code jcmd <pid> GC.heap_info} prints it (KiB), to compare the two within a second. */
    private static String jcmdText(JvmReading r) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "heap total %,dK, used %,dK%nmax %,dK%n",
                r.heapCommittedBytes() >> 10, r.heapUsedBytes() >> 10, r.heapMaxBytes() >> 10));
        for (JvmReading.Collector c : r.collectors()) {
            text.append(String.format(Locale.ROOT, "%s: %,d, %,d ms%n", c.name(), c.collections(), c.collectionMillis()));
        }
        text.append(Runtime.version()).append(", pid ").append(ProcessHandle.current().pid());
        return text.toString();
    }
}
