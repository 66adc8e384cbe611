package io.wirewatch.enrich.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.enrich.EnrichMetrics;
import io.wirewatch.enrich.MutableClock;
import io.wirewatch.serde.AvroSerde;
import io.wirewatch.serde.MockSchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichProductionHandlerTest {

    private final String scope = "production-handler-" + UUID.randomUUID();
    private AvroSerde<DeadLetter> serde;
    private EnrichProductionHandler handler;

    /** The input being processed when the output failed: news.raw partition 2, offset 41. */
    private static final ErrorHandlerContext CONTEXT = new ErrorHandlerContext() {
        @Override
        public String topic() {
            return "news.raw";
        }

        @Override
        public int partition() {
            return 2;
        }

        @Override
        public long offset() {
            return 41;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "enriched-sink";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 2);
        }

        @Override
        public long timestamp() {
            return 0;
        }

        @Override
        public byte[] sourceRawKey() {
            return "story-41".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] sourceRawValue() {
            return new byte[] {0, 0, 0, 0, 1, 42};
        }
    };

    @BeforeEach
    void configure() {
        Map<String, Object> config = Map.of("schema.registry.url", "mock://" + scope);
        serde = AvroSerde.specific(DeadLetter.class, config, false);
        DeadLetterRouter router = new DeadLetterRouter("news.deadletter", serde.serializer(), "enrich-1", 1024,
                EnrichMetrics.noop(), new MutableClock(Instant.parse("2024-05-01T00:00:00Z")));
        handler = new EnrichProductionHandler();
        handler.configure(Map.of(DeadLetterRouter.CONFIG_KEY, router));
    }

    @AfterEach
    void close() {
        serde.close();
        MockSchemaRegistry.dropScope(scope);
    }

    private DeadLetter only(Response response) {
        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
        ProducerRecord<byte[], byte[]> record = response.deadLetterQueueRecords().get(0);
        assertThat(record.topic()).isEqualTo("news.deadletter");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("story-41");
        return serde.deserializer().deserialize("news.deadletter", record.value());
    }

    @Test
    void outputTheRegistryRefusesIsDeadLetteredWithTheInputBytes() {
        Response response = handler.handleSerializationError(CONTEXT,
                new ProducerRecord<>("news.enriched", "story-41", "value"),
                new SerializationException("schema incompatible with subject news.enriched-value"),
                SerializationExceptionOrigin.VALUE);

        DeadLetter letter = only(response);
        assertThat(letter.getReasonCode()).isEqualTo("SCHEMA");
        assertThat(letter.getMessage()).startsWith("news.raw-2@41 (story 'story-41'): the value of the output for "
                + "topic news.enriched cannot be serialized").contains("compatibility");
        assertThat(letter.getOriginal().array()).containsExactly(0, 0, 0, 0, 1, 42);
    }

    @Test
    void outputTooLargeForTheBrokerIsDeadLetteredWithAdvice() {
        Response response = handler.handleError(CONTEXT, new ProducerRecord<>("news.enriched",
                "story-41".getBytes(StandardCharsets.UTF_8), new byte[10]), new RecordTooLargeException("too big"));

        DeadLetter letter = only(response);
        assertThat(letter.getReasonCode()).isEqualTo("TOO_LARGE");
        assertThat(letter.getMessage()).contains("max.message.bytes");
    }

    @Test
    void retriableSendErrorIsRetriedAndFatalOneFails() {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("news.enriched", new byte[1], new byte[1]);

        assertThat(handler.handleError(CONTEXT, record, new NotEnoughReplicasException("isr")).result())
                .isEqualTo(Result.RETRY);
        assertThat(handler.handleError(CONTEXT, record, new TopicAuthorizationException("no")).result())
                .isEqualTo(Result.FAIL);
    }
}
