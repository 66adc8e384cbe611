package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.ingest.source.FeedSpec;
import io.wirewatch.platform.config.ConfigLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    @Test
    void everyIngestKeyHasADefaultOrIsOptionalAndIsDocumented() {
        IngestConfig config = new IngestConfig(Map.of());

        assertThat(config.httpPort()).isEqualTo(8091);
        assertThat(config.spoolDir()).isNull();
        assertThat(config.httpToken()).isNull();
        assertThat(config.feeds()).isEmpty();
        assertThat(IngestConfig.CONFIG_DEF.configKeys().values())
                .allSatisfy(key -> assertThat(key.documentation).as(key.name).isNotBlank());
    }

    @Test
    void environmentVariablesSetIngestKeys() {
        Map<String, String> settings = ConfigLoader.load(null, Map.of(
                "WIREWATCH_INGEST_SPOOL_DIR", "/var/spool/wirewatch",
                "WIREWATCH_INGEST_HTTP_TOKEN", "t0ken",
                "WIREWATCH_INGEST_FEEDS", "a=https://a.example/rss,b=http://b.example/atom.xml"), Map.of());

        IngestConfig config = new IngestConfig(settings);

        assertThat(config.spoolDir()).isEqualTo(Path.of("/var/spool/wirewatch"));
        assertThat(config.httpToken()).isEqualTo("t0ken");
        assertThat(config.feeds()).containsExactly(new FeedSpec("a", URI.create("https://a.example/rss")),
                new FeedSpec("b", URI.create("http://b.example/atom.xml")));
    }

    @Test
    void malformedFeedEntriesAreRefusedNamingTheEntry() {
        assertThatThrownBy(() -> new IngestConfig(Map.of("ingest.feeds", "https://no-name.example/rss")).feeds())
                .isInstanceOf(ConfigException.class).hasMessageContaining("NAME=URL");
        assertThatThrownBy(() -> new IngestConfig(Map.of("ingest.feeds", "x=ftp://files.example/feed")).feeds())
                .isInstanceOf(ConfigException.class).hasMessageContaining("http://");
        assertThatThrownBy(() -> new IngestConfig(Map.of("ingest.feeds", "x=http://a.example/,x=http://b.example/"))
                .feeds()).isInstanceOf(ConfigException.class).hasMessageContaining("used twice");
    }

    @Test
    void theProducerIsTransactionalIdempotentAndWaitsForAllReplicas() {
        Map<String, Object> producer = new IngestConfig(Map.of("ingest.transactional.id", "ingest-7",
                "producer.linger.ms", "25")).transactionalProducerConfig();

        assertThat(producer).containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ingest-7")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "25")
                .containsKey(ProducerConfig.COMPRESSION_TYPE_CONFIG);
    }
}
