package dev.scalelab.ui.scaling;

import java.util.Arrays;
import java.util.List;

/**
 * Where each instance's tile is drawn on the wall clock, so that the pool changes smoothly: a new
 * instance's tile grows in where the layout puts it, tiles slide to their new places when the
 * layout changes, and an instance that is gone leaves a ghost that fades out where its tile was.
 * Tiles are matched from one snapshot to the next by instance number.
 *
 * <p>Holds no JavaFX: plain arrays, reused, so that a frame allocates nothing once they are large
 * enough. {@code T} is what a ghost needs to be drawn (the instance as last seen). FX thread only.
 */
final class TileMotion<T> {
    static final long MOVE_NANOS = 320_000_000L;
    static final long APPEAR_NANOS = 400_000_000L;
    static final long VANISH_NANOS = 700_000_000L;
    static final int MAX_GHOSTS = 128;

    private Buffers current = new Buffers(64);
    private Buffers previous = new Buffers(64);
    private List<T> items = List.of();
    private boolean first = true;

    /** Scratch: which tiles of the previous snapshot found their instance in the new one. */
    private boolean[] matched = new boolean[64];
    private int[] indexByNumber = new int[64];
    private int indexOffset;
    private int indexSpan;

    private final double[] ghostX = new double[MAX_GHOSTS];
    private final double[] ghostY = new double[MAX_GHOSTS];
    private final double[] ghostW = new double[MAX_GHOSTS];
    private final double[] ghostH = new double[MAX_GHOSTS];
    private final long[] ghostStart = new long[MAX_GHOSTS];
    @SuppressWarnings("unchecked")
    private final T[] ghostItem = (T[]) new Object[MAX_GHOSTS];
    private int ghostHead;
    private int ghostCount;

    /** One set of per-tile arrays; two are swapped so that matching reads the old while writing the new. */
    private static final class Buffers {
        int count;
        int[] numbers;
        double[] fromX, fromY, fromW, fromH, toX, toY, toW, toH;
        long[] moveStart, appearStart;

        Buffers(int capacity) {
            numbers = new int[capacity];
            fromX = new double[capacity];
            fromY = new double[capacity];
            fromW = new double[capacity];
            fromH = new double[capacity];
            toX = new double[capacity];
            toY = new double[capacity];
            toW = new double[capacity];
            toH = new double[capacity];
            moveStart = new long[capacity];
            appearStart = new long[capacity];
        }

        void ensure(int n) {
            if (n <= numbers.length) {
                return;
            }
            int size = Math.max(n, 2 * numbers.length);
            numbers = Arrays.copyOf(numbers, size);
            fromX = Arrays.copyOf(fromX, size);
            fromY = Arrays.copyOf(fromY, size);
            fromW = Arrays.copyOf(fromW, size);
            fromH = Arrays.copyOf(fromH, size);
            toX = Arrays.copyOf(toX, size);
            toY = Arrays.copyOf(toY, size);
            toW = Arrays.copyOf(toW, size);
            toH = Arrays.copyOf(toH, size);
            moveStart = Arrays.copyOf(moveStart, size);
            appearStart = Arrays.copyOf(appearStart, size);
        }
    }

