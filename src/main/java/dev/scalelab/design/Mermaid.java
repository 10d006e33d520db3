package dev.scalelab.design;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mermaid flowcharts in and out. Reading takes the part of the language a system diagram uses:
 * {@code flowchart LR} (or {@code graph TD}), nodes with their shapes ({@code A[Web]},
 * {@code B[(Orders DB)]}, {@code C([Users])}, …), chains and {@code &} ({@code A & B --> C}),
 * arrows plain, thick or dotted with a label ({@code -->|reads 70%|}, {@code -- text -->}),
 * {@code subgraph}s as zones, and {@code class id kind}; statements end at a line break or
 * {@code ;}; {@code %%} starts a comment; styling lines are skipped. A line it cannot read is named
 * by its number. Each node's kind is a {@link Guess} with the reason for it, for the user to
 * confirm before {@link Flowchart#toDesign} builds the design. Writing gives a flowchart that
 * reads back to the same design ({@code class} lines carry the kinds).
 */
public final class Mermaid {
    private Mermaid() {
    }

    /** A flowchart that could not be read: {@code line} is 1 for the first. */
    public static final class MermaidException extends RuntimeException {
        private final int line;

        MermaidException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** A box as the flowchart draws it. */
    public record FlowNode(String id, String label, String shape, String zone, String className) {
    }

    /** An arrow as the flowchart draws it: {@code style} is "plain", "thick" or "dotted". */
    public record FlowEdge(String from, String to, String style, String label) {
    }

    /** What kind a node was taken for, and why. */
    public record Guess(String id, String label, NodeKind kind, String reason) {
    }

    /** A design built from a flowchart, and what was changed or left out on the way, in words. */
    public record Imported(Design design, List<String> notes) {
    }

    /** A flowchart read: its nodes in the order they first appear, and its arrows. */
    public record Flowchart(List<FlowNode> nodes, List<FlowEdge> edges) {

        /** Each node's kind as guessed from its class, label or shape, in node order. */
        public List<Guess> guesses() {
            return nodes.stream().map(Mermaid::guess).toList();
        }

        /**
         * The design: each node of the kind in {@code kinds} (the user's confirmed choice) or else
         * its guess; each arrow as an edge whose mode, traffic and weight come from its style and
         * label, made to fit where it must (an arrow into a queue publishes); an arrow the design
         * would refuse is left out with its reason in the notes.
         */
        public Imported toDesign(Map<String, NodeKind> kinds) {
            List<String> notes = new ArrayList<>();
            Design d = Design.empty();
            for (FlowNode n : nodes) {
                NodeKind kind = kinds.getOrDefault(n.id(), guess(n).kind());
                d = d.with(new Design.Node(n.id(), kind, n.label(), n.zone()));
            }
            for (FlowEdge e : edges) {
                Design.Edge edge = edge(d, e, notes);
                String refusal = Connections.refusal(d, edge);
                if (refusal != null) {
                    notes.add(e.from() + " → " + e.to() + " left out: " + refusal);
                } else {
                    d = d.with(edge);
                }
            }
            return new Imported(d, notes);
        }
    }

    // ------------------------------------------------------------------ reading

    private static final Pattern HEADER = Pattern.compile("(?i)(flowchart|graph)(\\s+(TB|TD|BT|RL|LR))?\\s*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]+(?:-(?![-.>=])[A-Za-z0-9_]+)*");
    /** Openers and closers of the shapes, longest first so {@code [(} is not read as {@code [}. */
    private static final String[][] SHAPES = {
            {"[(", ")]", "cylinder"}, {"([", "])", "stadium"}, {"[[", "]]", "subroutine"}, {"((", "))", "circle"},
            {"{{", "}}", "hexagon"}, {"[/", "/]", "parallelogram"}, {"[\\", "\\]", "parallelogram"}, {"[", "]", "rectangle"},
            {"(", ")", "rounded"}, {"{", "}", "rhombus"}, {">", "]", "flag"}};
    private static final Pattern ARROW = Pattern.compile(
            "\\s*(?:<)?(?<body>-{2,}>|-{3,}|={2,}>|={3,}|-\\.+->|-\\.+-|-{2,}[ox]|={2,}[ox])(?:\\|(?<label>[^|]*)\\|)?\\s*");
    private static final Pattern TEXT_ARROW = Pattern.compile(
            "\\s*(?<open>--|==|-\\.)\\s+(?<label>[^|>]*?)\\s+(?<body>-{2,}>|={2,}>|\\.+->|-{3,}|={3,}|\\.+-)\\s*");

    /** Reads {@code text}; a statement it cannot read fails with its line. */
    public static Flowchart parse(String text) {
        Map<String, FlowNode> nodes = new LinkedHashMap<>();
        List<FlowEdge> edges = new ArrayList<>();
        Deque<String> zones = new ArrayDeque<>();
        String[] lines = text.split("\\R", -1);
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i];
            int comment = line.indexOf("%%");
            if (comment >= 0) {
                line = line.substring(0, comment);
            }
            for (String statement : splitStatements(line)) {
                String s = statement.strip();
                if (s.isEmpty()) {
                    continue;
                }
                if (!headerSeen && HEADER.matcher(s).matches()) {
                    headerSeen = true;
                    continue;
                }
                if (!headerSeen) {
                    Matcher h = Pattern.compile("(?i)^(flowchart|graph)\\b(\\s+(TB|TD|BT|RL|LR))?").matcher(s);
                    if (h.find()) { // "graph LR; A --> B" split on ';' already; "flowchart LR A-->B" is not Mermaid
                        headerSeen = true;
                        s = s.substring(h.end()).strip();
                        if (s.isEmpty()) {
                            continue;
                        }
                    }
                }
                String lower = s.toLowerCase(Locale.ROOT);
                if (lower.startsWith("subgraph")) {
                    zones.push(zoneOf(s.substring("subgraph".length()).strip(), lineNumber));
                } else if (lower.equals("end")) {
                    if (zones.isEmpty()) {
                        throw new MermaidException(lineNumber, "\"end\" without a subgraph to close");
                    }
                    zones.pop();
                } else if (lower.startsWith("class ")) {
                    classLine(s, nodes, lineNumber);
                } else if (lower.startsWith("classdef ") || lower.startsWith("style ") || lower.startsWith("linkstyle ")
                        || lower.startsWith("click ") || lower.startsWith("direction ")) {
                    continue; // how it looks, not what it is
                } else {
                    statement(s, nodes, edges, zones.isEmpty() ? "" : zones.peek(), lineNumber);
                }
            }
        }
        if (!zones.isEmpty()) {
            throw new MermaidException(lines.length, "subgraph " + zones.peek() + " is not closed with \"end\"");
        }
        return new Flowchart(List.copyOf(nodes.values()), List.copyOf(edges));
    }

    /** Splits at {@code ;} outside brackets and quotes. */
    private static List<String> splitStatements(String line) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '[' || c == '(' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ']' || c == ')' || c == '}')) {
                depth = Math.max(0, depth - 1);
            } else if (!quoted && depth == 0 && c == ';') {
                parts.add(line.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(line.substring(start));
        return parts;
    }

    private static String zoneOf(String rest, int line) {
        Matcher m = ID.matcher(rest);
        if (rest.startsWith("\"")) {
            String title = unquote(rest);
            return title.strip().replaceAll("[^A-Za-z0-9_-]+", "-");
        }
        if (!m.lookingAt()) {
            throw new MermaidException(line, "a subgraph needs a name: subgraph zone-a");
        }
        return m.group();
    }

    private static void classLine(String s, Map<String, FlowNode> nodes, int line) {
        String[] parts = s.substring("class".length()).strip().split("\\s+");
        if (parts.length != 2) {
            throw new MermaidException(line, "a class line is \"class NODE[,NODE…] CLASS\"");
        }
        for (String id : parts[0].split(",")) {
            FlowNode n = nodes.get(id);
            if (n == null) {
                throw new MermaidException(line, "class names " + id + ", which no earlier line draws");
            }
            nodes.put(id, new FlowNode(n.id(), n.label(), n.shape(), n.zone(), parts[1]));
        }
    }

    /** One statement: groups of nodes joined by arrows, "A & B --> C[x] --> D". */
    private static void statement(String s, Map<String, FlowNode> nodes, List<FlowEdge> edges, String zone, int line) {
        int[] at = {0};
        List<String> previous = nodeGroup(s, at, nodes, zone, line);
        while (at[0] < s.length()) {
            String style;
            String label;
            Matcher text = TEXT_ARROW.matcher(s).region(at[0], s.length());
            Matcher arrow = ARROW.matcher(s).region(at[0], s.length());
            if (text.lookingAt()) {
                style = styleOf(text.group("open") + text.group("body"));
                label = text.group("label").strip();
                at[0] = text.end();
            } else if (arrow.lookingAt()) {
                style = styleOf(arrow.group("body"));
                label = arrow.group("label") == null ? "" : unquote(arrow.group("label").strip());
                at[0] = arrow.end();
            } else {
                throw new MermaidException(line, "expected an arrow such as --> after " + String.join(" & ", previous)
                        + ", found \"" + clip(s.substring(at[0])) + "\"");
            }
            List<String> next = nodeGroup(s, at, nodes, zone, line);
            for (String from : previous) {
                for (String to : next) {
                    edges.add(new FlowEdge(from, to, style, label));
                }
            }
            previous = next;
        }
    }

    private static List<String> nodeGroup(String s, int[] at, Map<String, FlowNode> nodes, String zone, int line) {
        List<String> ids = new ArrayList<>();
        while (true) {
            skipSpaces(s, at);
            ids.add(node(s, at, nodes, zone, line));
            skipSpaces(s, at);
            if (at[0] < s.length() && s.charAt(at[0]) == '&') {
                at[0]++;
                continue;
            }
            return ids;
        }
    }

    private static String node(String s, int[] at, Map<String, FlowNode> nodes, String zone, int line) {
        Matcher m = ID.matcher(s).region(at[0], s.length());
        if (!m.lookingAt()) {
            throw new MermaidException(line, "expected a node id at \"" + clip(s.substring(at[0])) + "\"");
        }
        String id = m.group();
        at[0] = m.end();
        String label = null;
        String shape = null;
        for (String[] sh : SHAPES) {
            if (s.startsWith(sh[0], at[0])) {
                int close = closing(s, at[0] + sh[0].length(), sh[1]);
                if (close < 0) {
                    throw new MermaidException(line, id + "'s " + sh[2] + " opened with " + sh[0] + " is not closed with " + sh[1]);
                }
                label = unquote(s.substring(at[0] + sh[0].length(), close).strip());
                shape = sh[2];
                at[0] = close + sh[1].length();
                break;
            }
        }
        FlowNode known = nodes.get(id);
        if (known == null) {
            nodes.put(id, new FlowNode(id, label == null ? id : label, shape == null ? "rectangle" : shape, zone, ""));
        } else {
            // Named again inside a subgraph, a node drawn earlier joins it, as Mermaid moves it there.
            nodes.put(id, new FlowNode(id, label == null ? known.label() : label, shape == null ? known.shape() : shape,
                    known.zone().isEmpty() ? zone : known.zone(), known.className()));
        }
        return id;
    }

    /** Where {@code closer} ends the label that starts at {@code from}, skipping a quoted part; -1 if it never does. */
    private static int closing(String s, int from, String closer) {
        int i = from;
        if (i < s.length() && s.charAt(i) == '"') {
            int endQuote = s.indexOf('"', i + 1);
            if (endQuote < 0) {
                return -1;
            }
            i = endQuote + 1;
        }
        return s.indexOf(closer, i);
    }

    private static void skipSpaces(String s, int[] at) {
        while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
            at[0]++;
        }
    }

    private static String styleOf(String body) {
        return body.contains(".") ? "dotted" : body.startsWith("=") ? "thick" : "plain";
    }

    private static String unquote(String label) {
        String l = label;
        if (l.length() >= 2 && l.startsWith("\"") && l.endsWith("\"")) {
            l = l.substring(1, l.length() - 1);
        }
        return l.replace("#quot;", "\"");
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    // ------------------------------------------------------------------ guessing

    /** Label words for each kind, tried in this order: a "user service" is a service, "users" are clients. */
    private static final Object[][] WORDS = {
            {NodeKind.CDN, "cdn|cloudfront|akamai|fastly|edge cache"},
            {NodeKind.GATEWAY, "gateway|api gw|apigw|kong|apigee"},
            {NodeKind.BALANCER, "load balancer|balancer|lb|elb|alb|nlb|haproxy|nginx"},
            {NodeKind.CACHE, "cache|redis|memcached|memcache"},
            {NodeKind.DATABASE, "db|database|postgres|postgresql|mysql|dynamodb|mongo|mongodb|cassandra|sql|aurora|rds|spanner"},
            {NodeKind.QUEUE, "queue|sqs|rabbitmq|rabbit|activemq|mq"},
            {NodeKind.TOPIC, "topic|kafka|kinesis|pubsub|pub/sub|stream|event bus"},
            {NodeKind.EXTERNAL, "external|third-party|third party|3rd party|stripe|twilio|paypal|payment provider|partner api"},
            {NodeKind.SERVICE, "service|svc|api|server|backend|worker|app server|microservice"},
            {NodeKind.CLIENTS, "client|clients|user|users|browser|browsers|mobile|customer|customers"}};

    static Guess guess(FlowNode n) {
        NodeKind byClass = NodeKind.byId(n.className());
        if (byClass != null) {
            return new Guess(n.id(), n.label(), byClass, "its class is " + byClass.id());
        }
        String label = n.label().toLowerCase(Locale.ROOT);
        for (Object[] w : WORDS) {
            Matcher m = Pattern.compile("(?<![a-z0-9])(" + w[1] + ")(?![a-z0-9])").matcher(label);
            if (m.find()) {
                NodeKind kind = (NodeKind) w[0];
                return new Guess(n.id(), n.label(), kind, "its label says \"" + n.label().substring(m.start(), m.end()) + "\"");
            }
        }
        if ("cylinder".equals(n.shape())) {
            return new Guess(n.id(), n.label(), NodeKind.DATABASE, "it is drawn as a cylinder, a database's shape");
        }
        return new Guess(n.id(), n.label(), NodeKind.SERVICE, "nothing in its label or shape says otherwise: a service");
    }

    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern WEIGHT = Pattern.compile("(?i)\\bw\\s*=\\s*(\\d+(?:\\.\\d+)?)");

    /** The edge an arrow stands for, its mode made to fit its ends (noted when changed). */
    private static Design.Edge edge(Design d, FlowEdge e, List<String> notes) {
        String label = e.label().toLowerCase(Locale.ROOT);
        Traffic traffic = label.matches(".*\\bwrites?\\b.*") ? Traffic.WRITES
                : label.matches(".*\\breads?\\b.*") ? Traffic.READS : Traffic.ALL;
        double weight = 1;
        Matcher w = WEIGHT.matcher(e.label());
        Matcher p = PERCENT.matcher(e.label());
        if (w.find()) {
            weight = Double.parseDouble(w.group(1));
        } else if (p.find()) {
            weight = Double.parseDouble(p.group(1));
        }
        if (!(weight > 0)) {
            notes.add(e.from() + " → " + e.to() + ": a weight of 0 was read as 1");
            weight = 1;
        }
        EdgeMode mode = e.style().equals("dotted") || label.contains("async") || label.contains("publish")
                ? EdgeMode.ASYNC : e.style().equals("thick") || label.contains("forward") ? EdgeMode.FORWARD : EdgeMode.SYNC;
        Design.Node from = d.node(e.from());
        Design.Node to = d.node(e.to());
        boolean messaging = from.kind().isMessaging() || to.kind().isMessaging();
        if (messaging && mode != EdgeMode.ASYNC) {
            notes.add(e.from() + " → " + e.to() + ": async, as every edge into or out of a queue or topic");
            mode = EdgeMode.ASYNC;
        } else if (!messaging && mode == EdgeMode.ASYNC) {
            notes.add(e.from() + " → " + e.to() + ": a sync call (a dotted arrow is async only into or out of a queue or topic)");
            mode = EdgeMode.SYNC;
        }
        return new Design.Edge(e.from(), e.to(), weight, traffic, mode);
    }

    // ------------------------------------------------------------------ writing

    /**
     * {@code design} as a flowchart, left to right: its nodes in order with their shapes and labels,
     * then each zone as a subgraph naming its nodes, the edges, and the kinds as classes.
     */
    public static String write(Design design) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        Map<String, List<Design.Node>> byZone = new LinkedHashMap<>();
        for (Design.Node n : design.nodes()) {
            out.append("    ").append(n.id()).append(shape(n)).append('\n');
            if (!n.zone().isEmpty()) {
                byZone.computeIfAbsent(n.zone(), z -> new ArrayList<>()).add(n);
            }
        }
        for (Map.Entry<String, List<Design.Node>> z : byZone.entrySet()) {
            out.append("    subgraph ").append(z.getKey()).append('\n');
            for (Design.Node n : z.getValue()) {
                out.append("        ").append(n.id()).append('\n');
            }
            out.append("    end\n");
        }
        for (Design.Edge e : design.edges()) {
            out.append("    ").append(e.from()).append(' ').append(arrow(e.mode()));
            String label = edgeLabel(e);
            if (!label.isEmpty()) {
                out.append('|').append(label).append('|');
            }
            out.append(' ').append(e.to()).append('\n');
        }
        for (Design.Node n : design.nodes()) {
            out.append("    class ").append(n.id()).append(' ').append(n.kind().id()).append('\n');
        }
        return out.toString();
    }

    private static String shape(Design.Node n) {
        String label = "\"" + n.label().replace("\"", "#quot;") + "\"";
        return switch (n.kind()) {
            case CLIENTS -> "([" + label + "])";
            case DATABASE -> "[(" + label + ")]";
            case QUEUE, TOPIC -> "[/" + label + "/]";
            case CDN, EXTERNAL -> "{{" + label + "}}";
            case CACHE -> "[[" + label + "]]";
            default -> "[" + label + "]";
        };
    }

    private static String arrow(EdgeMode mode) {
        return switch (mode) {
            case SYNC -> "-->";
            case FORWARD -> "==>";
            case ASYNC -> "-.->";
        };
    }

    private static String edgeLabel(Design.Edge e) {
        List<String> parts = new ArrayList<>();
        if (e.traffic() != Traffic.ALL) {
            parts.add(e.traffic().id());
        }
        if (e.weight() != 1) {
            double w = e.weight();
            parts.add("w=" + (w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w)));
        }
        return String.join(" ", parts);
    }
}
