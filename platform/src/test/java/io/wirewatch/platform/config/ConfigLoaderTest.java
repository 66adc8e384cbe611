package io.wirewatch.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void laterSourcesOverrideEarlierOnes() throws IOException {
        Path file = dir.resolve("wirewatch.properties");
        Files.writeString(file, """
                bootstrap.servers=file:9092
                schema.registry.url=http://file:8081
                topic.raw=file.raw
                http.port=1111
                """);
        Map<String, String> env = Map.of(
                "WIREWATCH_SCHEMA_REGISTRY_URL", "http://env:8081",
                "WIREWATCH_TOPIC_RAW", "env.raw",
                "PATH", "/usr/bin");
        Map<String, String> flags = Map.of("topic.raw", "flag.raw");

        WirewatchConfig config = new WirewatchConfig(WirewatchConfig.commonDef(8090),
                ConfigLoader.load(file, env, flags));

        assertThat(config.bootstrapServers()).isEqualTo("file:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://env:8081");
        assertThat(config.getString(WirewatchConfig.TOPIC_RAW)).isEqualTo("flag.raw");
        assertThat(config.httpPort()).isEqualTo(1111);
        assertThat(config.getString(WirewatchConfig.TOPIC_ENRICHED)).as("default").isEqualTo("news.enriched");
    }

    @Test
    void environmentVariableNamesMapToDottedKeys() {
        assertThat(ConfigLoader.envToKey("WIREWATCH_BOOTSTRAP_SERVERS")).isEqualTo("bootstrap.servers");
        assertThat(ConfigLoader.envToKey("WIREWATCH_PRODUCER_LINGER_MS")).isEqualTo("producer.linger.ms");
        assertThat(ConfigLoader.envToKey("WIREWATCH_SOME__UNDERSCORED_KEY")).isEqualTo("some_underscored.key");
        assertThat(ConfigLoader.keyToEnv("schema.registry.url")).isEqualTo("WIREWATCH_SCHEMA_REGISTRY_URL");
    }

    @Test
    void kafkaPropertiesPassThroughAndPrefixedOnesTargetOneClient() {
        WirewatchConfig config = new WirewatchConfig(WirewatchConfig.commonDef(8090), Map.of(
                "bootstrap.servers", "b:9092",
                "security.protocol", "SSL",
                "producer.linger.ms", "50",
                "consumer.max.poll.records", "10",
                "basic.auth.credentials.source", "USER_INFO"));

        assertThat(config.producerConfig())
                .containsEntry("bootstrap.servers", "b:9092")
                .containsEntry("security.protocol", "SSL")
                .containsEntry("linger.ms", "50")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .doesNotContainKey("max.poll.records");
        assertThat(config.consumerConfig("g"))
                .containsEntry("max.poll.records", "10")
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("group.id", "g");
        assertThat(config.serdeConfig())
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("schema.registry.url", "http://localhost:8081");
    }

    @Test
    void invalidValuesNameTheKey() {
        assertThatThrownBy(() -> new WirewatchConfig(WirewatchConfig.commonDef(8090), Map.of("http.port", "seventy")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.port");
    }

    @Test
    void aMissingConfigFileIsAClearError() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.properties"), Map.of(), Map.of()))
                .hasMessageContaining("nope.properties");
    }
}
