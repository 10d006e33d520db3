package dev.scalelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code simulate --profile}: the simulator's own profile after the run, the run itself unchanged. */
class SimulateProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The table's rows as cells (two or more spaces apart), its header first. */
    private static List<String[]> rows(String table) {
        List<String[]> rows = new ArrayList<>();
        for (String line : table.split("\\R")) {
            if (!line.isBlank()) {
                rows.add(line.trim().split(" {2,}"));
            }
        }
        return rows;
    }

    private static String[] row(List<String[]> rows, String subsystem, String eventType) {
        return rows.stream().filter(r -> r[0].equals(subsystem) && r.length > 1 && r[1].equals(eventType)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + subsystem + " " + eventType));
    }

    private static long number(String cell) {
        return Long.parseLong(cell.replace(",", ""));
    }

    @Test
    void theTableCountsEveryEventByOwnerAndTypeAndGoesToStandardErrorBesideTheReport() throws Exception {
        CliRun r = CliRun.of("simulate", "--scenario", "default", "--duration", "60", "--profile");
        assertEquals(0, r.code(), r.err());
        JsonNode report = JSON.readTree(r.out()); // standard output is still the report alone
        List<String[]> rows = rows(r.err());
        assertEquals(List.of("subsystem", "event type", "events", "wall ms", "share %", "ns/event"), Arrays.asList(rows.get(0)));
        // Every arrival is an ArrivalEvent, every finished service a Request firing, every second a world sample.
        assertEquals(report.path("requests").path("offered").asLong(), number(row(rows, "WorkloadSystem", "ArrivalEvent")[2]));
        assertEquals(report.path("requests").path("completed").asLong(), number(row(rows, "Request", "fire()")[2]));
        assertEquals(60, number(row(rows, "World", "lambda()")[2]));
        String last = r.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith(String.format(java.util.Locale.ROOT, "%,d events, every one timed", report.path("events").asLong())), last);
        double shares = 0;
        for (String[] cells : rows.subList(1, rows.size() - 1)) {
            shares += Double.parseDouble(cells[4]);
        }
        assertEquals(100, shares, 0.5);
    }

    @Test
    void withTheReportInAFileTheTableGoesToStandardOutputAndTheRunIsTheSame(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain.json");
        Path profiled = dir.resolve("profiled.json");
        assertEquals(0, CliRun.of("simulate", "--scenario", "full-stack", "--duration", "30", "--out", plain.toString()).code());
        CliRun r = CliRun.of("simulate", "--scenario", "full-stack", "--duration", "30", "--out", profiled.toString(), "--profile");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("subsystem"), r.out());
        assertEquals("", r.err());
        JsonNode a = JSON.readTree(Files.readString(plain));
        JsonNode b = JSON.readTree(Files.readString(profiled));
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("wallMillis");
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("wallMillis");
        assertEquals(a, b);
    }
}
