package io.wirewatch.sink.pipeline;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.platform.deadletter.FailureKind;
import io.wirewatch.serde.RegistryException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns a raw record of news.enriched into a valid {@link StoryRecord} or a {@link Rejection} for the dead-letter
 * topic. The consumer reads bytes and the decoding happens here, not inside {@code poll()}: a bad record then never
 * stops a poll, its exact bytes reach the dead letter, and the records after it in the same batch go on.
 *
 * <p>Only a registry that cannot be reached (or refuses us) is not the record's fault: that surfaces as a
 * {@link SinkFailure} so the loop pauses and retries instead of dead-lettering good records.
 */
public final class StoryDecoder {

    /** The outcome of decoding one record. */
    public sealed interface Decoded permits Valid, Invalid {
    }

    public record Valid(StoryRecord record) implements Decoded {
    }

    public record Invalid(Rejection rejection) implements Decoded {
    }

    private final Deserializer<EnrichedStory> deserializer;
    private final StoryValidator validator;

    public StoryDecoder(Deserializer<EnrichedStory> deserializer, StoryValidator validator) {
        this.deserializer = deserializer;
        this.validator = validator;
    }

    /**
     * @throws SinkFailure when the schema registry is unavailable (retriable) or refuses access (fatal)
     */
    public Decoded decode(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        String location = record.topic() + "-" + record.partition() + "@" + record.offset();
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        String named = location + (key == null ? "" : " (key '" + key + "')");
        if (record.value() == null) {
            return invalid(record, Rejection.EMPTY_VALUE, named + " has no value (a tombstone). " + record.topic()
                    + " carries enriched stories only: find the producer that wrote a null value; nothing was stored.",
                    key, null);
        }
        EnrichedStory story;
        try {
            story = deserializer.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            FailureKind kind = registryFailureKind(e);
            if (kind != FailureKind.BAD_DATA) {
                throw new SinkFailure("registry", kind, "Cannot decode " + location + ": the schema registry is "
                        + (kind == FailureKind.FATAL ? "refusing access; check basic.auth settings" : "unavailable")
                        + ": " + e.getMessage(), e);
            }
            return invalid(record, Rejection.DESERIALIZATION, named + " cannot be read as an EnrichedStory: "
                    + e.getMessage() + ". Re-publish it with a Confluent-compatible Avro serializer (subject "
                    + record.topic() + "-value); the original bytes are in this dead letter.", key, e);
        }
        List<String> violations = validator.violations(key, story);
        if (!violations.isEmpty()) {
            String id = story.getStory().getId();
            return invalid(record, Rejection.INVALID_RECORD, location + " (story '" + id + "') breaks the data "
                    + "contract: " + String.join("; ", violations) + ". Fix the producer (enrich) and replay the "
                    + "story; the original bytes are in this dead letter.", id, null);
        }
        return new Valid(new StoryRecord(partition, record.offset(), key, story));
    }

    private static Invalid invalid(ConsumerRecord<byte[], byte[]> record, String reason, String message,
                                   String storyId, Throwable cause) {
        return new Invalid(new Rejection(record.topic(), record.partition(), record.offset(), reason, message,
                storyId, cause, record.value()));
    }

    /**
     * A decoding failure is the record's fault unless the registry could not answer: only a
     * {@link RegistryException} in the chain can make it retriable or fatal. (I/O exceptions inside the Avro decoder,
     * such as a truncated payload, are bad data, not a reason to retry.)
     */
    static FailureKind registryFailureKind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RegistryException registry) {
                return FailureKind.of(registry);
            }
        }
        return FailureKind.BAD_DATA;
    }
}
