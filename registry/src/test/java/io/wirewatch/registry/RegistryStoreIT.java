package io.wirewatch.registry;

import static io.wirewatch.registry.TestSchemas.BULLETIN;
import static io.wirewatch.registry.TestSchemas.DISPATCH_V1;
import static io.wirewatch.registry.TestSchemas.DISPATCH_V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wirewatch.registry.RegistryHttp.Answer;
import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store topic: durability across restarts, one id under concurrency, Confluent's format, single writer. */
@ExtendWith(KafkaExtension.class)
class RegistryStoreIT {

    private final TestKafka kafka;

    RegistryStoreIT(TestKafka kafka) {
        this.kafka = kafka;
    }

    @Test
    void aRestartKeepsEverySubjectVersionIdAndLevel() {
        String topic = TestKafka.uniqueName("_schemas-restart");
        List<String> before = new ArrayList<>();
        try (RegistryServer first = Registries.start(kafka, topic)) {
            RegistryHttp http = new RegistryHttp(first.url());
            http.register("orders-value", DISPATCH_V1);
            http.register("orders-value", DISPATCH_V2);
            http.register("bulletins-value", BULLETIN);
            http.register("gone-value", DISPATCH_V1);
            http.delete("/subjects/gone-value");
            http.delete("/subjects/orders-value/versions/1");
            http.put("/config/bulletins-value", "{\"compatibility\":\"FULL\"}");
            http.put("/config", "{\"compatibility\":\"FORWARD\"}");
            before.addAll(snapshot(http));
        }

        try (RegistryServer second = Registries.start(kafka, topic)) {
            RegistryHttp http = new RegistryHttp(second.url());

            assertThat(snapshot(http)).containsExactlyElementsOf(before);
            assertThat(http.register("next-value", TestSchemas.DISPATCH_INCOMPATIBLE))
                    .as("ids go on after the highest one read back").isEqualTo(4);
        }
    }

    /** Everything a client can read, as comparable lines. */
    private static List<String> snapshot(RegistryHttp http) {
        List<String> lines = new ArrayList<>();
        lines.add("subjects " + http.get("/subjects?deleted=true").text());
        http.get("/subjects?deleted=true").json().forEach(s -> {
            String subject = s.asText();
            lines.add(subject + " versions " + http.get("/subjects/" + subject + "/versions?deleted=true").text());
            http.get("/subjects/" + subject + "/versions?deleted=true").json().forEach(v -> lines.add(subject + " v"
                    + v.asInt() + " " + http.get("/subjects/" + subject + "/versions/" + v.asInt() + "?deleted=true")
                    .text()));
            lines.add(subject + " live " + http.get("/subjects/" + subject + "/versions").text());
            lines.add(subject + " config " + http.get("/config/" + subject).text());
        });
        lines.add("config " + http.get("/config").text());
        for (int id = 1; id <= 3; id++) {
            lines.add("id " + id + " " + http.get("/schemas/ids/" + id).text());
        }
        return lines;
    }

