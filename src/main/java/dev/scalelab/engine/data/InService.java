package dev.scalelab.engine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The queries a node is serving, in the order they started. Every answer removes one, so removal
 * is O(1) (the links live in the query, nothing is allocated), where a list scanned up to its
 * connection limit for each; the order is kept because a node that dies fails them in it.
 */
final class InService {
    private Query head;
    private Query tail;
    private int size;

    int size() {
        return size;
    }

    void add(Query q) {
        q.inServiceAt = this;
        q.previousInService = tail;
        q.nextInService = null;
        if (tail == null) {
            head = q;
        } else {
            tail.nextInService = q;
        }
        tail = q;
        size++;
    }

    /** Removes {@code q} if this node serves it (a query failed with a dead node is no longer served). */
    void remove(Query q) {
        if (q.inServiceAt != this) {
            return;
        }
        if (q.previousInService == null) {
            head = q.nextInService;
        } else {
            q.previousInService.nextInService = q.nextInService;
        }
        if (q.nextInService == null) {
            tail = q.previousInService;
        } else {
            q.nextInService.previousInService = q.previousInService;
        }
        q.inServiceAt = null;
        q.previousInService = null;
        q.nextInService = null;
        size--;
    }

    /** The queries in the order they started. */
    List<Query> toList() {
        List<Query> all = new ArrayList<>(size);
        for (Query q = head; q != null; q = q.nextInService) {
            all.add(q);
        }
        return all;
    }

    void clear() {
        for (Query q : toList()) {
            remove(q);
        }
    }
}
