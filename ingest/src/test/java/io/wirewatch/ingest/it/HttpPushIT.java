package io.wirewatch.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.RawStory;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.serde.MockSchemaRegistry;
import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.TestKafka;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /stories} on a running service over real HTTP, with the stories checked on the real broker. */
@ExtendWith(KafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpPushIT {

    private static final String TOKEN = "s3cret-push-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private TestSettings settings;
    private IngestService service;
    private TestKafka kafka;

    @BeforeAll
    void startService(TestKafka kafka) {
        this.kafka = kafka;
        settings = new TestSettings(kafka)
                .with("ingest.http.token", TOKEN)
                .with("ingest.http.max.body.bytes", "20000");
        service = new IngestService(settings.config());
        service.start();
    }

    @AfterAll
    void stopService() {
        service.close();
        MockSchemaRegistry.dropScope(settings.registryScope);
    }

    @Test
    void aNinjsPushIsAcceptedWithItsIdAndLandsOnNewsRaw() throws Exception {
        HttpResponse<String> response = post("/stories?source=partner-wire", "application/ninjs+json",
                sample("ninjs2-story.json"), TOKEN);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("ids")).extracting(JsonNode::asText)
                .containsExactly("urn:wirewatch:sample:kenya-uk-training-2024-02-20");
        assertThat(body.path("rejected")).isEmpty();
        List<RawStory> stories = Records.stories(kafka, settings.raw, 1, Duration.ofSeconds(20));
        assertThat(stories).filteredOn(s -> s.getId().equals("urn:wirewatch:sample:kenya-uk-training-2024-02-20"))
                .singleElement().satisfies(s -> {
                    assertThat(s.getSource()).isEqualTo("partner-wire");
                    assertThat(s.getProvenance().getLocation()).startsWith("POST /stories#");
                });
    }

    @Test
    void aJsonLinesPushReturnsTheGoodIdsAndNamesTheBadLine() throws Exception {
        String body = "{\"id\":\"push-1\",\"title\":\"One\",\"text\":\"First pushed story.\"}\n"
                + "{\"id\":\"push-2\",\"title\":\n"
                + "{\"id\":\"push-3\",\"title\":\"Three\",\"text\":\"Third pushed story.\"}\n";

        HttpResponse<String> response = post("/stories", "application/x-ndjson", utf8(body), TOKEN);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.path("ids")).extracting(JsonNode::asText).containsExactly("push-1", "push-3");
        assertThat(json.path("rejected")).singleElement().satisfies(r -> {
            assertThat(r.path("reason").asText()).isEqualTo("MALFORMED_JSON");
            assertThat(r.path("line").asLong()).isEqualTo(2);
        });
    }

    @Test
    void anUnreadableBodyIs422WithTheReasonAndBecomesADeadLetter() throws Exception {
        HttpResponse<String> response = post("/stories?source=broken-wire", "application/json",
                utf8("{\"uri\": \"x\", \"headline\": "), TOKEN);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.path("error").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(json.path("message").asText()).contains("POST /stories#").contains("not valid JSON");
        List<DeadLetter> letters = Records.allDeadLetters(kafka, settings.deadLetter);
        assertThat(letters).filteredOn(l -> "broken-wire".equals(l.getOrigin().getSource())).singleElement()
                .satisfies(l -> {
                    assertThat(l.getReasonCode()).isEqualTo("MALFORMED_JSON");
                    assertThat(l.getOrigin().getUrl()).startsWith("POST /stories#");
                    assertThat(new String(l.getOriginal().array(), StandardCharsets.UTF_8))
                            .isEqualTo("{\"uri\": \"x\", \"headline\": ");
                });
    }

    @Test
    void requestsWithoutTheTokenAre401AndSendNothing() throws Exception {
        HttpResponse<String> none = post("/stories", "text/plain", utf8("Headline: x\n\nBody."), null);
        HttpResponse<String> wrong = post("/stories", "text/plain", utf8("Headline: x\n\nBody."), "guess");

        assertThat(List.of(none, wrong)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("Bearer"));
        });
    }

    @Test
    void anOversizedBodyIs413NamingTheLimit() throws Exception {
        HttpResponse<String> response = post("/stories", "text/plain", new byte[30_000], TOKEN);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("message").asText()).contains("20000")
                .contains("ingest.http.max.body.bytes");
    }

    @Test
    void anUnsupportedContentTypeIs415AndABadFormatIs400() throws Exception {
        HttpResponse<String> image = post("/stories", "image/png", new byte[] {1, 2, 3}, TOKEN);
        HttpResponse<String> format = post("/stories?format=pdf", "text/plain", utf8("x"), TOKEN);

        assertThat(image.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(image.body()).path("error").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(format.body()).path("error").asText()).isEqualTo("BAD_FORMAT");
    }

    @Test
    void healthIsUpAndMetricsCountStoriesBySourceAndFormat() throws Exception {
        post("/stories?source=metrics-wire", "application/atom+xml", sample("atom-feed.xml"), TOKEN);

        HttpResponse<String> ready = get("/health/ready");
        HttpResponse<String> metrics = get("/metrics");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body()).path("checks").path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(metrics.body()).containsPattern(
                "wirewatch_ingest_stories_total\\{[^}]*format=\"ATOM\"[^}]*source=\"metrics-wire\"[^}]*} 1.0")
                .contains("wirewatch_ingest_parse_seconds_count").contains("wirewatch_ingest_http_pushes_total");
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(service.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = HttpPushIT.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
