package io.wirewatch.platform.topics;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.TrendCount;

/** The pipeline's topics, each typed with its serdes. Immutable; built from the catalogue and injected serdes. */
public final class PipelineTopics {

    private final TopicCatalog catalog;
    private final ContractSerdes serdes;
    private final Topic<String, RawStory> raw;
    private final Topic<String, EnrichedStory> enriched;
    private final Topic<String, TrendCount> trends;
    private final Topic<String, DeadLetter> deadLetter;

    public PipelineTopics(TopicCatalog catalog, ContractSerdes serdes) {
        this.catalog = catalog;
        this.serdes = serdes;
        this.raw = new Topic<>(catalog.raw(), serdes.key(), serdes.rawStory());
        this.enriched = new Topic<>(catalog.enriched(), serdes.key(), serdes.enrichedStory());
        this.trends = new Topic<>(catalog.trends(), serdes.key(), serdes.trendCount());
        this.deadLetter = new Topic<>(catalog.deadLetter(), serdes.key(), serdes.deadLetter());
    }

    public Topic<String, RawStory> raw() {
        return raw;
    }

    public Topic<String, EnrichedStory> enriched() {
        return enriched;
    }

    /** {@code news.enriched.<topicId>}. */
    public Topic<String, EnrichedStory> enrichedFor(String topicId) {
        return new Topic<>(catalog.enrichedFor(topicId), serdes.key(), serdes.enrichedStory());
    }

    public Topic<String, TrendCount> trends() {
        return trends;
    }

    public Topic<String, DeadLetter> deadLetter() {
        return deadLetter;
    }

    public TopicCatalog catalog() {
        return catalog;
    }

    public ContractSerdes serdes() {
        return serdes;
    }
}
