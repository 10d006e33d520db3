package dev.scalelab.ui.balancing;

import dev.scalelab.engine.balancing.LoadBalancingStrategy.Strategy;
import dev.scalelab.engine.balancing.PickExplanation;
import dev.scalelab.ui.Formats;
import dev.scalelab.world.Parameter;
import dev.scalelab.world.Scenario;
import dev.scalelab.world.Snapshot;

import java.util.List;
import java.util.Locale;

/**
 * The balancer's most recent decision in words, for the decision inspector: what it compared and
 * what it chose ({@code headline}), and the strategy's rule ({@code rule}). {@code sampled} and
 * {@code chosen} name the instances the live view rings; strategies that compare nothing sample none.
 *
 * @param decision the decision's number, counting from 1; 0 before the first request
 */
record PickText(long decision, String headline, String rule, List<String> sampled, String chosen) {
    static final PickText NONE = new PickText(0, "No request routed yet.", "", List.of(), null);

    PickText {
        sampled = List.copyOf(sampled);
    }

    /** The last decision in {@code snapshot}. Pure: the same snapshot gives the same text. */
    static PickText of(Snapshot snapshot) {
        Scenario.Balancer config = snapshot.current().balancer();
        String rule = rule(config);
        Snapshot.Dispatches dispatches = snapshot.dispatches();
        int length = dispatches.instanceNumbers().length;
        if (length == 0) {
            return new PickText(0, NONE.headline(), rule, List.of(), null);
        }
        long decision = dispatches.total();
        byte outcome = dispatches.outcomes()[length - 1];
        if (outcome == Snapshot.Dispatches.REJECTED_NO_INSTANCE) {
            return new PickText(decision, "no instance accepts traffic → rejected", rule, List.of(), null);
        }
        String target = idOf(snapshot.instances(), dispatches.instanceNumbers()[length - 1]);
        String ending = outcome == Snapshot.Dispatches.REJECTED_QUEUE_FULL ? "; its queue was full: rejected" : "";
        PickExplanation pick = snapshot.balancer().lastPick();
        if (pick == null || pick.candidates().isEmpty() || !pick.chosen().equals(target)) {
            // Strategies that compare nothing: the rule says why this instance.
            return new PickText(decision, "→ " + target + " (" + reason(config.strategy()) + ")" + ending, rule, List.of(), target);
        }
        return new PickText(decision, compared(pick) + " → " + pick.chosen() + ending, rule, pick.candidates(), pick.chosen());
    }

    /** "sampled i-3 (12 active) and i-5 (2 active)", "compared i-3 (load 812 ms) and i-5 (load 41 ms)". */
    static String compared(PickExplanation pick) {
        List<String> candidates = pick.candidates();
        if (candidates.size() == 1) {
            return "only " + candidates.get(0) + " accepts traffic";
        }
        boolean load = pick.scoreName().startsWith("peak EWMA");
        boolean active = pick.scoreName().equals("active requests");
        StringBuilder text = new StringBuilder(load ? "compared " : "sampled ");
        for (int i = 0; i < candidates.size(); i++) {
            if (i > 0) {
                text.append(i == candidates.size() - 1 ? " and " : ", ");
            }
            double score = pick.scores().get(i);
            text.append(candidates.get(i)).append(" (");
            if (active) {
                text.append(Math.round(score)).append(" active");
            } else if (load) {
                text.append("load ").append(Formats.millis(score)).append(" ms");
            } else {
                text.append(pick.scoreName()).append(' ').append(Parameter.format(score));
            }
            text.append(')');
        }
        return text.toString();
    }

    /** Why the target, in a few words, for strategies that report no comparison. */
    static String reason(Strategy strategy) {
        switch (strategy) {
            case ROUND_ROBIN: return "next in turn";
            case SMOOTH_WEIGHTED_ROUND_ROBIN: return "highest running score";
            case LEAST_CONNECTIONS: return "fewest active requests";
            case RANDOM: return "at random";
            case WEIGHTED_RANDOM: return "at random, by weight";
            case LEAST_REQUEST: return "least-request schedule";
            case RING_HASH: return "owns the key's point on the ring";
            case MAGLEV: return "owns the key's table entry";
            default: return "by its rule";
        }
    }

    /** How the configured strategy chooses, with its parameters. */
    static String rule(Scenario.Balancer config) {
        Strategy strategy = config.strategy();
        switch (strategy) {
            case ROUND_ROBIN:
                return "Round robin: the next instance in turn that accepts traffic. It never looks at load, "
                        + "so a slow instance still gets its full share.";
            case SMOOTH_WEIGHTED_ROUND_ROBIN:
                return "Smooth weighted round robin (nginx): each pick adds every instance's weight to its score; "
                        + "the highest score wins and gives back the sum of weights (weights 5, 1, 1 give a a b a c a a). "
                        + "Load is not looked at.";
            case LEAST_CONNECTIONS:
                return "Least connections: the instance with the fewest active requests (busy + queued) of all; "
                        + "ties go round robin.";
            case RANDOM:
                return "Random: any instance that accepts traffic, all equally likely. Load is not looked at.";
            case WEIGHTED_RANDOM:
                return "Weighted random: an instance at random, in proportion to its weight. Load is not looked at.";
            case P2C:
                return "Power of d choices (d = " + config.choices() + "): sample " + config.choices()
                        + " different instances at random; the one with the fewest active requests (busy + queued) wins, "
                        + "the first sampled on a tie.";
            case LEAST_REQUEST:
                return "Least request (Envoy): with equal weights, sample " + config.choices() + " and the fewest active "
                        + "requests wins; with unequal weights, earliest deadline first over weight / (active + 1)^"
                        + Parameter.format(config.activeRequestBias()) + "."
                        + (config.slowStartSeconds() > 0
                        ? " A new instance's weight ramps up over " + Parameter.format(config.slowStartSeconds()) + " s (slow start)."
                        : "");
            case PEAK_EWMA:
                return "Peak EWMA (Finagle, Linkerd): sample 2 instances; each one's load is its peak-sensitive average "
                        + "response time × (pending + 1); the lower load wins, so a slow instance is avoided at once.";
            case RING_HASH:
                return "Ring hash (Ketama): the request's key is hashed onto a ring of "
                        + (config.ringVirtualNodes() > 0 ? config.ringVirtualNodes() + " points per instance" : "1,024 points (Envoy's sizing)")
                        + "; the first instance point clockwise owns it, so a key always lands on the same instance.";
            case MAGLEV:
                return "Maglev: the key's hash indexes a 65,537-entry table that the instances filled in turn; the same key "
                        + "always lands on the same instance, and each instance owns an even share of the table.";
            default:
                throw new IllegalArgumentException("no rule text for " + strategy);
        }
    }

    /** The headline with its decision number, as the inspector shows it. */
    String numberedHeadline() {
        return decision == 0 ? headline : String.format(Locale.ROOT, "#%,d  %s", decision, headline);
    }

    private static String idOf(List<Snapshot.InstanceView> instances, int number) {
        for (Snapshot.InstanceView in : instances) {
            if (in.number() == number) {
                return in.id();
            }
        }
        return "i-" + number; // gone since (drained or replaced); the pool names instances this way
    }
}