    /**
     * Takes the instances of a new snapshot (their numbers, in drawing order) and, when
     * {@code layoutChanged} or the set of instances changed, their places from {@code layout}.
     * The first call places everything at once, without animation.
     */
    void update(List<T> newItems, int[] numbers, int count, PoolLayout layout, boolean layoutChanged, long nowNanos) {
        boolean sameInstances = count == current.count && Arrays.equals(numbers, 0, count, current.numbers, 0, count);
        // The old list's indices match the buffers until they are rebuilt below: ghosts come from it.
        List<T> oldItems = items;
        items = newItems;
        if (sameInstances && !layoutChanged) {
            return;
        }
        indexPrevious();
        Buffers old = current;
        current = previous;
        previous = old;
        current.ensure(count);
        current.count = count;
        boolean[] matched = matchedScratch(old.count);
        for (int i = 0; i < count; i++) {
            int number = numbers[i];
            current.numbers[i] = number;
            double tx = layout.x(i);
            double ty = layout.y(i);
            double tw = layout.width(i);
            double th = layout.height(i);
            int p = previousIndex(number);
            if (p >= 0) {
                matched[p] = true;
                current.appearStart[i] = old.appearStart[p];
                if (tx == old.toX[p] && ty == old.toY[p] && tw == old.toW[p] && th == old.toH[p]) {
                    copyMove(old, p, i); // the same place: let a slide in progress finish
                    continue;
                }
                current.fromX[i] = valueAt(old.fromX[p], old.toX[p], old.moveStart[p], nowNanos);
                current.fromY[i] = valueAt(old.fromY[p], old.toY[p], old.moveStart[p], nowNanos);
                current.fromW[i] = valueAt(old.fromW[p], old.toW[p], old.moveStart[p], nowNanos);
                current.fromH[i] = valueAt(old.fromH[p], old.toH[p], old.moveStart[p], nowNanos);
                current.moveStart[i] = nowNanos;
            } else {
                current.fromX[i] = tx;
                current.fromY[i] = ty;
                current.fromW[i] = tw;
                current.fromH[i] = th;
                current.moveStart[i] = Long.MIN_VALUE / 2;
                current.appearStart[i] = first ? Long.MIN_VALUE / 2 : nowNanos;
            }
            current.toX[i] = tx;
            current.toY[i] = ty;
            current.toW[i] = tw;
            current.toH[i] = th;
        }
        for (int p = 0; p < old.count; p++) {
            if (!matched[p] && p < oldItems.size()) {
                addGhost(old, p, oldItems.get(p), nowNanos);
            }
        }
        first = false;
    }

    private boolean[] matchedScratch(int n) {
        if (matched.length < n) {
            matched = new boolean[Math.max(n, 2 * matched.length)];
        }
        Arrays.fill(matched, 0, n, false);
        return matched;
    }

    private void copyMove(Buffers old, int p, int i) {
        current.fromX[i] = old.fromX[p];
        current.fromY[i] = old.fromY[p];
        current.fromW[i] = old.fromW[p];
        current.fromH[i] = old.fromH[p];
        current.toX[i] = old.toX[p];
        current.toY[i] = old.toY[p];
        current.toW[i] = old.toW[p];
        current.toH[i] = old.toH[p];
        current.moveStart[i] = old.moveStart[p];
    }

    private void addGhost(Buffers old, int p, T item, long nowNanos) {
        int slot;
        if (ghostCount == MAX_GHOSTS) {
            slot = ghostHead;
            ghostHead = (ghostHead + 1) % MAX_GHOSTS;
        } else {
            slot = (ghostHead + ghostCount) % MAX_GHOSTS;
            ghostCount++;
        }
        ghostX[slot] = valueAt(old.fromX[p], old.toX[p], old.moveStart[p], nowNanos);
        ghostY[slot] = valueAt(old.fromY[p], old.toY[p], old.moveStart[p], nowNanos);
        ghostW[slot] = valueAt(old.fromW[p], old.toW[p], old.moveStart[p], nowNanos);
        ghostH[slot] = valueAt(old.fromH[p], old.toH[p], old.moveStart[p], nowNanos);
        ghostStart[slot] = nowNanos;
        ghostItem[slot] = item;
    }

    /** Forgets every tile and ghost: the next update places the pool at once, as at the start. */
    void clear() {
        current.count = 0;
        previous.count = 0;
        ghostCount = 0;
        items = List.of();
        first = true;
        Arrays.fill(ghostItem, null);
    }

