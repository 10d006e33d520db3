package dev.scalelab.ui.events;

import dev.scalelab.runtime.Frame;
import dev.scalelab.runtime.PanelSource;
import dev.scalelab.ui.FxThread;
import dev.scalelab.ui.FxmlPanel;
import dev.scalelab.ui.controls.FigureCard;
import dev.scalelab.ui.charts.WholeRunSwitch;
import dev.scalelab.world.EventsView;
import dev.scalelab.world.Snapshot;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Consumer;

/**
 * The Events panel: the drawn group's headline figures over its topic's partitions as lanes
 * ({@link PartitionLanes}: records by key, the committed offset, the lag, poison records, stopped
 * partitions, the consumers beside them and the dead letters), the work queues under them
 * ({@link QueueBoard}), the charts of lag, end-to-end p99, consumers against the autoscaler's wish and
 * duplicates and dead letters ({@link EventsCharts}), and the parameters and actions
 * ({@link EventsParameters}). A topic and a group selector appear when there is a choice. A scenario
 * without event streams shows a card offering the three presets that have them. The layout is
 * {@code fxml/EventsPanel.fxml}, the look {@code styles/events.css}.
 *
 * <p>FX thread only.
 */
public final class EventsPanel extends FxmlPanel implements dev.scalelab.ui.charts.RunCharts {
    static final String EVENT_BACKLOG = "event-backlog";
    static final String CONSUMER_CRASH = "consumer-crash";
    static final String POISON_MESSAGE = "poison-message";
    /** A queue card's height; the lanes take the rest. */
    private static final double QUEUE_HEIGHT = 150;
    /** The consumers' column beside the lanes, links included. */
    private static final double COLUMN_MIN_WIDTH = 180;
    private static final double COLUMN_MAX_WIDTH = 260;
    private static final double COLUMN_SHARE = 0.27;

    private final Consumer<String> startPreset;
    private final EventsViewModel viewModel = new EventsViewModel();
    private final EventsParameters parameters;
    private final WholeRunSwitch wholeRun = new WholeRunSwitch("eventsRangeBar", EventsCharts.WINDOW_SECONDS);
    private final EventsCharts charts = new EventsCharts(wholeRun.range(), wholeRun::runSeconds);
    /** The group or queue the charts showed at the last pulse: another one redraws the whole run at once. */
    private String chartedSource = "";
    private final PartitionLanes lanes = new PartitionLanes();
    private final ConsumerColumn consumerColumn = new ConsumerColumn(lanes);
    private final QueueBoard queues = new QueueBoard();
    @FXML private VBox content;
    @FXML private VBox empty;
    @FXML private HBox selectors;
    @FXML private Label topicLabel;
    @FXML private ComboBox<String> topicChoice;
    @FXML private Label groupLabel;
    @FXML private ComboBox<String> groupChoice;
    @FXML private StackPane lanesHost;
    @FXML private StackPane queuesHost;
    @FXML private FigureCard lagCard;
    @FXML private FigureCard consumersCard;
    @FXML private FigureCard endToEndCard;
    @FXML private FigureCard duplicatesCard;
    @FXML private FigureCard deadLettersCard;
    @FXML private FigureCard rebalancesCard;
    private Snapshot snapshot;
    /** Set while the panel fills the selectors itself, so their listeners do not take it for the user's choice. */
    private boolean fillingChoices;

