package io.wirewatch.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ServiceHttpServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesLivenessReadinessAndPrometheusMetrics() throws Exception {
        Health health = new Health();
        AtomicBoolean streamsRunning = new AtomicBoolean(false);
        health.addReadinessCheck("streams", () -> streamsRunning.get() ? Health.Check.up("RUNNING")
                : Health.Check.down("REBALANCING"));
        PrometheusMeterRegistry metrics = Metrics.newRegistry("test", "t-1");
        metrics.counter("wirewatch_test_events_total").increment(3);

        try (ServiceHttpServer server = ServiceHttpServer.start("test", "127.0.0.1", 0, health, metrics,
                routes -> routes.get("/hello", ctx -> ctx.result("hi")))) {
            assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);
            HttpResponse<String> notReady = get(server, "/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("\"streams\"").contains("REBALANCING");

            streamsRunning.set(true);
            assertThat(get(server, "/health/ready").statusCode()).isEqualTo(200);

            HttpResponse<String> scrape = get(server, "/metrics");
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("text/plain"));
            assertThat(scrape.body()).contains("wirewatch_test_events_total{instance=\"t-1\",service=\"test\"} 3.0")
                    .contains("jvm_memory_used_bytes");
            assertThat(get(server, "/hello").body()).isEqualTo("hi");

            health.markFatal("database credentials rejected");
            HttpResponse<String> dead = get(server, "/health/live");
            assertThat(dead.statusCode()).isEqualTo(503);
            assertThat(dead.body()).contains("database credentials rejected");
        }
    }

    private HttpResponse<String> get(ServiceHttpServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
