package dev.scalelab.lesson;

import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a highlight's element name (the forms {@link Highlight} lists) against the panel and the
 * lesson's start: a breaker or cache level the scenario has, a parameter that exists, an fx:id that
 * the panel's FXML (or the main window's, for the charts, log and parameters) declares.
 */
final class Elements {

    /** The panels a lesson may show, by title, with the FXML files their nodes come from. */
    static final Map<String, List<String>> PANELS = panels();

    private static final Pattern INSTANCE = Pattern.compile("instance:i-\\d{1,3}");
    private static final Pattern SHARD = Pattern.compile("shard:\\d{1,2}");
    private static final Pattern FX_ID = Pattern.compile("fx:id=\"([^\"]+)\"");

    private Elements() {
    }

    private static Map<String, List<String>> panels() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("Overview", List.of("OverviewPanel.fxml"));
        m.put("Scaling", List.of("ScalingPanel.fxml"));
        m.put("Load balancing", List.of("BalancingPanel.fxml"));
        m.put("Caching", List.of("CachingPanel.fxml"));
        m.put("Database", List.of("DatabasePanel.fxml"));
        m.put("Resilience", List.of("ResiliencePanel.fxml"));
        m.put("Performance", List.of("PerformancePanel.fxml", "ThisApp.fxml"));
        m.put("Events", List.of("EventsPanel.fxml"));
        return m;
    }

    /** Why {@code element} cannot be outlined on {@code panel} for a lesson starting at {@code start}, or null. */
    static String problem(String panel, String element, Scenario start) {
        if (element.equals("pool") || element.equals("log") || INSTANCE.matcher(element).matches()) {
            return null;
        }
        if (SHARD.matcher(element).matches()) {
            return start.database() != null ? null : "the lesson's start has no database, so no shard";
        }
        if (element.startsWith("breaker:")) {
            String name = element.substring("breaker:".length());
            return start.dependencies().stream().anyMatch(d -> d.name().equals(name)) ? null
                    : "\"" + name + "\" is not a dependency of the lesson's start";
        }
        if (element.startsWith("cache:")) {
            String level = element.substring("cache:".length());
            return start.cache() != null && start.cache().levels().stream().anyMatch(l -> l.name().equals(level)) ? null
                    : "\"" + level + "\" is not a cache level of the lesson's start";
        }
        if (element.startsWith("param:")) {
            String path = element.substring("param:".length());
            return Parameter.byPath(path) != null || ScenarioFiles.isDependencyField(path) ? null
                    : "\"" + path + "\" is not a parameter that can be set";
        }
        if (element.startsWith("#")) {
            String id = element.substring(1);
            for (String file : PANELS.get(panel)) {
                if (fxIds(file).contains(id)) {
                    return null;
                }
            }
            return fxIds("MainWindow.fxml").contains(id) ? null
                    : "no node has fx:id \"" + id + "\" on the " + panel + " panel or in the main window";
        }
        return "\"" + element + "\" is not an element name; use instance:i-3, pool, breaker:NAME, cache:LEVEL, "
                + "shard:N, param:PATH, log or #fxId";
    }

    private static List<String> fxIds(String file) {
        try (InputStream in = Elements.class.getResourceAsStream("/fxml/" + file)) {
            if (in == null) {
                return List.of();
            }
            Matcher m = FX_ID.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return m.results().map(r -> r.group(1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
