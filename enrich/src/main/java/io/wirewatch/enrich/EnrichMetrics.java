package io.wirewatch.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the enrich service counts, as Micrometer meters (scraped by Prometheus at /metrics):
 * {@code wirewatch_enrich_stories_total{outcome}} (enriched, duplicate_dropped, dead_lettered: its rate is stories/s),
 * {@code wirewatch_enrich_tags_total{topic}}, {@code wirewatch_enrich_near_duplicates_total},
 * {@code wirewatch_enrich_dead_letters_total{reason}} and {@code wirewatch_enrich_end_to_end_lag_seconds}
 * (enrichment time minus the story's receivedAt at ingest). Thread-safe.
 */
public final class EnrichMetrics {

    public static final String STORIES = "wirewatch.enrich.stories";
    public static final String TAGS = "wirewatch.enrich.tags";
    public static final String NEAR_DUPLICATES = "wirewatch.enrich.near.duplicates";
    public static final String DEAD_LETTERS = "wirewatch.enrich.dead.letters";
    public static final String END_TO_END_LAG = "wirewatch.enrich.end.to.end.lag";

    private final MeterRegistry registry;
    private final Counter enriched;
    private final Counter duplicatesDropped;
    private final Counter deadLettered;
    private final Counter nearDuplicates;
    private final DistributionSummary endToEndLag;
    private final Map<String, Counter> tags = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();

    public EnrichMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.enriched = stories("enriched");
        this.duplicatesDropped = stories("duplicate_dropped");
        this.deadLettered = stories("dead_lettered");
        this.nearDuplicates = Counter.builder(NEAR_DUPLICATES)
                .description("Stories marked as near-duplicates of an earlier story (kept, with duplicateOf)")
                .register(registry);
        this.endToEndLag = DistributionSummary.builder(END_TO_END_LAG)
                .description("Time from ingest reading a story (receivedAt) to its enrichment")
                .baseUnit("seconds")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** Meters that go nowhere, for tests and tools that do not report metrics. */
    public static EnrichMetrics noop() {
        return new EnrichMetrics(new CompositeMeterRegistry());
    }

    private Counter stories(String outcome) {
        return Counter.builder(STORIES).tag("outcome", outcome)
                .description("Stories read from news.raw, by what became of them")
                .register(registry);
    }

    /** A story was enriched with the given topic ids. */
    public void enriched(Iterable<String> topicIds) {
        enriched.increment();
        topicIds.forEach(topic -> tags.computeIfAbsent(topic, t -> Counter.builder(TAGS).tag("topic", t)
                .description("Enriched stories carrying a topic").register(registry)).increment());
    }

    public void duplicateDropped() {
        duplicatesDropped.increment();
    }

    public void nearDuplicateMarked() {
        nearDuplicates.increment();
    }

    public void endToEndLag(Duration lag) {
        endToEndLag.record(Math.max(0, lag.toMillis()) / 1000.0);
    }

    /** An input went to the dead-letter topic for the given reason code. */
    public void deadLettered(String reasonCode) {
        deadLetters.computeIfAbsent(reasonCode, r -> Counter.builder(DEAD_LETTERS).tag("reason", r)
                .description("Inputs sent to the dead-letter topic, by reason").register(registry)).increment();
        deadLettered.increment();
    }

    public MeterRegistry registry() {
        return registry;
    }
}
