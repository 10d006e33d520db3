package dev.scalelab.world;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.engine.scaling.InstanceSize;
import dev.scalelab.engine.scaling.ScalingRules;
import dev.scalelab.engine.scaling.TargetTrackingPolicy;
import dev.scalelab.sim.Distribution;
import dev.scalelab.sim.RateShape;

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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes scenario files (JSON, {@code "schema": 1}). Reading is strict: an unknown field,
 * a wrong type or an out-of-range value is a {@link ScenarioException} naming the field. Every
 * field has a default, taken from {@link Scenario#DEFAULT}.
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
        return readScenario(new Fields((ObjectNode) root, ""));
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

    private static Scenario readScenario(Fields f) {
        Scenario d = Scenario.DEFAULT;
        if (!f.has("schema")) {
            throw new ScenarioException("schema", "missing; a scenario file starts with \"schema\": 1");
        }
        long schema = f.integer("schema", 1, 1, 1);
        assert schema == Scenario.SCHEMA;
        String name = f.string("name", "custom");
        String description = f.string("description", "");
        long seed = f.integer("seed", d.seed(), Long.MIN_VALUE, Long.MAX_VALUE);
        double duration = f.number("durationSeconds", d.durationSeconds(), Scenario.MIN_DURATION_SECONDS, Scenario.MAX_DURATION_SECONDS, true);
        Scenario.Workload workload = readWorkload(f.object("workload"), d.workload());
        Scenario.Service service = readService(f.object("service"), d.service());
        Scenario.Autoscaler autoscaler = readAutoscaler(f.object("autoscaler"), d.autoscaler());
        Scenario.VerticalScaler vertical = readVertical(f.object("verticalScaler"), d.verticalScaler());
        Scenario.Balancer balancer = readBalancer(f.object("balancer"), d.balancer());
        Scenario.Cache cache = readCache(f.object("cache"));
        Scenario.Database database = readDatabase(f.object("database"));
        List<Scenario.Dependency> dependencies = readDependencies(f);
        List<Scenario.TimelineEntry> timeline = readTimeline(f, "timeline", dependencies);
        f.finish();
        // A dependency field on the timeline is checked against the scenario's starting values. The
        // check sets it on a copy without the timeline: with it, the copy's own timeline would be
        // checked again, and again (a stack overflow), and each check would cost the timeline's length.
        Scenario settings = new Scenario(name, description, seed, duration, workload, service, autoscaler, vertical, balancer,
                cache, database, dependencies, List.of());
        // A long recorded run sets the same few fields to the same few values many times: check each pair once.
        Set<List<Object>> checked = new java.util.HashSet<>();
        for (int i = 0; i < timeline.size(); i++) {
            Scenario.TimelineEntry e = timeline.get(i);
            if (e.path() != null && isDependencyField(e.path()) && checked.add(java.util.Arrays.asList(e.path(), e.value()))) {
                try {
                    withDependencyField(settings, e.path(), e.value());
                } catch (ScenarioException bad) {
                    throw new ScenarioException("timeline[" + i + "].value", "setting " + bad.getMessage());
                }
            }
        }
        return settings.withTimeline(timeline);
    }

    private static Scenario.Workload readWorkload(Fields f, Scenario.Workload d) {
        if (f == null) {
            return d;
        }
        Scenario.Arrival arrival = readArrival(f.object("arrival"), d.arrival());
        Scenario.Keys keys = readKeys(f.object("keys"), d.keys());
        double readRatio = f.parameter("readRatio", Parameter.READ_RATIO, d.readRatio());
        f.finish();
        return new Scenario.Workload(arrival, keys, readRatio);
    }

    private static Scenario.Arrival readArrival(Fields f, Scenario.Arrival d) {
        if (f == null) {
            return d;
        }
        String process = f.choice("process", d.process().id(), "poisson", "closed");
        double rate = f.parameter("ratePerSecond", Parameter.ARRIVAL_RATE, d.ratePerSecond());
        RateShape shape = readShape(f.object("shape"), d.shape());
        int users = f.parameter("users", Parameter.USERS, d.users());
        DistributionSpec think = readDistribution(f.object("thinkTime"), d.thinkTime(), 0);
        f.finish();
        return new Scenario.Arrival(process.equals("closed") ? Scenario.ArrivalProcess.CLOSED : Scenario.ArrivalProcess.POISSON,
                rate, shape, users, think);
    }

    private static RateShape readShape(Fields f, RateShape d) {
        if (f == null) {
            return d;
        }
        String kindId = f.choice("kind", "constant", "constant", "ramp", "step", "spike", "sine");
        RateShape.Kind kind = RateShape.Kind.valueOf(kindId.toUpperCase());
        double to = 0;
        double at = 0;
        double duration = 0;
        double multiplier = 1;
        double period = 0;
        double amplitude = 0;
        switch (kind) {
            case RAMP:
                to = f.requiredNumber("toRatePerSecond", 0, Parameter.ARRIVAL_RATE.max());
                at = f.number("atSeconds", 0, 0, 1e7, true);
                duration = f.requiredNumber("durationSeconds", 0, 1e7);
                break;
            case STEP:
                to = f.requiredNumber("toRatePerSecond", 0, Parameter.ARRIVAL_RATE.max());
                at = f.requiredNumber("atSeconds", 0, 1e7);
                break;
            case SPIKE:
                at = f.requiredNumber("atSeconds", 0, 1e7);
                duration = f.requiredNumber("durationSeconds", 0, 1e7);
                multiplier = f.requiredNumber("multiplier", 0, 10_000);
                break;
            case SINE:
                period = f.number("periodSeconds", 86_400, 0.001, 1e8, false);
                amplitude = f.number("amplitude", 0.5, 0, 1, true);
                break;
            default:
                break;
        }
        f.finish();
        return new RateShape(kind, to, at, duration, multiplier, period, amplitude);
    }

    private static Scenario.Keys readKeys(Fields f, Scenario.Keys d) {
        if (f == null) {
            return d;
        }
        String dist = f.parameter("distribution", Parameter.KEY_DISTRIBUTION, d.distribution().id());
        int count = (int) f.integer("count", d.count(), 1, 10_000_000);
        double scan = f.parameter("scanFraction", Parameter.KEY_SCAN, d.scanFraction());
        double alpha = d.alpha();
        double hotTraffic = d.hotTrafficFraction();
        double hotKeys = d.hotKeyFraction();
        if (dist.equals("zipf")) {
            alpha = f.parameter("alpha", Parameter.KEY_ALPHA, d.alpha());
        } else if (dist.equals("hotspot")) {
            hotTraffic = f.parameter("hotTrafficFraction", Parameter.KEY_HOT_TRAFFIC, d.hotTrafficFraction());
            hotKeys = f.parameter("hotKeyFraction", Parameter.KEY_HOT_KEYS, d.hotKeyFraction());
        }
        f.finish();
        return new Scenario.Keys(Scenario.KeyDistribution.valueOf(dist.toUpperCase()), alpha, count, hotTraffic, hotKeys, scan);
    }

    /**
     * A distribution object. Fields that the chosen kind does not use are unknown fields, so a
     * "p99Ms" under an exponential is reported rather than silently ignored.
     */
    static DistributionSpec readDistribution(Fields f, DistributionSpec d, double minMeanMs) {
        if (f == null) {
            return d;
        }
        String kindId = f.choice("distribution", d.kind().id(), "constant", "exponential", "uniform", "lognormal", "pareto");
        DistributionSpec.Kind kind = DistributionSpec.Kind.byId(kindId);
        DistributionSpec defaults = kind == d.kind() ? d : d.withKind(kind);
        DistributionSpec spec;
        switch (kind) {
            case CONSTANT:
                spec = DistributionSpec.constant(f.number("meanMs", defaults.meanMs(), minMeanMs, 3_600_000, true));
                break;
            case EXPONENTIAL:
                spec = DistributionSpec.exponential(f.number("meanMs", defaults.meanMs(), 0.000001, 3_600_000, false));
                break;
            case UNIFORM: {
                double min = f.number("minMs", defaults.minMs(), 0, 3_600_000, true);
                double max = f.number("maxMs", defaults.maxMs(), 0, 3_600_000, true);
                if (max < min) {
                    throw new ScenarioException(f.path("maxMs"), "must be at least minMs (" + Parameter.format(min) + ")");
                }
                spec = DistributionSpec.uniform(min, max);
                break;
            }
            case LOGNORMAL: {
                double mean = f.number("meanMs", defaults.meanMs(), 0.000001, 3_600_000, false);
                double p99 = f.number("p99Ms", f.has("meanMs") && !f.has("p99Ms") ? 4 * mean : defaults.p99Ms(),
                        0.000001, 3_600_000 * 15.0, false);
                if (!(p99 > mean) || p99 / mean > Distribution.LogNormal.MAX_P99_OVER_MEAN) {
                    throw new ScenarioException(f.path("p99Ms"), String.format(java.util.Locale.ROOT,
                            "a log-normal's p99 must be above its mean and at most %.2f x the mean (meanMs %s, p99Ms %s)",
                            Distribution.LogNormal.MAX_P99_OVER_MEAN, Parameter.format(mean), Parameter.format(p99)));
                }
                spec = DistributionSpec.lognormal(mean, p99);
                break;
            }
            case PARETO: {
                double mean = f.number("meanMs", defaults.meanMs(), 0.000001, 3_600_000, false);
                double alpha = f.number("alpha", defaults.alpha(), 1, 100, false);
                if (alpha <= 1) {
                    throw new ScenarioException(f.path("alpha"), "must be above 1 for a finite mean");
                }
                spec = DistributionSpec.pareto(mean, alpha);
                break;
            }
            default:
                throw new AssertionError(kind);
        }
        f.finish();
        return spec;
    }

    private static Scenario.Service readService(Fields f, Scenario.Service d) {
        if (f == null) {
            return d;
        }
        int instances = f.parameter("instances", Parameter.INSTANCES, d.instances());
        int workers = f.parameter("workersPerInstance", Parameter.WORKERS, d.workersPerInstance());
        int queue = f.parameter("queueCapacity", Parameter.QUEUE_CAPACITY, d.queueCapacity());
        DistributionSpec serviceTime = readDistribution(f.object("serviceTime"), d.serviceTime(), 0);
        InstanceSize size = InstanceSize.byId(f.parameter("size", Parameter.SIZE, d.size().id()));
        double provision = f.parameter("provisionSeconds", Parameter.PROVISION_SECONDS, d.provisionSeconds());
        double boot = f.parameter("bootSeconds", Parameter.BOOT_SECONDS, d.bootSeconds());
        double warmup = f.parameter("warmupSeconds", Parameter.WARMUP_SECONDS, d.warmupSeconds());
        List<Double> weights = f.numbers("weights", d.weights(), 0.001, 1000);
        List<Double> speeds = f.numbers("speeds", d.speeds(), 0.01, 100);
        f.finish();
        return new Scenario.Service(instances, workers, queue, serviceTime, size, provision, boot, warmup, weights, speeds);
    }

    private static Scenario.Autoscaler readAutoscaler(Fields f, Scenario.Autoscaler d) {
        if (f == null) {
            return d;
        }
        Scenario.AutoscalerPolicy policy = Scenario.AutoscalerPolicy.byId(f.parameter("policy", Parameter.AUTOSCALER_POLICY, d.policy().id()));
        int min = f.parameter("minReplicas", Parameter.MIN_REPLICAS, d.minReplicas());
        int max = f.parameter("maxReplicas", Parameter.MAX_REPLICAS, d.maxReplicas());
        if (max < min) {
            throw new ScenarioException(f.path("maxReplicas"), max + " is below minReplicas (" + min + ")");
        }
        int target = f.parameter("targetUtilization", Parameter.TARGET_UTILIZATION, (int) d.targetUtilization());
        double tolerance = f.parameter("tolerance", Parameter.TOLERANCE, d.tolerance());
        double sync = f.parameter("syncPeriodSeconds", Parameter.SYNC_PERIOD, d.syncPeriodSeconds());
        double upWindow = f.parameter("scaleUpStabilizationSeconds", Parameter.SCALE_UP_STABILIZATION, d.scaleUpStabilizationSeconds());
        double downWindow = f.parameter("scaleDownStabilizationSeconds", Parameter.SCALE_DOWN_STABILIZATION, d.scaleDownStabilizationSeconds());
        int upPods = f.parameter("scaleUpPods", Parameter.SCALE_UP_PODS, d.scaleUpPods());
        int upPercent = f.parameter("scaleUpPercent", Parameter.SCALE_UP_PERCENT, d.scaleUpPercent());
        double upPeriod = f.parameter("scaleUpPeriodSeconds", Parameter.SCALE_UP_PERIOD, d.scaleUpPeriodSeconds());
        String upSelect = f.parameter("scaleUpSelectPolicy", Parameter.SCALE_UP_SELECT, d.scaleUpSelectPolicy().id());
        int downPods = f.parameter("scaleDownPods", Parameter.SCALE_DOWN_PODS, d.scaleDownPods());
        int downPercent = f.parameter("scaleDownPercent", Parameter.SCALE_DOWN_PERCENT, d.scaleDownPercent());
        double downPeriod = f.parameter("scaleDownPeriodSeconds", Parameter.SCALE_DOWN_PERIOD, d.scaleDownPeriodSeconds());
        String downSelect = f.parameter("scaleDownSelectPolicy", Parameter.SCALE_DOWN_SELECT, d.scaleDownSelectPolicy().id());
        boolean behavior = f.bool("behavior", d.behavior());
        String metric = f.parameter("metric", Parameter.TARGET_METRIC, d.metric().id());
        double targetValue = f.parameter("targetValue", Parameter.TARGET_VALUE, d.targetValue());
        f.finish();
        return new Scenario.Autoscaler(policy, min, max, target, tolerance, sync, upWindow, downWindow, upPods, upPercent,
                upPeriod, ScalingRules.SelectPolicy.valueOf(upSelect.toUpperCase()), downPods, downPercent, downPeriod,
                ScalingRules.SelectPolicy.valueOf(downSelect.toUpperCase()), behavior,
                TargetTrackingPolicy.Metric.byId(metric), targetValue);
    }

    private static Scenario.VerticalScaler readVertical(Fields f, Scenario.VerticalScaler d) {
        if (f == null) {
            return d;
        }
        String policy = f.parameter("policy", Parameter.VERTICAL_POLICY, d.policy().id());
        double interval = f.parameter("intervalSeconds", Parameter.VERTICAL_INTERVAL, d.intervalSeconds());
        double up = f.parameter("upThreshold", Parameter.VERTICAL_UP, d.upThreshold());
        double down = f.parameter("downThreshold", Parameter.VERTICAL_DOWN, d.downThreshold());
        double percentile = f.parameter("targetPercentile", Parameter.VPA_PERCENTILE, d.targetPercentile());
        double margin = f.parameter("marginFraction", Parameter.VPA_MARGIN, d.marginFraction());
        f.finish();
        return new Scenario.VerticalScaler(Scenario.VerticalPolicyKind.byId(policy), interval, up, down, percentile, margin);
    }

    private static final List<String> CACHE_POLICIES = List.of("lru", "fifo", "lfu", "random", "clock", "w-tinylfu");
    private static final List<String> WRITE_POLICIES = List.of("cache-aside", "write-through", "write-back", "write-around");

    private static Scenario.Cache readCache(Fields f) {
        if (f == null) {
            return null;
        }
        Scenario.Cache d = Scenario.Cache.DEFAULT;
        List<Scenario.CacheLevel> levels = d.levels();
        JsonNode raw = f.take("levels");
        if (raw != null) {
            if (!raw.isArray() || raw.size() == 0 || raw.size() > 3) {
                throw new ScenarioException(f.path("levels"), "expected an array of 1 to 3 levels, from the one asked first");
            }
            levels = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                String at = f.path("levels") + "[" + i + "]";
                if (!raw.get(i).isObject()) {
                    throw new ScenarioException(at, "expected an object such as {\"name\": \"L1\", \"scope\": \"instance\", \"capacity\": 1000}");
                }
                Fields lf = new Fields((ObjectNode) raw.get(i), at);
                Scenario.CacheLevel ld = i < d.levels().size() ? d.levels().get(i) : d.levels().get(d.levels().size() - 1);
                String name = lf.string("name", "L" + (i + 1));
                String scope = lf.choice("scope", i == 0 ? "instance" : "shared", "instance", "shared");
                int capacity = (int) lf.integer("capacity", ld.capacity(), 1, 10_000_000);
                String policy = lf.choice("policy", ld.policy(), CACHE_POLICIES.toArray(String[]::new));
                double ttl = lf.number("ttlSeconds", ld.ttlSeconds(), 0, 1e7, true);
                double jitter = lf.number("ttlJitterFraction", ld.ttlJitterFraction(), 0, 1, true);
                double latency = lf.number("latencyMs", ld.latencyMs(), 0, 60_000, true);
                lf.finish();
                levels.add(new Scenario.CacheLevel(name, scope, capacity, policy, ttl, jitter, latency));
            }
        }
        String writePolicy = f.choice("writePolicy", d.writePolicy(), WRITE_POLICIES.toArray(String[]::new));
        boolean coalesce = f.bool("coalesce", d.coalesce());
        boolean exclusive = f.bool("exclusive", d.exclusive());
        double flush = f.number("writeBackFlushDelayMs", d.writeBackFlushDelayMs(), 0, 3_600_000, true);
        double beta = f.number("xfetchBeta", d.xfetchBeta(), 0, 100, true);
        DistributionSpec store = readDistribution(f.object("storeLatency"), d.storeLatency(), 0);
        f.finish();
        return new Scenario.Cache(levels, writePolicy, coalesce, exclusive, flush, beta, store);
    }

    private static Scenario.Database readDatabase(Fields f) {
        if (f == null) {
            return null;
        }
        Scenario.Database d = Scenario.Database.DEFAULT;
        Fields sharding = f.object("sharding");
        String strategy = d.strategy();
        int shards = d.shards();
        int vnodes = d.virtualNodes();
        if (sharding != null) {
            strategy = sharding.parameter("strategy", Parameter.DB_STRATEGY, strategy);
            shards = (int) sharding.integer("shards", shards, 1, 64);
            vnodes = sharding.parameter("virtualNodes", Parameter.DB_VIRTUAL_NODES, vnodes);
            sharding.finish();
        }
        int replicas = (int) f.integer("replicasPerShard", d.replicasPerShard(), 0, 8);
        DistributionSpec lag = readDistribution(f.object("replicationLag"), d.replicationLag(), 0);
        String readPolicy = f.parameter("readPolicy", Parameter.DB_READ_POLICY, d.readPolicy());
        String consistency = f.parameter("consistency", Parameter.DB_CONSISTENCY, d.consistency());
        String replication = f.parameter("replication", Parameter.DB_REPLICATION, d.replication());
        int connections = (int) f.integer("connectionLimit", d.connectionLimit(), 1, 10_000);
        int queue = (int) f.integer("queueCapacity", d.queueCapacity(), 0, 1_000_000);
        DistributionSpec read = readDistribution(f.object("readServiceTime"), d.readServiceTime(), 0);
        DistributionSpec write = readDistribution(f.object("writeServiceTime"), d.writeServiceTime(), 0);
        double migration = f.parameter("migrationKeysPerSecond", Parameter.DB_MIGRATION_RATE, d.migrationKeysPerSecond());
        String migrationReads = f.parameter("migrationReads", Parameter.DB_MIGRATION_READS, d.migrationReads());
        double failover = f.number("failoverDetectionMs", d.failoverDetectionMs(), 0, 3_600_000, true);
        int sessions = (int) f.integer("sessions", d.sessions(), 1, 10_000);
        f.finish();
        return new Scenario.Database(strategy, shards, vnodes, replicas, lag, readPolicy, consistency, replication, connections,
                queue, read, write, migration, migrationReads, failover, sessions);
    }

    private static List<Scenario.Dependency> readDependencies(Fields parent) {
        List<Scenario.Dependency> out = new ArrayList<>();
        JsonNode node = parent.take("dependencies");
        if (node == null) {
            return out;
        }
        String path = parent.path("dependencies");
        if (!node.isArray()) {
            throw new ScenarioException(path, "expected an array of downstream services");
        }
        if (node.size() > 64) {
            throw new ScenarioException(path, "at most 64 dependencies");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            if (!node.get(i).isObject()) {
                throw new ScenarioException(at, "expected an object such as {\"name\": \"payments\", \"callProbability\": 0.5}");
            }
            Fields f = new Fields((ObjectNode) node.get(i), at);
            String name = f.string("name", null);
            if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,30}")) {
                throw new ScenarioException(f.path("name"), name == null ? "missing; a short name such as \"payments\""
                        : Quote.of(name) + " must be lower-case letters, digits and dashes (at most 31)");
            }
            if (!names.add(name)) {
                throw new ScenarioException(f.path("name"), Quote.of(name) + " is used by another dependency");
            }
            double p = f.number("callProbability", 1, 0, 1, true);
            int instances = (int) f.integer("instances", 2, 1, 500);
            int workers = (int) f.integer("workersPerInstance", 8, 1, 1024);
            int queue = (int) f.integer("queueCapacity", 100, 0, 1_000_000);
            DistributionSpec service = readDistribution(f.object("serviceTime"), DistributionSpec.lognormal(30, 120), 0);
            double errorRate = f.number("errorRate", 0, 0, 1, true);
            double timeout = f.number("timeoutMs", 0, 0, 3_600_000, true);
            int bulkhead = (int) f.integer("maxConcurrentCalls", 0, 0, 1_000_000);
            Scenario.Breaker breaker = readBreaker(f.object("breaker"));
            Scenario.Retry retry = readRetry(f.object("retry"));
            f.finish();
            out.add(new Scenario.Dependency(name, p, instances, workers, queue, service, errorRate, timeout, bulkhead, breaker, retry));
        }
        return out;
    }

    private static Scenario.Breaker readBreaker(Fields f) {
        Scenario.Breaker d = Scenario.Breaker.DEFAULT;
        if (f == null) {
            return null;
        }
        String mode = f.choice("mode", d.mode(), "resilience4j", "consecutive");
        String type = f.choice("slidingWindowType", d.slidingWindowType(), "count-based", "time-based");
        int size = (int) f.integer("slidingWindowSize", d.slidingWindowSize(), 1, 100_000);
        int min = (int) f.integer("minimumNumberOfCalls", d.minimumNumberOfCalls(), 1, 100_000);
        double failure = f.number("failureRateThreshold", d.failureRateThreshold(), 0, 100, false);
        double slow = f.number("slowCallRateThreshold", d.slowCallRateThreshold(), 0, 100, false);
        double slowMs = f.number("slowCallDurationThresholdMs", d.slowCallDurationThresholdMs(), 0, 3_600_000, true);
        double waitMs = f.number("waitDurationInOpenStateMs", d.waitDurationInOpenStateMs(), 0, 3_600_000, true);
        int permitted = (int) f.integer("permittedNumberOfCallsInHalfOpenState", d.permittedNumberOfCallsInHalfOpenState(), 1, 10_000);
        boolean auto = f.bool("automaticTransition", d.automaticTransition());
        int consecutive = (int) f.integer("consecutiveFailures", d.consecutiveFailures(), 1, 10_000);
        f.finish();
        return new Scenario.Breaker(mode, type, size, min, failure, slow, slowMs, waitMs, permitted, auto, consecutive);
    }

    private static Scenario.Retry readRetry(Fields f) {
        Scenario.Retry d = Scenario.Retry.DEFAULT;
        if (f == null) {
            return d;
        }
        int attempts = (int) f.integer("maxAttempts", 3, 1, 100);
        String backoff = f.choice("backoff", "exponential", "none", "fixed", "linear", "exponential");
        double initial = f.number("initialIntervalMs", d.initialIntervalMs(), 0, 3_600_000, true);
        double multiplier = f.number("multiplier", d.multiplier(), 1, 100, true);
        double max = f.number("maxIntervalMs", d.maxIntervalMs(), 0, 3_600_000, true);
        String jitter = f.choice("jitter", d.jitter(), "none", "full", "equal", "decorrelated");
        String budget = f.choice("budget", f.has("budgetPercent") ? "envoy" : d.budget(), "none", "envoy", "finagle");
        double percent = f.number("budgetPercent", d.budgetPercent(), 0, 100, false);
        f.finish();
        return new Scenario.Retry(attempts, backoff, initial, multiplier, max, jitter, budget, percent);
    }

    private static Scenario.Balancer readBalancer(Fields f, Scenario.Balancer d) {
        if (f == null) {
            return d;
        }
        String id = f.parameter("strategy", Parameter.BALANCER_STRATEGY, d.strategy().id());
        int choices = f.parameter("choices", Parameter.BALANCER_CHOICES, d.choices());
        double bias = f.parameter("activeRequestBias", Parameter.BALANCER_BIAS, d.activeRequestBias());
        int ring = f.parameter("ringVirtualNodes", Parameter.RING_VIRTUAL_NODES, d.ringVirtualNodes());
        double slowStart = f.parameter("slowStartSeconds", Parameter.SLOW_START, d.slowStartSeconds());
        int outlier = f.parameter("outlierConsecutiveErrors", Parameter.OUTLIER_ERRORS, d.outlierConsecutiveErrors());
        double base = f.parameter("outlierBaseEjectionSeconds", Parameter.OUTLIER_BASE_EJECTION, d.outlierBaseEjectionSeconds());
        double maxPercent = f.parameter("outlierMaxEjectionPercent", Parameter.OUTLIER_MAX_EJECTION, d.outlierMaxEjectionPercent());
        double hc = f.parameter("healthCheckIntervalSeconds", Parameter.HEALTH_CHECK_INTERVAL, d.healthCheckIntervalSeconds());
        int unhealthy = f.parameter("healthCheckUnhealthyThreshold", Parameter.HEALTH_CHECK_UNHEALTHY, d.healthCheckUnhealthyThreshold());
        int healthy = f.parameter("healthCheckHealthyThreshold", Parameter.HEALTH_CHECK_HEALTHY, d.healthCheckHealthyThreshold());
        double panic = f.parameter("panicThresholdPercent", Parameter.PANIC_THRESHOLD, d.panicThresholdPercent());
        f.finish();
        return new Scenario.Balancer(Strategy.byId(id), choices, bias, ring, slowStart, outlier, base, maxPercent, hc,
                unhealthy, healthy, panic);
    }

    private static List<Scenario.TimelineEntry> readTimeline(Fields parent, String name, List<Scenario.Dependency> dependencies) {
        List<Scenario.TimelineEntry> out = new ArrayList<>();
        JsonNode node = parent.take(name);
        if (node == null) {
            return out;
        }
        String path = parent.path(name);
        if (!node.isArray()) {
            throw new ScenarioException(path, "expected an array of timed commands");
        }
        double previous = 0;
        for (int i = 0; i < node.size(); i++) {
            String itemPath = path + "[" + i + "]";
            if (!node.get(i).isObject()) {
                throw new ScenarioException(itemPath, "expected an object such as {\"atSeconds\": 60, \"command\": \"set\", \"path\": ..., \"value\": ...}");
            }
            Fields f = new Fields((ObjectNode) node.get(i), itemPath);
            double at = f.requiredNumber("atSeconds", 0, 1e8);
            if (at < previous) {
                throw new ScenarioException(f.path("atSeconds"), "entries must be in time order (" + Parameter.format(at)
                        + " comes after " + Parameter.format(previous) + ")");
            }
            previous = at;
            String[] commands = new String[Action.values().length + 1];
            commands[0] = "set";
            for (Action a : Action.values()) {
                commands[a.ordinal() + 1] = a.id();
            }
            String command = f.choice("command", null, commands);
            if (command.equals("set")) {
                out.add(readSet(f, at));
            } else {
                Action action = Action.byId(command);
                String target = f.string("target", null);
                if (action.needsTarget() && target == null) {
                    throw new ScenarioException(f.path("target"), "missing; " + action.target().example());
                }
                if (target != null && action.target() == Action.Target.NONE) {
                    throw new ScenarioException(f.path("target"), command + " takes no target");
                }
                if (action.target() == Action.Target.DEPENDENCY
                        && dependencies.stream().noneMatch(dep -> dep.name().equals(target))) {
                    throw new ScenarioException(f.path("target"), Quote.of(target) + " is not a dependency of this scenario"
                            + (dependencies.isEmpty() ? " (it has none)" : "; use one of "
                            + String.join(", ", dependencies.stream().map(Scenario.Dependency::name).toList())));
                }
                Object value = null;
                JsonNode raw = f.take("value");
                if (raw == null && action.needsValue()) {
                    throw new ScenarioException(f.path("value"), "missing; " + action.description());
                }
                if (raw != null) {
                    value = action.checkValue(f.path("value"), raw.isNumber() ? raw.doubleValue() : raw.asText());
                }
                double duration = 0;
                if (action.needsDuration()) {
                    duration = f.requiredNumber("durationSeconds", 0.001, 1e7);
                }
                f.finish();
                out.add(new Scenario.TimelineEntry(at, command, null, target, value, duration));
            }
        }
        return out;
    }

    private static Scenario.TimelineEntry readSet(Fields f, double at) {
        String paramPath = f.string("path", null);
        if (paramPath == null) {
            throw new ScenarioException(f.path("path"), "missing; the parameter to set, such as service.instances (README.md lists them)");
        }
        Parameter p = Parameter.byPath(paramPath);
        if (p == null && !isDependencyField(paramPath)) {
            throw new ScenarioException(f.path("path"), Quote.of(paramPath) + " is not a parameter that can be set"
                    + Parameter.suggest(paramPath));
        }
        JsonNode raw = f.take("value");
        if (raw == null) {
            throw new ScenarioException(f.path("value"), "missing; " + (p == null ? "the field's new value" : p.expectation()));
        }
        Object value;
        if (p != null) {
            value = p.validate(f.path("value"), raw.isNumber() ? raw.numberValue() : raw.isTextual() ? raw.textValue()
                    : raw.isBoolean() ? (Object) raw.booleanValue() : raw.toString());
        } else if (raw.isBoolean()) {
            value = raw.booleanValue();
        } else if (raw.isIntegralNumber()) {
            value = raw.intValue();
        } else if (raw.isNumber()) {
            value = raw.doubleValue();
        } else if (raw.isTextual()) {
            value = raw.textValue();
        } else {
            throw new ScenarioException(f.path("value"), "expected a number, a string or true/false");
        }
        f.finish();
        return Scenario.TimelineEntry.set(at, paramPath, value);
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
        int index = dependencyIndex(path);
        if (index >= s.dependencies().size()) {
            throw new ScenarioException(path.substring(0, path.indexOf(']') + 1), "this scenario has only "
                    + s.dependencies().size() + " dependencies");
        }
        Scenario.Dependency d = s.dependencies().get(index);
        if (d.breaker() == null && path.startsWith("dependencies[" + index + "].breaker.")) {
            List<Scenario.Dependency> deps = new ArrayList<>(s.dependencies());
            deps.set(index, new Scenario.Dependency(d.name(), d.callProbability(), d.instances(), d.workersPerInstance(),
                    d.queueCapacity(), d.serviceTime(), d.errorRate(), d.timeoutMs(), d.maxConcurrentCalls(),
                    Scenario.Breaker.DEFAULT, d.retry()));
            s = new Scenario(s.name(), s.description(), s.seed(), s.durationSeconds(), s.workload(), s.service(),
                    s.autoscaler(), s.verticalScaler(), s.balancer(), s.cache(), s.database(), deps, s.timeline());
        }
        return withField(s, path, value);
    }

    /** The value of a dependency field, as its file holds it (a Double, Integer, Boolean or String). */
    public static Object readDependencyField(Scenario s, String path) {
        JsonNode node = settingsTree(s);
        for (String part : path.split("\\.")) {
            node = step(node, part);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.intValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    // ---------------------------------------------------------------- single fields

    /**
     * The value at a dotted {@code path} (array items as {@code levels[0]}) of the scenario as its
     * file holds it: a Double, Integer, Boolean or String.
     */
    static Object readField(Scenario s, String path, Parameter.Type type) {
        JsonNode node = settingsTree(s);
        for (String part : path.split("\\.")) {
            node = step(node, part);
        }
        switch (type) {
            case INTEGER:
                return node.asInt();
            case NUMBER:
                return node.asDouble();
            case BOOLEAN:
                return node.asBoolean();
            default:
                return node.asText();
        }
    }

    private static JsonNode step(JsonNode node, String part) {
        int bracket = part.indexOf('[');
        if (bracket < 0) {
            return node.path(part);
        }
        int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
        return node.path(part.substring(0, bracket)).path(index);
    }

    /** {@code s} with the field at {@code path} replaced, checked as a file would be. */
    static Scenario withField(Scenario s, String path, Object value) {
        ObjectNode root = settingsTree(s).deepCopy();
        String[] parts = path.split("\\.");
        JsonNode parent = root;
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            at.append(i == 0 ? "" : ".").append(parts[i]);
            parent = step(parent, parts[i]);
            if (!parent.isObject()) {
                throw new ScenarioException(at.toString(), parts[i].contains("[")
                        ? "there is no such item in this scenario" : "this scenario has no " + parts[i] + " section");
            }
        }
        ObjectNode target = (ObjectNode) parent;
        String last = parts[parts.length - 1];
        if (value instanceof Integer) {
            target.put(last, (Integer) value);
        } else if (value instanceof Boolean) {
            target.put(last, (Boolean) value);
        } else if (value instanceof Number) {
            target.put(last, ((Number) value).doubleValue());
        } else {
            target.put(last, String.valueOf(value));
        }
        return readScenario(new Fields(root, "")).withTimeline(s.timeline());
    }

    /**
     * The tree of {@code s} without its timeline: a single field is read or set in time that does
     * not grow with the timeline, so a run of N timeline sets costs O(N), not O(N²).
     */
    private static ObjectNode settingsTree(Scenario s) {
        synchronized (LAST_TREE_LOCK) {
            if (s != lastTreeOf) {
                lastTree = toTree(s.timeline().isEmpty() ? s : s.withTimeline(List.of()));
                lastTreeOf = s;
            }
            return lastTree;
        }
    }

    // A live set reads the field before, sets it and reads it after, each on a tree of the scenario:
    // keeping the last tree built makes that one tree per set, not three. Callers never change it
    // (withField changes a copy). Read by the simulation thread and the UI thread, hence the lock.
    private static final Object LAST_TREE_LOCK = new Object();
    private static Scenario lastTreeOf;
    private static ObjectNode lastTree;

    // ---------------------------------------------------------------- writing

    public static String write(Scenario s) {
        try {
            return JSON.writeValueAsString(toTree(s)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode toTree(Scenario s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", Scenario.SCHEMA);
        root.put("name", s.name());
        if (!s.description().isEmpty()) {
            root.put("description", s.description());
        }
        root.put("seed", s.seed());
        root.put("durationSeconds", s.durationSeconds());

        ObjectNode workload = root.putObject("workload");
        Scenario.Arrival a = s.workload().arrival();
        ObjectNode arrival = workload.putObject("arrival");
        arrival.put("process", a.process().id());
        arrival.put("ratePerSecond", a.ratePerSecond());
        writeShape(arrival.putObject("shape"), a.shape());
        arrival.put("users", a.users());
        writeDistribution(arrival.putObject("thinkTime"), a.thinkTime());
        Scenario.Keys k = s.workload().keys();
        ObjectNode keys = workload.putObject("keys");
        keys.put("distribution", k.distribution().id());
        keys.put("count", k.count());
        keys.put("scanFraction", k.scanFraction());
        if (k.distribution() == Scenario.KeyDistribution.ZIPF) {
            keys.put("alpha", k.alpha());
        } else if (k.distribution() == Scenario.KeyDistribution.HOTSPOT) {
            keys.put("hotTrafficFraction", k.hotTrafficFraction());
            keys.put("hotKeyFraction", k.hotKeyFraction());
        }
        workload.put("readRatio", s.workload().readRatio());

        ObjectNode service = root.putObject("service");
        service.put("instances", s.service().instances());
        service.put("workersPerInstance", s.service().workersPerInstance());
        service.put("queueCapacity", s.service().queueCapacity());
        writeDistribution(service.putObject("serviceTime"), s.service().serviceTime());
        service.put("size", s.service().size().id());
        service.put("provisionSeconds", s.service().provisionSeconds());
        service.put("bootSeconds", s.service().bootSeconds());
        service.put("warmupSeconds", s.service().warmupSeconds());

        Scenario.Autoscaler au = s.autoscaler();
        ObjectNode as = root.putObject("autoscaler");
        as.put("policy", au.policy().id());
        as.put("minReplicas", au.minReplicas());
        as.put("maxReplicas", au.maxReplicas());
        as.put("targetUtilization", (int) au.targetUtilization());
        as.put("tolerance", au.tolerance());
        as.put("syncPeriodSeconds", au.syncPeriodSeconds());
        as.put("scaleUpStabilizationSeconds", au.scaleUpStabilizationSeconds());
        as.put("scaleDownStabilizationSeconds", au.scaleDownStabilizationSeconds());
        as.put("scaleUpPods", au.scaleUpPods());
        as.put("scaleUpPercent", au.scaleUpPercent());
        as.put("scaleUpPeriodSeconds", au.scaleUpPeriodSeconds());
        as.put("scaleUpSelectPolicy", au.scaleUpSelectPolicy().id());
        as.put("scaleDownPods", au.scaleDownPods());
        as.put("scaleDownPercent", au.scaleDownPercent());
        as.put("scaleDownPeriodSeconds", au.scaleDownPeriodSeconds());
        as.put("scaleDownSelectPolicy", au.scaleDownSelectPolicy().id());
        as.put("behavior", au.behavior());
        as.put("metric", au.metric().id());
        as.put("targetValue", au.targetValue());

        Scenario.VerticalScaler v = s.verticalScaler();
        ObjectNode vs = root.putObject("verticalScaler");
        vs.put("policy", v.policy().id());
        vs.put("intervalSeconds", v.intervalSeconds());
        vs.put("upThreshold", v.upThreshold());
        vs.put("downThreshold", v.downThreshold());
        vs.put("targetPercentile", v.targetPercentile());
        vs.put("marginFraction", v.marginFraction());

        Scenario.Service sv = s.service();
        if (!sv.weights().isEmpty()) {
            ArrayNode w = service.putArray("weights");
            sv.weights().forEach(w::add);
        }
        if (!sv.speeds().isEmpty()) {
            ArrayNode sp = service.putArray("speeds");
            sv.speeds().forEach(sp::add);
        }
        Scenario.Balancer b = s.balancer();
        ObjectNode balancer = root.putObject("balancer");
        balancer.put("strategy", b.strategy().id());
        balancer.put("choices", b.choices());
        balancer.put("activeRequestBias", b.activeRequestBias());
        balancer.put("ringVirtualNodes", b.ringVirtualNodes());
        balancer.put("slowStartSeconds", b.slowStartSeconds());
        balancer.put("outlierConsecutiveErrors", b.outlierConsecutiveErrors());
        balancer.put("outlierBaseEjectionSeconds", b.outlierBaseEjectionSeconds());
        balancer.put("outlierMaxEjectionPercent", b.outlierMaxEjectionPercent());
        balancer.put("healthCheckIntervalSeconds", b.healthCheckIntervalSeconds());
        balancer.put("healthCheckUnhealthyThreshold", b.healthCheckUnhealthyThreshold());
        balancer.put("healthCheckHealthyThreshold", b.healthCheckHealthyThreshold());
        balancer.put("panicThresholdPercent", b.panicThresholdPercent());

        if (s.cache() != null) {
            Scenario.Cache c = s.cache();
            ObjectNode cache = root.putObject("cache");
            ArrayNode levels = cache.putArray("levels");
            for (Scenario.CacheLevel l : c.levels()) {
                levels.addObject().put("name", l.name()).put("scope", l.scope()).put("capacity", l.capacity())
                        .put("policy", l.policy()).put("ttlSeconds", l.ttlSeconds()).put("ttlJitterFraction", l.ttlJitterFraction())
                        .put("latencyMs", l.latencyMs());
            }
            cache.put("writePolicy", c.writePolicy());
            cache.put("coalesce", c.coalesce());
            cache.put("exclusive", c.exclusive());
            cache.put("writeBackFlushDelayMs", c.writeBackFlushDelayMs());
            cache.put("xfetchBeta", c.xfetchBeta());
            writeDistribution(cache.putObject("storeLatency"), c.storeLatency());
        }

        if (s.database() != null) {
            Scenario.Database d = s.database();
            ObjectNode db = root.putObject("database");
            db.putObject("sharding").put("strategy", d.strategy()).put("shards", d.shards()).put("virtualNodes", d.virtualNodes());
            db.put("replicasPerShard", d.replicasPerShard());
            writeDistribution(db.putObject("replicationLag"), d.replicationLag());
            db.put("readPolicy", d.readPolicy());
            db.put("consistency", d.consistency());
            db.put("replication", d.replication());
            db.put("connectionLimit", d.connectionLimit());
            db.put("queueCapacity", d.queueCapacity());
            writeDistribution(db.putObject("readServiceTime"), d.readServiceTime());
            writeDistribution(db.putObject("writeServiceTime"), d.writeServiceTime());
            db.put("migrationKeysPerSecond", d.migrationKeysPerSecond());
            db.put("migrationReads", d.migrationReads());
            db.put("failoverDetectionMs", d.failoverDetectionMs());
            db.put("sessions", d.sessions());
        }
        if (!s.dependencies().isEmpty()) {
            ArrayNode deps = root.putArray("dependencies");
            for (Scenario.Dependency d : s.dependencies()) {
                ObjectNode o = deps.addObject();
                o.put("name", d.name()).put("callProbability", d.callProbability()).put("instances", d.instances())
                        .put("workersPerInstance", d.workersPerInstance()).put("queueCapacity", d.queueCapacity());
                writeDistribution(o.putObject("serviceTime"), d.serviceTime());
                o.put("errorRate", d.errorRate()).put("timeoutMs", d.timeoutMs()).put("maxConcurrentCalls", d.maxConcurrentCalls());
                if (d.breaker() != null) {
                    Scenario.Breaker br = d.breaker();
                    o.putObject("breaker").put("mode", br.mode()).put("slidingWindowType", br.slidingWindowType())
                            .put("slidingWindowSize", br.slidingWindowSize()).put("minimumNumberOfCalls", br.minimumNumberOfCalls())
                            .put("failureRateThreshold", br.failureRateThreshold()).put("slowCallRateThreshold", br.slowCallRateThreshold())
                            .put("slowCallDurationThresholdMs", br.slowCallDurationThresholdMs())
                            .put("waitDurationInOpenStateMs", br.waitDurationInOpenStateMs())
                            .put("permittedNumberOfCallsInHalfOpenState", br.permittedNumberOfCallsInHalfOpenState())
                            .put("automaticTransition", br.automaticTransition()).put("consecutiveFailures", br.consecutiveFailures());
                }
                Scenario.Retry r = d.retry();
                o.putObject("retry").put("maxAttempts", r.maxAttempts()).put("backoff", r.backoff())
                        .put("initialIntervalMs", r.initialIntervalMs()).put("multiplier", r.multiplier())
                        .put("maxIntervalMs", r.maxIntervalMs()).put("jitter", r.jitter()).put("budget", r.budget())
                        .put("budgetPercent", r.budgetPercent());
            }
        }

        ArrayNode timeline = root.putArray("timeline");
        for (Scenario.TimelineEntry e : s.timeline()) {
            ObjectNode t = timeline.addObject();
            t.put("atSeconds", e.atSeconds());
            t.put("command", e.command());
            if (e.path() != null) {
                t.put("path", e.path());
            }
            if (e.target() != null) {
                t.put("target", e.target());
            }
            if (e.durationSeconds() > 0) {
                t.put("durationSeconds", e.durationSeconds());
            }
            if (e.value() == null) {
                continue;
            } else if (e.value() instanceof Boolean) {
                t.put("value", (Boolean) e.value());
            } else if (e.value() instanceof Integer) {
                t.put("value", (Integer) e.value());
            } else if (e.value() instanceof Number) {
                t.put("value", ((Number) e.value()).doubleValue());
            } else {
                t.put("value", String.valueOf(e.value()));
            }
        }
        return root;
    }

    /** Writes to a temporary file beside {@code file}, then moves it into place in one step. */
    public static void writeAtomically(Path file, String content) throws IOException {
        AtomicFiles.write(file, content);
    }

    private static void writeShape(ObjectNode o, RateShape shape) {
        o.put("kind", shape.kind().id());
        switch (shape.kind()) {
            case RAMP:
                o.put("toRatePerSecond", shape.toRatePerSecond());
                o.put("atSeconds", shape.atSeconds());
                o.put("durationSeconds", shape.durationSeconds());
                break;
            case STEP:
                o.put("toRatePerSecond", shape.toRatePerSecond());
                o.put("atSeconds", shape.atSeconds());
                break;
            case SPIKE:
                o.put("atSeconds", shape.atSeconds());
                o.put("durationSeconds", shape.durationSeconds());
                o.put("multiplier", shape.multiplier());
                break;
            case SINE:
                o.put("periodSeconds", shape.periodSeconds());
                o.put("amplitude", shape.amplitude());
                break;
            default:
                break;
        }
    }

    private static void writeDistribution(ObjectNode o, DistributionSpec d) {
        o.put("distribution", d.kind().id());
        switch (d.kind()) {
            case UNIFORM:
                o.put("minMs", d.minMs());
                o.put("maxMs", d.maxMs());
                break;
            case LOGNORMAL:
                o.put("meanMs", d.meanMs());
                o.put("p99Ms", d.p99Ms());
                break;
            case PARETO:
                o.put("meanMs", d.meanMs());
                o.put("alpha", d.alpha());
                break;
            default:
                o.put("meanMs", d.meanMs());
        }
    }

    /** One JSON object being read: remembers its path and which fields were read, to report unknown ones. */
    static final class Fields {
        private final ObjectNode node;
        private final String path;
        private final Set<String> read = new LinkedHashSet<>();

        Fields(ObjectNode node, String path) {
            this.node = node;
            this.path = path;
        }

        String path(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        boolean has(String name) {
            return node.has(name);
        }

        JsonNode take(String name) {
            read.add(name);
            JsonNode v = node.get(name);
            return v == null || v.isNull() ? null : v;
        }

        Fields object(String name) {
            JsonNode v = take(name);
            if (v == null) {
                return null;
            }
            if (!v.isObject()) {
                throw new ScenarioException(path(name), "expected an object, got " + describe(v));
            }
            return new Fields((ObjectNode) v, path(name));
        }

        String string(String name, String fallback) {
            JsonNode v = take(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isTextual()) {
                throw new ScenarioException(path(name), "expected a string, got " + describe(v));
            }
            return v.textValue();
        }

        String choice(String name, String fallback, String... allowed) {
            String v = string(name, fallback);
            if (v == null) {
                throw new ScenarioException(path(name), "missing; one of " + String.join(", ", allowed));
            }
            for (String a : allowed) {
                if (a.equals(v)) {
                    return v;
                }
            }
            throw new ScenarioException(path(name), Quote.of(v) + " is not one of " + String.join(", ", allowed));
        }

        double number(String name, double fallback, double min, double max, boolean minInclusive) {
            JsonNode v = take(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isNumber()) {
                throw new ScenarioException(path(name), "expected a number, got " + describe(v));
            }
            double x = v.doubleValue();
            if (!Double.isFinite(x) || (minInclusive ? x < min : x <= min) || x > max) {
                throw new ScenarioException(path(name), Parameter.format(x) + " is out of range; expected "
                        + (minInclusive ? "from " : "above ") + Parameter.format(min) + " to " + Parameter.format(max));
            }
            return x;
        }

        List<Double> numbers(String name, List<Double> fallback, double min, double max) {
            JsonNode v = take(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isArray()) {
                throw new ScenarioException(path(name), "expected an array of numbers, got " + describe(v));
            }
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode x = v.get(i);
                String at = path(name) + "[" + i + "]";
                if (!x.isNumber()) {
                    throw new ScenarioException(at, "expected a number, got " + describe(x));
                }
                double d = x.doubleValue();
                if (!(d >= min && d <= max)) {
                    throw new ScenarioException(at, Parameter.format(d) + " is out of range; expected " + Parameter.format(min)
                            + " to " + Parameter.format(max));
                }
                out.add(d);
            }
            return out;
        }

        boolean bool(String name, boolean fallback) {
            JsonNode v = take(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isBoolean()) {
                throw new ScenarioException(path(name), "expected true or false, got " + describe(v));
            }
            return v.booleanValue();
        }

        double requiredNumber(String name, double min, double max) {
            if (!has(name) || node.get(name).isNull()) {
                throw new ScenarioException(path(name), "missing; a number from " + Parameter.format(min)
                        + " to " + Parameter.format(max));
            }
            return number(name, 0, min, max, true);
        }

        long integer(String name, long fallback, long min, long max) {
            JsonNode v = take(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isIntegralNumber() && !(v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()))) {
                throw new ScenarioException(path(name), "expected a whole number, got " + describe(v));
            }
            if (!v.canConvertToLong()) {
                throw new ScenarioException(path(name), "is too large");
            }
            long x = v.longValue();
            if (x < min || x > max) {
                throw new ScenarioException(path(name), x + " is out of range; expected " + min + " to " + max);
            }
            return x;
        }

        @SuppressWarnings("unchecked")
        <T> T parameter(String name, Parameter p, T fallback) {
            JsonNode v = take(name);
            if (v == null) {
                return fallback;
            }
            Object raw = v.isNumber() ? v.numberValue() : v.isTextual() ? v.textValue() : describe(v);
            if (p.type() != Parameter.Type.CHOICE && !v.isNumber()) {
                throw new ScenarioException(path(name), "expected " + (p.type() == Parameter.Type.INTEGER ? "a whole number" : "a number")
                        + ", got " + describe(v));
            }
            if (p.type() == Parameter.Type.CHOICE && !v.isTextual()) {
                throw new ScenarioException(path(name), "expected a string, got " + describe(v) + "; " + p.expectation());
            }
            return (T) p.validate(path(name), raw);
        }

        void finish() {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!read.contains(n)) {
                    throw new ScenarioException(path(n), "unknown field" + (read.isEmpty() ? "" : "; known here: " + String.join(", ", read)));
                }
            }
        }

        private static String describe(JsonNode v) {
            if (v.isTextual()) {
                return "the string " + Quote.of(v.textValue());
            }
            if (v.isBoolean()) {
                return v.asText();
            }
            if (v.isArray()) {
                return "an array";
            }
            if (v.isObject()) {
                return "an object";
            }
            return Quote.shorten(v.toString());
        }
    }
}
