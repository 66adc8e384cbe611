package io.wirewatch.enrich.topology;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.TopicTag;
import io.wirewatch.enrich.EnrichMetrics;
import io.wirewatch.enrich.dedup.ExactDuplicates;
import io.wirewatch.tagger.Enrichment;
import io.wirewatch.tagger.TagInput;
import io.wirewatch.tagger.Tagger;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Drops exact duplicates, tags the rest. A story whose id, content hash and taxonomy version were enriched within
 * the dedup window is dropped (and counted); any other is tagged and remembered. A story the tagger fails on is
 * neither remembered nor forwarded: the exception reaches the processing exception handler, which dead-letters it.
 */
final class TagProcessor implements FixedKeyProcessor<String, RawStory, EnrichedStory> {

    private final String storeName;
    private final Duration dedupWindow;
    private final Tagger tagger;
    private final Clock clock;
    private final String instance;
    private final String version;
    private final EnrichMetrics metrics;
    private FixedKeyProcessorContext<String, EnrichedStory> context;
    private ExactDuplicates duplicates;

    TagProcessor(String storeName, Duration dedupWindow, Tagger tagger, Clock clock, String instance, String version,
                 EnrichMetrics metrics) {
        this.storeName = storeName;
        this.dedupWindow = dedupWindow;
        this.tagger = tagger;
        this.clock = clock;
        this.instance = instance;
        this.version = version;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedStory> context) {
        this.context = context;
        WindowStore<String, String> store = context.getStateStore(storeName);
        this.duplicates = new ExactDuplicates(store, dedupWindow);
    }

    @Override
    public void process(FixedKeyRecord<String, RawStory> record) {
        RawStory story = record.value();
        if (story == null) {
            throw new IllegalArgumentException("the record has no value (a tombstone); news.raw takes RawStory "
                    + "values only");
        }
        String fingerprint = ExactDuplicates.fingerprint(story.getContentHash(), tagger.taxonomyVersion());
        long now = clock.millis();
        if (duplicates.seen(story.getId(), fingerprint, now)) {
            metrics.duplicateDropped();
            return;
        }
        Enrichment enrichment = tagger.tag(TagInput.of(story));
        EnrichedStory enriched = EnrichedStories.of(story, enrichment, clock.instant(), instance, version);
        duplicates.remember(story.getId(), fingerprint, now);
        metrics.enriched(enriched.getTopics().stream().map(TopicTag::getId).toList());
        context.forward(record.withValue(enriched));
    }
}
