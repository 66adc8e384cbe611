package io.wirewatch.ingest.source;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The item ids a feed delivered recently, at most {@code capacity}; the least recently seen is forgotten first. Items
 * still in a feed are seen again on every poll, so they stay remembered while the feed lists them.
 */
final class SeenItems {

    private final Map<String, Boolean> ids;

    SeenItems(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Marks the id seen; true when it was not seen before. */
    boolean add(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }

    /** True when the id was seen (and refreshes it). */
    boolean contains(String id) {
        return ids.get(id) != null;
    }
}
