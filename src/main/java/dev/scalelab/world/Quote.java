package dev.scalelab.world;

/**
 * Quotes a value a person gave (a name, a path, a string field) in a one-line message. A value can
 * be megabytes long, and a message that repeats it whole is a megabyte line nobody can read, so a
 * long value keeps its start and its end with "…" in between: at most {@link #MAX_CHARS}
 * characters. Line breaks and other control characters are shown escaped, so the message stays on
 * one line, and so are unpaired surrogates, so it prints the same in any terminal encoding.
 */
public final class Quote {
    /** The longest quoted value, in characters (the "…" included). */
    public static final int MAX_CHARS = 80;
    /** Characters kept from the end of a long value: enough for a file's name and extension. */
    private static final int TAIL_CHARS = 24;
    private static final String ELLIPSIS = "…";

    private Quote() {
    }

    /** The value in double quotes, shortened as {@link #shorten} does: {@code "nope"}. */
    public static String of(String value) {
        return value == null ? "null" : "\"" + shorten(value) + "\"";
    }

    /** The value without quotes, shortened to at most {@link #MAX_CHARS} characters, control characters escaped. */
    public static String shorten(String value) {
        if (value == null) {
            return "null";
        }
        String s = value.length() <= MAX_CHARS ? value
                : value.substring(0, cut(value, MAX_CHARS - TAIL_CHARS - ELLIPSIS.length())) + ELLIPSIS
                        + value.substring(cut(value, value.length() - TAIL_CHARS));
        return escapeControls(s);
    }

    /** {@code index}, moved back one when it would split a surrogate pair. */
    private static int cut(String s, int index) {
        return index > 0 && index < s.length() && Character.isLowSurrogate(s.charAt(index))
                && Character.isHighSurrogate(s.charAt(index - 1)) ? index - 1 : index;
    }

    private static String escapeControls(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isISOControl(c) && !lone(s, i)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            switch (c) {
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? s : out.toString();
    }

    /** Whether the char at {@code i} is half of a surrogate pair whose other half is missing. */
    private static boolean lone(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    /** The index of the first unpaired surrogate in {@code s}, or -1 when {@code s} is valid Unicode. */
    public static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i)) && lone(s, i)) {
                return i;
            }
        }
        return -1;
    }
}
