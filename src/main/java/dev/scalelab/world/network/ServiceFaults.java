package dev.scalelab.world.network;

/** The timeline's faults on a drawn service's instances, with the pipeline's meaning. */
final class ServiceFaults {
    private ServiceFaults() {
    }

    private static ServiceNode.Instance find(ServiceNode s, String name) {
        for (ServiceNode.Instance in : s.instances) {
            if (in.name.equals(name)) {
                return in;
            }
        }
        return null;
    }

    /**
     * Instance {@code name} crashes, as the pipeline's kill-instance: what it held fails, it is gone,
     * and the scaler starts a replacement (the desired count has not changed). False when there is no
     * such instance now.
     */
    static boolean kill(ServiceNode s, String name) {
        ServiceNode.Instance in = find(s, name);
        if (in == null) {
            s.net.decide(s, "kill-instance " + name + ": no such running instance");
            return false;
        }
        int lost = s.crash(in);
        s.net.decide(s, in.name + " failed (" + lost + " requests lost); replacing it");
        s.scaler.replaceLost();
        return true;
    }

    /** Instance {@code name} runs at {@code fraction} of its normal speed from now on (slow-instance). */
    static boolean slow(ServiceNode s, String name, double fraction) {
        ServiceNode.Instance in = find(s, name);
        if (in == null) {
            s.net.decide(s, "slow-instance " + name + ": no such running instance");
            return false;
        }
        in.speed = fraction;
        s.net.decide(s, in.name + " runs at " + Math.round(fraction * 100) + " % of its speed");
        return true;
    }
}
