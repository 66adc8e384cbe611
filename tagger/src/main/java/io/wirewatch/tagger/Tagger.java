package io.wirewatch.tagger;

/**
 * Tags one story: countries, topics and cooperating parties, each topic with the sentences that prove it.
 * Implementations are thread-safe and do no I/O per story; a story they cannot handle raises a RuntimeException
 * naming why (the enrich service dead-letters it).
 */
public interface Tagger extends AutoCloseable {

    Enrichment tag(TagInput input);

    /** The version of the taxonomy in use, e.g. {@code defense-cooperation/1.0.0}; travels in every event. */
    String taxonomyVersion();

    @Override
    default void close() {
    }
}
