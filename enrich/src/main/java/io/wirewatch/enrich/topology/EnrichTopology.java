package io.wirewatch.enrich.topology;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.TopicTag;
import io.wirewatch.avro.TrendCount;
import io.wirewatch.enrich.EnrichConfig;
import io.wirewatch.enrich.EnrichMetrics;
import io.wirewatch.enrich.dedup.ExactDuplicates;
import io.wirewatch.enrich.dedup.NearDuplicateIndex;
import io.wirewatch.enrich.trends.TrendAggregate;
import io.wirewatch.enrich.trends.TrendHit;
import io.wirewatch.enrich.trends.TrendKeys;
import io.wirewatch.platform.runtime.Version;
import io.wirewatch.platform.topics.PipelineTopics;
import io.wirewatch.platform.topics.Topic;
import io.wirewatch.serde.AvroSerde;
import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.tagger.Tagger;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The enrich topology, pure: it creates no clients, threads or sockets, so a TopologyTestDriver runs the very same.
 *
 * <pre>
 * news.raw --(event time: publishedAt)--> tag-stories [exact-dedup-store]: drop exact duplicates, tag
 *   --> near-dup-index (repartition, ONE partition) --> mark-near-duplicates [near-dup-index-store]
 *   --> news.enriched
 *   --> topic-&lt;id&gt; filter --> news.enriched.&lt;id&gt;   (one branch per taxonomy topic)
 *   --> trend-hits (not near-duplicates; one per topic and party set)
 *       --> trend-hits-by-topic-parties (repartition) --> trend-counts (daily windows + grace, distinct stories)
 *       --> news.trends (TrendCount, key "&lt;date&gt;|&lt;topic&gt;|&lt;A+B&gt;")
 * </pre>
 *
 * Failures leave through the error handlers configured in {@link EnrichConfig#streamsProperties()}.
 */
public final class EnrichTopology {

    /** Names of the state stores (their changelogs are {@code <application.id>-<store>-changelog}). */
    public static final String EXACT_DEDUP_STORE = "exact-dedup-store";
    public static final String NEAR_DUP_STORE = "near-dup-index-store";
    public static final String TREND_STORE = "trend-counts";
    /** Names of the repartition topics ({@code <application.id>-<name>-repartition}). */
    public static final String NEAR_DUP_REPARTITION = "near-dup-index";
    public static final String TREND_REPARTITION = "trend-hits-by-topic-parties";

    private EnrichTopology() {
    }

    /** The topology with meters that go nowhere. */
    public static Topology build(EnrichConfig config, PipelineTopics topics, Tagger tagger, Clock clock) {
        return build(config, topics, tagger, clock, EnrichMetrics.noop());
    }

    /**
     * @param topics the pipeline's topics with their serdes; one per-topic branch for each of
     *               {@code topics.catalog().topicIds()}
     * @param tagger the tagging engine (thread-safe; shared by every stream thread)
     * @param clock time of enrichment, of the dedup window and of the end-to-end lag
     */
    public static Topology build(EnrichConfig config, PipelineTopics topics, Tagger tagger, Clock clock,
                                 EnrichMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, RawStory> raw = topics.raw();
        Topic<String, EnrichedStory> enriched = topics.enriched();
        Serde<String> keys = topics.serdes().key();
        Serde<EnrichedStory> internalEnriched = internalSerde(config, topics);

        builder.addStateStore(ExactDuplicates.storeBuilder(EXACT_DEDUP_STORE, config.dedupWindow()));
        builder.addStateStore(NearDuplicateIndex.storeBuilder(NEAR_DUP_STORE));

        KStream<String, EnrichedStory> tagged = builder
                .stream(raw.name(), Consumed.with(raw.keySerde(), raw.valueSerde())
                        .withTimestampExtractor(new EventTimeExtractor(config.eventTimeMaxFuture(), clock))
                        .withName("raw-source"))
                .processValues(() -> new TagProcessor(EXACT_DEDUP_STORE, config.dedupWindow(), tagger, clock,
                        config.instanceId(), Version.get(), metrics), Named.as("tag-stories"), EXACT_DEDUP_STORE);

        KStream<String, EnrichedStory> marked = tagged
                .repartition(Repartitioned.<String, EnrichedStory>as(NEAR_DUP_REPARTITION)
                        .withKeySerde(keys).withValueSerde(internalEnriched).withNumberOfPartitions(1))
                .processValues(() -> new NearDuplicateProcessor(NEAR_DUP_STORE, config.nearDupThreshold(),
                        config.nearDupWindow(), config.nearDupMaxStories(), clock, metrics),
                        Named.as("mark-near-duplicates"), NEAR_DUP_STORE);

        marked.to(enriched.name(), Produced.with(enriched.keySerde(), enriched.valueSerde()).withName("enriched-sink"));

        for (String topicId : topics.catalog().topicIds()) {
            Topic<String, EnrichedStory> perTopic = topics.enrichedFor(topicId);
            marked.filter((id, story) -> hasTopic(story, topicId), Named.as("topic-" + topicId))
                    .to(perTopic.name(), Produced.with(perTopic.keySerde(), perTopic.valueSerde())
                            .withName("enriched-" + topicId + "-sink"));
        }

        TimeWindows windows = TimeWindows.ofSizeAndGrace(config.trendsWindow(), config.trendsGrace());
        Topic<String, TrendCount> trends = topics.trends();
        marked.filter((id, story) -> story.getDuplicateOf() == null, Named.as("trend-skip-near-duplicates"))
                .flatMap((id, story) -> TrendHit.of(story), Named.as("trend-hits"))
                .groupByKey(Grouped.with(TREND_REPARTITION, keys, TrendHit.serde()))
                .windowedBy(windows)
                .aggregate(TrendAggregate::empty, (key, hit, aggregate) -> aggregate.add(hit),
                        Named.as("trend-aggregate"),
                        Materialized.<String, TrendAggregate, WindowStore<Bytes, byte[]>>as(TREND_STORE)
                                .withKeySerde(keys).withValueSerde(TrendAggregate.serde()))
                .toStream(Named.as("trend-updates"))
                .map((window, aggregate) -> KeyValue.pair(
                        TrendKeys.key(window.window().startTime(), config.trendsWindow(), window.key()),
                        aggregate.toTrendCount(window.window().startTime(), window.window().endTime(), window.key())),
                        Named.as("trend-records"))
                .to(trends.name(), Produced.with(trends.keySerde(), trends.valueSerde()).withName("trends-sink"));

        return builder.build(config.streamsProperties());
    }

    private static boolean hasTopic(EnrichedStory story, String topicId) {
        for (TopicTag tag : story.getTopics()) {
            if (tag.getId().equals(topicId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The serde of enriched stories on the internal near-duplicate topic: the contract's Avro in the registry, with
     * auto-registration on, since the internal subject is the application's own even where the contract's subjects
     * are registered by hand ({@code auto.register.schemas=false}).
     */
    private static Serde<EnrichedStory> internalSerde(EnrichConfig config, PipelineTopics topics) {
        Map<String, Object> serdeConfig = new HashMap<>(config.serdeConfig());
        serdeConfig.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        serdeConfig.put(AvroSerdeConfig.USE_LATEST_VERSION, false);
        return AvroSerde.specific(EnrichedStory.class, topics.serdes().registryClient(), serdeConfig, false);
    }
}
