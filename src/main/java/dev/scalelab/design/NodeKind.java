package dev.scalelab.design;

import java.util.Locale;

/** What a box of a design is; each kind is run by the engine of the same pattern. */
public enum NodeKind {
    CLIENTS("clients", "Clients", "clients", "the workload: users or callers that send requests"),
    GATEWAY("gateway", "API gateway", "API gateway", "authenticates, rate-limits and routes requests"),
    CDN("cdn", "CDN", "CDN", "an edge cache in front of an origin: hits by key popularity and TTL, misses go to the origin"),
    BALANCER("balancer", "Load balancer", "load balancer", "spreads requests over the instances of the services behind it"),
    SERVICE("service", "Service", "service", "a pool of instances with workers and queues, scaled by its autoscaler"),
    CACHE("cache", "Cache", "cache", "levels of key-value memory in front of a database"),
    DATABASE("database", "Database", "database", "shards with read replicas: the system of record"),
    QUEUE("queue", "Queue", "queue", "holds messages until one consumer takes each (SQS-style)"),
    TOPIC("topic", "Topic", "topic", "a partitioned log that every consumer group reads (Kafka-style)"),
    EXTERNAL("external", "External API", "external API", "a third party's API: its latency, errors and rate limit are not yours to change");

    private final String id;
    private final String label;
    private final String noun;
    private final String description;

    NodeKind(String id, String label, String noun, String description) {
        this.id = id;
        this.label = label;
        this.noun = noun;
        this.description = description;
    }

    /** The kind inside a sentence, with its article: "a load balancer", "an external API" (and "clients"). */
    public String aNoun() {
        if (this == CLIENTS) {
            return noun; // a plural takes no article: "clients cannot send requests to a database"
        }
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    /** The kind inside a sentence, without article: "load balancer". */
    public String noun() {
        return noun;
    }

    /** The kind as a scenario file and a Mermaid class name write it. */
    public String id() {
        return id;
    }

    /** The kind as the palette names it. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Whether messages wait in it for consumers rather than being answered: reached and left only asynchronously. */
    public boolean isMessaging() {
        return this == QUEUE || this == TOPIC;
    }

    /** The kind whose id is {@code id} (any case), or null. */
    public static NodeKind byId(String id) {
        if (id == null) {
            return null;
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (NodeKind k : values()) {
            if (k.id.equals(wanted)) {
                return k;
            }
        }
        return null;
    }
}
