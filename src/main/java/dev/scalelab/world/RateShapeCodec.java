package dev.scalelab.world;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalelab.sim.RateShape;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A {@link RateShape} in a scenario file: {@code {"kind": "spike", "atSeconds": 60, ...}}, with the
 * fields its kind uses (the shape lives in {@code sim}, which knows no scenario files, so its
 * fields are described here).
 */
final class RateShapeCodec {
    private RateShapeCodec() {
    }

    /** A sine's period when the file gives none: a day. */
    static final double DEFAULT_PERIOD_SECONDS = 86_400;

    static final double DEFAULT_AMPLITUDE = 0.5;

    static final Map<String, FieldSpec> FIELDS = Map.of(
            "kind", PlainField.choice("kind", "How the arrival rate changes over time: constant, ramp (linear to a rate), "
                    + "step (to a rate at once), spike (a multiple for a while) or sine (a daily cycle).",
                    Arrays.stream(RateShape.Kind.values()).map(RateShape.Kind::id).toList()),
            "toRatePerSecond", PlainField.number("toRatePerSecond", 0, 10_000_000, "req/s", "Ramp and step: the rate reached."),
            "atSeconds", PlainField.number("atSeconds", 0, 1e7, "s", "Ramp, step and spike: when the change starts."),
            "durationSeconds", PlainField.number("durationSeconds", 0, 1e7, "s", "Ramp and spike: how long the change lasts."),
            "multiplier", PlainField.number("multiplier", 0, 10_000, "×", "Spike: the base rate is multiplied by this."),
            "periodSeconds", new PlainField("periodSeconds", FieldSpec.Type.NUMBER, 0.001, 1e8, "s",
                    "Sine: the length of one cycle (86400: a day).", List.of()),
            "amplitude", PlainField.number("amplitude", 0, 1, "", "Sine: the swing around the base rate, as a fraction of it."));

    /** The fields each kind uses, in the order the file writes them; a field another kind uses is unknown. */
    static List<String> fields(RateShape.Kind kind) {
        switch (kind) {
            case RAMP:
                return List.of("toRatePerSecond", "atSeconds", "durationSeconds");
            case STEP:
                return List.of("toRatePerSecond", "atSeconds");
            case SPIKE:
                return List.of("atSeconds", "durationSeconds", "multiplier");
            case SINE:
                return List.of("periodSeconds", "amplitude");
            default:
                return List.of();
        }
    }

    /**
     * {@code s} as a shape of another kind: the fields both kinds use are kept, the others are as a
     * file of that kind leaves them (a sine's period a day, its amplitude a half).
     */
    static RateShape asKind(RateShape s, RateShape.Kind kind) {
        List<String> used = fields(kind);
        boolean wasSine = s.kind() == RateShape.Kind.SINE;
        return new RateShape(kind, used.contains("toRatePerSecond") ? s.toRatePerSecond() : 0,
                used.contains("atSeconds") ? s.atSeconds() : 0, used.contains("durationSeconds") ? s.durationSeconds() : 0,
                used.contains("multiplier") ? s.multiplier() : 1,
                used.contains("periodSeconds") ? (wasSine ? s.periodSeconds() : DEFAULT_PERIOD_SECONDS) : 0,
                used.contains("amplitude") ? (wasSine ? s.amplitude() : DEFAULT_AMPLITUDE) : 0);
    }

    static RateShape read(JsonObject in) {
        Object kindId = in.value("kind", spec(in, "kind"));
        RateShape.Kind kind = kindId == null ? RateShape.Kind.CONSTANT : RateShape.Kind.valueOf(((String) kindId).toUpperCase());
        double to = 0;
        double at = 0;
        double duration = 0;
        double multiplier = 1;
        double period = 0;
        double amplitude = 0;
        switch (kind) {
            case RAMP:
                to = in.requiredNumber("toRatePerSecond", spec(in, "toRatePerSecond"));
                at = optional(in, "atSeconds", 0);
                duration = in.requiredNumber("durationSeconds", spec(in, "durationSeconds"));
                break;
            case STEP:
                to = in.requiredNumber("toRatePerSecond", spec(in, "toRatePerSecond"));
                at = in.requiredNumber("atSeconds", spec(in, "atSeconds"));
                break;
            case SPIKE:
                at = in.requiredNumber("atSeconds", spec(in, "atSeconds"));
                duration = in.requiredNumber("durationSeconds", spec(in, "durationSeconds"));
                multiplier = in.requiredNumber("multiplier", spec(in, "multiplier"));
                break;
            case SINE:
                period = optional(in, "periodSeconds", DEFAULT_PERIOD_SECONDS);
                amplitude = optional(in, "amplitude", DEFAULT_AMPLITUDE);
                break;
            default:
                break;
        }
        in.finish();
        return new RateShape(kind, to, at, duration, multiplier, period, amplitude);
    }

    private static double optional(JsonObject in, String name, double fallback) {
        Object v = in.value(name, spec(in, name));
        return v == null ? fallback : (Double) v;
    }

    private static FieldSpec spec(JsonObject in, String name) {
        FieldSpec f = FIELDS.get(name);
        return new PlainField(in.path(name), f.type(), f.min(), f.max(), f.unit(), f.description(), f.choices());
    }

    static ObjectNode write(RateShape shape) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("kind", shape.kind().id());
        for (String name : fields(shape.kind())) {
            o.put(name, value(shape, name));
        }
        return o;
    }

    static double value(RateShape shape, String name) {
        switch (name) {
            case "toRatePerSecond":
                return shape.toRatePerSecond();
            case "atSeconds":
                return shape.atSeconds();
            case "durationSeconds":
                return shape.durationSeconds();
            case "multiplier":
                return shape.multiplier();
            case "periodSeconds":
                return shape.periodSeconds();
            default:
                return shape.amplitude();
        }
    }
}
