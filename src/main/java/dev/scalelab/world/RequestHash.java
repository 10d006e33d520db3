package dev.scalelab.world;

/** The 64-bit affinity hash of a request's key, for hashing balancers (a fixed mix, so it is reproducible). */
final class RequestHash {
    private RequestHash() {
    }

    static long of(int key) {
        long z = key * 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