    /** @param startPreset starts a built-in scenario by name, as the window's scenario menu does */
    public EventsPanel(PanelSource runner, Consumer<String> startPreset) {
        super("Events");
        this.startPreset = startPreset;
        parameters = new EventsParameters(runner);
        lanes.setId("eventsLanes");
        queues.setId("eventsQueues");
        loadLayout("EventsPanel");
        consumerColumn.setId("eventsConsumers");
        consumerColumn.setMinWidth(COLUMN_MIN_WIDTH);
        // About a quarter of the width: the lanes keep most of it in a narrow window too.
        consumerColumn.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(COLUMN_MIN_WIDTH,
                Math.min(COLUMN_MAX_WIDTH, lanesHost.getWidth() * COLUMN_SHARE)), lanesHost.widthProperty()));
        HBox.setHgrow(lanes, Priority.ALWAYS);
        lanesHost.getChildren().setAll(new HBox(lanes, consumerColumn));
        queuesHost.getChildren().setAll(queues);
        viewModel.hasEventsProperty().addListener((obs, had, has) -> showParts());
        viewModel.hasTopicsProperty().addListener((obs, had, has) -> showParts());
        viewModel.hasQueuesProperty().addListener((obs, had, has) -> showParts());
        topicChoice.valueProperty().addListener((obs, old, name) -> {
            if (!fillingChoices && name != null) {
                viewModel.chooseTopic(name);
                redrawChoice();
            }
        });
        groupChoice.valueProperty().addListener((obs, old, name) -> {
            if (!fillingChoices && name != null) {
                viewModel.chooseGroup(name);
                redrawChoice();
            }
        });
        showParts();
        place(wholeRun.above(charts.view()), parameters.node());
    }

    /** Called by the loader once the layout's nodes are injected: the panel's bindings, in one place. */
    @FXML
    private void initialize() {
        lagCard.valueProperty().bind(viewModel.lagProperty());
        consumersCard.valueProperty().bind(viewModel.consumersProperty());
        endToEndCard.valueProperty().bind(viewModel.endToEndProperty());
        duplicatesCard.valueProperty().bind(viewModel.duplicatesProperty());
        deadLettersCard.valueProperty().bind(viewModel.deadLettersProperty());
        rebalancesCard.valueProperty().bind(viewModel.rebalancesProperty());
    }

    @FXML
    private void openEventBacklog() {
        startPreset.accept(EVENT_BACKLOG);
    }

    @FXML
    private void openConsumerCrash() {
        startPreset.accept(CONSUMER_CRASH);
    }

    @FXML
    private void openPoisonMessage() {
        startPreset.accept(POISON_MESSAGE);
    }

    /** The drawings the scenario has, or the card that says it has none (never an empty drawing). */
    private void showParts() {
        boolean events = viewModel.hasEventsProperty().get();
        boolean topics = viewModel.hasTopicsProperty().get();
        boolean workQueues = viewModel.hasQueuesProperty().get();
        content.setVisible(events);
        empty.setVisible(!events);
        shown(lanesHost, topics);
        shown(queuesHost, workQueues);
        VBox.setVgrow(queuesHost, topics ? Priority.NEVER : Priority.ALWAYS);
    }

    private static void shown(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    @Override
    public void update(Frame frame, long nowNanos) {
        assert FxThread.isCurrent();
        snapshot = frame.snapshot();
        viewModel.update(snapshot, nowNanos);
        parameters.update(snapshot);
        EventsView events = snapshot.events();
        charts.setAvailable(events != null);
        if (events == null) {
            return;
        }
        fillChoices();
        showLanes(nowNanos);
        if (!events.queues().isEmpty()) {
            int shownQueues = Math.min(events.queues().size(), 2);
            queuesHost.setPrefHeight(shownQueues * QUEUE_HEIGHT);
            queues.show(events.queues());
        }
    }

    private void showLanes(long nowNanos) {
        if (viewModel.topic() == null) {
            return;
        }
        lanes.show(viewModel.topic(), viewModel.group(), nowNanos);
        consumerColumn.show(viewModel.group(), viewModel.topic().partitions().size());
        shown(consumerColumn, viewModel.group() != null);
    }

    /** The selectors list the topics and the drawn topic's groups; each shows only when there is a choice. */
    private void fillChoices() {
        fillingChoices = true;
        try {
            fill(topicChoice, viewModel.topicNames(), viewModel.topic() == null ? null : viewModel.topic().name());
            fill(groupChoice, viewModel.groupNames(), viewModel.group() == null ? null : viewModel.group().name());
        } finally {
            fillingChoices = false;
        }
        boolean topicChoiceShown = viewModel.topicNames().size() > 1;
        boolean groupChoiceShown = viewModel.groupNames().size() > 1;
        shown(topicLabel, topicChoiceShown);
        shown(topicChoice, topicChoiceShown);
        shown(groupLabel, groupChoiceShown);
        shown(groupChoice, groupChoiceShown);
        shown(selectors, topicChoiceShown || groupChoiceShown);
    }

    private static void fill(ComboBox<String> choice, List<String> names, String drawn) {
        if (!choice.getItems().equals(names)) {
            choice.getItems().setAll(names);
        }
        if (drawn != null && !drawn.equals(choice.getValue())) {
            choice.setValue(drawn);
        }
    }

    /** The user chose another topic or group: draw it now, not at the next frame. */
    private void redrawChoice() {
        if (snapshot != null) {
            viewModel.update(snapshot, System.nanoTime());
            fillChoices();
            showLanes(System.nanoTime());
        }
    }

    @Override
    public void animate(long nowNanos) {
        assert FxThread.isCurrent();
        if (snapshot == null || snapshot.events() == null) {
            return;
        }
        consumerColumn.draw(nowNanos, lanes.draw(nowNanos));
        queues.draw(nowNanos);
        String source = charts.choose(viewModel.group(), snapshot);
        if (!source.equals(chartedSource)) {
            chartedSource = source;
            wholeRun.redraw();
        }
        WholeRunSwitch.Pulse pulse = wholeRun.pulse(snapshot, nowNanos, charts);
        // Asked every pulse, not only on new frames, so a sample held back by the rate limit still shows when paused.
        if (pulse == WholeRunSwitch.Pulse.LIVE_AFRESH || pulse == WholeRunSwitch.Pulse.LIVE && viewModel.chartsDue(snapshot.series(), nowNanos)) {
            double[] times = snapshot.series().timeSeconds();
            if (viewModel.group() != null) {
                charts.show(times, viewModel.group());
            } else if (!snapshot.events().queues().isEmpty()) {
                charts.show(times, snapshot.events().queues().get(0));
            }
        }
    }

    // ------------------------------------------------------------------ for tests

    PartitionLanes lanes() {
        return lanes;
    }

    QueueBoard queues() {
        return queues;
    }

    @Override
    public dev.scalelab.ui.charts.RunRange range() {
        return wholeRun.range();
    }

    EventsCharts eventsCharts() {
        return charts;
    }

    /** A lesson's outline: {@code partition:2} is that partition's lane of the topic shown. */
    @Override
    public javafx.geometry.Bounds highlightBounds(String element) {
        if (element.startsWith("partition:")) {
            try {
                int partition = Integer.parseInt(element.substring("partition:".length()).trim());
                return dev.scalelab.ui.lesson.HighlightResolver.inScene(lanes, lanes.laneBounds(partition));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
