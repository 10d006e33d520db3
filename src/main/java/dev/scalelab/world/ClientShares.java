package dev.scalelab.world;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Which client class sends the next request, by share: the one draw the pipeline's workload and a
 * drawn clients node both make, so the same classes and stream give the same sequence of clients.
 * Shares are weights (normalised over the classes); all at 0 leaves every class an equal chance.
 */
public final class ClientShares {
    /** The shares added up in order (cumulative weights); empty without classes. */
    private final double[] cumulative;

    public ClientShares(List<ApiGateway.Client> clients) {
        cumulative = new double[clients.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += clients.get(i).share();
            cumulative[i] = sum;
        }
    }

    /** The index of the next request's class: 0 without classes or with one (the anonymous client), drawing nothing. */
    public int next(SplittableRandom random) {
        int n = cumulative.length;
        if (n <= 1) {
            return 0;
        }
        double total = cumulative[n - 1];
        if (total <= 0) {
            return random.nextInt(n);
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < n - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return n - 1;
    }
}
