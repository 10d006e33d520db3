package dev.scalelab.ui;

import dev.scalelab.lesson.Lesson;
import dev.scalelab.lesson.LessonException;
import dev.scalelab.lesson.LessonLibrary;
import dev.scalelab.engine.balancing.LoadBalancingStrategy;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioSource;
import dev.scalelab.world.World;
import dev.scalelab.world.network.Pipeline;

import java.util.List;

/**
 * The app's command line: {@code [--scenario PRESET_OR_FILE] [--lesson ID_OR_FILE] [--panel TITLE] [--speed FACTOR|max] [--duration SECONDS] [--frame-stats SECONDS] [--startup-stats] [--charts whole|FROM-TO] [--design FILE [--run-design]] [--race STRATEGY]}.
 *
 * @param scenario          what to run first: a preset by name, else a scenario file ("default" without the option)
 * @param scenarioLabel     the preset's name or the file's name, for the title and the scenario menu
 * @param panel             the title of the panel to show first (case-insensitive), or null for the first
 * @param frameStatsSeconds when above 0, run this long, print the frame meter's summary and exit
 * @param speed             the speed to start at, virtual seconds per wall second (1; "max" is infinity)
 * @param startupStats      print how long the window took to appear and to show its first content, then exit
 * @param lesson            the lesson to start once the window shows, or null
 * @param charts            the first panel's charts: null for the live window, "whole" for the whole run,
 *                          "FROM-TO" for the whole run zoomed to those virtual seconds (a screenshot, a
 *                          frame measurement)
 * @param design            a design file to open in the design canvas once the window shows, or null
 * @param runDesign         start that design's run at once, at {@code speed} (a screenshot of it running)
 * @param race              the Load balancing panel's race against this strategy from the start (its
 *                          frames measured, a demo opened racing), or null
 */
