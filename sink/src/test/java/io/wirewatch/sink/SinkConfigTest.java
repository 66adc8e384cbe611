package io.wirewatch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.platform.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SinkConfigTest {

    @Test
    void defaultsEnableBothSinksOnPort8093() {
        SinkConfig config = new SinkConfig(Map.of());

        assertThat(config.httpPort()).isEqualTo(8093);
        assertThat(config.sinks()).containsExactly("archive", "postgres");
        assertThat(config.groupId()).isEqualTo("wirewatch-sink");
        assertThat(config.archiveSettings().codec()).isEqualTo("deflate");
        assertThat(config.archiveSettings().root()).isEqualTo(Path.of("archive"));
        assertThat(config.archiveSettings().rollAge()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.postgresSettings().jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/wirewatch");
    }

    @Test
    void environmentVariablesSetSinkKeys() {
        Map<String, String> merged = ConfigLoader.load(null, Map.of(
                "WIREWATCH_ARCHIVE_DIR", "/data/archive",
                "WIREWATCH_ARCHIVE_CODEC", "zstd",
                "WIREWATCH_POSTGRES_JDBC_URL", "jdbc:postgresql://db:5432/news",
                "WIREWATCH_SINK_SINKS", "postgres"), Map.of("postgres.pool.size", "8"));

        SinkConfig config = new SinkConfig(merged);

        assertThat(config.archiveSettings().root()).isEqualTo(Path.of("/data/archive"));
        assertThat(config.archiveSettings().codec()).isEqualTo("zstd");
        assertThat(config.postgresSettings().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/news");
        assertThat(config.postgresSettings().poolSize()).isEqualTo(8);
        assertThat(config.sinks()).containsExactly("postgres");
    }

    @Test
    void theConsumerReadsCommittedOnlyWithManualCommitsAndTheBatchSize() {
        SinkConfig config = new SinkConfig(Map.of("sink.batch.size", "250", "enable.auto.commit", "true",
                "consumer.isolation.level", "read_uncommitted"));

        Map<String, Object> consumer = config.sinkConsumerConfig();

        assertThat(consumer).containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 250)
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "wirewatch-sink");
    }

    @Test
    void unknownSinksAndCodecsAreRejectedWithTheirKey() {
        assertThatThrownBy(() -> new SinkConfig(Map.of("sink.sinks", "archive,s3")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sink.sinks").hasMessageContaining("s3");
        assertThatThrownBy(() -> new SinkConfig(Map.of("sink.sinks", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at least one sink");
        assertThatThrownBy(() -> new SinkConfig(Map.of("archive.codec", "snappy")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("archive.codec");
    }

    @Test
    void thePasswordIsNotPrintedWithTheSettings() {
        SinkConfig config = new SinkConfig(Map.of("postgres.password", "s3cret"));

        assertThat(config.postgresSettings().password()).isEqualTo("s3cret");
        assertThat(config.postgresSettings().toString()).doesNotContain("s3cret");
    }
}
