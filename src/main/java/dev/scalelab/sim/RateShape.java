package dev.scalelab.sim;

/**
 * How the offered arrival rate changes over virtual time, around a base rate the user can change
 * while the simulation runs.
 *
 * <ul>
 *   <li>constant: the base rate;</li>
 *   <li>ramp: base until {@code atSeconds}, then linear to {@code toRatePerSecond} over {@code durationSeconds};</li>
 *   <li>step: base until {@code atSeconds}, then {@code toRatePerSecond};</li>
 *   <li>spike: base x {@code multiplier} during [{@code atSeconds}, {@code atSeconds + durationSeconds});</li>
 *   <li>sine (diurnal): base x (1 + {@code amplitude} sin(2 pi t / {@code periodSeconds})).</li>
 * </ul>
 */
public record RateShape(Kind kind, double toRatePerSecond, double atSeconds, double durationSeconds,
                        double multiplier, double periodSeconds, double amplitude) {

    public enum Kind implements HasId {
        CONSTANT, RAMP, STEP, SPIKE, SINE;

        @Override
        public String id() {
            return name().toLowerCase();
        }
    }

    public static final RateShape CONSTANT = new RateShape(Kind.CONSTANT, 0, 0, 0, 1, 0, 0);

    public double rateAt(double baseRatePerSecond, double tSeconds) {
        switch (kind) {
            case CONSTANT:
                return baseRatePerSecond;
            case RAMP:
                if (tSeconds <= atSeconds) {
                    return baseRatePerSecond;
                }
                if (durationSeconds <= 0 || tSeconds >= atSeconds + durationSeconds) {
                    return toRatePerSecond;
                }
                double f = (tSeconds - atSeconds) / durationSeconds;
                return baseRatePerSecond + f * (toRatePerSecond - baseRatePerSecond);
            case STEP:
                return tSeconds < atSeconds ? baseRatePerSecond : toRatePerSecond;
            case SPIKE:
                return tSeconds >= atSeconds && tSeconds < atSeconds + durationSeconds
                        ? baseRatePerSecond * multiplier : baseRatePerSecond;
            case SINE:
                return Math.max(0, baseRatePerSecond
                        * (1 + amplitude * Math.sin(2 * Math.PI * tSeconds / periodSeconds)));
            default:
                throw new AssertionError(kind);
        }
    }

    /** An upper bound of {@link #rateAt} over all time: the envelope rate for thinning. */
    public double maxRate(double baseRatePerSecond) {
        switch (kind) {
            case RAMP:
            case STEP:
                return Math.max(baseRatePerSecond, toRatePerSecond);
            case SPIKE:
                return baseRatePerSecond * Math.max(1, multiplier);
            case SINE:
                return baseRatePerSecond * (1 + Math.abs(amplitude));
            default:
                return baseRatePerSecond;
        }
    }

    /**
     * Next arrival of a non-homogeneous Poisson process after {@code nowSeconds}, by thinning
     * (Lewis and Shedler): candidates at the envelope rate, each kept with probability
     * rate(t)/envelope. Returns {@code Double.POSITIVE_INFINITY} when the rate is zero for good.
     */
    public double nextArrivalSeconds(double baseRatePerSecond, double nowSeconds, java.util.SplittableRandom random) {
        double envelope = maxRate(baseRatePerSecond);
        if (!(envelope > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double t = nowSeconds;
        // A rate of zero after a ramp or step would loop forever; 10^6 rejections means "never".
        for (int i = 0; i < 1_000_000; i++) {
            t += -Math.log(1.0 - random.nextDouble()) / envelope;
            double rate = rateAt(baseRatePerSecond, t);
            if (rate >= envelope || random.nextDouble() * envelope < rate) {
                return t;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
