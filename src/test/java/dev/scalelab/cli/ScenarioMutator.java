package dev.scalelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes bad and odd scenario files from the presets, the way a fuzz campaign does: one to three
 * mutations of the tree (a field removed, retyped, set to an edge value, an unknown field, a list
 * index out of range, a timeline entry out of order, a string with an unpaired surrogate or a
 * control character) or of the bytes (truncated, a byte flipped, Latin-1, a byte-order mark). The
 * same seed gives the same file, so a failing case can be replayed by its number.
 */
final class ScenarioMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Values that have broken parsers and validators before: bounds, signs, types, sizes. */
    private static final List<JsonNode> EDGE_VALUES = List.of(NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1),
            NODES.numberNode(0.0005), NODES.numberNode(1e-9), NODES.numberNode(2.5), NODES.numberNode(1e308),
            NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
            NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode(-0.0), NODES.textNode(""), NODES.textNode("x"),
            NODES.textNode("lru"), NODES.textNode("1"), NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(),
            NODES.objectNode(), NODES.textNode("x\ud800"), NODES.textNode("tab\there"), NODES.textNode("z".repeat(5000)));

    private static final List<String> PATHS = List.of("service.instances", "workload.arrival.ratePerSecond",
            "dependencies[0].retry.maxAttempts", "dependencies[7].timeoutMs", "dependencies[0].breaker.mode", "cache.levels[2].ttlSeconds",
            "cache.levels[0].policy", "database.sharding.virtualNodes", "autoscaler.maxReplicas", "nope", "dependencies[0].name",
            "dependencies[-1].timeoutMs", "dependencies[99999999999].timeoutMs", "service", "");

    private final List<String> presets;

    ScenarioMutator(List<String> presetNames) {
        presets = presetNames;
    }

    /** Case number {@code n}: the bytes of a scenario file. */
    byte[] mutant(long n) {
        SplittableRandom random = new SplittableRandom(0x5ca1e1abL * 31 + n);
        String preset = presets.get(random.nextInt(presets.size()));
        ObjectNode root = (ObjectNode) read(preset);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutateTree(root, random);
        }
        byte[] bytes = root.toString().getBytes(StandardCharsets.UTF_8);
        return random.nextInt(6) == 0 ? mutateBytes(bytes, random) : bytes;
    }

    private static JsonNode read(String preset) {
        try (InputStream in = ScenarioMutator.class.getResourceAsStream("/presets/" + preset + ".json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mutateTree(ObjectNode root, SplittableRandom random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        switch (random.nextInt(7)) {
            case 0, 1, 2 -> replaceAValue(target, EDGE_VALUES.get(random.nextInt(EDGE_VALUES.size())), random);
            case 3 -> removeAValue(target, random);
            case 4 -> {
                if (target.isObject()) {
                    ((ObjectNode) target).put("unknownField" + random.nextInt(3), 1);
                } else {
                    ((ArrayNode) target).add(EDGE_VALUES.get(random.nextInt(EDGE_VALUES.size())));
                }
            }
            case 5 -> addTimelineEntry(root, random);
            default -> {
                // A number scaled far up or down: huge fleets, tiny service times, negative lags.
                replaceAValue(target, NODES.numberNode(Math.pow(10, random.nextInt(-6, 9)) * (random.nextBoolean() ? 1 : -1)), random);
            }
        }
    }

    private static void addTimelineEntry(ObjectNode root, SplittableRandom random) {
        ArrayNode timeline = root.has("timeline") && root.get("timeline").isArray()
                ? (ArrayNode) root.get("timeline") : root.putArray("timeline");
        ObjectNode e = NODES.objectNode();
        e.put("atSeconds", random.nextInt(3) == 0 ? -1 : random.nextDouble() * 2);
        String[] commands = {"set", "set", "set", "kill-instance", "outage", "add-shard", "flush-cache", "explode"};
        String command = commands[random.nextInt(commands.length)];
        e.put("command", command);
        if (command.equals("set")) {
            e.put("path", PATHS.get(random.nextInt(PATHS.size())));
            e.set("value", EDGE_VALUES.get(random.nextInt(EDGE_VALUES.size())));
        } else {
            e.put("target", random.nextBoolean() ? "i-0" : "payments");
            e.put("durationSeconds", 1);
        }
        timeline.insert(random.nextInt(timeline.size() + 1), e);
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (JsonNode child : node) {
                collect(child, out);
            }
        }
    }

    private static void replaceAValue(JsonNode container, JsonNode value, SplittableRandom random) {
        if (container.isObject()) {
            List<String> names = names(container);
            if (!names.isEmpty()) {
                ((ObjectNode) container).set(names.get(random.nextInt(names.size())), value.deepCopy());
            }
        } else if (container.size() > 0) {
            ((ArrayNode) container).set(random.nextInt(container.size()), value.deepCopy());
        }
    }

    private static void removeAValue(JsonNode container, SplittableRandom random) {
        if (container.isObject()) {
            List<String> names = names(container);
            if (!names.isEmpty()) {
                ((ObjectNode) container).remove(names.get(random.nextInt(names.size())));
            }
        } else if (container.size() > 0) {
            ((ArrayNode) container).remove(random.nextInt(container.size()));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static byte[] mutateBytes(byte[] bytes, SplittableRandom random) {
        switch (random.nextInt(4)) {
            case 0:
                return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 1: {
                byte[] b = bytes.clone();
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                return b;
            }
            case 2: {
                byte[] b = new byte[bytes.length + 3];
                b[0] = (byte) 0xEF;
                b[1] = (byte) 0xBB;
                b[2] = (byte) 0xBF;
                System.arraycopy(bytes, 0, b, 3, bytes.length);
                return b;
            }
            default:
                return new String(bytes, StandardCharsets.UTF_8).replace("\"name\"", "\"n\u00e4me\"")
                        .getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
