package dev.scalelab.cli;

import dev.scalelab.engine.resilience.AttemptRecord;
import dev.scalelab.world.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files `simulate` writes for outside tools: the trace in start order, the time series with its parts' columns. */
class OutputFilesTest {

    @Test
    void traceIsSortedByStartTimeAndTheTimeSeriesHasTheDependenciesColumns(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("calls.csv");
        Path series = dir.resolve("series.csv");
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "simulate", "--scenario",
                "retry-storm", "--duration", "70", "--out", dir.resolve("r.json").toString(), "--trace", trace.toString(),
                "--timeseries", series.toString());
        assertEquals(0, code, err.toString());

        List<String> rows = Files.readAllLines(trace);
        assertEquals(AttemptRecord.CSV_HEADER, rows.get(0));
        long previousStart = -1;
        for (int i = 1; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",", -1);
            assertEquals(11, f.length, rows.get(i));
            assertEquals(i - 1, Long.parseLong(f[0]), rows.get(i)); // seq: 0, 1, 2, ...
            long start = Long.parseLong(f[1]);
            long end = Long.parseLong(f[2]);
            assertTrue(start >= previousStart, "row " + i + " starts before row " + (i - 1));
            assertEquals(end - start, Long.parseLong(f[3]));
            // The protected client's timeout is 1000 ms: no attempt lasts longer.
            assertTrue(end - start <= 1_000_000_000L, rows.get(i));
            previousStart = start;
        }
        // Attempts end within the 1 s timeout and the breakers keep Resilience4j's default
        // slowCallDurationThreshold of 60 s: no attempt is slow.
        assertTrue(rows.stream().skip(1).noneMatch(r -> r.contains(",true,")));

        List<String> lines = Files.readAllLines(series);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertEquals(Sample.CSV_HEADER + ",payments_naive_requests_per_s,payments_naive_attempts_per_s,"
                + "payments_protected_requests_per_s,payments_protected_attempts_per_s,"
                + "payments_protected_not_permitted_per_s,payments_protected_breaker_state", lines.get(0));
        int state = header.indexOf("payments_protected_breaker_state");
        assertTrue(lines.stream().skip(1).anyMatch(l -> l.split(",", -1)[state].equals("OPEN")));
        assertEquals(71, lines.size());
    }
}
