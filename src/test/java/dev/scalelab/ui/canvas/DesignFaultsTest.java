package dev.scalelab.ui.canvas;

import dev.scalelab.ui.FxWait;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.ScenarioFiles;
import dev.scalelab.world.Topology;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each kind of box offers the pipeline's actions on its engine, its inner targets as the run names them. */
class DesignFaultsTest {
    private static final Topology DESIGN = ScenarioFiles.parse("""
            {"schema":1,"topology":{"nodes":[
              {"id":"users","kind":"clients"},
              {"id":"web","kind":"service","service":{"runtime":{},"connectionPool":{}}},
              {"id":"redis","kind":"cache","cache":{"levels":[{"name":"L1","capacity":100},{"name":"L2","capacity":1000}]}},
              {"id":"orders","kind":"database"},
              {"id":"pay","kind":"external"},
              {"id":"jobs","kind":"queue"},
              {"id":"edge","kind":"cdn"},
              {"id":"orders-events","kind":"topic"},
              {"id":"billing","kind":"service"}],
             "edges":[{"from":"orders-events","to":"billing"}]}}""").topology();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static List<String> menu(String node, List<String> targets) throws Exception {
        List<Scenario.TimelineEntry> given = new ArrayList<>();
        DesignFaults faults = new DesignFaults(given::add, (text, refused) -> { });
        return FxWait.onFx(() -> {
            List<String> out = new ArrayList<>();
            for (MenuItem i : faults.items(null, DESIGN, DESIGN.node(node), targets)) {
                if (i instanceof SeparatorMenuItem) {
                    out.add("—");
                } else if (i instanceof Menu m) {
                    out.add(m.getText() + " " + m.getItems().stream().map(MenuItem::getText).toList());
                } else {
                    out.add(i.getText());
                }
            }
            return out;
        }, 30);
    }

    @Test
    void eachKindOffersItsEnginesActions() throws Exception {
        assertEquals(List.of("Add an instance", "Remove an instance", "—", "Kill instance [web-0, web-2]",
                "Slow instance [web-0, web-2]", "Errors on instance [web-0, web-2]", "Full GC on every instance",
                "Leak connections…"), menu("web", List.of("web-0", "web-2")));
        // A service that consumes a topic is a member of its group: it can also crash as a consumer.
        assertEquals(List.of("Add an instance", "Remove an instance", "—", "Kill instance [billing-0]", "Slow instance [billing-0]",
                "Errors on instance [billing-0]", "Crash consumer [billing-0]"), menu("billing", List.of("billing-0")));
        assertEquals(List.of("Flush the whole cache", "Flush level [redis/L1, redis/L2]", "Fail level [redis/L1, redis/L2]",
                "Expire the hottest key everywhere"), menu("redis", List.of()));
        assertEquals(List.of("Flush the whole CDN", "Fail level [edge/edge]", "Expire the hottest key everywhere"),
                menu("edge", List.of()));
        assertEquals(List.of("Add a shard", "Remove the last shard", "—", "Kill primary of [orders/0, orders/1]",
                "Lag spike on [orders/s0-r1, orders/s1-r1]"),
                menu("orders", List.of("orders/0", "orders/1", "orders/s0-r1", "orders/s1-r1")));
        assertEquals(List.of("Outage…", "Add latency…", "Raise the error rate…"), menu("pay", List.of()));
        assertEquals(List.of("Publish a burst…", "Poison the next message"), menu("jobs", List.of()));
        assertEquals(List.of(), menu("users", List.of()));
        // A service without instances running now says so in its submenus, disabled.
        assertEquals("Kill instance [none running now]", menu("web", List.of()).get(3));
    }
}
