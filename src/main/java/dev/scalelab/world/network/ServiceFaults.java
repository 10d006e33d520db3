package dev.scalelab.world.network;

import dev.scalelab.engine.scaling.Lifecycle;

/**
 * The timeline's faults and actions on a drawn service's instances, with the pipeline's meaning and
 * log wording, and what a crash or its zone's outage takes from it.
 */
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
        int lost = crash(s, in);
        s.net.decide(s, in.name + " failed (" + lost + " requests lost); replacing it");
        s.scaler.replaceLost();
        return true;
    }

    /**
     * crash-consumer: instance {@code name} (null: the service's lowest-numbered ready one), a member
     * of the groups of {@code topics}, crashes as under kill-instance (a consumer is its instance); its
     * groups hear nothing until its session times out.
     */
    static boolean crashConsumer(ServiceNode s, String name, java.util.List<String> topics) {
        ServiceNode.Instance in = name != null ? find(s, name) : s.instances.stream()
                .filter(i -> i.lifecycle == Lifecycle.READY)
                .min(java.util.Comparator.comparingInt(i -> i.number)).orElse(null);
        if (in == null) {
            s.net.decide(s, "crash-consumer " + (name == null ? s.id : name) + ": no such running instance");
            return false;
        }
        int lost = crash(s, in);
        s.net.decide(s, in.name + " crashed (" + lost + " requests lost), a consumer of " + String.join(", ", topics)
                + ": its groups notice after their session timeout; replacing it");
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

    /** add-instance: the desired count one up; the new instance provisions and boots before it takes traffic. */
    static void add(ServiceNode s) {
        int spec = s.scaler.spec();
        s.net.decide(s, "add-instance: spec " + spec + " -> " + (spec + 1));
        s.scaler.setSpec(spec + 1, null);
    }

    /**
     * remove-instance: the desired count one down, {@code name} (when given) draining first, otherwise
     * the scaler's choice; a drained instance finishes what it holds. Refused at one instance, as the
     * pipeline's pool keeps at least one.
     */
    static boolean remove(ServiceNode s, String name) {
        int spec = s.scaler.spec();
        if (spec <= 1) {
            s.net.decide(s, "remove-instance refused: the pool keeps at least one instance");
            return false;
        }
        s.net.decide(s, "remove-instance" + (name == null ? "" : " " + name) + ": spec " + spec + " -> " + (spec - 1));
        s.scaler.setSpec(spec - 1, name == null ? null : find(s, name));
        return true;
    }

    /** error-instance: instance {@code name} answers {@code fraction} of its requests with an error (0 restores it). */
    static boolean error(ServiceNode s, String name, double fraction) {
        ServiceNode.Instance in = find(s, name);
        if (in == null || in.lifecycle == Lifecycle.DRAINING) {
            s.net.decide(s, "error-instance " + name + ": no such running instance");
            return false;
        }
        in.errorRate = fraction;
        s.net.decide(s, in.name + (fraction <= 0 ? " answers normally again" : " answers "
                + Math.round(fraction * 100) + "% of its requests with an error"));
        return true;
    }

    /**
     * full-gc: a full collection now on instance {@code name}, or on every instance when null, by the
     * heap's own collector (see {@link NodeResources#fullGc}). The service has a runtime: checked at load.
     */
    static boolean fullGc(ServiceNode s, String name) {
        s.net.decide(s, "full-gc" + (name == null ? " on every instance" : " " + name));
        return s.resources.fullGc(name);
    }

    /** weight-instance: instance {@code name}'s balancing weight, which the weighted balancer in front reads from its next pick. */
    static boolean weight(ServiceNode s, String name, double weight) {
        ServiceNode.Instance in = find(s, name);
        if (in == null || in.lifecycle == Lifecycle.DRAINING) {
            s.net.decide(s, "weight-instance " + name + ": no such running instance");
            return false;
        }
        in.weight = weight;
        s.net.decide(s, in.name + " weight " + dev.scalelab.world.Parameter.format(weight));
        return true;
    }

    /** Its zone went out or came back: its consumers leave or join first, then (out) what its instances held is lost. */
    static void zone(ServiceNode s, boolean isDown) {
        // First, so that the jobs lost below answer nobody.
        for (ServiceNode.Instance in : s.instances) {
            if (in.lifecycle == Lifecycle.READY) {
                for (Broker feed : s.feeds) {
                    if (isDown) {
                        feed.instanceCrashed(s, in);
                    } else {
                        feed.instanceReady(s, in);
                    }
                }
            }
        }
        if (!isDown) {
            return;
        }
        // Its instances go with the zone: what they held is lost, and their late events do nothing.
        for (ServiceNode.Instance in : s.instances) {
            loseJobs(s, in);
        }
    }

    /**
     * Instance {@code in} crashes: what it held fails and it is gone (kill-instance, crash-consumer).
     * Returns how many requests were lost.
     */
    static int crash(ServiceNode s, ServiceNode.Instance in) {
        if (in.lifecycle == Lifecycle.READY) {
            s.workersLost(in);
        }
        if ((in.lifecycle == Lifecycle.READY || in.lifecycle == Lifecycle.DRAINING) && !s.down) {
            // First: its groups must see it crashed before its lost record's failure comes back to them.
            for (Broker feed : s.feeds) {
                feed.instanceCrashed(s, in);
            }
        }
        int lost = loseJobs(s, in);
        s.retire(in);
        return lost;
    }

    /** Fails what {@code in} holds, running and queued; their late events do nothing. Returns how many. */
    private static int loseJobs(ServiceNode s, ServiceNode.Instance in) {
        in.generation++;
        java.util.List<ServiceJob> lost = new java.util.ArrayList<>(in.running);
        lost.addAll(in.queue);
        in.running.clear();
        in.queue.clear();
        while (in.busy > 0) {
            in.busyChanged(-1);
        }
        in.cpuChanged(-in.cpuBusy);
        if (in.resources != null) {
            in.resources.stalled.clear();
        }
        for (ServiceJob j : lost) {
            if (s.resources != null) {
                s.resources.serviceEnds(j);
            }
            s.fail(j.reply);
        }
        return lost.size();
    }
}
