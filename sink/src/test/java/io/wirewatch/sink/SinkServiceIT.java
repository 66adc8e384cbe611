package io.wirewatch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.platform.http.Health;
import io.wirewatch.serde.AvroSerde;
import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.serde.MockSchemaRegistry;
import io.wirewatch.sink.pipeline.Batch;
import io.wirewatch.sink.pipeline.RecordSink;
import io.wirewatch.sink.pipeline.Rejection;
import io.wirewatch.sink.pipeline.SinkLoop;
import io.wirewatch.sink.testing.ArchiveFiles;
import io.wirewatch.sink.testing.TestPostgres;
import io.wirewatch.sink.testing.TestPublisher;
import io.wirewatch.sink.testing.TestStories;
import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink service in-process, end to end: a real Kafka broker (testkit), a real PostgreSQL server (embedded
 * binaries), the archive on disk, values written with the project's Avro serde (mock:// registry). The archive is
 * read back with Avro's own {@code DataFileReader}, the database with plain JDBC. The crash of a separate process is
 * {@link SinkKillIT}.
 */
@ExtendWith(KafkaExtension.class)
class SinkServiceIT {

    private static final Logger LOG = LoggerFactory.getLogger(SinkServiceIT.class);

    @TempDir
    Path archive;

    private final TestKafka kafka;
    private final String registry = "mock://" + TestKafka.uniqueName("sink-registry");
    private final String enrichedTopic = TestKafka.uniqueName("news.enriched");
    private final String deadLetterTopic = TestKafka.uniqueName("news.deadletter");
    private final String group = TestKafka.uniqueName("wirewatch-sink");
    private final List<SinkService> services = new ArrayList<>();
    private String jdbcUrl;

    SinkServiceIT(TestKafka kafka) {
        this.kafka = kafka;
    }

    @BeforeEach
    void freshDatabaseAndTopic() {
        jdbcUrl = TestPostgres.freshDatabase();
        kafka.createTopic(enrichedTopic, 3);
    }

    @AfterEach
    void closeServices() {
        services.forEach(s -> s.close(Duration.ofSeconds(20)));
        MockSchemaRegistry.dropScope(registry.substring("mock://".length()));
    }

    private SinkConfig config() {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("schema.registry.url", registry);
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", "0");
        settings.put("topic.enriched", enrichedTopic);
        settings.put("topic.deadletter", deadLetterTopic);
        settings.put("topics.partitions", "3");
        settings.put("topics.replication.factor", "1");
        settings.put("sink.group.id", group);
        settings.put("sink.poll.timeout.ms", "100");
        settings.put("sink.retry.backoff.ms", "100");
        settings.put("archive.dir", archive.toString());
        settings.put("archive.roll.ms", "500");
        settings.put("archive.roll.bytes", String.valueOf(512 * 1024));
        settings.put("postgres.jdbc.url", jdbcUrl);
        settings.put("postgres.user", TestPostgres.user());
        settings.put("postgres.password", TestPostgres.password());
        settings.put("postgres.pool.size", "2");
        return new SinkConfig(settings);
    }

    private SinkService start(SinkFactory factory) {
        SinkService service = new SinkService(config(), factory);
        services.add(service);
        service.start();
        return service;
    }

    private long rows() throws Exception {
        return TestPostgres.queryLong(jdbcUrl, "SELECT count(*) FROM stories");
    }

