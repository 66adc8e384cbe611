package io.wirewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wirewatch.enrich.EnrichConfig;
import io.wirewatch.ingest.IngestConfig;
import io.wirewatch.platform.config.ConfigLoader;
import io.wirewatch.platform.config.WirewatchConfig;
import io.wirewatch.sink.SinkConfig;
import io.wirewatch.testkit.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment files are checked without a Docker engine: Compose's own validator ({@code docker-compose config},
 * Debian's package, installed by {@code scripts/install-test-deps.sh}) must accept the file, and what it resolves
 * must make sense to wirewatch: every service runs a real wirewatch command, every {@code WIREWATCH_*} variable sets a
 * setting that service knows, and every service has a healthcheck.
 */
class DockerComposeIT {

    private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml").toAbsolutePath().normalize();
    private static JsonNode resolved;

    @BeforeAll
    static void resolveWithComposeItself() throws Exception {
        assumeTrue(Processes.succeeds("docker-compose", "version"),
                "skipped: docker-compose (Debian package) is not installed; scripts/install-test-deps.sh installs it");
        Processes.Result config = Processes.run(COMPOSE_FILE.getParent(), Duration.ofSeconds(60), Map.of(),
                "docker-compose", "-f", COMPOSE_FILE.toString(), "config");
        assertThat(config.exit()).as("docker-compose config:%n%s", config.output()).isZero();
        resolved = new ObjectMapper(new YAMLFactory()).readTree(config.stdout());
    }

    @Test
    void composeAcceptsTheFileAndItHoldsTheWholeStack() {
        List<String> services = new ArrayList<>();
        resolved.path("services").fieldNames().forEachRemaining(services::add);

        assertThat(services).contains("kafka", "schema-registry", "postgres", "topics", "ingest", "enrich", "sink");
        assertThat(resolved.at("/services/kafka/image").asText()).startsWith("apache/kafka:");
        assertThat(resolved.at("/services/schema-registry/image").asText())
                .startsWith("confluentinc/cp-schema-registry:");
    }

    @Test
    void everyWirewatchServiceRunsARealCommandAndHasAHealthcheck() {
        Set<String> commands = Wirewatch.commandLine().getSubcommands().keySet();
        for (String service : List.of("topics", "ingest", "enrich", "sink")) {
            JsonNode command = resolved.at("/services/" + service + "/command");
            assertThat(commands).as("command of %s", service).contains(command.get(0).asText());
            if (!service.equals("topics")) {
                assertThat(resolved.at("/services/" + service + "/healthcheck/test").toString())
                        .as("healthcheck of %s", service).contains("/health/ready");
            }
        }
    }

    @Test
    void everyWirewatchVariableSetsASettingTheServiceKnows() {
        Map<String, ConfigDef> definitions = Map.of(
                "topics", WirewatchConfig.commonDef(0),
                "ingest", IngestConfig.CONFIG_DEF,
                "enrich", EnrichConfig.CONFIG_DEF,
                "sink", SinkConfig.CONFIG_DEF);
        Set<String> kafkaKeys = new HashSet<>(ProducerConfig.configNames());
        kafkaKeys.addAll(ConsumerConfig.configNames());
        kafkaKeys.addAll(AdminClientConfig.configNames());
        kafkaKeys.addAll(StreamsConfig.configDef().names());
        definitions.forEach((service, definition) -> resolved.at("/services/" + service + "/environment")
                .fieldNames().forEachRemaining(variable -> {
                    if (variable.startsWith(ConfigLoader.ENV_PREFIX)) {
                        String key = ConfigLoader.envToKey(variable);
                        assertThat(definition.names().contains(key) || kafkaKeys.contains(key))
                                .as("%s of service %s sets '%s', which it does not know", variable, service, key)
                                .isTrue();
                    }
                }));
    }
}
