package dev.scalelab.world;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors in a scenario author's words. Jackson writes for the developer who
 * configures it ("enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow", "from
 * `StreamReadConstraints.getMaxNestingDepth()`"); a person editing a file needs what is wrong and
 * what JSON allows instead.
 */
final class JsonErrors {
    private JsonErrors() {
    }

    private static final Pattern NON_NUMERIC = Pattern.compile("Non-standard token '([^']*)'.*");
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '(.*)': was expecting .*", Pattern.DOTALL);
    private static final Pattern LIMIT = Pattern.compile(
            "(Document nesting depth|Number value length|String value length|Name length|Token count) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*");
    private static final Pattern CONTROL = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*");
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.)' \\(code \\d+[^)]*\\)\\):? ?(.*)", Pattern.DOTALL);
    private static final Pattern END = Pattern.compile("Unexpected end-of-input.*?(Object|Array).*", Pattern.DOTALL);

    /** A one-line description of {@code jacksonMessage} (its "original message", without location). */
    static String describe(String jacksonMessage) {
        String m = jacksonMessage == null ? "" : jacksonMessage.strip();
        Matcher x;
        if ((x = NON_NUMERIC.matcher(m)).matches()) {
            return x.group(1) + " is not a number in JSON; write a finite number";
        }
        if ((x = UNRECOGNIZED.matcher(m)).matches()) {
            String token = x.group(1).endsWith("...") ? x.group(1).substring(0, x.group(1).length() - 3) : x.group(1);
            return "unexpected " + Quote.of(token) + "; expected a number, a \"string\", {, [, true, false or null";
        }
        if ((x = LIMIT.matcher(m)).matches()) {
            String limit = x.group(3);
            switch (x.group(1)) {
                case "Document nesting depth":
                    return "objects and arrays nested more than " + limit + " deep";
                case "Number value length":
                    return "a number " + x.group(2) + " digits long; at most " + limit;
                case "String value length":
                    return "a string " + x.group(2) + " characters long; at most " + limit;
                case "Name length":
                    return "a field name " + x.group(2) + " characters long; at most " + limit;
                default:
                    return "more than " + limit + " JSON tokens";
            }
        }
        if ((x = CONTROL.matcher(m)).matches()) {
            return String.format("a control character (code %s) inside a string; write it as the escape \\u%04x",
                    x.group(1), Integer.parseInt(x.group(1)));
        }
        if ((x = UNEXPECTED.matcher(m)).matches()) {
            String expected = x.group(2).replace("was expecting", "expected").replace("double-quote", "a double quote");
            return "unexpected " + Quote.of(x.group(1)) + (expected.isEmpty() ? "" : "; " + plain(expected));
        }
        if ((x = END.matcher(m)).matches()) {
            return "the file ends inside an " + x.group(1).toLowerCase(java.util.Locale.ROOT) + "; a closing "
                    + (x.group(1).equals("Object") ? "}" : "]") + " is missing";
        }
        return plain(m);
    }

    /** Drops Jackson's pointers to its own API and to the input source, keeping the sentence. */
    private static String plain(String m) {
        String s = m.replaceAll(": enable `[^`]*` to allow", "")
                .replaceAll(",? ?from `[^`]*`", "")
                .replaceAll(" ?\\(code \\d+[^)]*\\)", "")
                .replaceAll(" ?\\(start marker at \\[Source:[^]]*]\\)", "")
                .replaceAll(" ?at \\[Source:[^]]*]", "")
                .replaceAll("\\s*\\R\\s*", " ")
                .strip();
        s = s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
        return s.length() > 200 ? Quote.shorten(s) : s;
    }
}
