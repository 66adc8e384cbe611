package io.wirewatch.platform.topics;

import io.wirewatch.platform.config.WirewatchConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Every topic of the pipeline, declared once from configuration: names, partitions, retention, cleanup policy and
 * timestamp type. All pipeline topics use {@code LogAppendTime}, so replayed old stories are not deleted by retention
 * at once; the story's own publish time travels in the payload. The topics subscribers read (news.enriched,
 * news.enriched.&lt;topicId&gt;, news.trends) are stored gzip-compressed by the broker ({@code compression.type=gzip}),
 * whatever codec the producer used: every Kafka client decodes gzip (kafkajs decodes nothing else without plugins),
 * while enrich writes uncompressed and spares itself and the broker compressing its internal topics.
 */
public final class TopicCatalog {

    /** Topic ids of the defense-cooperation taxonomy, one enriched topic each. */
    public static final List<String> DEFAULT_TOPIC_IDS = List.of("rnd", "exports", "training", "industrial",
            "security");

    private static final String MAX_MESSAGE_BYTES = String.valueOf(5 * 1024 * 1024);
    /** Codec of the topics subscribers read, applied by the broker. */
    static final String SUBSCRIBED_COMPRESSION = "gzip";

    private final TopicSpec raw;
    private final TopicSpec enriched;
    private final TopicSpec trends;
    private final TopicSpec deadLetter;
    private final String enrichedPrefix;
    private final int partitions;
    private final short replicationFactor;
    private final long enrichedRetentionMs;
    private final List<String> topicIds;

    private TopicCatalog(WirewatchConfig config, List<String> topicIds) {
        this.partitions = config.getInt(WirewatchConfig.TOPICS_PARTITIONS);
        this.replicationFactor = config.getShort(WirewatchConfig.TOPICS_REPLICATION_FACTOR);
        this.enrichedPrefix = config.getString(WirewatchConfig.TOPIC_ENRICHED_PREFIX);
        this.enrichedRetentionMs = config.getLong(WirewatchConfig.TOPIC_ENRICHED_RETENTION_MS);
        this.topicIds = List.copyOf(topicIds);
        this.raw = spec(config.getString(WirewatchConfig.TOPIC_RAW), partitions, TopicConfig.CLEANUP_POLICY_DELETE,
                config.getLong(WirewatchConfig.TOPIC_RAW_RETENTION_MS));
        this.enriched = subscribed(spec(config.getString(WirewatchConfig.TOPIC_ENRICHED), partitions,
                TopicConfig.CLEANUP_POLICY_DELETE, enrichedRetentionMs));
        this.trends = subscribed(spec(config.getString(WirewatchConfig.TOPIC_TRENDS), partitions,
                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                config.getLong(WirewatchConfig.TOPIC_TRENDS_RETENTION_MS)));
        this.deadLetter = spec(config.getString(WirewatchConfig.TOPIC_DEADLETTER), partitions,
                TopicConfig.CLEANUP_POLICY_DELETE, config.getLong(WirewatchConfig.TOPIC_DEADLETTER_RETENTION_MS));
    }

    /** The catalogue for the default taxonomy's topic ids. */
    public static TopicCatalog from(WirewatchConfig config) {
        return new TopicCatalog(config, DEFAULT_TOPIC_IDS);
    }

    /** The catalogue with one enriched topic per given taxonomy topic id. */
    public static TopicCatalog from(WirewatchConfig config, List<String> topicIds) {
        return new TopicCatalog(config, topicIds);
    }

    private TopicSpec spec(String name, int partitionCount, String cleanupPolicy, long retentionMs) {
        return new TopicSpec(name, partitionCount, replicationFactor, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retentionMs),
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime",
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_MESSAGE_BYTES));
    }

    /** The spec stored gzip-compressed by the broker (a topic subscribers read). */
    private static TopicSpec subscribed(TopicSpec spec) {
        Map<String, String> configs = new HashMap<>(spec.configs());
        configs.put(TopicConfig.COMPRESSION_TYPE_CONFIG, SUBSCRIBED_COMPRESSION);
        return new TopicSpec(spec.name(), spec.partitions(), spec.replicationFactor(), configs);
    }

    public TopicSpec raw() {
        return raw;
    }

    public TopicSpec enriched() {
        return enriched;
    }

    /** {@code news.enriched.<topicId>}. */
    public TopicSpec enrichedFor(String topicId) {
        return subscribed(spec(enrichedPrefix + topicId, partitions, TopicConfig.CLEANUP_POLICY_DELETE,
                enrichedRetentionMs));
    }

    public TopicSpec trends() {
        return trends;
    }

    public TopicSpec deadLetter() {
        return deadLetter;
    }

    public List<String> topicIds() {
        return topicIds;
    }

    /** Every topic of the pipeline. */
    public List<TopicSpec> all() {
        List<TopicSpec> all = new ArrayList<>(List.of(raw, enriched, trends, deadLetter));
        topicIds.forEach(id -> all.add(enrichedFor(id)));
        return all;
    }
}
