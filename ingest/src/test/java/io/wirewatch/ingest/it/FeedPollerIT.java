package io.wirewatch.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wirewatch.avro.RawStory;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.serde.MockSchemaRegistry;
import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.TestKafka;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The feed poller against a real HTTP server in the test: conditional GET with 304 answers, new items published once,
 * and a feed that never answers in time backs off while the others go on.
 */
@ExtendWith(KafkaExtension.class)
class FeedPollerIT {

    private final AtomicReference<String> content = new AtomicReference<>(rss("v1", 2));
    private final AtomicInteger fullAnswers = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private final AtomicInteger slowRequests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @AfterEach
    void stopServer() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void conditionalPollsPublishEachItemOnceAndATimingOutFeedBacksOff(TestKafka kafka) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/good.rss", this::serveGood);
        server.createContext("/slow.rss", this::serveSlow);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        TestSettings settings = new TestSettings(kafka)
                .with("ingest.feeds", "slow-wire=" + base + "/slow.rss,good-wire=" + base + "/good.rss")
                .with("ingest.feed.interval.ms", "200")
                .with("ingest.feed.timeout.ms", "500")
                .with("ingest.feed.backoff.max.ms", "5000");

        try (IngestService service = new IngestService(settings.config())) {
            service.start();
            MeterRegistry meters = service.meterRegistry();

            await().atMost(Duration.ofSeconds(30)).until(() -> notModified.get() >= 2);
            content.set(rss("v2", 3));
            await().atMost(Duration.ofSeconds(30)).until(() -> fullAnswers.get() >= 2 && notModified.get() >= 4);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(meters, "slow-wire", "error") >= 2);

            assertThat(count(meters, "good-wire", "new")).isEqualTo(2.0);
            assertThat(count(meters, "good-wire", "not_modified")).isGreaterThanOrEqualTo(4.0);
            assertThat(count(meters, "good-wire", "error")).isZero();
            assertThat(service.feeds().lastOutcome("slow-wire")).isEqualTo("error");
            Gauge backoff = meters.find("wirewatch.ingest.feed.backoff.ms").tag("feed", "slow-wire").gauge();
            assertThat(backoff).isNotNull();
            assertThat(backoff.value()).isGreaterThanOrEqualTo(100.0);
            assertThat(slowRequests.get()).as("the slow feed is not hammered while it fails")
                    .isLessThan(service.feeds().polls("good-wire"));
        }

        List<RawStory> stories = Records.allStories(kafka, settings.raw);
        assertThat(stories).extracting(RawStory::getId).containsExactlyInAnyOrder("item-1", "item-2", "item-3");
        assertThat(stories).allSatisfy(s -> {
            assertThat(s.getSource()).isEqualTo("good-wire");
            assertThat(s.getProvenance().getLocation()).endsWith("/good.rss");
        });
        MockSchemaRegistry.dropScope(settings.registryScope);
    }

    private void serveGood(HttpExchange exchange) throws IOException {
        String body = content.get();
        String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.incrementAndGet();
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        fullAnswers.incrementAndGet();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void serveSlow(HttpExchange exchange) throws IOException {
        slowRequests.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    private static double count(MeterRegistry meters, String feed, String outcome) {
        Counter counter = meters.find("wirewatch.ingest.feed.polls").tag("feed", feed).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String rss(String version, int items) {
        StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>Good wire " + version
                + "</title><link>https://good.example/</link><description>test</description><language>en</language>");
        for (int i = 1; i <= items; i++) {
            rss.append("<item><guid>item-").append(i).append("</guid><title>Item ").append(i)
                    .append("</title><description>Navies of two countries held drill number ").append(i)
                    .append(" off the coast.</description></item>");
        }
        return rss.append("</channel></rss>").toString();
    }
}