    @Test
    void eightThreadsRegisteringTheSameSchemaAtOnceGetOneId() throws Exception {
        try (RegistryServer registry = Registries.start(kafka, TestKafka.uniqueName("_schemas-race"))) {
            RegistryHttp http = new RegistryHttp(registry.url());
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> ids = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Callable<Integer> register = () -> {
                        go.await();
                        return http.register("race-value", DISPATCH_V1);
                    };
                    ids.add(pool.submit(register));
                }
                go.countDown();

                List<Integer> answers = new ArrayList<>();
                for (Future<Integer> id : ids) {
                    answers.add(id.get(60, TimeUnit.SECONDS));
                }
                assertThat(answers).hasSize(8).containsOnly(answers.get(0));
                assertThat(http.get("/subjects/race-value/versions").text()).isEqualTo("[1]");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theStoreTopicHoldsConfluentsRecordFormat() {
        String topic = TestKafka.uniqueName("_schemas-format");
        try (RegistryServer registry = Registries.start(kafka, topic)) {
            RegistryHttp http = new RegistryHttp(registry.url());
            int id = http.register("fmt-value", DISPATCH_V1);
            http.put("/config", "{\"compatibility\":\"FULL\"}");
            http.put("/mode/fmt-value", "{\"mode\":\"READONLY\"}");
            http.delete("/mode/fmt-value");
            http.delete("/subjects/fmt-value");
            http.delete("/subjects/fmt-value?permanent=true");

            List<String> records = kafka.readAll(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                    Duration.ofSeconds(20)).stream().map(RegistryStoreIT::line).toList();

            String schema = DISPATCH_V1.toString().replace("\"", "\\\"");
            assertThat(records).containsExactly(
                    "{\"keytype\":\"SCHEMA\",\"subject\":\"fmt-value\",\"version\":1,\"magic\":1} {\"subject\":"
                            + "\"fmt-value\",\"version\":1,\"id\":" + id + ",\"schema\":\"" + schema
                            + "\",\"deleted\":false}",
                    "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0} {\"compatibilityLevel\":\"FULL\"}",
                    "{\"keytype\":\"MODE\",\"subject\":\"fmt-value\",\"magic\":0} {\"mode\":\"READONLY\"}",
                    "{\"keytype\":\"MODE\",\"subject\":\"fmt-value\",\"magic\":0} null",
                    "{\"keytype\":\"SCHEMA\",\"subject\":\"fmt-value\",\"version\":1,\"magic\":1} {\"subject\":"
                            + "\"fmt-value\",\"version\":1,\"id\":" + id + ",\"schema\":\"" + schema
                            + "\",\"deleted\":true}",
                    "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"fmt-value\",\"magic\":0} {\"subject\":"
                            + "\"fmt-value\",\"version\":1}",
                    "{\"keytype\":\"SCHEMA\",\"subject\":\"fmt-value\",\"version\":1,\"magic\":1} null");
        }
    }

    private static String line(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8) + " "
                + (record.value() == null ? "null" : new String(record.value(), StandardCharsets.UTF_8));
    }

    @Test
    void aLogWrittenByAConfluentRegistryReadsTheSame() throws Exception {
        String topic = TestKafka.uniqueName("_schemas-confluent");
        kafka.createTopic(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")));
        String dispatch = DISPATCH_V1.toString().replace("\"", "\\\"");
        String bulletin = BULLETIN.toString().replace("\"", "\\\"");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.producerConfig(),
                new StringSerializer(), new StringSerializer())) {
            send(producer, topic, "{\"keytype\":\"NOOP\",\"magic\":0}", null);
            send(producer, topic, "{\"keytype\":\"SCHEMA\",\"subject\":\"a-value\",\"version\":1,\"magic\":1}",
                    "{\"subject\":\"a-value\",\"version\":1,\"id\":7,\"schema\":\"" + dispatch
                            + "\",\"deleted\":false,\"md5\":\"x\"}");
            send(producer, topic, "{\"keytype\":\"SCHEMA\",\"subject\":\"b-value\",\"version\":1,\"magic\":1}",
                    "{\"subject\":\"b-value\",\"version\":1,\"id\":9,\"schema\":\"" + bulletin
                            + "\",\"deleted\":false}");
            send(producer, topic, "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"b-value\",\"magic\":0}",
                    "{\"subject\":\"b-value\",\"version\":1}");
            send(producer, topic, "{\"keytype\":\"SCHEMA\",\"subject\":\"c-value\",\"version\":1,\"magic\":1}",
                    "{\"subject\":\"c-value\",\"version\":1,\"id\":11,\"schemaType\":\"PROTOBUF\","
                            + "\"schema\":\"syntax = \\\"proto3\\\";\",\"deleted\":false}");
            send(producer, topic, "{\"keytype\":\"CONFIG\",\"magic\":0}", "{\"compatibilityLevel\":\"NONE\"}");
            send(producer, topic, "{\"keytype\":\"CONFIG\",\"subject\":\"a-value\",\"magic\":0}",
                    "{\"subject\":\"a-value\",\"compatibilityLevel\":\"FULL\"}");
            send(producer, topic, "{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".\",\"magic\":0}",
                    "{}");
            send(producer, topic, "not json at all", "{}");
            producer.flush();
        }

