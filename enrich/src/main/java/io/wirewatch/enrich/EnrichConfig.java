package io.wirewatch.enrich;

import io.wirewatch.enrich.errors.EnrichDeserializationHandler;
import io.wirewatch.enrich.errors.EnrichProcessingHandler;
import io.wirewatch.enrich.errors.EnrichProductionHandler;
import io.wirewatch.platform.config.WirewatchConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings of the enrich service: the shared ones of {@link WirewatchConfig} (Kafka, registry, topics, HTTP port
 * 8092) plus the Kafka Streams application, dedup, near-duplicate detection, trend windows, error handling and the
 * taxonomy. Kafka Streams' own keys ({@code commit.interval.ms}, {@code cache.max.bytes.buffering}, ...) pass through
 * as they are, or with a {@code streams.} prefix; {@code producer.}, {@code consumer.}, {@code main.consumer.},
 * {@code restore.consumer.} and {@code admin.} prefixes reach one kind of client, as in Kafka Streams.
 */
public final class EnrichConfig extends WirewatchConfig {

    public static final int DEFAULT_HTTP_PORT = 8092;

    public static final String APPLICATION_ID = StreamsConfig.APPLICATION_ID_CONFIG;
    public static final String PROCESSING_GUARANTEE = StreamsConfig.PROCESSING_GUARANTEE_CONFIG;
    public static final String NUM_STREAM_THREADS = StreamsConfig.NUM_STREAM_THREADS_CONFIG;
    public static final String STATE_DIR = StreamsConfig.STATE_DIR_CONFIG;
    public static final String TAXONOMY_FILE = "taxonomy.file";
    public static final String DEDUP_WINDOW_MS = "dedup.window.ms";
    public static final String NEAR_DUP_THRESHOLD = "near.dup.threshold";
    public static final String NEAR_DUP_WINDOW_MS = "near.dup.window.ms";
    public static final String NEAR_DUP_MAX_STORIES = "near.dup.max.stories";
    public static final String TRENDS_WINDOW_MS = "trends.window.ms";
    public static final String TRENDS_GRACE_MS = "trends.grace.ms";
    public static final String EVENT_TIME_MAX_FUTURE_MS = "event.time.max.future.ms";
    public static final String THREAD_REPLACEMENTS_MAX = "errors.thread.replacements.max";
    public static final String THREAD_REPLACEMENTS_WINDOW_MS = "errors.thread.replacements.window.ms";
    public static final String SHUTDOWN_TIMEOUT_MS = "shutdown.timeout.ms";
    /** Kafka Streams' commit.interval.ms under exactly-once unless given (see {@link #streamsProperties()}). */
    public static final int EXACTLY_ONCE_COMMIT_INTERVAL_MS = 50;
    /** The producer's linger.ms under exactly-once unless given (see {@link #streamsProperties()}). */
    public static final int EXACTLY_ONCE_LINGER_MS = 10;

    private static final long HOUR_MS = 60L * 60 * 1000;
    private static final long DAY_MS = 24 * HOUR_MS;

    /** Client prefixes Kafka Streams itself understands; settings carrying them pass through unchanged. */
    private static final List<String> STREAMS_CLIENT_PREFIXES = List.of(StreamsConfig.PRODUCER_PREFIX,
            StreamsConfig.CONSUMER_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX);

    public static final ConfigDef CONFIG_DEF = definition();

