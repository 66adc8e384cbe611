package io.wirewatch.registry;

import static io.wirewatch.registry.TestSchemas.DISPATCH_INCOMPATIBLE;
import static io.wirewatch.registry.TestSchemas.DISPATCH_V1;
import static io.wirewatch.registry.TestSchemas.DISPATCH_V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.avro.RawStory;
import io.wirewatch.schemas.ExampleRecords;
import io.wirewatch.serde.AvroSerde;
import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.serde.RegistryException;
import io.wirewatch.serde.RestSchemaRegistryClient;
import io.wirewatch.serde.SchemaRegistryClient;
import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.TestKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The project's REST client and serde against the real registry, with basic auth on: failover past a dead URL, 4xx
 * answers surfaced with Confluent's codes and not retried, credentials from basic.auth.user.info.
 */
@ExtendWith(KafkaExtension.class)
class RegistryClientIT {

    private static RegistryServer registry;

    @BeforeAll
    static void startRegistry(TestKafka kafka) {
        Map<String, Object> settings = Registries.settings(kafka, TestKafka.uniqueName("_schemas-client"));
        settings.put(RegistryConfig.AUTH_USERS, "reader:s3cret,writer:pa:ss");
        registry = Registries.start(settings);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private static Map<String, Object> clientConfig(String urls) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, urls);
        config.put(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
        config.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, "writer:pa:ss");
        config.put(AvroSerdeConfig.RETRY_BACKOFF_MS, 10L);
        config.put(AvroSerdeConfig.MAX_RETRIES, 2);
        config.put(AvroSerdeConfig.REQUEST_TIMEOUT_MS, 5_000);
        return config;
    }

    private static String deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void theClientFailsOverPastADeadFirstUrl() throws IOException {
        try (SchemaRegistryClient client = new RestSchemaRegistryClient(new AvroSerdeConfig(
                clientConfig(deadUrl() + "," + registry.url())))) {
            int id = client.register("failover-value", DISPATCH_V1);

            assertThat(client.getById(id)).isEqualTo(DISPATCH_V1);
            assertThat(client.getLatest("failover-value").id()).isEqualTo(id);
            assertThat(client.getAllSubjects()).contains("failover-value");
        }
    }

    @Test
    void registryVerdictsSurfaceWithTheirCodes() {
        try (SchemaRegistryClient client = new RestSchemaRegistryClient(new AvroSerdeConfig(
                clientConfig(registry.url())))) {
            client.register("verdict-value", DISPATCH_V1);

            assertThatThrownBy(() -> client.register("verdict-value", DISPATCH_INCOMPATIBLE))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.errorCode()).isEqualTo(409);
                    });
            assertThatThrownBy(() -> client.getVersion("verdict-value", 9))
                    .isInstanceOfSatisfying(RegistryException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(RegistryException.VERSION_NOT_FOUND));
            assertThat(client.testCompatibility("verdict-value", DISPATCH_V2)).isTrue();
            assertThat(client.testCompatibility("verdict-value", DISPATCH_INCOMPATIBLE)).isFalse();
            assertThat(client.testCompatibility("brand-new-value", DISPATCH_INCOMPATIBLE)).isTrue();
            client.updateCompatibility("verdict-value", "NONE");
            assertThat(client.getCompatibility("verdict-value")).isEqualTo("NONE");
            assertThat(client.deleteSubject("verdict-value", false)).containsExactly(1);
        }
    }

    @Test
    void wrongOrMissingCredentialsAnswer401ButHealthStaysOpen() {
        RegistryHttp anonymous = new RegistryHttp(registry.url());
        RegistryHttp wrong = anonymous.withBasicAuth("reader", "guess");

        RegistryHttp.Answer refused = anonymous.get("/subjects");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo(401);
        assertThat(wrong.get("/subjects").status()).isEqualTo(401);
        assertThat(anonymous.withBasicAuth("reader", "s3cret").get("/subjects").status()).isEqualTo(200);
        assertThat(anonymous.get("/health/ready").status()).isEqualTo(200);
        assertThat(anonymous.get("/metrics").status()).isEqualTo(200);

        Map<String, Object> noCredentials = clientConfig(registry.url());
        noCredentials.remove(AvroSerdeConfig.BASIC_AUTH_USER_INFO);
        noCredentials.put(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL");
        try (SchemaRegistryClient client = new RestSchemaRegistryClient(new AvroSerdeConfig(noCredentials))) {
            assertThatThrownBy(client::getAllSubjects).isInstanceOfSatisfying(RegistryException.class, e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.getMessage()).contains("basic.auth.user.info");
            });
        }
    }

    @Test
    void credentialsInTheUrlWorkToo() {
        String url = registry.url().replace("http://", "http://reader:s3cret@");
        Map<String, Object> config = clientConfig(url);
        config.put(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL");

        try (SchemaRegistryClient client = new RestSchemaRegistryClient(new AvroSerdeConfig(config))) {
            assertThat(client.getCompatibility(null)).isEqualTo("BACKWARD");
        }
    }

    @Test
    void theSerdeRoundTripsThroughTheRegistry() throws IOException {
        Map<String, Object> config = clientConfig(deadUrl() + "," + registry.url());
        try (AvroSerde<RawStory> serde = AvroSerde.specific(RawStory.class, config, false)) {
            RawStory story = ExampleRecords.rawStory("client-it-1");

            byte[] bytes = serde.serializer().serialize("client.raw", story);

            assertThat(serde.deserializer().deserialize("client.raw", bytes)).isEqualTo(story);
            RegistryHttp http = new RegistryHttp(registry.url()).withBasicAuth("reader", "s3cret");
            assertThat(http.get("/subjects/client.raw-value/versions").text()).isEqualTo("[1]");
        }
    }
}
