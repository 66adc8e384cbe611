package io.wirewatch.platform.config;

import io.wirewatch.serde.AvroSerdeConfig;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Settings every wirewatch service shares: where Kafka and the registry are, topic names and layout, the HTTP port of
 * health and metrics. Services extend it with their own {@link ConfigDef}s built on {@link #commonDef(int)}.
 * Kafka's own client settings pass through: any key a Kafka client knows ({@code security.protocol},
 * {@code sasl.jaas.config}) goes to every client, and {@code producer.}, {@code consumer.}, {@code admin.} and
 * {@code streams.} prefixes target one kind.
 */
public class WirewatchConfig extends AbstractConfig {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = AvroSerdeConfig.SCHEMA_REGISTRY_URL;
    public static final String INSTANCE_ID = "instance.id";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";

    public static final String TOPIC_RAW = "topic.raw";
    public static final String TOPIC_ENRICHED = "topic.enriched";
    public static final String TOPIC_ENRICHED_PREFIX = "topic.enriched.prefix";
    public static final String TOPIC_TRENDS = "topic.trends";
    public static final String TOPIC_DEADLETTER = "topic.deadletter";
    public static final String TOPICS_PARTITIONS = "topics.partitions";
    public static final String TOPICS_REPLICATION_FACTOR = "topics.replication.factor";
    public static final String TOPICS_PROVISION = "topics.provision";
    public static final String TOPIC_RAW_RETENTION_MS = "topic.raw.retention.ms";
    public static final String TOPIC_ENRICHED_RETENTION_MS = "topic.enriched.retention.ms";
    public static final String TOPIC_TRENDS_RETENTION_MS = "topic.trends.retention.ms";
    public static final String TOPIC_DEADLETTER_RETENTION_MS = "topic.deadletter.retention.ms";
    public static final String DEADLETTER_MAX_ORIGINAL_BYTES = "deadletter.max.original.bytes";

    private static final long DAY_MS = 24L * 60 * 60 * 1000;

    /** Prefixes that send a setting to one kind of Kafka client only. */
    public static final String PRODUCER_PREFIX = "producer.";
    public static final String CONSUMER_PREFIX = "consumer.";
    public static final String ADMIN_PREFIX = "admin.";
    public static final String STREAMS_PREFIX = "streams.";

    private final String instanceId;

    public WirewatchConfig(ConfigDef definition, Map<?, ?> originals) {
        super(definition, originals, false);
        String configured = getString(INSTANCE_ID);
        this.instanceId = configured == null || configured.isBlank() ? defaultInstanceId() : configured;
    }