    public EnrichConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    private static ConfigDef definition() {
        return commonDef(DEFAULT_HTTP_PORT)
                .define(APPLICATION_ID, Type.STRING, "wirewatch-enrich", new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Kafka Streams application id: the consumer group, the prefix of internal "
                                + "topics and the state directory name. Instances with the same id share the work.")
                .define(PROCESSING_GUARANTEE, Type.STRING, StreamsConfig.EXACTLY_ONCE_V2,
                        ValidString.in(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE), Importance.HIGH,
                        "exactly_once_v2 (default: a crash or restart neither loses nor duplicates an output) or "
                                + "at_least_once (faster; outputs may repeat after a crash).")
                .define(NUM_STREAM_THREADS, Type.INT, 1, Range.atLeast(1), Importance.MEDIUM,
                        "Stream threads of this instance (tagging is CPU-bound: up to one per core).")
                .define(STATE_DIR, Type.STRING, Path.of(System.getProperty("java.io.tmpdir"), "wirewatch-enrich")
                                .toString(), Importance.MEDIUM,
                        "Directory of the local state stores (dedup, near-duplicate index, trend windows). They are "
                                + "rebuilt from their changelog topics when lost.")
                .define(TAXONOMY_FILE, Type.STRING, "", Importance.MEDIUM,
                        "Taxonomy YAML to tag with; empty for the taxonomy shipped in the jar.")
                .define(DEDUP_WINDOW_MS, Type.LONG, DAY_MS, Range.atLeast(1), Importance.MEDIUM,
                        "An exact duplicate (same story id, content hash and taxonomy version) processed within this "
                                + "long after the first copy is dropped (processing time).")
                .define(NEAR_DUP_THRESHOLD, Type.DOUBLE, 0.8, Range.between(0.05, 1.0), Importance.MEDIUM,
                        "Estimated Jaccard similarity of word 3-shingles (MinHash) at or above which a story with "
                                + "another id is marked duplicateOf the earlier one.")
                .define(NEAR_DUP_WINDOW_MS, Type.LONG, 2 * DAY_MS, Range.atLeast(1), Importance.LOW,
                        "Near-duplicates are looked for among stories published at most this far apart (event time).")
                .define(NEAR_DUP_MAX_STORIES, Type.INT, 100_000, Range.atLeast(1), Importance.LOW,
                        "Fingerprints the near-duplicate index keeps at most; the oldest are evicted first.")
                .define(TRENDS_WINDOW_MS, Type.LONG, DAY_MS, Range.atLeast(1000), Importance.LOW,
                        "Size of the event-time windows of news.trends (one day by default; keys carry the UTC date).")
                .define(TRENDS_GRACE_MS, Type.LONG, DAY_MS, Range.atLeast(0), Importance.MEDIUM,
                        "How late (in event time) a story may arrive and still count in its trend window; later "
                                + "stories are enriched but not counted.")
                .define(EVENT_TIME_MAX_FUTURE_MS, Type.LONG, HOUR_MS, Range.atLeast(0), Importance.LOW,
                        "A publishedAt further than this ahead of the record time is not trusted: the record time "
                                + "is used instead.")
                .define(THREAD_REPLACEMENTS_MAX, Type.INT, 5, Range.atLeast(0), Importance.LOW,
                        "A stream thread that dies of an unexpected error is replaced up to this many times within "
                                + "errors.thread.replacements.window.ms; after that the application shuts down.")
                .define(THREAD_REPLACEMENTS_WINDOW_MS, Type.LONG, 10 * 60 * 1000L, Range.atLeast(1), Importance.LOW,
                        "Window over which thread replacements are counted.")
                .define(SHUTDOWN_TIMEOUT_MS, Type.LONG, 30_000L, Range.atLeast(0), Importance.LOW,
                        "How long a graceful shutdown may take (commit, close stores and clients).");
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    /** The taxonomy file to load, or null for the shipped taxonomy. */
    public Path taxonomyFile() {
        String file = getString(TAXONOMY_FILE);
        return file == null || file.isBlank() ? null : Path.of(file.trim());
    }

    public Duration dedupWindow() {
        return Duration.ofMillis(getLong(DEDUP_WINDOW_MS));
    }

    public double nearDupThreshold() {
        return getDouble(NEAR_DUP_THRESHOLD);
    }

    public Duration nearDupWindow() {
        return Duration.ofMillis(getLong(NEAR_DUP_WINDOW_MS));
    }

    public int nearDupMaxStories() {
        return getInt(NEAR_DUP_MAX_STORIES);
    }

    public Duration trendsWindow() {
        return Duration.ofMillis(getLong(TRENDS_WINDOW_MS));
    }

    public Duration trendsGrace() {
        return Duration.ofMillis(getLong(TRENDS_GRACE_MS));
    }

    public Duration eventTimeMaxFuture() {
        return Duration.ofMillis(getLong(EVENT_TIME_MAX_FUTURE_MS));
    }

    public int threadReplacementsMax() {
        return getInt(THREAD_REPLACEMENTS_MAX);
    }

    public Duration threadReplacementsWindow() {
        return Duration.ofMillis(getLong(THREAD_REPLACEMENTS_WINDOW_MS));
    }

    public Duration shutdownTimeout() {
        return Duration.ofMillis(getLong(SHUTDOWN_TIMEOUT_MS));
    }

    /**
     * The Kafka Streams properties: the application settings above, all four error layers, explicit internal names,
     * topology optimization, then every Kafka Streams or client key the user gave. The dead-letter router the error
     * handlers need is added by {@link io.wirewatch.enrich.errors.DeadLetterRouter#addTo(Properties)}.
     */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.putAll(pick(clientConfigNames(), null));
        props.putAll(pick(StreamsConfig.configDef().names(), "streams."));
        STREAMS_CLIENT_PREFIXES.forEach(prefix -> originalsWithPrefix(prefix, false).forEach(props::put));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, getString(PROCESSING_GUARANTEE));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, getInt(NUM_STREAM_THREADS));
        props.put(StreamsConfig.STATE_DIR_CONFIG, getString(STATE_DIR));
        props.putIfAbsent(StreamsConfig.CLIENT_ID_CONFIG, applicationId() + "-" + instanceId());
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, EnrichDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, EnrichProcessingHandler.class);
        // the same handler for global state processing (the default from Kafka 5.0 on)
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, EnrichProductionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // outputs are idempotent and fully acknowledged under at_least_once too
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), true);
        // uncompressed: most of what enrich writes is internal (the near-duplicate repartition, changelogs) and read
        // back at once, where gzip cost enrich and the broker (which decompresses every batch to validate it) more
        // than anything but the tagger. The topics subscribers read are created with compression.type=gzip (platform
        // TopicCatalog), so the broker stores them gzip, and every client, kafkajs included, reads them either way.
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "none");
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 5 * 1024 * 1024);
        // exactly-once: an output becomes readable when its transaction commits, and a story crosses two commits (the
        // near-duplicate repartition, then the outputs), so the interval is latency: 50 ms instead of Kafka Streams'
        // 100 (25 ms: worse p99, more transactions for the broker). A linger of 10 ms instead of Kafka Streams' 100
        // sends records while the interval runs rather than all at the commit, which then has less to wait for.
        // Measured together, enrich alone at 50 stories/s: p50 ~215 -> ~100 ms, p99 ~400 -> ~190 ms, for ~4% of a
        // core more at that rate (twice the commits, smaller batches) and no more CPU per story under load
        // (enrich/README.md, Latency and CPU). At least once, chosen for throughput, keeps Kafka Streams' defaults:
        // there linger.ms=10 cut p50 from ~127 to ~27 ms at 50 stories/s but cost CPU under load too (README).
        if (StreamsConfig.EXACTLY_ONCE_V2.equals(getString(PROCESSING_GUARANTEE))) {
            props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, EXACTLY_ONCE_COMMIT_INTERVAL_MS);
            if (!props.containsKey(ProducerConfig.LINGER_MS_CONFIG)) {
                props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG),
                        EXACTLY_ONCE_LINGER_MS);
            }
        }
        // internal topics (changelogs, repartitions) follow the configured replication factor
        short replication = getShort(TOPICS_REPLICATION_FACTOR);
        props.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replication);
        return props;
    }

    private static Set<String> clientConfigNames() {
        Set<String> names = new HashSet<>(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        // keys Kafka Streams sets itself or refuses to take from the user
        names.removeAll(Set.of(ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG));
        return names;
    }
}
