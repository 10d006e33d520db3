package dev.scalelab.sim.candidates;

import dev.scalelab.sim.Event;

/** The run loop of Simulation over a candidate queue (one class per queue, so calls stay monomorphic). */
public final class CandidateSim {
    public static final class Radix {
        private final RadixQueue q = new RadixQueue();
        private long now;
        private long fired;

        public void schedule(long at, Event e) {
            if (at < now) {
                throw new IllegalArgumentException();
            }
            q.add(at, e);
        }

        public void scheduleIn(long d, Event e) {
            schedule(now + Math.max(0, d), e);
        }

        public int runUntil(long until, int max) {
            int n = 0;
            while (n < max && q.peekTime() <= until) {
                now = q.peekTime();
                Event e = q.poll();
                fired++;
                n++;
                e.fire();
            }
            return n;
        }
    }

    public static final class Quaternary {
        private final QuaternaryHeap q = new QuaternaryHeap();
        private long now;
        private long fired;

        public void schedule(long at, Event e) {
            if (at < now) {
                throw new IllegalArgumentException();
            }
            q.add(at, e);
        }

        public void scheduleIn(long d, Event e) {
            schedule(now + Math.max(0, d), e);
        }

        public int runUntil(long until, int max) {
            int n = 0;
            while (n < max && q.peekTime() <= until) {
                now = q.peekTime();
                Event e = q.poll();
                fired++;
                n++;
                e.fire();
            }
            return n;
        }
    }
}
