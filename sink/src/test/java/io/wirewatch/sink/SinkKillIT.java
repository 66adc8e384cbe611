package io.wirewatch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.registry.RegistryConfig;
import io.wirewatch.registry.RegistryServer;
import io.wirewatch.sink.testing.ArchiveFiles;
import io.wirewatch.sink.testing.TestPostgres;
import io.wirewatch.sink.testing.TestPublisher;
import io.wirewatch.sink.testing.TestStories;
import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.TestKafka;
import io.wirewatch.testkit.TestRegistry;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink as a separate process, killed with SIGKILL ({@code destroyForcibly}) while it writes, then started again:
 * every story still ends up exactly once in PostgreSQL and exactly once in the archive. The child JVM reaches the
 * same real broker, a real schema registry over HTTP (the project's, on the shared broker) and the same PostgreSQL.
 */
@ExtendWith(KafkaExtension.class)
class SinkKillIT {

    private static final Logger LOG = LoggerFactory.getLogger(SinkKillIT.class);
    private static final int STORIES = 5_000;

    @TempDir
    Path work;

    @Test
    void aSinkProcessKilledHalfwayAndStartedAgainEndsWithExactlyOneRowAndOneArchivedRecordPerStory(TestKafka kafka)
            throws Exception {
        String registry = TestRegistry.url(SinkKillIT::startRegistry);
        String topic = kafka.createTopic(TestKafka.uniqueName("news.enriched"), 3);
        String jdbcUrl = TestPostgres.freshDatabase();
        Path archive = work.resolve("archive");
        Map<String, String> settings = settings(kafka, registry, topic, jdbcUrl, archive);
        Path config = writeProperties(settings, work.resolve("sink.properties"));
        Path log = work.resolve("sink-process.log");
        TestPublisher.publish(kafka, topic, registry, 0, STORIES / 2);

        Process child = startChild(config, log);
        long rowsAtKill;
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !child.isAlive() || rows(jdbcUrl) >= 500);
            assertThat(child.isAlive()).as("the sink process died by itself:%n%s", tail(log)).isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            rowsAtKill = rows(jdbcUrl);
        } finally {
            child.destroyForcibly();
        }
        LOG.info("Killed the sink process at {} rows, {} archived, {} unfinished archive files", rowsAtKill,
                ArchiveFiles.storyIds(archive).size(), ArchiveFiles.inProgress(archive).size());
        assertThat(rowsAtKill).as("killed halfway: some but not all written").isBetween(1L, STORIES - 1L);
        TestPublisher.publish(kafka, topic, registry, STORIES / 2, STORIES);

        SinkService restarted = new SinkService(new SinkConfig(settings));
        try {
            restarted.start();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> rows(jdbcUrl) == STORIES && ArchiveFiles.storyIds(archive).size() >= STORIES);
        } finally {
            restarted.close(Duration.ofSeconds(20));
        }

        List<String> all = IntStream.range(0, STORIES).mapToObj(TestStories::id).toList();
        assertThat(rows(jdbcUrl)).isEqualTo(STORIES);
        assertThat(TestPostgres.queryStrings(jdbcUrl, "SELECT id FROM stories")).containsExactlyInAnyOrderElementsOf(all);
        assertThat(ArchiveFiles.storyIds(archive)).as("none lost, none twice").hasSize(STORIES)
                .containsExactlyInAnyOrderElementsOf(all);
        assertThat(ArchiveFiles.inProgress(archive)).isEmpty();
    }

    private static TestRegistry.Running startRegistry(String bootstrap) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrap);
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", "0");
        RegistryServer server = RegistryServer.start(new RegistryConfig(settings));
        return new TestRegistry.Running(server.url(), server::close);
    }

    private static Map<String, String> settings(TestKafka kafka, String registry, String topic, String jdbcUrl,
                                                Path archive) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("schema.registry.url", registry);
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", "0");
        settings.put("topic.enriched", topic);
        settings.put("topic.deadletter", TestKafka.uniqueName("news.deadletter"));
        settings.put("topics.replication.factor", "1");
        settings.put("sink.group.id", TestKafka.uniqueName("wirewatch-sink"));
        // static membership: the restarted sink takes over the killed one's partitions at once instead of waiting
        // for its session to time out (what a StatefulSet deployment would do too)
        settings.put("consumer.group.instance.id", "sink-0");
        settings.put("consumer.session.timeout.ms", "10000");
        settings.put("sink.batch.size", "100");
        settings.put("sink.poll.timeout.ms", "100");
        settings.put("archive.dir", archive.toString());
        settings.put("archive.roll.ms", "700");
        settings.put("postgres.jdbc.url", jdbcUrl);
        settings.put("postgres.user", TestPostgres.user());
        settings.put("postgres.password", TestPostgres.password());
        settings.put("postgres.pool.size", "2");
        return settings;
    }

    private static Path writeProperties(Map<String, String> settings, Path file) throws IOException {
        Properties properties = new Properties();
        properties.putAll(settings);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "sink under test");
        }
        return file;
    }

    /** A JVM with this test's classpath running {@link SinkProcessMain}, its output in {@code log}. */
    private static Process startChild(Path config, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), SinkProcessMain.class.getName(), config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        return builder.start();
    }

    private static long rows(String jdbcUrl) {
        try {
            return TestPostgres.queryLong(jdbcUrl, "SELECT count(*) FROM stories");
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // the child has not migrated the database yet
            }
            throw new IllegalStateException("Cannot count the stories in " + jdbcUrl, e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
