package io.wirewatch.sink.pipeline;

import io.wirewatch.avro.EnrichedStory;
import org.apache.kafka.common.TopicPartition;

/**
 * One valid enriched story and where it was read from.
 *
 * @param key the record key as the producer wrote it (the story id), or null
 */
public record StoryRecord(TopicPartition partition, long offset, String key, EnrichedStory story) {

    public String storyId() {
        return story.getStory().getId();
    }

    /** {@code news.enriched-2@1734}: the record's place, for messages. */
    public String location() {
        return partition.topic() + "-" + partition.partition() + "@" + offset;
    }
}
