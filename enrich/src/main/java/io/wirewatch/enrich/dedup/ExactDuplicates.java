package io.wirewatch.enrich.dedup;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Remembers which (story id, content hash, taxonomy version) were enriched within the dedup window, in a
 * changelogged window store keyed by story id: the same story read twice (an ingest retry, the same file dropped in
 * the spool again) is enriched once. A new version of the story (another content hash) or a replay through another
 * taxonomy version is not a duplicate. Entries expire with the store's segments once older than the window
 * (measured in processing time).
 */
public final class ExactDuplicates {

    private final WindowStore<String, String> store;
    private final Duration window;

    public ExactDuplicates(WindowStore<String, String> store, Duration window) {
        this.store = store;
        this.window = window;
    }

    /** The store: story id to "contentHash taxonomyVersion", retained for the window, logged to a changelog. */
    public static StoreBuilder<WindowStore<String, String>> storeBuilder(String name, Duration window) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(name, window, window, false),
                Serdes.String(), Serdes.String());
    }

    /** The fingerprint the store keeps for a story: what makes two copies exact duplicates besides the id. */
    public static String fingerprint(String contentHash, String taxonomyVersion) {
        return contentHash + " " + taxonomyVersion;
    }

    /** True when this story id with this fingerprint was remembered within the window before {@code nowMs}. */
    public boolean seen(String storyId, String fingerprint, long nowMs) {
        try (WindowStoreIterator<String> earlier = store.fetch(storyId, nowMs - window.toMillis(), nowMs)) {
            while (earlier.hasNext()) {
                if (fingerprint.equals(earlier.next().value)) {
                    return true;
                }
            }
        }
        return false;
    }

    public void remember(String storyId, String fingerprint, long nowMs) {
        store.put(storyId, fingerprint, nowMs);
    }
}
