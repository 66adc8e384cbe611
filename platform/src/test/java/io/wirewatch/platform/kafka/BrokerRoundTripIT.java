package io.wirewatch.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.TrendCount;
import io.wirewatch.platform.topics.ContractSerdes;
import io.wirewatch.schemas.ExampleRecords;
import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.serde.MockSchemaRegistry;
import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaExtension.class)
class BrokerRoundTripIT {

    @Test
    void tenThousandRecordsWithAcksAllArriveOnceEachInOrderPerKey(TestKafka kafka) throws Exception {
        String topic = kafka.createTopic(TestKafka.uniqueName("roundtrip"), 3);
        int count = 10_000;

        List<Future<RecordMetadata>> acks = new ArrayList<>(count);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.producerConfig(),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, "key-" + (i % 17), "value-" + i)));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                assertThat(ack.get().offset()).isNotNegative();
            }
        }

        List<ConsumerRecord<String, String>> records = kafka.readRecords(topic, count, new StringDeserializer(),
                new StringDeserializer(), Duration.ofSeconds(60));

        assertThat(records).hasSize(count);
        assertThat(records).extracting(ConsumerRecord::value).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, count).mapToObj(i -> "value-" + i).toList());
        for (int k = 0; k < 17; k++) {
            String key = "key-" + k;
            List<Integer> perKey = records.stream().filter(r -> r.key().equals(key))
                    .map(r -> Integer.parseInt(r.value().substring(6))).toList();
            assertThat(perKey).as("order of %s", key).isSorted();
        }
    }

    @Test
    void everyContractRecordTypeSurvivesTheBrokerInWireFormat(TestKafka kafka) {
        String scope = TestKafka.uniqueName("scope");
        try (ContractSerdes serdes = new ContractSerdes(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "mock://" + scope))) {
            roundTrip(kafka, serdes.rawStory(), ExampleRecords.rawStory("raw-1"), RawStory.class);
            roundTrip(kafka, serdes.enrichedStory(), ExampleRecords.enrichedStory("enriched-1"), EnrichedStory.class);
            roundTrip(kafka, serdes.deadLetter(), ExampleRecords.deadLetter(), DeadLetter.class);
            roundTrip(kafka, serdes.trendCount(), ExampleRecords.trendCount(), TrendCount.class);
        } finally {
            MockSchemaRegistry.dropScope(scope);
        }
    }

    private static <T extends SpecificRecord> void roundTrip(TestKafka kafka, Serde<T> serde, T record,
                                                             Class<T> type) {
        String topic = kafka.createTopic(TestKafka.uniqueName(type.getSimpleName()), 1);
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(kafka.producerConfig(), new StringSerializer(),
                serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, "k", record)).get();
        } catch (Exception e) {
            throw new AssertionError("producing a " + type.getSimpleName() + " failed", e);
        }

        List<ConsumerRecord<String, T>> back = kafka.readRecords(topic, 1, new StringDeserializer(),
                serde.deserializer(), Duration.ofSeconds(30));

        assertThat(back).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(record);
        });
    }
}
