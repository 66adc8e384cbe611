package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.enrich.errors.EnrichDeserializationHandler;
import io.wirewatch.enrich.errors.EnrichProcessingHandler;
import io.wirewatch.enrich.errors.EnrichProductionHandler;
import io.wirewatch.platform.config.ConfigLoader;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

    @Test
    void defaultsAreExactlyOnceOnPort8092WithADayOfDedupAndDailyTrends() {
        EnrichConfig config = new EnrichConfig(Map.of());

        assertThat(config.applicationId()).isEqualTo("wirewatch-enrich");
        assertThat(config.getString(EnrichConfig.PROCESSING_GUARANTEE)).isEqualTo("exactly_once_v2");
        assertThat(config.httpPort()).isEqualTo(8092);
        assertThat(config.dedupWindow()).isEqualTo(Duration.ofDays(1));
        assertThat(config.trendsWindow()).isEqualTo(Duration.ofDays(1));
        assertThat(config.trendsGrace()).isEqualTo(Duration.ofDays(1));
        assertThat(config.nearDupThreshold()).isEqualTo(0.8);
        assertThat(config.taxonomyFile()).isNull();
    }

    @Test
    void streamsPropertiesSetAllErrorHandlersExplicitNamingAndOptimization() {
        Properties props = new EnrichConfig(Map.of("bootstrap.servers", "k1:9092,k2:9092")).streamsProperties();

        assertThat(props)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "wirewatch-enrich")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "k1:9092,k2:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true)
                .containsEntry(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE)
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        EnrichDeserializationHandler.class)
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, EnrichProcessingHandler.class)
                .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, EnrichProductionHandler.class)
                .containsEntry("producer.acks", "all")
                .containsEntry("producer.enable.idempotence", true);
    }

    @Test
    void exactlyOnceCommitsEvery50MillisecondsAndLingers10UnlessTold() {
        Properties exactlyOnce = new EnrichConfig(Map.of()).streamsProperties();
        Properties told = new EnrichConfig(Map.of("commit.interval.ms", "200", "linger.ms", "5"))
                .streamsProperties();
        Properties atLeastOnce = new EnrichConfig(Map.of("processing.guarantee", "at_least_once"))
                .streamsProperties();

        assertThat(exactlyOnce).containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50)
                .containsEntry("producer.linger.ms", 10);
        assertThat(told).containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200")
                .doesNotContainKey("producer.linger.ms").containsEntry("linger.ms", "5");
        assertThat(atLeastOnce).doesNotContainKeys(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "producer.linger.ms");
    }

    @Test
    void kafkaKeysPassThroughAndWirewatchKeysStayOut() {
        Properties props = new EnrichConfig(Map.of(
                "commit.interval.ms", "250",
                "streams.num.standby.replicas", "1",
                "producer.linger.ms", "20",
                "main.consumer.max.poll.records", "100",
                "security.protocol", "SSL",
                "topic.raw", "my.raw",
                "schema.registry.url", "http://registry:8081")).streamsProperties();

        assertThat(props)
                .containsEntry("commit.interval.ms", "250")
                .containsEntry("num.standby.replicas", "1")
                .containsEntry("producer.linger.ms", "20")
                .containsEntry("main.consumer.max.poll.records", "100")
                .containsEntry("security.protocol", "SSL")
                .doesNotContainKeys("topic.raw", "schema.registry.url", "streams.num.standby.replicas");
        new StreamsConfig(props);
    }

    @Test
    void environmentVariablesSetEnrichKeys() {
        Map<String, String> settings = ConfigLoader.load(null, Map.of(
                "WIREWATCH_DEDUP_WINDOW_MS", "60000",
                "WIREWATCH_PROCESSING_GUARANTEE", "at_least_once",
                "WIREWATCH_NEAR_DUP_THRESHOLD", "0.9"), Map.of());

        EnrichConfig config = new EnrichConfig(settings);

        assertThat(config.dedupWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.getString(EnrichConfig.PROCESSING_GUARANTEE)).isEqualTo("at_least_once");
        assertThat(config.nearDupThreshold()).isEqualTo(0.9);
    }

    @Test
    void unknownProcessingGuaranteeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new EnrichConfig(Map.of("processing.guarantee", "exactly_once")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("processing.guarantee");
    }
}
