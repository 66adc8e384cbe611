package io.wirewatch.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest service's meters (Prometheus names in brackets): stories by source and format
 * ({@code wirewatch_ingest_stories_total}), dead letters by source and reason
 * ({@code wirewatch_ingest_dead_letters_total}), parse latency by format ({@code wirewatch_ingest_parse_seconds}),
 * producer errors by kind ({@code wirewatch_ingest_producer_errors_total}), committed transactions, spool files by
 * outcome, HTTP pushes by status, and per feed: polls by outcome, new items, current backoff.
 */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> feedBackoff = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void stories(String source, String format, long count) {
        counter("wirewatch.ingest.stories", "Stories written to news.raw", "source", source, "format", format)
                .increment(count);
    }

    public void deadLetter(String source, String reason) {
        counter("wirewatch.ingest.dead.letters", "Inputs written to news.deadletter", "source", source,
                "reason", reason).increment();
    }

    public void parsed(String format, Duration took) {
        Timer.builder("wirewatch.ingest.parse").description("Time to parse one input").tag("format", format)
                .publishPercentileHistogram(false).register(registry).record(took);
    }

    public void producerError(String kind) {
        counter("wirewatch.ingest.producer.errors", "Failed publish attempts (retried unless fatal)", "kind", kind)
                .increment();
    }

    public void transaction() {
        counter("wirewatch.ingest.transactions", "Committed Kafka transactions").increment();
    }

    public void spoolFile(String outcome) {
        counter("wirewatch.ingest.spool.files", "Spool files handled, by outcome", "outcome", outcome).increment();
    }

    public void httpPush(int status) {
        counter("wirewatch.ingest.http.pushes", "POST /stories requests by status", "status",
                String.valueOf(status)).increment();
    }

    public void feedPoll(String feed, String outcome) {
        counter("wirewatch.ingest.feed.polls", "Feed polls by outcome (new, unchanged, not_modified, error)",
                "feed", feed, "outcome", outcome).increment();
    }

    public void feedItems(String feed, long count) {
        counter("wirewatch.ingest.feed.items", "New feed items published", "feed", feed).increment(count);
    }

    /** The wait before the feed's next poll after failures (0 when it answers). */
    public void feedBackoff(String feed, Duration wait) {
        feedBackoff.computeIfAbsent(feed, f -> {
            AtomicLong value = new AtomicLong();
            registry.gauge("wirewatch.ingest.feed.backoff.ms", Tags.of("feed", f),
                    value);
            return value;
        }).set(wait.toMillis());
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }
}