    private long committed() throws Exception {
        return kafka.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS).values().stream().mapToLong(o -> o == null ? 0 : o.offset()).sum();
    }

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(TestStories::id).toList();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void fiveThousandStoriesEndUpExactlyOnceInPostgresAndInTheArchive() throws Exception {
        int stories = 5_000;
        SinkService service = start(Sinks::fromConfig);
        long started = System.nanoTime();

        TestPublisher.publish(kafka, enrichedTopic, registry, 0, stories,
                "not an enriched story".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> service.stats().storedInEverySink() >= stories && service.stats().deadLettered() == 1);
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info("{} stories reached PostgreSQL and the archive in {} s ({} stories/s, publishing included)",
                stories, String.format("%.1f", seconds), Math.round(stories / seconds));

        assertThat(rows()).isEqualTo(stories);
        assertThat(TestPostgres.queryStrings(jdbcUrl, "SELECT id FROM stories"))
                .containsExactlyInAnyOrderElementsOf(ids(stories));
        assertThat(ArchiveFiles.storyIds(archive)).hasSize(stories).containsExactlyInAnyOrderElementsOf(ids(stories));
        assertThat(ArchiveFiles.finished(archive)).allSatisfy(f -> assertThat(f.getFileName().toString())
                .matches(Pattern.quote(enrichedTopic) + "-[0-2]-\\d{12}-\\d{12}\\.avro"));
        assertThat(TestPostgres.queryStrings(jdbcUrl,
                "SELECT id FROM stories WHERE search @@ plainto_tsquery('english', ?)", TestStories.marker(4321)))
                .containsExactly(TestStories.id(4321));

        List<ConsumerRecord<String, DeadLetter>> letters = kafka.readRecords(deadLetterTopic, 1,
                new StringDeserializer(), AvroSerde.specific(DeadLetter.class,
                        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry), false).deserializer(),
                Duration.ofSeconds(30));
        assertThat(letters).singleElement().satisfies(r -> {
            assertThat(r.value().getReasonCode()).isEqualTo("DESERIALIZATION");
            assertThat(r.value().getOrigin().getTopic()).isEqualTo(enrichedTopic);
            assertThat(new String(r.value().getOriginal().array(), StandardCharsets.UTF_8))
                    .isEqualTo("not an enriched story");
        });

        HttpResponse<String> ready = get(service.url() + "/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"sink.archive\"", "\"sink.postgres\"", "\"consumer\"");
        String metrics = get(service.url() + "/metrics").body();
        assertThat(metrics).contains("wirewatch_sink_archive_files_rolled_total", "wirewatch_sink_postgres_rows_total",
                "wirewatch_sink_records_total", "kafka_consumer_fetch_manager_records_lag");
        metrics.lines().filter(l -> l.startsWith("wirewatch_sink_write_seconds_sum")
                || l.startsWith("wirewatch_sink_write_seconds_count")).forEach(l -> LOG.info("{}", l));

        service.close(Duration.ofSeconds(20));
        assertThat(committed()).as("an orderly stop commits every record, the dead-lettered one included")
                .isEqualTo(stories + 1);
        assertThat(ArchiveFiles.inProgress(archive)).isEmpty();
    }

    @Test
    void aSinkThatDiesMidBatchAfterTheArchiveTookItLosesNothingAndDuplicatesNothing() throws Exception {
        int stories = 1_000;
        TestPublisher.publish(kafka, enrichedTopic, registry, 0, stories);
        // first life: the archive has taken a batch, PostgreSQL has not; the loop dies on an Error right there, with
        // no flush, no commit and no orderly close of the sinks
        SinkService first = start((config, metrics) -> dyingAfter(Sinks.fromConfig(config, metrics), stories / 2));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> first.state() == SinkLoop.State.CRASHED);
        assertThat(first.health().live().up()).isFalse();
        first.close(Duration.ofSeconds(10));
        long rowsAtCrash = rows();
        LOG.info("At the crash: {} rows, {} archived, {} committed, {} unfinished archive files", rowsAtCrash,
                ArchiveFiles.storyIds(archive).size(), committed(), ArchiveFiles.inProgress(archive).size());
        assertThat(rowsAtCrash).isBetween(1L, stories - 1L);
        assertThat(committed()).isLessThan(stories);
        assertThat(ArchiveFiles.inProgress(archive)).as("the dead loop left unfinished files").isNotEmpty();

        SinkService second = start(Sinks::fromConfig);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> rows() == stories && ArchiveFiles.storyIds(archive).size() >= stories);
        second.close(Duration.ofSeconds(20));
        assertThat(rows()).isEqualTo(stories);
        assertThat(ArchiveFiles.storyIds(archive)).as("none lost, none twice").hasSize(stories)
                .containsExactlyInAnyOrderElementsOf(ids(stories));
        assertThat(ArchiveFiles.inProgress(archive)).isEmpty();
        assertThat(committed()).isEqualTo(stories);
    }

    /** Wraps the sinks so that the PostgreSQL one dies once it holds {@code after} stories. */
    private static List<RecordSink> dyingAfter(List<RecordSink> sinks, long after) {
        return sinks.stream().map(s -> s.name().equals("postgres") ? new DyingSink(s, after) : s).toList();
    }

    /** Thrown where a killed process would simply stop: an Error, so no one handles it as a sink failure. */
    private static final class SimulatedDeath extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedDeath() {
            super("simulated death of the process");
        }
    }

    private static final class DyingSink implements RecordSink {
        private final RecordSink delegate;
        private final long after;

        DyingSink(RecordSink delegate, long after) {
            this.delegate = delegate;
            this.after = after;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public void assign(Map<TopicPartition, Long> positions) {
            delegate.assign(positions);
        }

        @Override
        public List<Rejection> write(Batch batch) throws Exception {
            if (delegate.stored() >= after) {
                throw new SimulatedDeath();
            }
            return delegate.write(batch);
        }

        @Override
        public void tick() throws Exception {
            delegate.tick();
        }

        @Override
        public void flush(Collection<TopicPartition> partitions) throws Exception {
            delegate.flush(partitions);
        }

        @Override
        public long durableOffset(TopicPartition partition) {
            return delegate.durableOffset(partition);
        }

        @Override
        public long nextOffset(TopicPartition partition) {
            return delegate.nextOffset(partition);
        }

        @Override
        public void abort() {
            delegate.abort();
        }

        @Override
        public void revoke(Collection<TopicPartition> partitions) {
            delegate.revoke(partitions);
        }

        @Override
        public long stored() {
            return delegate.stored();
        }

        @Override
        public Health.Check check() {
            return delegate.check();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
