package dev.scalelab.world;

/**
 * A value quoted in a message. A message is one line a person reads, so a value gives at most
 * {@link #MAX_CHARS} characters of itself (its start and its end, which is where a typo shows)
 * and non-printing characters, unpaired surrogates among them, as backslash-u escapes (JSON's and Java's), so the
 * line prints the same in any terminal encoding.
 */
public final class Quote {
    public static final int MAX_CHARS = 80;

    private Quote() {
    }

    /** {@code s} in double quotes, shortened and escaped. */
    public static String of(String s) {
        return "\"" + cut(s) + "\"";
    }

    /** {@code s} shortened to about {@link #MAX_CHARS} characters with "…" in the middle, and escaped. */
    public static String cut(String s) {
        if (s == null) {
            return "null";
        }
        if (s.length() <= MAX_CHARS) {
            return escape(s);
        }
        int head = startOfPair(s, MAX_CHARS * 2 / 3);
        int tail = startOfPair(s, s.length() - (MAX_CHARS - MAX_CHARS * 2 / 3 - 1));
        return escape(s.substring(0, head)) + "…" + escape(s.substring(tail)) + " (" + s.length() + " characters)";
    }

    /** {@code i}, moved back by one if it would split a surrogate pair. */
    private static int startOfPair(String s, int i) {
        return i > 0 && i < s.length() && Character.isHighSurrogate(s.charAt(i - 1)) && Character.isLowSurrogate(s.charAt(i)) ? i - 1 : i;
    }

    private static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean lone = Character.isSurrogate(c) && !pair && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(s.charAt(i - 1)));
            if (lone || Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** The index of the first unpaired surrogate in {@code s}, or -1 when {@code s} is valid Unicode. */
    public static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