    private void indexPrevious() {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < current.count; i++) {
            min = Math.min(min, current.numbers[i]);
            max = Math.max(max, current.numbers[i]);
        }
        int span = current.count == 0 ? 0 : max - min + 1;
        if (indexByNumber.length < span) {
            indexByNumber = new int[Math.max(span, 2 * indexByNumber.length)];
        }
        Arrays.fill(indexByNumber, 0, span, -1);
        for (int i = 0; i < current.count; i++) {
            indexByNumber[current.numbers[i] - min] = i;
        }
        indexOffset = min;
        indexSpan = span;
    }

    private int previousIndex(int number) {
        int slot = number - indexOffset;
        return slot >= 0 && slot < indexSpan ? indexByNumber[slot] : -1;
    }

    private static double valueAt(double from, double to, long start, long nowNanos) {
        double t = (nowNanos - start) / (double) MOVE_NANOS;
        if (t >= 1 || from == to) {
            return to;
        }
        return from + (to - from) * easeOut(Math.max(0, t));
    }

    static double easeOut(double t) {
        return 1 - (1 - t) * (1 - t);
    }

    // ------------------------------------------------------------------ reading, at a pulse

    /** Drops ghosts that have faded out. */
    void expire(long nowNanos) {
        while (ghostCount > 0 && nowNanos - ghostStart[ghostHead] >= VANISH_NANOS) {
            ghostItem[ghostHead] = null;
            ghostHead = (ghostHead + 1) % MAX_GHOSTS;
            ghostCount--;
        }
    }

    /** True while a tile slides or grows in or a ghost fades: the view must redraw every pulse. */
    boolean animating(long nowNanos) {
        if (ghostCount > 0) {
            return true;
        }
        for (int i = 0; i < current.count; i++) {
            if (nowNanos - current.moveStart[i] < MOVE_NANOS || nowNanos - current.appearStart[i] < APPEAR_NANOS) {
                return true;
            }
        }
        return false;
    }

    int count() {
        return current.count;
    }

    T item(int i) {
        return items.get(i);
    }

    double x(int i, long nowNanos) {
        return valueAt(current.fromX[i], current.toX[i], current.moveStart[i], nowNanos);
    }

    double y(int i, long nowNanos) {
        return valueAt(current.fromY[i], current.toY[i], current.moveStart[i], nowNanos);
    }

    double width(int i, long nowNanos) {
        return valueAt(current.fromW[i], current.toW[i], current.moveStart[i], nowNanos);
    }

    double height(int i, long nowNanos) {
        return valueAt(current.fromH[i], current.toH[i], current.moveStart[i], nowNanos);
    }

    /** 0 when the tile has just appeared, 1 once it has grown in. */
    double appeared(int i, long nowNanos) {
        double t = (nowNanos - current.appearStart[i]) / (double) APPEAR_NANOS;
        return t >= 1 ? 1 : easeOut(Math.max(0, t));
    }

    /** The tile under the point, the one drawn last (on top) first; -1 for none. */
    int tileAt(double px, double py, long nowNanos) {
        for (int i = current.count - 1; i >= 0; i--) {
            double x = x(i, nowNanos);
            double y = y(i, nowNanos);
            if (px >= x && py >= y && px <= x + width(i, nowNanos) && py <= y + height(i, nowNanos)) {
                return i;
            }
        }
        return -1;
    }

    int ghostCount() {
        return ghostCount;
    }

    private int ghostSlot(int g) {
        return (ghostHead + g) % MAX_GHOSTS;
    }

    T ghostItem(int g) {
        return ghostItem[ghostSlot(g)];
    }

    double ghostX(int g) {
        return ghostX[ghostSlot(g)];
    }

    double ghostY(int g) {
        return ghostY[ghostSlot(g)];
    }

    double ghostWidth(int g) {
        return ghostW[ghostSlot(g)];
    }

    double ghostHeight(int g) {
        return ghostH[ghostSlot(g)];
    }

    /** 1 when the instance has just gone, falling to 0 as its ghost fades. */
    double ghostOpacity(int g, long nowNanos) {
        double t = (nowNanos - ghostStart[ghostSlot(g)]) / (double) VANISH_NANOS;
        return Math.max(0, 1 - t);
    }
}
