package io.wirewatch.enrich.topology;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.enrich.EnrichMetrics;
import io.wirewatch.enrich.dedup.MinHash;
import io.wirewatch.enrich.dedup.NearDuplicateIndex;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Marks a story that nearly duplicates an earlier one (the same story from another wire) with {@code duplicateOf};
 * the story is kept. Runs on the single partition of the near-duplicate repartition topic, so it sees every story.
 * Also records the end-to-end lag (now minus the story's receivedAt), as this is the last step before output.
 */
final class NearDuplicateProcessor implements FixedKeyProcessor<String, EnrichedStory, EnrichedStory> {

    private final String storeName;
    private final double threshold;
    private final Duration window;
    private final int maxStories;
    private final Clock clock;
    private final EnrichMetrics metrics;
    private FixedKeyProcessorContext<String, EnrichedStory> context;
    private NearDuplicateIndex index;

    NearDuplicateProcessor(String storeName, double threshold, Duration window, int maxStories, Clock clock,
                           EnrichMetrics metrics) {
        this.storeName = storeName;
        this.threshold = threshold;
        this.window = window;
        this.maxStories = maxStories;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EnrichedStory> context) {
        this.context = context;
        KeyValueStore<String, byte[]> store = context.getStateStore(storeName);
        this.index = new NearDuplicateIndex(store, threshold, window, maxStories);
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedStory> record) {
        EnrichedStory story = record.value();
        NearDuplicateIndex.Decision decision = index.observe(story.getStory().getId(),
                MinHash.signature(story.getStory().getParagraphs()), record.timestamp());
        EnrichedStory marked = story;
        if (decision.isDuplicate()) {
            marked = EnrichedStory.newBuilder(story).setDuplicateOf(decision.duplicateOf()).build();
            metrics.nearDuplicateMarked();
        }
        metrics.endToEndLag(Duration.between(story.getStory().getReceivedAt(), clock.instant()));
        context.forward(record.withValue(marked));
    }
}
