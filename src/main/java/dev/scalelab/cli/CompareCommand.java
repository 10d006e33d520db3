package dev.scalelab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.practice.Headline;
import dev.scalelab.runtime.Summary;
import dev.scalelab.seeds.HeadlineText;
import dev.scalelab.seeds.SeedBands;
import dev.scalelab.world.AtomicFiles;
import dev.scalelab.world.Quote;
import dev.scalelab.world.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code compare}: two designs on the same N seeds (common random numbers), each headline figure
 * for both with its 95 % interval, and their difference (second − first) tested seed by seed: a
 * difference whose interval leaves out 0 is real, one that does not is within the noise.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run two designs on the same seeds and print each headline figure for both, their difference "
                + "(second minus first) with its 95%% interval from the paired seeds, and whether it is real.")
final class CompareCommand implements Callable<Integer> {
    static final int DEFAULT_SEEDS = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "FILE|PRESET", description = "The first design.")
    String scenario;

    @Option(names = "--with", paramLabel = "FILE|PRESET",
            description = "The second design: another scenario file or preset (default: the first with --with-set applied).")
    String with;

    @Option(names = "--with-set", paramLabel = "PATH=VALUE",
            description = "Sets a field of the second design, as simulate --set does; repeatable.")
    List<String> withSets = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds (2 to " + SeedRuns.MAX_SEEDS + "; default " + DEFAULT_SEEDS
            + "): the first design's seed, or --seed, and the next ones, the same for both designs.")
    Integer seeds;

    @Option(names = "--seed", paramLabel = "N", description = "The first seed.")
    Long seed;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Overrides both designs' durationSeconds (0.001 to 10000000).")
    String durationSeconds;

    @Option(names = "--threads", paramLabel = "N", description = "How many runs go at once (default: one per core). The results do not depend on it.")
    Integer threads;

    @Option(names = "--out", paramLabel = "compare.json", description = "Also write the comparison here as JSON.")
    String out;

    @Override
    public Integer call() {
        if (with == null && withSets.isEmpty()) {
            throw new Cli.UsageException("--with or --with-set: say what the second design is, such as --with-set service.instances=8");
        }
        Scenario first = SimulateCommand.load(scenario);
        Scenario second = with == null ? first : SimulateCommand.load(with);
        for (String set : withSets) {
            second = SimulateCommand.set(second, set);
        }
        if (durationSeconds != null) {
            double d = SimulateCommand.duration(durationSeconds);
            first = first.withDurationSeconds(d);
            second = second.withDurationSeconds(d);
        }
        int n = seeds == null ? DEFAULT_SEEDS : SeedRuns.count(seeds);
        if (n < 2) {
            throw new Cli.UsageException("--seeds: " + n + " is too few; a comparison needs at least 2 seeds for an interval");
        }
        long firstSeed = seed != null ? seed : first.seed();
        OutputFile json = OutputFile.of("--out", out, "compare.json");
        if (json != null) {
            OutputFile.checkAll(List.of(json));
        }
        int pool = SeedRuns.threads(threads, n);
        String firstName = Quote.shorten(scenario);
        String secondName = Quote.shorten(with != null ? with : scenario)
                + (withSets.isEmpty() ? "" : " with " + String.join(", ", withSets));
        SeedBands.Runs a = SeedBands.run(firstName, first, firstSeed, n, pool, null, null);
        SeedBands.Runs b = SeedBands.run(secondName, second, firstSeed, n, pool, null, null);
        PrintWriter w = spec.commandLine().getOut();
        w.print(table(a, b));
        w.flush();
        if (json != null) {
            try (AtomicFiles.Pending file = json.open()) {
                file.writer().write(json(a, b));
                file.commit();
            } catch (IOException e) {
                throw json.writeFailed(e);
            }
        }
        return Cli.EXIT_OK;
    }

    /** One row per figure both designs have: the names, then mean ± half-width for each, the difference and the verdict. */
    static String table(SeedBands.Runs a, SeedBands.Runs b) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"figure", a.name(), b.name(), "difference (second - first)", "real?"});
        for (Headline h : Headline.values()) {
            Summary sa = a.summary(h);
            Summary sb = b.summary(h);
            SeedBands.Difference d = SeedBands.difference(a, b, h);
            if (sa == null || sb == null || d == null) {
                continue;
            }
            rows.add(new String[] {HeadlineText.label(h), HeadlineText.interval(h, sa), HeadlineText.interval(h, sb),
                    HeadlineText.interval(h, d.ofDifferences()), d.significant() ? "yes" : "no, within noise"});
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int c = 0; c < 5; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d seeds from seed %d, the same for both designs; a figure is its mean ± "
                + "the half-width of its 95%% interval%n", a.seeds(), a.firstSeed()));
        for (String[] r : rows) {
            for (int c = 0; c < 5; c++) {
                sb.append(c == 0 ? "" : "  ").append(c == 4 ? r[c] : String.format(Locale.ROOT, "%-" + width[c] + "s", r[c]));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    static String json(SeedBands.Runs a, SeedBands.Runs b) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("first", a.name());
        root.put("second", b.name());
        root.put("seeds", a.seeds());
        root.put("firstSeed", a.firstSeed());
        root.put("confidence", Summary.CONFIDENCE);
        ObjectNode figures = root.putObject("figures");
        for (Headline h : Headline.values()) {
            SeedBands.Difference d = SeedBands.difference(a, b, h);
            if (d == null || a.summary(h) == null || b.summary(h) == null) {
                continue;
            }
            ObjectNode f = figures.putObject(h.key());
            put(f.putObject("first"), h, a.summary(h));
            put(f.putObject("second"), h, b.summary(h));
            put(f.putObject("difference"), h, d.ofDifferences());
            f.put("significant", d.significant());
        }
        return mapper.writeValueAsString(root) + System.lineSeparator();
    }

    private static void put(ObjectNode o, Headline h, Summary s) {
        o.put("mean", h.round(s.mean()));
        o.put("ciLow", h.round(s.ciLow()));
        o.put("ciHigh", h.round(s.ciHigh()));
    }
}
