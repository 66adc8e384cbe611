package io.wirewatch.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.RawStory;
import io.wirewatch.ingest.IngestCommand;
import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.TestKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery guarantee, proven the honest way: the ingest service runs in a child JVM on a spool of 1,000 files of
 * mixed formats (50 malformed), is killed with SIGKILL once some but not all stories are visible on news.raw, and is
 * started again. A read_committed consumer then finds every story id exactly once and every malformed file exactly
 * once as a dead letter with its reason and file name.
 */
@ExtendWith(KafkaExtension.class)
class SpoolCrashIT {

    private static final int FILES = 1000;
    private static final int MALFORMED_EVERY = 20;

    @TempDir
    Path work;

    @Test
    void anAbruptStopHalfwayLosesNothingAndDuplicatesNothing(TestKafka kafka) throws Exception {
        Path spool = work.resolve("spool");
        SpoolCorpus corpus = SpoolCorpus.write(spool, FILES, MALFORMED_EVERY);
        assertThat(corpus.storyIds).hasSize(950);
        assertThat(corpus.malformed).hasSize(50);
        TestSettings settings = new TestSettings(kafka)
                .with("ingest.spool.dir", spool.toString())
                .with("ingest.spool.poll.ms", "100")
                .with("ingest.transaction.max.files", "5");

        Process first = startChild(settings, Path.of("target", "spool-crash-first.log"));
        long seenBeforeKill;
        try (KafkaConsumer<String, byte[]> watcher = readCommitted(kafka)) {
            seenBeforeKill = awaitSome(watcher, settings.raw, 150);
        } finally {
            first.destroyForcibly().waitFor();
        }
        assertThat(seenBeforeKill).as("stories visible when the child was killed").isBetween(150L, 949L);
        assertThat(regularFiles(spool)).as("files still waiting in the spool at the kill").isNotEmpty();

        System.out.printf("spool crash: killed the child with %d of 950 stories committed%n", seenBeforeKill);
        Process second = startChild(settings, Path.of("target", "spool-crash-second.log"));
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> regularFiles(spool).isEmpty());
        } finally {
            second.destroy();
            second.waitFor();
        }

        List<RawStory> stories = Records.allStories(kafka, settings.raw);
        assertThat(stories).extracting(RawStory::getId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(corpus.storyIds);
        List<DeadLetter> letters = Records.allDeadLetters(kafka, settings.deadLetter);
        assertThat(letters).hasSize(50);
        Map<String, DeadLetter> byFile = letters.stream().collect(Collectors.toMap(
                l -> Path.of(l.getOrigin().getFile()).getFileName().toString(), Function.identity()));
        assertThat(byFile.keySet()).containsExactlyInAnyOrderElementsOf(corpus.malformed.keySet());
        corpus.malformed.forEach((file, reason) -> assertThat(byFile.get(file)).satisfies(letter -> {
            assertThat(letter.getReasonCode()).as(file).isEqualTo(reason);
            assertThat(letter.getMessage()).as(file).contains(file);
        }));
        assertThat(regularFiles(spool.resolve("done"))).hasSize(950);
        assertThat(regularFiles(spool.resolve("failed"))).hasSize(50);
    }

    private static Process startChild(TestSettings settings, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                IngestCommand.class.getName()));
        settings.values.forEach((k, v) -> command.add("--set=" + k + "=" + v));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static KafkaConsumer<String, byte[]> readCommitted(TestKafka kafka) {
        Map<String, Object> config = kafka.consumerConfig();
        config.remove("group.id");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Polls the topic (read_committed) until at least {@code threshold} records are visible; returns how many. */
    private static long awaitSome(KafkaConsumer<String, byte[]> consumer, String topic, long threshold) {
        long[] seen = {0};
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(1)).until(() -> {
            if (consumer.assignment().isEmpty()) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                if (partitions.isEmpty()) {
                    return false;
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
            }
            for (ConsumerRecord<String, byte[]> ignored : consumer.poll(Duration.ofMillis(50))) {
                seen[0]++;
            }
            return seen[0] >= threshold;
        });
        return seen[0];
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

}