        try (RegistryServer registry = Registries.start(kafka, topic)) {
            RegistryHttp http = new RegistryHttp(registry.url());

            assertThat(http.get("/subjects").text()).isEqualTo("[\"a-value\"]");
            assertThat(http.get("/subjects/a-value/versions/1").json().path("id").asInt()).isEqualTo(7);
            assertThat(http.get("/subjects/b-value/versions?deleted=true").text()).isEqualTo("[1]");
            assertThat(http.get("/schemas/ids/9").status()).isEqualTo(200);
            assertThat(http.get("/schemas/ids/11").status()).as("not Avro: skipped").isEqualTo(404);
            assertThat(http.get("/config").json().path("compatibilityLevel").asText()).isEqualTo("NONE");
            assertThat(http.get("/config/a-value").json().path("compatibilityLevel").asText()).isEqualTo("FULL");
            assertThat(http.register("d-value", DISPATCH_V2)).as("new ids follow the highest").isEqualTo(10);
            assertThat(http.get("/metrics").text()).contains("registry_store_unreadable_records{")
                    .containsPattern("registry_store_unreadable_records\\{[^}]*} 1\\.0");
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, 0, key, value)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSecondInstanceFencesTheFirstWhichThenServesReadsOnly() {
        String topic = TestKafka.uniqueName("_schemas-fence");
        try (RegistryServer first = Registries.start(kafka, topic)) {
            RegistryHttp old = new RegistryHttp(first.url());
            old.register("before-value", DISPATCH_V1);
            try (RegistryServer second = Registries.start(kafka, topic)) {
                RegistryHttp current = new RegistryHttp(second.url());
                int id = current.register("after-value", BULLETIN);

                Answer refused = old.postSchema("/subjects/late-value/versions", DISPATCH_V2);

                assertThat(refused.status()).isEqualTo(500);
                assertThat(refused.errorCode()).isEqualTo(50001);
                assertThat(refused.json().path("message").asText()).contains("fenced");
                assertThat(first.writable()).isFalse();
                assertThat(old.get("/health/live").status()).isEqualTo(503);
                assertThat(second.writable()).isTrue();
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(old.get("/subjects/after-value/versions/1").json().path("id").asInt())
                                .as("the fenced instance still follows the log").isEqualTo(id));
            }
        }
    }

    @Test
    void refusesToStartOnAStoreTopicThatIsNotCompacted() {
        String topic = TestKafka.uniqueName("_schemas-delete");
        kafka.createTopic(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "delete")));

        assertThatThrownBy(() -> Registries.start(kafka, topic))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(topic).hasMessageContaining("cleanup.policy=delete")
                .hasMessageContaining("cleanup.policy=compact");
    }

    @Test
    void refusesToStartOnAStoreTopicWithSeveralPartitions() {
        String topic = TestKafka.uniqueName("_schemas-wide");
        kafka.createTopic(new NewTopic(topic, 3, (short) 1).configs(Map.of("cleanup.policy", "compact")));

        assertThatThrownBy(() -> Registries.start(kafka, topic))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3 partitions");
    }

    @Test
    void createsAMissingStoreTopicCompactedWithOnePartition() throws Exception {
        String topic = TestKafka.uniqueName("_schemas-new");
        try (RegistryServer registry = Registries.start(kafka, topic)) {
            TopicDescription description = kafka.admin().describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic);
            Config config = kafka.admin().describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC,
                    topic))).all().get().values().iterator().next();

            assertThat(description.partitions()).hasSize(1);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }
}
