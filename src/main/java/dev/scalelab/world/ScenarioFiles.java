package dev.scalelab.world;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes scenario files (JSON, {@code "schema": 1}). Reading is strict: an unknown field,
 * a wrong type or an out-of-range value is a {@link ScenarioException} naming the field. Every
 * field has a default, taken from {@link Scenario#DEFAULT}. The text is checked here (UTF-8,
 * JSON, Unicode); the records are read and written by {@link ScenarioBinder} from their
 * declarations, and single fields are reached through {@link ScenarioFields}.
 */
public final class ScenarioFiles {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ScenarioFiles() {
    }

    public static Scenario read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException("", "no such file: " + Quote.shorten(file.toString()));
        } catch (IOException e) {
            throw new ScenarioException("", "cannot read " + Quote.shorten(file.toString()) + ": " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new ScenarioException("", "the file is too large to read");
        }
        return parse(utf8(bytes));
    }

    /**
     * The text of a scenario file, which is UTF-8 (RFC 8259 §8.1). A byte-order mark is allowed and
     * dropped, as JSON parsers may; a byte that is not UTF-8 (a file saved as Latin-1, say) is named
     * by its line and column, so the author can find it.
     */
    static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int column = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++; // count characters, not the continuation bytes of one
                }
            }
            throw new ScenarioException("", String.format(Locale.ROOT,
                    "not UTF-8 text: byte 0x%02X at line %d, column %d; save the file as UTF-8", bytes[bad] & 0xFF, line, column));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public static Scenario parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ScenarioException("", "not valid JSON" + where + ": " + JsonErrors.describe(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException("", "a scenario must be a JSON object such as {\"schema\": 1}");
        }
        if (!validUnicode(root)) {
            checkUnicode(root, "");
        }
        return readScenario(new JsonObject((ObjectNode) root, ""));
    }

    /**
     * Rejects a string or field name with an unpaired surrogate (a high surrogate D800 escaped in the
     * file): it is valid JSON text but not Unicode, and no report or saved file could hold it.
     */
    private static boolean validUnicode(JsonNode node) {
        if (node.isTextual()) {
            return Quote.loneSurrogate(node.textValue()) < 0;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (Quote.loneSurrogate(f.getKey()) >= 0 || !validUnicode(f.getValue())) {
                    return false;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (!validUnicode(item)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Throws naming where {@code node} has a lone surrogate (once {@link #validUnicode} found one: paths cost). */
    private static void checkUnicode(JsonNode node, String path) {
        if (node.isTextual()) {
            int at = Quote.loneSurrogate(node.textValue());
            if (at >= 0) {
                throw new ScenarioException(path, "not valid Unicode: a lone surrogate "
                        + String.format("\\u%04x", (int) node.textValue().charAt(at)) + " at character " + (at + 1)
                        + " of " + Quote.of(node.textValue()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkUnicode(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String at = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                if (Quote.loneSurrogate(f.getKey()) >= 0) {
                    throw new ScenarioException(Quote.shorten(at), "not valid Unicode: a field name with a lone surrogate");
                }
                checkUnicode(f.getValue(), at);
            }
        }
    }

    /** A built-in scenario by name, from the {@code presets/} resources. */
    public static Scenario preset(String name) {
        try (InputStream in = ScenarioFiles.class.getResourceAsStream("/presets/" + name + ".json")) {
            if (in == null) {
                return null;
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScenarioException("", "cannot read preset " + name + ": " + e.getMessage());
        }
    }

    /** A file without a name is a custom scenario; every other default is {@link Scenario#DEFAULT}'s. */
    static final Scenario FILE_DEFAULT = ScenarioFields.with(Scenario.DEFAULT, "name", "custom");

    private static Scenario readScenario(JsonObject f) {
        JsonNode schema = f.take("schema");
        if (schema == null) {
            throw new ScenarioException("schema", "missing; a scenario file starts with \"schema\": 1");
        }
        if (!schema.isNumber() || schema.doubleValue() != Math.rint(schema.doubleValue())) {
            throw new ScenarioException("schema", "expected a whole number, got " + JsonObject.describe(schema));
        }
        if (schema.longValue() != Scenario.SCHEMA) {
            throw new ScenarioException("schema", Quote.shorten(schema.toString()) + " is out of range; a whole number from "
                    + Scenario.SCHEMA + " to " + Scenario.SCHEMA);
        }
        // An editor's pointer to scenario.schema.json: for completion and checks while typing, not for the run.
        JsonNode schemaAddress = f.take("$schema");
        if (schemaAddress != null && !schemaAddress.isTextual()) {
            throw new ScenarioException("$schema", "expected a string (the address of scenario.schema.json), got "
                    + JsonObject.describe(schemaAddress));
        }
        Scenario read = (Scenario) ScenarioBinder.read(Scenario.class, f, FILE_DEFAULT);
        EventsChecks.check(read);
        GatewayChecks.check(read);
        // A dependency field on the timeline is checked against the scenario's starting values. The
        // check sets it on a copy without the timeline: with it, the copy's own timeline would be
        // checked again, and again (a stack overflow), and each check would cost the timeline's length.
        Scenario settings = read.withTimeline(List.of());
        // A long recorded run sets the same few fields to the same few values many times: check each pair once.
        Set<List<Object>> checked = new HashSet<>();
        List<Scenario.TimelineEntry> timeline = read.timeline();
        for (int i = 0; i < timeline.size(); i++) {
            Scenario.TimelineEntry e = timeline.get(i);
            if (e.path() != null && isDependencyField(e.path()) && checked.add(Arrays.asList(e.path(), e.value()))) {
                int dependency = dependencyIndex(e.path());
                if (dependency >= settings.dependencies().size()) {
                    throw new ScenarioException("timeline[" + i + "].path", Quote.of(e.path()) + " names a dependency this "
                            + "scenario does not have: it has " + settings.dependencies().size()
                            + (settings.dependencies().size() == 1 ? " dependency" : " dependencies"));
                }
                try {
                    withDependencyField(settings, e.path(), e.value());
                } catch (ScenarioException bad) {
                    throw new ScenarioException("timeline[" + i + "].value", "setting " + bad.getMessage());
                }
            }
        }
        return read;
    }

    /**
     * Fields of a dependency ({@code dependencies[0].retry.maxAttempts}, {@code dependencies[1].timeoutMs})
     * can be set like parameters; the file reader checks the value when the change is applied.
     */
    public static boolean isDependencyField(String path) {
        return DEPENDENCY_FIELD.matcher(path).matches() && !path.endsWith(".name");
    }

    private static final java.util.regex.Pattern DEPENDENCY_FIELD = java.util.regex.Pattern.compile("dependencies\\[\\d+]\\.[a-zA-Z.]+");

    /** Which dependency a dependency field belongs to. */
    public static int dependencyIndex(String path) {
        String digits = path.substring(path.indexOf('[') + 1, path.indexOf(']'));
        // An index past any list (dependencies[99999999999]) is "no such item", not a number overflow.
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    /**
     * {@code s} with a dependency field set, checked as a file would be. Setting a breaker field of a
     * dependency that has no breaker gives it one with the defaults first, as an empty
     * {@code "breaker": {}} in its file would.
     */
    public static Scenario withDependencyField(Scenario s, String path, Object value) {
        FieldSpec spec = ScenarioFields.spec(path);
        JsonNode node = JSON.valueToTree(value);
        Object checked = JsonObject.check(spec, path, node);
        return ScenarioFields.with(s, path, checked);
    }

    /** The value of a dependency field, as its file holds it (a Double, Integer, Boolean or String). */
    public static Object readDependencyField(Scenario s, String path) {
        return ScenarioFields.read(s, path);
    }

    // ---------------------------------------------------------------- writing

    public static String write(Scenario s) {
        try {
            return JSON.writeValueAsString(tree(s)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scenario file's JSON tree of {@code s}, as {@link #write} writes it: a new tree the caller may change. */
    public static ObjectNode tree(Scenario s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", Scenario.SCHEMA);
        root.setAll(ScenarioBinder.write(s));
        return root;
    }

    /** Writes to a temporary file beside {@code file}, then moves it into place in one step. */
    public static void writeAtomically(Path file, String content) throws IOException {
        AtomicFiles.write(file, content);
    }
}
