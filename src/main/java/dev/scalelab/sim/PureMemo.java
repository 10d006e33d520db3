package dev.scalelab.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The last few results of a pure function, shared by every world in the process: a world's
 * construction spends most of its time on tables that depend only on the scenario (a Zipf alias
 * table, Che's hit ratio, the keys' first shards), and a seek, a seed band or a sweep makes the same
 * world again and again. The function must be pure and its result must never be changed by a
 * caller (share it read-only, or copy it), so a run is the same with or without the memo. Any
 * thread may call it.
 */
public final class PureMemo<K, V> {
    private final Map<K, V> recent;

    /** Keeps the {@code capacity} results used last. */
    public PureMemo(int capacity) {
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** {@code compute.apply(key)}, or the result it gave before for an equal key. */
    public V get(K key, Function<K, V> compute) {
        synchronized (recent) {
            V known = recent.get(key);
            if (known != null) {
                return known;
            }
        }
        V made = compute.apply(key); // outside the lock: another thread may make the same, equal value meanwhile
        synchronized (recent) {
            recent.putIfAbsent(key, made);
            return recent.get(key);
        }
    }
}
