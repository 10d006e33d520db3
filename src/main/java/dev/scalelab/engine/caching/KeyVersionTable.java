package dev.scalelab.engine.caching;

/**
 * The versions of every key the hierarchy has seen written: the last issued to a write, the newest
 * the store holds, and the newest a client was told is written. Keys are non-negative ints, dense
 * from 0 in every workload, so the table is paged arrays indexed by key (4,096 keys a page, a page
 * made when one of its keys is first written): a read's lookup is two array loads, where the
 * open-addressing map it replaced probed a table the size of the key space and chased an object
 * per key. A key never written reads 0 everywhere.
 */
final class KeyVersionTable {
    private static final int PAGE_BITS = 12;
    private static final int PAGE_MASK = (1 << PAGE_BITS) - 1;
    /** The three versions of a key sit side by side: issued, stored, acknowledged. */
    private static final int STRIDE = 3;

    private long[][] pages = new long[16][];

    long issued(int key) {
        return read(key, 0);
    }

    long stored(int key) {
        return read(key, 1);
    }

    long acknowledged(int key) {
        return read(key, 2);
    }

    /** The next version of {@code key}, now issued to a write. */
    long issueNext(int key) {
        long[] page = page(key);
        return ++page[slot(key)];
    }

    /** The store holds {@code version} of {@code key} (or a newer one it already had). */
    void stored(int key, long version) {
        long[] page = page(key);
        int i = slot(key) + 1;
        page[i] = Math.max(page[i], version);
    }

    /** A client was told {@code version} of {@code key} is written (or a newer one was already). */
    void acknowledged(int key, long version) {
        long[] page = page(key);
        int i = slot(key) + 2;
        page[i] = Math.max(page[i], version);
    }

    private long read(int key, int field) {
        int p = key >>> PAGE_BITS;
        if (p >= pages.length) {
            return 0;
        }
        long[] page = pages[p];
        return page == null ? 0 : page[slot(key) + field];
    }

    private static int slot(int key) {
        return (key & PAGE_MASK) * STRIDE;
    }

    private long[] page(int key) {
        if (key < 0) {
            throw new IllegalArgumentException("keys must be non-negative: " + key);
        }
        int p = key >>> PAGE_BITS;
        if (p >= pages.length) {
            long[][] more = new long[Math.max(p + 1, 2 * pages.length)][];
            System.arraycopy(pages, 0, more, 0, pages.length);
            pages = more;
        }
        long[] page = pages[p];
        if (page == null) {
            page = new long[(PAGE_MASK + 1) * STRIDE];
            pages[p] = page;
        }
        return page;
    }
}
