package io.wirewatch.sink;

import io.wirewatch.platform.config.WirewatchConfig;
import io.wirewatch.sink.archive.ArchiveSettings;
import io.wirewatch.sink.pipeline.SinkLoop;
import io.wirewatch.sink.postgres.PostgresSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the sink service: the common ones ({@link WirewatchConfig#commonDef(int)}, HTTP port 8093) plus the
 * consumer loop ({@code sink.*}), the archive ({@code archive.*}) and PostgreSQL ({@code postgres.*}).
 */
public final class SinkConfig extends WirewatchConfig {

    public static final int DEFAULT_HTTP_PORT = 8093;

    /** The sinks there are. */
    public static final String SINK_ARCHIVE = "archive";
    public static final String SINK_POSTGRES = "postgres";

    public static final String GROUP_ID = "sink.group.id";
    public static final String SINKS = "sink.sinks";
    public static final String BATCH_SIZE = "sink.batch.size";
    public static final String POLL_TIMEOUT_MS = "sink.poll.timeout.ms";
    public static final String RETRY_BACKOFF_MS = "sink.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "sink.retry.backoff.max.ms";
    public static final String SHUTDOWN_TIMEOUT_MS = "sink.shutdown.timeout.ms";

    public static final String ARCHIVE_DIR = "archive.dir";
    public static final String ARCHIVE_CODEC = "archive.codec";
    public static final String ARCHIVE_CODEC_LEVEL = "archive.codec.level";
    public static final String ARCHIVE_ROLL_BYTES = "archive.roll.bytes";
    public static final String ARCHIVE_ROLL_MS = "archive.roll.ms";
    public static final String ARCHIVE_MAX_OPEN_FILES = "archive.max.open.files";

    public static final String POSTGRES_JDBC_URL = "postgres.jdbc.url";
    public static final String POSTGRES_USER = "postgres.user";
    public static final String POSTGRES_PASSWORD = "postgres.password";
    public static final String POSTGRES_SCHEMA = "postgres.schema";
    public static final String POSTGRES_POOL_SIZE = "postgres.pool.size";
    public static final String POSTGRES_CONNECT_TIMEOUT_MS = "postgres.connect.timeout.ms";
    public static final String POSTGRES_SOCKET_TIMEOUT_MS = "postgres.socket.timeout.ms";
    public static final String POSTGRES_MIGRATE = "postgres.migrate";

    public static final ConfigDef CONFIG_DEF = definition();

    public SinkConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        sinks();
        archiveSettings();
    }

    private static ConfigDef definition() {
        return WirewatchConfig.commonDef(DEFAULT_HTTP_PORT)
                .define(GROUP_ID, Type.STRING, "wirewatch-sink", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                        "Consumer group of the sink. Instances with the same group share the partitions of "
                                + "news.enriched; offsets are committed only after every enabled sink holds the "
                                + "records durably.")
                .define(SINKS, Type.LIST, List.of(SINK_ARCHIVE, SINK_POSTGRES), Importance.HIGH,
                        "Enabled sinks, comma-separated: 'archive' (Avro files under archive.dir) and/or "
                                + "'postgres' (tables in postgres.jdbc.url).")
                .define(BATCH_SIZE, Type.INT, 500, Range.between(1, 100_000), Importance.MEDIUM,
                        "Most records one poll returns (max.poll.records); each poll is one batch: one PostgreSQL "
                                + "transaction, then one offset commit.")
                .define(POLL_TIMEOUT_MS, Type.LONG, 500L, Range.between(10, 60_000), Importance.LOW,
                        "How long one poll waits for records; also bounds how quickly the sink notices a stop "
                                + "request and rolls archive files by age.")
                .define(RETRY_BACKOFF_MS, Type.LONG, 500L, Range.atLeast(1), Importance.LOW,
                        "Pause after a sink failed, before the records are delivered again; doubles with each "
                                + "failure in a row.")
                .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 30_000L, Range.atLeast(1), Importance.LOW,
                        "Longest pause between retries of a failing sink.")
                .define(SHUTDOWN_TIMEOUT_MS, Type.LONG, 30_000L, Range.atLeast(0), Importance.LOW,
                        "How long a graceful stop may take to flush the sinks and commit.")
                .define(ARCHIVE_DIR, Type.STRING, "archive", new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "Root directory of the Avro archive (dt=YYYY-MM-DD/ subdirectories). Created if missing.")
                .define(ARCHIVE_CODEC, Type.STRING, "deflate",
                        ConfigDef.CaseInsensitiveValidString.in("deflate", "zstd", "null"), Importance.MEDIUM,
                        "Compression of the archive files: deflate (any Avro tool reads it), zstd (smaller and "
                                + "faster; needs a reader with zstd support) or null.")
                .define(ARCHIVE_CODEC_LEVEL, Type.INT, -1, Range.between(-1, 22), Importance.LOW,
                        "Compression level; -1 takes the codec's default (deflate 6, zstd 3).")
                .define(ARCHIVE_ROLL_BYTES, Type.LONG, 128L * 1024 * 1024, Range.atLeast(1), Importance.MEDIUM,
                        "Finish a partition's open files once they hold this many bytes.")
                .define(ARCHIVE_ROLL_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.MEDIUM,
                        "Finish a partition's open files once the oldest is this old. Offsets are committed only "
                                + "for finished files, so this bounds how far commits lag behind.")
                .define(ARCHIVE_MAX_OPEN_FILES, Type.INT, 32, Range.between(1, 10_000), Importance.LOW,
                        "Most days one partition may have open files for; a batch spanning more days (a replay "
                                + "of old stories) finishes the files first.")
                .define(POSTGRES_JDBC_URL, Type.STRING, "jdbc:postgresql://localhost:5432/wirewatch",
                        Importance.HIGH, "JDBC URL of the PostgreSQL database.")
                .define(POSTGRES_USER, Type.STRING, "wirewatch", Importance.HIGH, "PostgreSQL user.")
                .define(POSTGRES_PASSWORD, Type.PASSWORD, "", Importance.HIGH, "PostgreSQL password.")
                .define(POSTGRES_SCHEMA, Type.STRING, "public", new ConfigDef.NonEmptyString(), Importance.LOW,
                        "Schema of the sink's tables (created by the migrations when missing).")
                .define(POSTGRES_POOL_SIZE, Type.INT, 2, Range.between(1, 100), Importance.LOW,
                        "Most connections in the pool. The sink writes from one thread; the second connection is a "
                                + "spare while a broken one is replaced.")
                .define(POSTGRES_CONNECT_TIMEOUT_MS, Type.LONG, 10_000L, Range.atLeast(250), Importance.LOW,
                        "How long to wait for a connection from the pool (and so for the server) before the "
                                + "write fails and is retried.")
                .define(POSTGRES_SOCKET_TIMEOUT_MS, Type.LONG, 120_000L, Range.atLeast(1000), Importance.LOW,
                        "How long one statement may wait on the network before the write fails and is retried.")
                .define(POSTGRES_MIGRATE, Type.BOOLEAN, true, Importance.LOW,
                        "Apply the Flyway migrations (db/migration) at startup; set false when a DBA applies them.");
    }

    /** The enabled sinks, lower-case, in configured order. */
    public Set<String> sinks() {
        Set<String> sinks = new LinkedHashSet<>();
        for (String sink : getList(SINKS)) {
            String name = sink.trim().toLowerCase(Locale.ROOT);
            if (!name.equals(SINK_ARCHIVE) && !name.equals(SINK_POSTGRES)) {
                throw new ConfigException(SINKS, getList(SINKS), "unknown sink '" + sink + "': use archive, postgres "
                        + "or both");
            }
            sinks.add(name);
        }
        if (sinks.isEmpty()) {
            throw new ConfigException(SINKS, getList(SINKS), "enable at least one sink: archive, postgres or both");
        }
        return sinks;
    }

    public String groupId() {
        return getString(GROUP_ID);
    }

    public Duration shutdownTimeout() {
        return Duration.ofMillis(getLong(SHUTDOWN_TIMEOUT_MS));
    }

    public SinkLoop.Settings loopSettings() {
        return new SinkLoop.Settings(Duration.ofMillis(getLong(POLL_TIMEOUT_MS)),
                Duration.ofMillis(getLong(RETRY_BACKOFF_MS)), Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS)),
                Duration.ofMillis(Math.min(getLong(SHUTDOWN_TIMEOUT_MS), 30_000L)));
    }

    public ArchiveSettings archiveSettings() {
        try {
            return new ArchiveSettings(Path.of(getString(ARCHIVE_DIR)), getString(ARCHIVE_CODEC),
                    getInt(ARCHIVE_CODEC_LEVEL), getLong(ARCHIVE_ROLL_BYTES), Duration.ofMillis(getLong(ARCHIVE_ROLL_MS)),
                    getInt(ARCHIVE_MAX_OPEN_FILES));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ARCHIVE_CODEC, getString(ARCHIVE_CODEC), e.getMessage());
        }
    }

    public PostgresSettings postgresSettings() {
        return new PostgresSettings(getString(POSTGRES_JDBC_URL), getString(POSTGRES_USER),
                getPassword(POSTGRES_PASSWORD).value(), getInt(POSTGRES_POOL_SIZE),
                Duration.ofMillis(getLong(POSTGRES_CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(getLong(POSTGRES_SOCKET_TIMEOUT_MS)), getString(POSTGRES_SCHEMA),
                getBoolean(POSTGRES_MIGRATE));
    }

    /**
     * The consumer's settings: read_committed, manual commits, {@code max.poll.records} = {@code sink.batch.size}
     * unless given explicitly.
     */
    public Map<String, Object> sinkConsumerConfig() {
        Map<String, Object> config = consumerConfig(groupId());
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, getInt(BATCH_SIZE));
        // exactly-once into the sinks depends on these two: not overridable
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }
}