    /** The settings every service has, with {@code defaultHttpPort} as the default of {@code http.port}. */
    public static ConfigDef commonDef(int defaultHttpPort) {
        return new ConfigDef()
                .define(BOOTSTRAP_SERVERS, Type.LIST, "localhost:9092", Importance.HIGH,
                        "Kafka brokers to connect to (host:port, comma-separated).")
                .define(SCHEMA_REGISTRY_URL, Type.LIST, "http://localhost:8081", Importance.HIGH,
                        "Confluent-compatible schema registry URLs (comma-separated; failover in order). "
                                + "Confluent Schema Registry, Karapace, Redpanda, Apicurio (ccompat) or 'wirewatch "
                                + "registry'.")
                .define(INSTANCE_ID, Type.STRING, "", Importance.LOW,
                        "Id of this service instance in lineage, dead letters and metrics; default host-pid.")
                .define(HTTP_HOST, Type.STRING, "0.0.0.0", Importance.LOW,
                        "Interface of the health and metrics HTTP server.")
                .define(HTTP_PORT, Type.INT, defaultHttpPort, Range.between(0, 65535), Importance.MEDIUM,
                        "Port of /health/live, /health/ready and /metrics (0 for any free port).")
                .define(TOPIC_RAW, Type.STRING, "news.raw", Importance.MEDIUM,
                        "Topic of raw stories (Avro RawStory, key story id).")
                .define(TOPIC_ENRICHED, Type.STRING, "news.enriched", Importance.MEDIUM,
                        "Topic of enriched stories (Avro EnrichedStory, key story id).")
                .define(TOPIC_ENRICHED_PREFIX, Type.STRING, "news.enriched.", Importance.LOW,
                        "Prefix of the per-topic enriched topics: <prefix><topicId>, e.g. news.enriched.rnd.")
                .define(TOPIC_TRENDS, Type.STRING, "news.trends", Importance.LOW,
                        "Topic of windowed trend counts (Avro TrendCount).")
                .define(TOPIC_DEADLETTER, Type.STRING, "news.deadletter", Importance.MEDIUM,
                        "Dead-letter topic (Avro DeadLetter): inputs that could not be processed, with the reason.")
                .define(TOPICS_PARTITIONS, Type.INT, 3, Range.atLeast(1), Importance.LOW,
                        "Partitions of topics wirewatch creates.")
                .define(TOPICS_REPLICATION_FACTOR, Type.SHORT, (short) -1, Importance.LOW,
                        "Replication factor of topics wirewatch creates; -1 takes the broker's default.")
                .define(TOPICS_PROVISION, Type.BOOLEAN, true, Importance.LOW,
                        "Create missing topics at startup and report settings that drifted.")
                .define(TOPIC_RAW_RETENTION_MS, Type.LONG, 90 * DAY_MS, Importance.LOW,
                        "Retention of news.raw (kept long: 'replay --kafka' re-runs enrichment from it).")
                .define(TOPIC_ENRICHED_RETENTION_MS, Type.LONG, 30 * DAY_MS, Importance.LOW,
                        "Retention of news.enriched and the per-topic enriched topics.")
                .define(TOPIC_TRENDS_RETENTION_MS, Type.LONG, 400 * DAY_MS, Importance.LOW,
                        "Retention of news.trends (compacted: the newest count per window, topic and parties).")
                .define(TOPIC_DEADLETTER_RETENTION_MS, Type.LONG, 30 * DAY_MS, Importance.LOW,
                        "Retention of news.deadletter.")
                .define(DEADLETTER_MAX_ORIGINAL_BYTES, Type.INT, 256 * 1024, Range.atLeast(0), Importance.LOW,
                        "How many bytes of a bad input a dead letter keeps.");
    }

    /** Id of this instance: {@code instance.id}, else host-pid. */
    public String instanceId() {
        return instanceId;
    }

    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS));
    }

    public String schemaRegistryUrl() {
        return String.join(",", getList(SCHEMA_REGISTRY_URL));
    }

    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    public String httpHost() {
        return getString(HTTP_HOST);
    }

    public int deadLetterMaxOriginalBytes() {
        return getInt(DEADLETTER_MAX_ORIGINAL_BYTES);
    }

    /** Settings for the Avro serde: the registry URL and every other serde key given. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> config = pick(AvroSerdeConfig.CONFIG_DEF.names(), null);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl());
        return config;
    }

    /**
     * Producer settings: idempotent, {@code acks=all}, lz4, then whatever the user gave (Kafka's producer keys,
     * {@code producer.}-prefixed keys last).
     */
    public Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 5 * 1024 * 1024);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        config.putAll(pick(ProducerConfig.configNames(), PRODUCER_PREFIX));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, instanceId());
        return config;
    }

    /** Consumer settings: read_committed, manual commits, then the user's consumer keys. */
    public Map<String, Object> consumerConfig(String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putAll(pick(ConsumerConfig.configNames(), CONSUMER_PREFIX));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, instanceId() + "-" + groupId);
        return config;
    }

    /** Admin client settings. */
    public Map<String, Object> adminConfig() {
        Map<String, Object> config = pick(AdminClientConfig.configNames(), ADMIN_PREFIX);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, instanceId() + "-admin");
        return config;
    }

    /**
     * The given Kafka keys from the originals (shared settings), then the keys carrying {@code prefix} with the
     * prefix removed (they win).
     */
    public Map<String, Object> pick(Set<String> names, String prefix) {
        Map<String, Object> picked = new HashMap<>();
        originals().forEach((k, v) -> {
            if (names.contains(k)) {
                picked.put(k, v);
            }
        });
        if (prefix != null) {
            originalsWithPrefix(prefix).forEach(picked::put);
        }
        return picked;
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
