package io.wirewatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirewatch.avro.RawStory;
import io.wirewatch.schemas.ExampleRecords;
import io.wirewatch.serde.AvroSerde;
import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.serde.SchemaRegistryClients;
import io.wirewatch.testkit.InteropTools;
import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.Processes;
import io.wirewatch.testkit.TestKafka;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Independent interop check: third-party Confluent clients ({@code ../shared/tools/interop}: Confluent's own JS
 * registry client and serde, {@code @kafkajs/confluent-schema-registry}, kafkajs, and the Python
 * {@code confluent_kafka} client when {@code scripts/install-test-deps.sh} installed it) against our broker and
 * registry. Runs their {@code test/e2e.sh}, and crosses serdes both ways. The tools are copied to
 * {@code target/interop} and installed there from npm; {@code ../shared} is never written.
 */
@ExtendWith(KafkaExtension.class)
class InteropIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    private static Path tools;
    private static RegistryServer registry;
    private static String bootstrap;
    private static TestKafka kafka;

    @BeforeAll
    static void prepare(TestKafka testKafka) throws IOException {
        kafka = testKafka;
        String[] whyNot = {""};
        Optional<InteropTools> prepared = InteropTools.prepare(Path.of("target", "interop"), r -> whyNot[0] = r);
        assumeTrue(prepared.isPresent(), whyNot[0]);
        tools = prepared.get().dir();
        bootstrap = kafka.bootstrapServers();
        registry = Registries.start(kafka, TestKafka.uniqueName("_schemas-interop"));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void theThirdPartyEndToEndSuitePassesAgainstOurBrokerAndRegistry() throws IOException {
        Processes.Result e2e = run(tools, RUN_TIMEOUT, Map.of("BOOTSTRAP", bootstrap,
                "REGISTRY_URL", registry.url()),
                "bash", "test/e2e.sh");
        Files.writeString(Path.of("target", "interop-e2e.log"), e2e.output());

        List<String> lines = e2e.output().lines().filter(l -> !l.isBlank()).toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        assertThat(last).as("e2e.sh output:\n%s", e2e.output()).matches("[1-9]\\d* passed, 0 failed");
        assertThat(e2e.exit()).isZero();
    }

    @Test
    void ourDeserializerReadsWhatTheirProducerWrote() throws IOException {
        String topic = TestKafka.uniqueName("interop-users");
        Path users = tools.resolve("test/users.jsonl");
        Processes.Result produce = run(tools, RUN_TIMEOUT, Map.of("KAFKA_CLIENT", "kafkajs"), "node", "produce-avro",
                bootstrap, registry.url(), topic, "test/user.avsc", users.toString());
        assertThat(produce.exit()).as(produce.output()).isZero();
        List<String> expected = Files.readAllLines(users).stream().filter(l -> !l.isBlank()).toList();

        List<ConsumerRecord<String, GenericRecord>> records;
        try (AvroSerde<GenericRecord> serde = AvroSerde.generic(
                SchemaRegistryClients.create(serdeConfig()), serdeConfig(), false)) {
            records = testKafka().readRecords(topic, expected.size(), new StringDeserializer(),
                    serde.deserializer(), Duration.ofSeconds(30));
        }

        assertThat(records).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            GenericRecord value = records.get(i).value();
            assertSameJson(avroJson(value.getSchema(), value, new GenericDatumWriter<>(value.getSchema(),
                    GenericData.get())), expected.get(i));
        }
    }

    @Test
    void theirConsumersReadWhatOurSerializerWrote() throws Exception {
        String topic = testKafka().createTopic(TestKafka.uniqueName("interop-raw"), 1);
        List<RawStory> stories = List.of(ExampleRecords.rawStory("interop-1"), ExampleRecords.rawStory("interop-2"),
                ExampleRecords.rawStory("interop-3"));
        try (AvroSerde<RawStory> serde = AvroSerde.specific(RawStory.class, serdeConfig(), false);
             KafkaProducer<String, RawStory> producer = new KafkaProducer<>(testKafka().producerConfig(),
                     new StringSerializer(), serde.serializer())) {
            for (RawStory story : stories) {
                producer.send(new ProducerRecord<>(topic, story.getId(), story)).get(10, TimeUnit.SECONDS);
            }
        }

        List<String> consumers = new ArrayList<>(List.of("node consume-avro"));
        if (Processes.succeeds("/usr/bin/python3", "-c", "import confluent_kafka.avro, avro")) {
            consumers.add("python consume-avro-py");
        }
        for (String consumer : consumers) {
            String[] command = consumer.equals("node consume-avro")
                    ? new String[] {"node", "consume-avro", bootstrap, registry.url(), topic, "3"}
                    : new String[] {"/usr/bin/python3", "consume-avro-py", bootstrap, registry.url(), topic, "3"};
            Processes.Result consume = run(tools, RUN_TIMEOUT, Map.of("KAFKA_CLIENT", "kafkajs", "TIMEOUT_S", "30"),
                    command);
            assertThat(consume.exit()).as("%s:\n%s", consumer, consume.output()).isZero();
            List<String> printed = consume.stdout().lines().filter(l -> l.startsWith("{")).toList();
            assertThat(printed).as(consumer).hasSize(3);
            for (int i = 0; i < stories.size(); i++) {
                RawStory story = stories.get(i);
                assertSameJson(printed.get(i), avroJson(RawStory.getClassSchema(), story,
                        new SpecificDatumWriter<>(RawStory.class)));
            }
        }
    }

    private static TestKafka testKafka() {
        return kafka;
    }

    private static Map<String, Object> serdeConfig() {
        return Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
    }

    /** The Avro JSON encoding (as the Confluent console tools print it) of a datum. */
    private static <T> String avroJson(Schema schema, T datum, DatumWriter<T> writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
        writer.write(datum, encoder);
        encoder.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Equal as JSON, numbers by value (1e300 = 1.0E300, 0 = 0.0). */
    private static void assertSameJson(String actual, String expected) throws IOException {
        JsonNode a = JSON.readTree(actual);
        JsonNode e = JSON.readTree(expected);
        Comparator<JsonNode> numbersByValue = (x, y) -> {
            if (x.isNumber() && y.isNumber()) {
                return x.decimalValue().compareTo(y.decimalValue()) == 0 ? 0 : 1;
            }
            return x.equals(y) ? 0 : 1;
        };
        assertThat(a.equals(numbersByValue, e)).as("%s%nshould equal%n%s", actual, expected).isTrue();
    }

    private static Processes.Result run(Path dir, Duration timeout, Map<String, String> env, String... command)
            throws IOException {
        return Processes.run(dir, timeout, env, command);
    }
}