public record AppOptions(Scenario scenario, String scenarioLabel, String panel, double frameStatsSeconds, double speed,
                         boolean startupStats, Lesson lesson, String charts, java.nio.file.Path design, boolean runDesign,
                         LoadBalancingStrategy.Strategy race) {

    public AppOptions(Scenario scenario, String scenarioLabel, String panel, double frameStatsSeconds, double speed,
                      boolean startupStats, Lesson lesson, String charts, java.nio.file.Path design, boolean runDesign) {
        this(scenario, scenarioLabel, panel, frameStatsSeconds, speed, startupStats, lesson, charts, design, runDesign, null);
    }

    public AppOptions(Scenario scenario, String scenarioLabel, String panel, double frameStatsSeconds, double speed,
                      boolean startupStats, Lesson lesson, String charts) {
        this(scenario, scenarioLabel, panel, frameStatsSeconds, speed, startupStats, lesson, charts, null, false);
    }

    public AppOptions(Scenario scenario, String scenarioLabel, String panel, double frameStatsSeconds, double speed,
                      boolean startupStats, Lesson lesson) {
        this(scenario, scenarioLabel, panel, frameStatsSeconds, speed, startupStats, lesson, null);
    }

    /** Options without {@code --startup-stats} and {@code --lesson}. */
    public AppOptions(Scenario scenario, String scenarioLabel, String panel, double frameStatsSeconds, double speed) {
        this(scenario, scenarioLabel, panel, frameStatsSeconds, speed, false, null);
    }

    /** The panel whose race {@code --race} starts (and shows first). */
    public static final String RACE_PANEL = "Load balancing";

    /** The bounds of {@code --duration}, as {@code simulate --duration} has them. */
    private static final double MIN_DURATION_SECONDS = 0.001;
    private static final double MAX_DURATION_SECONDS = 10_000_000;

    public static final String USAGE = "options: [--scenario PRESET_OR_FILE] [--lesson ID_OR_FILE] [--panel TITLE] [--speed FACTOR|max] "
            + "[--duration SECONDS] [--frame-stats SECONDS] [--startup-stats] [--charts whole|FROM-TO] [--design FILE [--run-design]] [--race STRATEGY]";

    /**
     * Parses the arguments and reads the scenario and the lesson. Throws {@link IllegalArgumentException}
     * for a bad option or lesson, or {@code ScenarioException} for a bad scenario file, each with a
     * one-line message.
     */
    public static AppOptions parse(List<String> args) {
        String scenarioArgument = "default";
        double frameStatsSeconds = 0;
        double durationSeconds = 0;
        String panel = null;
        double speed = 1;
        boolean startupStats = false;
        Lesson lesson = null;
        String charts = null;
        java.nio.file.Path design = null;
        boolean runDesign = false;
        LoadBalancingStrategy.Strategy race = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--scenario":
                    scenarioArgument = value(args, ++i, option);
                    break;
                case "--lesson":
                    String which = value(args, ++i, option);
                    try {
                        lesson = LessonLibrary.load(which);
                    } catch (LessonException e) {
                        throw new IllegalArgumentException("--lesson: " + e.getMessage(), e);
                    }
                    break;
                case "--panel":
                    panel = value(args, ++i, option);
                    break;
                case "--speed":
                    String factor = value(args, ++i, option);
                    try {
                        speed = factor.equals("max") ? Double.POSITIVE_INFINITY : Double.parseDouble(factor);
                    } catch (NumberFormatException e) {
                        speed = Double.NaN;
                    }
                    if (!(speed > 0)) {
                        throw new IllegalArgumentException("--speed: " + Quote.of(factor) + " is not a positive number or max");
                    }
                    break;
                case "--frame-stats":
                    frameStatsSeconds = seconds(value(args, ++i, option), option, Double.MIN_VALUE, Double.MAX_VALUE,
                            "is not a positive number of seconds");
                    break;
                case "--duration":
                    durationSeconds = seconds(value(args, ++i, option), option, MIN_DURATION_SECONDS, MAX_DURATION_SECONDS,
                            "is not a number of seconds from 0.001 to 10000000");
                    break;
                case "--charts":
                    charts = value(args, ++i, option);
                    if (!charts.equals("whole") && !charts.matches("\\d+(\\.\\d+)?-\\d+(\\.\\d+)?")) {
                        throw new IllegalArgumentException("--charts: " + Quote.of(charts) + " is neither whole nor FROM-TO in seconds (600-900)");
                    }
                    break;
                case "--design":
                    design = java.nio.file.Path.of(value(args, ++i, option));
                    if (!java.nio.file.Files.isRegularFile(design)) {
                        throw new IllegalArgumentException("--design: no such file " + Quote.shorten(design.toString()));
                    }
                    break;
                case "--run-design":
                    runDesign = true;
                    break;
                case "--race":
                    String id = value(args, ++i, option);
                    race = LoadBalancingStrategy.Strategy.byId(id);
                    if (race == null) {
                        throw new IllegalArgumentException("--race: " + Quote.of(id) + " is not a balancing strategy; one of "
                                + java.util.Arrays.stream(LoadBalancingStrategy.Strategy.values())
                                        .map(LoadBalancingStrategy.Strategy::id).collect(java.util.stream.Collectors.joining(", ")));
                    }
                    break;
                case "--startup-stats":
                    startupStats = true;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + Quote.of(option) + "; " + USAGE);
            }
        }
        ScenarioSource source = ScenarioSource.load(scenarioArgument);
        if (source.scenario().topology() != null) {
            Scenario lowered = Pipeline.lower(source.scenario());
            if (lowered != null) {
                source = new ScenarioSource(lowered, source.label());
            } else if (design == null) {
                // A drawing of its own shape: it opens in the design canvas, over the default scenario's window.
                design = java.nio.file.Path.of(scenarioArgument);
                source = ScenarioSource.load("default");
            } else {
                throw new IllegalArgumentException(Quote.shorten(scenarioArgument) + ": " + World.DRAWN_SYSTEM
                        + " (and --design names another design already)");
            }
        }
        if (durationSeconds > 0) {
            source = new ScenarioSource(source.scenario().withDurationSeconds(durationSeconds), source.label());
        }
        // A scenario whose queues could fill the heap is refused before the window opens, as the CLI and File > Open refuse it.
        String refusal = World.memoryRefusal(source.scenario(), Runtime.getRuntime().maxMemory() / 2);
        if (refusal != null) {
            throw new IllegalArgumentException(Quote.shorten(scenarioArgument) + ": " + refusal);
        }
        if (runDesign && design == null) {
            throw new IllegalArgumentException("--run-design needs --design FILE");
        }
        if (race != null) {
            if (panel != null && !panel.equalsIgnoreCase(RACE_PANEL)) {
                throw new IllegalArgumentException("--race: the race is the " + RACE_PANEL + " panel's, not " + Quote.of(panel) + "'s");
            }
            if (design != null) {
                throw new IllegalArgumentException("--race races the main window's run, not a design on the canvas");
            }
            panel = RACE_PANEL;
        }
        return new AppOptions(source.scenario(), source.label(), panel, frameStatsSeconds, speed, startupStats, lesson, charts,
                design, runDesign, race);
    }

    /** {@code text} as seconds from {@code min} to {@code max}; else the option, the text and {@code problem}. */
    private static double seconds(String text, String option, double min, double max, String problem) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(option + ": " + Quote.of(text) + " " + problem);
        }
        return v;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value; " + USAGE);
        }
        return args.get(index);
    }
}
