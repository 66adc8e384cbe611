package io.wirewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retry and failover rules of the REST client, against a scripted HTTP server on the loopback interface. */
class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA = SchemaBuilder.record("Probe").namespace("t").fields()
            .requiredString("name").endRecord();

    /** An HTTP server that answers each request with the next scripted reply and records what it got. */
    private static final class ScriptedRegistry implements AutoCloseable {
        private record Reply(int status, String body) {
        }

        private final HttpServer server;
        private final Deque<Reply> replies = new ArrayDeque<>();
        private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
        private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

        ScriptedRegistry() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::answer);
            server.start();
        }

        ScriptedRegistry then(int status, String body) {
            replies.add(new Reply(status, body));
            return this;
        }

        private synchronized void answer(HttpExchange exchange) throws IOException {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            Reply reply = replies.isEmpty() ? new Reply(500, "{\"error_code\":50001,\"message\":\"unscripted\"}")
                    : replies.poll();
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private final List<ScriptedRegistry> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(ScriptedRegistry::close);
    }

    private ScriptedRegistry server() throws IOException {
        ScriptedRegistry server = new ScriptedRegistry();
        servers.add(server);
        return server;
    }

    private static RestSchemaRegistryClient client(String urls, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, urls);
        config.put(AvroSerdeConfig.MAX_RETRIES, 2);
        config.put(AvroSerdeConfig.RETRY_BACKOFF_MS, 1L);
        config.put(AvroSerdeConfig.RETRY_BACKOFF_MAX_MS, 5L);
        config.put(AvroSerdeConfig.REQUEST_TIMEOUT_MS, 2_000);
        return new RestSchemaRegistryClient(new AvroSerdeConfig(config));
    }

    private static String deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void serverErrorsAreRetriedUntilAnAnswerComes() throws IOException {
        ScriptedRegistry registry = server()
                .then(503, "{\"error_code\":50003,\"message\":\"busy\"}")
                .then(500, "{\"error_code\":50001,\"message\":\"store\"}")
                .then(200, "{\"id\":42}");

        int id = client(registry.url(), Map.of()).register("s-value", SCHEMA);

        assertThat(id).isEqualTo(42);
        assertThat(registry.requests).containsExactly("POST /subjects/s-value/versions",
                "POST /subjects/s-value/versions", "POST /subjects/s-value/versions");
    }

    @Test
    void clientErrorsAreNeverRetriedAndCarryTheRegistrysCode() throws IOException {
        ScriptedRegistry registry = server().then(404, "{\"error_code\":40401,\"message\":\"Subject 's' not found.\"}");

        assertThatThrownBy(() -> client(registry.url(), Map.of()).getLatest("s"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40401);
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.getMessage()).contains("Subject 's' not found.");
                });
        assertThat(registry.requests).hasSize(1);
    }

    @Test
    void aDeadFirstUrlFailsOverAndTheLiveOneIsPreferredAfterwards() throws IOException {
        ScriptedRegistry registry = server().then(200, "[\"a\"]").then(200, "[\"a\",\"b\"]");
        RestSchemaRegistryClient client = client(deadUrl() + "," + registry.url(), Map.of());

        assertThat(client.getAllSubjects()).containsExactly("a");
        assertThat(client.getAllSubjects()).containsExactly("a", "b");
        assertThat(registry.requests).hasSize(2);
    }

    @Test
    void failoverAlsoHappensOnServerErrors() throws IOException {
        ScriptedRegistry sick = server().then(503, "{\"error_code\":50003,\"message\":\"no leader\"}");
        ScriptedRegistry healthy = server().then(200, "{\"compatibilityLevel\":\"FULL\"}");

        assertThat(client(sick.url() + "," + healthy.url(), Map.of()).getCompatibility(null)).isEqualTo("FULL");
        assertThat(sick.requests).hasSize(1);
        assertThat(healthy.requests).containsExactly("GET /config");
    }

    @Test
    void whenNoRegistryAnswersTheErrorNamesEveryUrlAndWhatToCheck() throws IOException {
        String dead = deadUrl();

        assertThatThrownBy(() -> client(dead, Map.of()).getById(1))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(RegistryException.UNREACHABLE);
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.getMessage()).contains(dead).contains("3 attempt(s)")
                            .contains("schema.registry.url");
                });
    }

    @Test
    void anAnswerThatIsNotJsonIsReportedNotRetried() throws IOException {
        ScriptedRegistry proxy = server().then(200, "<html>login page</html>");

        assertThatThrownBy(() -> client(proxy.url(), Map.of()).getAllSubjects())
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.getMessage())
                        .contains("not JSON").contains("login page"));
        assertThat(proxy.requests).hasSize(1);
    }

    @Test
    void credentialsFromUserInfoAreSentAndA401SaysWhatToSet() throws IOException {
        ScriptedRegistry registry = server().then(200, "[]")
                .then(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
        RestSchemaRegistryClient withCredentials = client(registry.url(), Map.of(
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "ann:pw"));
        RestSchemaRegistryClient without = client(registry.url(), Map.of());

        withCredentials.getAllSubjects();
        assertThatThrownBy(without::getAllSubjects).hasMessageContaining("basic.auth.user.info");
        assertThat(registry.authorizations.get(0)).isEqualTo("Basic YW5uOnB3");
        assertThat(registry.authorizations.get(1)).isEqualTo("null");
    }

    @Test
    void subjectsAreEncodedInThePath() throws IOException {
        ScriptedRegistry registry = server().then(200, "[1]");

        client(registry.url(), Map.of()).getAllVersions("a b/c");

        assertThat(registry.requests).containsExactly("GET /subjects/a%20b%2Fc/versions");
    }
}
