package io.wirewatch.ingest.publish;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.RawStory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one Kafka transaction carries: the stories of one or more inputs (or of a bounded run of JSON Lines), the
 * dead letters for the parts that could not be read, and the progress records that mark those inputs as done.
 * Either all of it becomes visible to read_committed consumers, or none.
 *
 * @param progress progress records by key, in order (empty for HTTP pushes and feed polls)
 */
public record Batch(List<RawStory> stories, List<DeadLetter> deadLetters, Map<String, String> progress) {

    public Batch {
        stories = List.copyOf(stories);
        deadLetters = List.copyOf(deadLetters);
        progress = Collections.unmodifiableMap(new LinkedHashMap<>(progress));
    }

    /** Stories and dead letters without progress records. */
    public static Batch of(List<RawStory> stories, List<DeadLetter> deadLetters) {
        return new Batch(stories, deadLetters, Map.of());
    }

    /** The same content with one more progress record. */
    public Batch withProgress(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(progress);
        more.put(key, value);
        return new Batch(stories, deadLetters, more);
    }

    /** This batch and another in one transaction. */
    public Batch plus(Batch other) {
        List<RawStory> allStories = new ArrayList<>(stories);
        allStories.addAll(other.stories);
        List<DeadLetter> allLetters = new ArrayList<>(deadLetters);
        allLetters.addAll(other.deadLetters);
        Map<String, String> allProgress = new LinkedHashMap<>(progress);
        allProgress.putAll(other.progress);
        return new Batch(allStories, allLetters, allProgress);
    }
}
