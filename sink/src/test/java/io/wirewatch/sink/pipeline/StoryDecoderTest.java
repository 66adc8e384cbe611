package io.wirewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.platform.deadletter.FailureKind;
import io.wirewatch.schemas.ExampleRecords;
import io.wirewatch.serde.AvroSerde;
import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.serde.MockSchemaRegistry;
import io.wirewatch.serde.RegistryException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoryDecoderTest {

    private final String scope = "decoder-test-" + System.nanoTime();
    private final AvroSerde<EnrichedStory> serde = AvroSerde.specific(EnrichedStory.class,
            Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope), false);
    private final StoryDecoder decoder = new StoryDecoder(serde.deserializer(), new StoryValidator());

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    private static ConsumerRecord<byte[], byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>("news.enriched", 1, 42, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value);
    }

    @Test
    void aWellFormedStoryDecodesWithItsPlace() {
        EnrichedStory story = ExampleRecords.enrichedStory("s-1");

        StoryDecoder.Decoded decoded = decoder.decode(record("s-1", serde.serializer().serialize("news.enriched",
                story)));

        assertThat(decoded).isInstanceOfSatisfying(StoryDecoder.Valid.class, v -> {
            assertThat(v.record().story()).isEqualTo(story);
            assertThat(v.record().location()).isEqualTo("news.enriched-1@42");
        });
    }

    @Test
    void aTruncatedPayloadIsBadDataNotARetry() {
        byte[] whole = serde.serializer().serialize("news.enriched", ExampleRecords.enrichedStory("s-1"));
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        StoryDecoder.Decoded decoded = decoder.decode(record("s-1", truncated));

        assertThat(decoded).isInstanceOfSatisfying(StoryDecoder.Invalid.class, i -> {
            assertThat(i.rejection().reasonCode()).isEqualTo(Rejection.DESERIALIZATION);
            assertThat(i.rejection().original()).isEqualTo(truncated);
            assertThat(i.rejection().message()).startsWith("news.enriched-1@42 (key 's-1') cannot be read");
        });
    }

    @Test
    void anUnknownSchemaIdIsBadData() {
        byte[] unknownId = {0, 0, 0, 0x7f, 0x7f, 2, 4};

        assertThat(decoder.decode(record(null, unknownId))).isInstanceOf(StoryDecoder.Invalid.class);
    }

    @Test
    void aTombstoneIsRejectedAsAnEmptyValue() {
        StoryDecoder.Decoded decoded = decoder.decode(record("s-9", null));

        assertThat(decoded).isInstanceOfSatisfying(StoryDecoder.Invalid.class, i -> {
            assertThat(i.rejection().reasonCode()).isEqualTo(Rejection.EMPTY_VALUE);
            assertThat(i.rejection().message()).contains("tombstone", "s-9");
        });
    }

    @Test
    void aContractViolationNamesTheStoryAndWhatToDo() {
        StoryDecoder.Decoded decoded = decoder.decode(record("other-id", serde.serializer()
                .serialize("news.enriched", ExampleRecords.enrichedStory("s-1"))));

        assertThat(decoded).isInstanceOfSatisfying(StoryDecoder.Invalid.class, i -> {
            assertThat(i.rejection().reasonCode()).isEqualTo(Rejection.INVALID_RECORD);
            assertThat(i.rejection().storyId()).isEqualTo("s-1");
            assertThat(i.rejection().message()).contains("story 's-1'", "differs from the story id",
                    "Fix the producer (enrich) and replay");
        });
    }

    @Test
    void aRegistryThatCannotBeReachedIsRetriableAndOneThatRefusesUsIsFatal() {
        StoryDecoder down = new StoryDecoder((topic, data) -> {
            throw new SerializationException("schema 3 unavailable",
                    new RegistryException(503, 50001, "store error"));
        }, new StoryValidator());
        StoryDecoder forbidden = new StoryDecoder((topic, data) -> {
            throw new SerializationException("schema 3 unavailable",
                    new RegistryException(401, 401, "unauthorized"));
        }, new StoryValidator());
        ConsumerRecord<byte[], byte[]> record = record("s-1", new byte[] {0, 0, 0, 0, 3});

        assertThatThrownBy(() -> down.decode(record)).isInstanceOfSatisfying(SinkFailure.class,
                f -> assertThat(f.kind()).isEqualTo(FailureKind.RETRIABLE));
        assertThatThrownBy(() -> forbidden.decode(record)).isInstanceOfSatisfying(SinkFailure.class,
                f -> assertThat(f.kind()).isEqualTo(FailureKind.FATAL));
    }
}
