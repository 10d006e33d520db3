package dev.scalelab.world;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenario text that is not what it should be: each gives one short line naming where and what. */
class ScenarioInputHardeningTest {

    private static ScenarioException bad(String json) {
        return assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(json));
    }

    @Test
    void aLoneSurrogateIsRejectedNamingTheField() {
        ScenarioException e = bad("{\"schema\":1,\"name\":\"x\\ud800\"}");
        assertEquals("name", e.field());
        assertEquals("name: not valid Unicode: a lone surrogate \\ud800 at character 2 of \"x\\ud800\"", e.getMessage());
        ScenarioException nested = bad("{\"schema\":1,\"dependencies\":[{\"name\":\"pay\"}],\"timeline\":[{\"atSeconds\":1,"
                + "\"command\":\"outage\",\"target\":\"\\udc00\",\"durationSeconds\":1}]}");
        assertEquals("timeline[0].target", nested.field());
        // A pair is one character, and valid.
        assertEquals("x\uD83D\uDE00", ScenarioFiles.parse("{\"schema\":1,\"name\":\"x\\ud83d\\ude00\"}").name());
    }

    @Test
    void aByteOrderMarkIsAcceptedAndAByteThatIsNotUtf8IsNamedByLineAndColumn() {
        byte[] bom = "\uFEFF{\"schema\":1,\"name\":\"bom\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("bom", ScenarioFiles.parse(ScenarioFiles.utf8(bom)).name());
        byte[] latin1 = "{\"schema\":1,\n \"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.utf8(latin1));
        // Line 2 is ` "name":"café"`: é is its 13th character.
        assertEquals("not UTF-8 text: byte 0xE9 at line 2, column 13; save the file as UTF-8", e.getMessage());
        byte[] utf8Before = "{\"schema\":1,\"name\":\"\u00e9\u00e9\u00ff".getBytes(StandardCharsets.UTF_8);
        byte[] withBad = java.util.Arrays.copyOf(utf8Before, utf8Before.length + 1);
        withBad[withBad.length - 1] = (byte) 0xC3; // a lead byte with nothing after it
        assertTrue(assertThrows(ScenarioException.class, () -> ScenarioFiles.utf8(withBad)).getMessage()
                .contains("line 1, column 24"), "three two-byte characters count as three columns");
    }

    @Test
    void jsonErrorsSpeakToTheAuthorNotToTheDeveloperOfTheParser() {
        List<String> inputs = List.of("{\"schema\":1,\"seed\":NaN}", "{\"schema\":1,\"seed\":Infinity}", "{\"schema\":1,\"seed\":-Infinity}",
                "[".repeat(1200) + "]".repeat(1200), "{\"schema\":1,\"seed\":1" + "0".repeat(2000) + "}",
                "{\"schema\":1,\"seed\":01}", "{'schema':1}", "{\"schema\":1,}", "{\"schema\":1} x", "{\"schema\":1,\"name\":\"a\u0001b\"}",
                "{\"schema\":1", "{\"schema\":[1,2", "{\"schema\":1,\"name\":\"abc", "{\"schema\":1,\"seed\":tru}",
                "{\"schema\":1,\"seed\":" + "x".repeat(5000) + "}");
        for (String in : inputs) {
            String m = bad(in).getMessage();
            assertFalse(m.contains("`") || m.contains("Feature") || m.contains("StreamReadConstraints") || m.contains("[Source")
                    || m.contains("CTRL-CHAR"), "developer hints leak: " + m);
            assertFalse(m.contains("\n"), m);
            assertTrue(m.length() < 220, "at most a line: " + m.length() + " " + m);
        }
        assertEquals("not valid JSON at line 1, column 23: NaN is not a number in JSON; write a finite number",
                bad("{\"schema\":1,\"seed\":NaN}").getMessage());
        assertEquals("not valid JSON: objects and arrays nested more than 1000 deep",
                bad("[".repeat(1200) + "]".repeat(1200)).getMessage());
        assertTrue(bad("{\"schema\":1,\"name\":\"a\u0001b\"}").getMessage()
                .endsWith("a control character (code 1) inside a string; write it as the escape \\u0001"));
        assertTrue(bad("{\"schema\":1").getMessage().endsWith("the file ends inside an object; a closing } is missing"));
    }

    @Test
    void aHugeBadValueIsQuotedShortened() {
        String huge = "b".repeat(6_000_000);
        ScenarioException e = bad("{\"schema\":1,\"seed\":\"" + huge + "\"}");
        assertTrue(e.getMessage().length() < 200, e.getMessage().length() + " characters");
        assertTrue(e.getMessage().startsWith("seed: expected a whole number, got the string \"bbbb"));
        ScenarioException field = bad("{\"schema\":1,\"" + "k".repeat(100_000) + "\":1}");
        assertTrue(field.getMessage().length() < 300, field.getMessage().length() + " characters");
        ScenarioException path = bad("{\"schema\":1,\"timeline\":[{\"atSeconds\":1,\"command\":\"set\",\"path\":\""
                + "p".repeat(1_000_000) + "\",\"value\":1}]}");
        assertTrue(path.getMessage().length() < 300, path.getMessage().length() + " characters");
    }

    @Test
    void quoteKeepsStartAndEndAndNeverSplitsASurrogatePair() {
        assertEquals("\"short\"", Quote.of("short"));
        String s = "a".repeat(54) + "\uD83D\uDE00" + "z".repeat(100); // the cut at 55 falls inside the pair
        String q = Quote.shorten(s);
        assertTrue(q.length() <= Quote.MAX_CHARS, q);
        assertEquals(-1, Quote.loneSurrogate(q), "no half of the emoji is left alone: " + q);
        assertTrue(q.startsWith("aaaa") && q.endsWith("zzz"), q);
        assertEquals("x\\ud800", Quote.shorten("x\ud800"));
    }
}
