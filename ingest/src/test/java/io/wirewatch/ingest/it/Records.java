package io.wirewatch.ingest.it;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.RawStory;
import io.wirewatch.serde.WireFormat;
import io.wirewatch.testkit.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads ingest's output back. Values are decoded from the Confluent wire format with the contract's own schema as
 * writer schema, so records written by another JVM (with its own in-memory registry) can be checked too.
 */
final class Records {

    private Records() {
    }

    static List<RawStory> stories(TestKafka kafka, String topic, int expected, Duration timeout) {
        return values(kafka.readRecords(topic, expected, new StringDeserializer(), new ByteArrayDeserializer(),
                timeout), RawStory.class);
    }

    static List<DeadLetter> deadLetters(TestKafka kafka, String topic, int expected, Duration timeout) {
        return values(kafka.readRecords(topic, expected, new StringDeserializer(), new ByteArrayDeserializer(),
                timeout), DeadLetter.class);
    }

    /** Every story committed on the topic now (read_committed, up to the end offsets). */
    static List<RawStory> allStories(TestKafka kafka, String topic) {
        return values(kafka.readAll(topic, new StringDeserializer(), new ByteArrayDeserializer(),
                Duration.ofSeconds(30)), RawStory.class);
    }

    /** Every dead letter committed on the topic now. */
    static List<DeadLetter> allDeadLetters(TestKafka kafka, String topic) {
        return values(kafka.readAll(topic, new StringDeserializer(), new ByteArrayDeserializer(),
                Duration.ofSeconds(30)), DeadLetter.class);
    }

    static <T extends SpecificRecord> List<T> values(List<ConsumerRecord<String, byte[]>> records, Class<T> type) {
        return records.stream().map(r -> decode(r.value(), type)).toList();
    }

    static <T extends SpecificRecord> T decode(byte[] payload, Class<T> type) {
        if (payload[0] != WireFormat.MAGIC_BYTE) {
            throw new IllegalStateException("not in the Confluent wire format: first byte " + payload[0]);
        }
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(type);
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(payload, WireFormat.HEADER_SIZE,
                    payload.length - WireFormat.HEADER_SIZE, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
