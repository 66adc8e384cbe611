package io.wirewatch.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.platform.config.WirewatchConfig;
import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaExtension.class)
class TopicProvisionerIT {

    @Test
    void provisioningTwiceCreatesEverythingOnceThenChangesNothing(TestKafka kafka) {
        TopicCatalog catalog = catalog(TestKafka.uniqueName("prov"));
        TopicProvisioner provisioner = new TopicProvisioner(kafka.admin(), Duration.ofSeconds(30));

        ProvisioningReport first = provisioner.provision(catalog.all());
        ProvisioningReport second = provisioner.provision(catalog.all());

        assertThat(first.created()).hasSize(9);
        assertThat(first.drift()).isEmpty();
        assertThat(second.changedNothing()).isTrue();
        assertThat(second.unchanged()).containsExactlyInAnyOrderElementsOf(first.created());
        assertThat(second.drift()).isEmpty();
    }

    @Test
    void anIdempotentProducerStartingTheMomentProvisioningReturnsHasEveryRecordAcknowledged(TestKafka kafka)
            throws Exception {
        TopicCatalog catalog = catalog(TestKafka.uniqueName("ready"));
        new TopicProvisioner(kafka.admin(), Duration.ofSeconds(30)).provision(catalog.all());

        Map<String, Object> config = new HashMap<>(kafka.producerConfig());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int n = 0; n < 500; n++) {
                acks.add(producer.send(new ProducerRecord<>(catalog.raw().name(), n % 2, "k" + n, "v" + n)));
            }
            producer.flush();
        }
        for (Future<RecordMetadata> ack : acks) {
            assertThat(ack.get(30, TimeUnit.SECONDS).offset()).isNotNegative();
        }
    }

    @Test
    void aTopicChangedBySomeoneElseIsReportedNotReverted(TestKafka kafka) throws Exception {
        TopicCatalog catalog = catalog(TestKafka.uniqueName("drift"));
        TopicProvisioner provisioner = new TopicProvisioner(kafka.admin(), Duration.ofSeconds(30));
        provisioner.provision(List.of(catalog.raw()));
        ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, catalog.raw().name());
        kafka.admin().incrementalAlterConfigs(Map.of(raw, List.of(new AlterConfigOp(
                new ConfigEntry("retention.ms", "1000"), AlterConfigOp.OpType.SET)))).all().get();
        // The controller acknowledges the change before the broker has applied it; describeConfigs reads the broker.
        await().atMost(Duration.ofSeconds(30)).until(() -> retentionMs(kafka, raw).equals("1000"));

        ProvisioningReport report = provisioner.provision(List.of(catalog.raw()));

        assertThat(report.drift()).singleElement().satisfies(d -> {
            assertThat(d.setting()).isEqualTo("retention.ms");
            assertThat(d.actual()).isEqualTo("1000");
        });
        assertThat(retentionMs(kafka, raw)).isEqualTo("1000");
    }

    private static String retentionMs(TestKafka kafka, ConfigResource topic) throws Exception {
        return kafka.admin().describeConfigs(List.of(topic)).all().get().get(topic).get("retention.ms").value();
    }

    private static TopicCatalog catalog(String prefix) {
        return TopicCatalog.from(new WirewatchConfig(WirewatchConfig.commonDef(0), Map.of(
                "topic.raw", prefix + ".raw",
                "topic.enriched", prefix + ".enriched",
                "topic.enriched.prefix", prefix + ".enriched.",
                "topic.trends", prefix + ".trends",
                "topic.deadletter", prefix + ".deadletter",
                "topics.partitions", "2")));
    }
}
