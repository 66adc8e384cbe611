package io.wirewatch.sink.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.serde.AvroSerde;
import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.testkit.TestKafka;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes {@link TestStories} to an enriched topic with the project's Avro serde, waiting for every ack. */
public final class TestPublisher {

    private TestPublisher() {
    }

    /** Stories {@code from..to-1} (keys are their ids), then the raw values, each acknowledged. */
    public static void publish(TestKafka kafka, String topic, String registryUrl, int from, int to,
                               byte[]... rawValues) throws Exception {
        AvroSerde<EnrichedStory> serde = AvroSerde.specific(EnrichedStory.class,
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producerConfig(),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int n = from; n < to; n++) {
                acks.add(producer.send(new ProducerRecord<>(topic, TestStories.id(n),
                        serde.serializer().serialize(topic, TestStories.story(n)))));
            }
            for (int i = 0; i < rawValues.length; i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, "raw-" + i, rawValues[i])));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                assertThat(ack.get(30, TimeUnit.SECONDS).offset()).isNotNegative();
            }
        } finally {
            serde.close();
        }
    }
}
