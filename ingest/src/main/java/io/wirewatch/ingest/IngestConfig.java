package io.wirewatch.ingest;

import io.wirewatch.ingest.source.FeedSpec;
import io.wirewatch.platform.config.WirewatchConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings of the ingest service: the shared ones ({@link WirewatchConfig#commonDef}, HTTP port 8091) plus the
 * sources (spool directory, HTTP push, feeds), input limits and the transactional hand-off to Kafka. Every key is
 * also an environment variable: {@code ingest.spool.dir} is {@code WIREWATCH_INGEST_SPOOL_DIR}.
 */
public final class IngestConfig extends WirewatchConfig {

    public static final int DEFAULT_HTTP_PORT = 8091;

    public static final String MAX_INPUT_BYTES = "ingest.max.input.bytes";
    public static final String MAX_RECORD_BYTES = "ingest.max.record.bytes";
    public static final String TRANSACTIONAL_ID = "ingest.transactional.id";
    public static final String PROGRESS_TOPIC = "ingest.progress.topic";
    public static final String JSONL_BATCH_LINES = "ingest.jsonl.batch.lines";
    public static final String TRANSACTION_MAX_FILES = "ingest.transaction.max.files";
    public static final String TRANSACTION_MAX_BYTES = "ingest.transaction.max.bytes";
    public static final String PUBLISH_BACKOFF_MAX_MS = "ingest.publish.backoff.max.ms";
    public static final String FILES_SOURCE = "ingest.files.source";
    public static final String SPOOL_DIR = "ingest.spool.dir";
    public static final String SPOOL_SOURCE = "ingest.spool.source";
    public static final String SPOOL_POLL_MS = "ingest.spool.poll.ms";
    public static final String HTTP_TOKEN = "ingest.http.token";
    public static final String HTTP_SOURCE = "ingest.http.source";
    public static final String HTTP_MAX_BODY_BYTES = "ingest.http.max.body.bytes";
    public static final String HTTP_MAX_CONCURRENT = "ingest.http.max.concurrent";
    public static final String FEEDS = "ingest.feeds";
    public static final String FEED_INTERVAL_MS = "ingest.feed.interval.ms";
    public static final String FEED_TIMEOUT_MS = "ingest.feed.timeout.ms";
    public static final String FEED_BACKOFF_MAX_MS = "ingest.feed.backoff.max.ms";
    public static final String FEED_SEEN_MAX = "ingest.feed.seen.max";

    private static final long MIB = 1024L * 1024;

    public static final ConfigDef CONFIG_DEF = WirewatchConfig.commonDef(DEFAULT_HTTP_PORT)
            .define(MAX_INPUT_BYTES, Type.LONG, 10 * MIB, Range.atLeast(1), Importance.MEDIUM,
                    "Largest input ingest reads: a file, an HTTP body, a feed document, one JSON Lines line. Larger "
                            + "ones become TOO_LARGE dead letters without being read whole. JSON Lines files are "
                            + "read line by line and may be of any size.")
            .define(MAX_RECORD_BYTES, Type.INT, 4 * (int) MIB, Range.atLeast(1024), Importance.LOW,
                    "Largest serialized RawStory sent to news.raw; a larger story becomes a TOO_LARGE dead letter. "
                            + "Keep it below the topic's max.message.bytes (5 MiB).")
            .define(TRANSACTIONAL_ID, Type.STRING, "wirewatch-ingest", Importance.MEDIUM,
                    "Kafka transactional.id of the ingest producer. Must stay the same across restarts of one "
                            + "instance (a restart then aborts what the previous run left open) and differ between "
                            + "instances running at the same time.")
            .define(PROGRESS_TOPIC, Type.STRING, "_wirewatch.ingest.progress", Importance.LOW,
                    "Compacted topic where ingest records, in the same transaction as the stories, which files "
                            + "(and which lines of JSON Lines files) are done; read at startup so a restart neither "
                            + "re-sends nor skips a file.")
            .define(JSONL_BATCH_LINES, Type.INT, 500, Range.atLeast(1), Importance.LOW,
                    "Lines of a JSON Lines file sent per transaction; progress is recorded after each batch.")
            .define(TRANSACTION_MAX_FILES, Type.INT, 100, Range.atLeast(1), Importance.LOW,
                    "Most files (spool or --once) committed in one transaction, each with its own progress record. "
                            + "1 gives one transaction per file; more is faster for many small files.")
            .define(TRANSACTION_MAX_BYTES, Type.LONG, 8 * MIB, Range.atLeast(1), Importance.LOW,
                    "Most bytes of input files grouped into one transaction (a larger file goes alone).")
            .define(PUBLISH_BACKOFF_MAX_MS, Type.LONG, 30_000L, Range.atLeast(10), Importance.LOW,
                    "Longest wait between attempts to publish when the broker or registry is unavailable "
                            + "(exponential from 100 ms, with jitter). Sources wait meanwhile.")
            .define(FILES_SOURCE, Type.STRING, "files", Importance.LOW,
                    "Source name of stories read from files and globs given on the command line.")
            .define(SPOOL_DIR, Type.STRING, "", Importance.HIGH,
                    "Spool directory watched for new files (empty: no spool). Processed files move to done/, "
                            + "files that gave no story to failed/. Write files elsewhere and move them in, or name "
                            + "them *.tmp / *.part / .* while writing: those are ignored.")
            .define(SPOOL_SOURCE, Type.STRING, "spool", Importance.LOW,
                    "Source name of stories read from the spool directory.")
            .define(SPOOL_POLL_MS, Type.LONG, 1000L, Range.atLeast(10), Importance.LOW,
                    "How often the spool directory is listed for new files.")
            .define(HTTP_TOKEN, Type.PASSWORD, "", Importance.HIGH,
                    "Bearer token POST /stories requires. Empty: POST /stories is disabled (answers 404).")
            .define(HTTP_SOURCE, Type.STRING, "http", Importance.LOW,
                    "Default source name of pushed stories; a request may name its own with ?source=NAME.")
            .define(HTTP_MAX_BODY_BYTES, Type.LONG, 10 * MIB, Range.atLeast(1), Importance.MEDIUM,
                    "Largest body POST /stories accepts (413 beyond).")
            .define(HTTP_MAX_CONCURRENT, Type.INT, 4, Range.atLeast(1), Importance.LOW,
                    "Pushes handled at once; further requests wait up to 10 s, then get 503 with Retry-After. "
                            + "Bounds memory to about this many bodies.")
            .define(FEEDS, Type.LIST, "", Importance.HIGH,
                    "RSS/Atom feeds to poll, comma-separated NAME=URL entries (the name is the story source), e.g. "
                            + "'example-rss=https://news.example/rss.xml'. Empty: no polling.")
            .define(FEED_INTERVAL_MS, Type.LONG, 300_000L, Range.atLeast(100), Importance.MEDIUM,
                    "Time between polls of one feed when it answers.")
            .define(FEED_TIMEOUT_MS, Type.LONG, 15_000L, Range.atLeast(10), Importance.LOW,
                    "Connect and response timeout of one feed request.")
            .define(FEED_BACKOFF_MAX_MS, Type.LONG, 3_600_000L, Range.atLeast(100), Importance.LOW,
                    "Longest wait before polling a failing feed again (doubling from the interval, with jitter).")
            .define(FEED_SEEN_MAX, Type.INT, 5_000, Range.atLeast(1), Importance.LOW,
                    "Item ids remembered per feed (oldest forgotten first), so unchanged items are not re-sent.");

    public IngestConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    public long maxInputBytes() {
        return getLong(MAX_INPUT_BYTES);
    }

    public int maxRecordBytes() {
        return getInt(MAX_RECORD_BYTES);
    }

    public String progressTopic() {
        return getString(PROGRESS_TOPIC);
    }

    public int jsonlBatchLines() {
        return getInt(JSONL_BATCH_LINES);
    }

    public int transactionMaxFiles() {
        return getInt(TRANSACTION_MAX_FILES);
    }

    public long transactionMaxBytes() {
        return getLong(TRANSACTION_MAX_BYTES);
    }

    public Duration publishBackoffMax() {
        return Duration.ofMillis(getLong(PUBLISH_BACKOFF_MAX_MS));
    }

    public String filesSource() {
        return getString(FILES_SOURCE);
    }

    /** The spool directory, or null when none is configured. */
    public Path spoolDir() {
        String dir = getString(SPOOL_DIR);
        return dir == null || dir.isBlank() ? null : Path.of(dir.trim());
    }

    public String spoolSource() {
        return getString(SPOOL_SOURCE);
    }

    public Duration spoolPoll() {
        return Duration.ofMillis(getLong(SPOOL_POLL_MS));
    }

    /** The bearer token of POST /stories, or null when pushing is disabled. */
    public String httpToken() {
        Password token = getPassword(HTTP_TOKEN);
        return token == null || token.value().isBlank() ? null : token.value();
    }

    public String httpSource() {
        return getString(HTTP_SOURCE);
    }

    public long httpMaxBodyBytes() {
        return getLong(HTTP_MAX_BODY_BYTES);
    }

    public int httpMaxConcurrent() {
        return getInt(HTTP_MAX_CONCURRENT);
    }

    /** The configured feeds; a malformed entry is a ConfigException naming it. */
    public List<FeedSpec> feeds() {
        return FeedSpec.parseAll(getList(FEEDS));
    }

    public Duration feedInterval() {
        return Duration.ofMillis(getLong(FEED_INTERVAL_MS));
    }

    public Duration feedTimeout() {
        return Duration.ofMillis(getLong(FEED_TIMEOUT_MS));
    }

    public Duration feedBackoffMax() {
        return Duration.ofMillis(getLong(FEED_BACKOFF_MAX_MS));
    }

    public int feedSeenMax() {
        return getInt(FEED_SEEN_MAX);
    }

    /**
     * The shared producer settings plus a transactional id; {@code max.block.ms} defaults to 15 s so an absent
     * broker surfaces as a retriable timeout the publisher backs off from, and {@code retry.backoff.ms} to 10 ms.
     */
    public Map<String, Object> transactionalProducerConfig() {
        Map<String, Object> config = producerConfig();
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        // a transaction begun right after a commit meets CONCURRENT_TRANSACTIONS until the markers are written;
        // the default 100 ms backoff would cap ingest at ~10 transactions/s
        config.putIfAbsent(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, getString(TRANSACTIONAL_ID));
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }
}
