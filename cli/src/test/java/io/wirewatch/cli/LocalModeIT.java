package io.wirewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.RawStory;
import io.wirewatch.cli.commands.DevCommand;
import io.wirewatch.cli.commands.ReplayCommand;
import io.wirewatch.platform.kafka.TopicScan;
import io.wirewatch.platform.topics.ContractSerdes;
import io.wirewatch.serde.AvroSerdeConfig;
import io.wirewatch.testkit.InteropTools;
import io.wirewatch.testkit.Processes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The local mode as a user runs it: {@code wirewatch dev samples/} on free ports, read while it runs by third-party
 * Confluent clients and by {@code wirewatch tail}; then its archive replayed into a fresh stack, which must give the
 * same enriched events (except enrichment timestamps).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalModeIT {

    private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    private static final int SAMPLE_STORIES = 16;
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool();

    @TempDir
    static Path workDir;

    private static Path firstArchive;

    @AfterAll
    static void shutdown() {
        EXECUTOR.shutdownNow();
    }

    @Test
    @Order(1)
    void devRunsTheSamplesAndThirdPartyClientsReadEveryEnrichedRecordWhileItRuns() throws Exception {
        try (RunningDev dev = RunningDev.start(workDir.resolve("first"), SAMPLES.toString())) {
            String summary = dev.awaitOutput("Running.");
            assertThat(summary)
                    .contains("Every story reached the sink")
                    .contains(SAMPLE_STORIES + " in PostgreSQL, " + SAMPLE_STORIES + " in the archive")
                    .contains("Norway and Poland agree to build a coastal radar together")
                    .contains("Vietnam's rice exports climb on strong Asian demand")
                    .contains("MALFORMED_XML").contains("11-malformed-feed.rss");
            assertThat(countMatches(summary, "no defense cooperation")).as("the traps in the samples")
                    .isGreaterThanOrEqualTo(5);

            StringWriter tailed = new StringWriter();
            CommandLine tail = Wirewatch.commandLine();
            tail.setOut(new PrintWriter(tailed));
            tail.setErr(new PrintWriter(new StringWriter()));
            assertThat(tail.execute("tail", "-b", dev.bootstrap(), "-r", dev.registry(), "--from-beginning",
                    "--json", "-n", String.valueOf(SAMPLE_STORIES), "--idle-timeout", "PT30S")).isZero();
            assertThat(tailed.toString().lines().filter(l -> l.startsWith("{"))).hasSize(SAMPLE_STORIES);

            String[] whyNot = {""};
            Optional<InteropTools> tools = InteropTools.prepare(Path.of("target", "interop"), r -> whyNot[0] = r);
            if (tools.isPresent()) {
                Processes.Result consumed = tools.get().consumeAvro(dev.bootstrap(), dev.registry(), "news.enriched",
                        SAMPLE_STORIES, Duration.ofSeconds(60));
                assertThat(consumed.exit()).as("consume-avro (Confluent's JS serde and @kafkajs's):%n%s",
                        consumed.output()).isZero();
                assertThat(consumed.stdout().lines().filter(l -> l.startsWith("{"))).hasSize(SAMPLE_STORIES)
                        .allSatisfy(line -> assertThat(line).contains("\"taxonomyVersion\"")
                                .contains("\"cooperations\""));
            } else {
                System.out.println("third-party interop check " + whyNot[0]);
            }
            firstArchive = dev.archive();
        }
        assertThat(archived(firstArchive)).hasSize(SAMPLE_STORIES);
    }

    @Test
    @Order(2)
    void replayingTheArchiveIntoAFreshStackGivesTheSameEnrichedEvents() throws Exception {
        assertThat(firstArchive).as("the first test's archive").isNotNull();
        Map<String, EnrichedStory> original = byId(archived(firstArchive));

        try (RunningDev fresh = RunningDev.start(workDir.resolve("fresh"))) {
            fresh.awaitOutput("Running.");
            StringWriter out = new StringWriter();
            CommandLine replay = Wirewatch.commandLine();
            replay.setOut(new PrintWriter(out));
            replay.setErr(new PrintWriter(new StringWriter()));
            assertThat(replay.execute("replay", "--archive", firstArchive.toString(), "-b", fresh.bootstrap(),
                    "-r", fresh.registry())).isZero();
            assertThat(out.toString().trim()).isEqualTo(String.valueOf(SAMPLE_STORIES));

            List<ConsumerRecord<String, EnrichedStory>> enriched = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                enriched.clear();
                enriched.addAll(readAll(fresh, "news.enriched", EnrichedStory.class));
                return enriched.size() >= SAMPLE_STORIES;
            });
            Map<String, EnrichedStory> replayed = byId(enriched.stream().map(ConsumerRecord::value).toList());

            assertThat(replayed.keySet()).containsExactlyInAnyOrderElementsOf(original.keySet());
            original.forEach((id, story) -> assertThat(withoutTimestamps(replayed.get(id)))
                    .as("story %s after replay", id).isEqualTo(withoutTimestamps(story)));
            assertThat(readAll(fresh, "news.raw", RawStory.class)).hasSize(SAMPLE_STORIES).allSatisfy(record ->
                    assertThat(record.headers().lastHeader(ReplayCommand.REPLAY_HEADER)).isNotNull());
        }
    }

    private static EnrichedStory withoutTimestamps(EnrichedStory story) {
        return EnrichedStory.newBuilder(story).setEnrichedAt(Instant.EPOCH).build();
    }

    private static Map<String, EnrichedStory> byId(List<EnrichedStory> stories) {
        Map<String, EnrichedStory> byId = new HashMap<>();
        stories.forEach(s -> assertThat(byId.put(s.getStory().getId(), s)).as("id %s twice", s.getStory().getId())
                .isNull());
        return byId;
    }

    private static List<EnrichedStory> archived(Path archive) throws IOException {
        List<EnrichedStory> stories = new ArrayList<>();
        try (Stream<Path> files = Files.walk(archive)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".avro")).toList()) {
                try (DataFileReader<EnrichedStory> reader = new DataFileReader<>(file.toFile(),
                        new SpecificDatumReader<>(EnrichedStory.class))) {
                    reader.forEach(stories::add);
                }
            }
        }
        return stories;
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> List<ConsumerRecord<String, T>> readAll(
            RunningDev dev, String topic, Class<T> type) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, dev.bootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (ContractSerdes serdes = new ContractSerdes(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, dev.registry()));
             KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                     (Deserializer<T>) serdes.specific(type).deserializer())) {
            List<ConsumerRecord<String, T>> records = new ArrayList<>();
            TopicScan.readToEnd(consumer, TopicScan.assignFromBeginning(consumer, topic, Duration.ofSeconds(10)),
                    Duration.ofSeconds(30), records::add);
            return records;
        }
    }

    private static int countMatches(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** {@code wirewatch dev} running in a background thread on free ports, stopped like Ctrl-C on close. */
    private static final class RunningDev implements AutoCloseable {
        private final DevCommand command;
        private final SyncWriter out;
        private final Future<Integer> exit;

        private RunningDev(DevCommand command, SyncWriter out, Future<Integer> exit) {
            this.command = command;
            this.out = out;
            this.exit = exit;
        }

        static RunningDev start(Path workDir, String... paths) {
            DevCommand command = new DevCommand();
            CommandLine line = new CommandLine(command);
            SyncWriter out = new SyncWriter();
            line.setOut(new PrintWriter(out, true));
            line.setErr(new PrintWriter(new SyncWriter(), true));
            List<String> args = new ArrayList<>(List.of("--kafka-port", "0", "--registry-port", "0",
                    "--work-dir", workDir.toString()));
            args.addAll(List.of(paths));
            Future<Integer> exit = EXECUTOR.submit(() -> line.execute(args.toArray(String[]::new)));
            return new RunningDev(command, out, exit);
        }

        String awaitOutput(String marker) {
            await().atMost(Duration.ofSeconds(180)).until(() -> out.text().contains(marker) || exit.isDone());
            assertThat(out.text()).as("dev output").contains(marker);
            return out.text();
        }

        String bootstrap() {
            return find("Kafka: (\\S+)");
        }

        String registry() {
            return find("Schema registry: (\\S+)");
        }

        Path archive() {
            return Path.of(find("Archive: (\\S+)"));
        }

        private String find(String pattern) {
            Matcher matcher = Pattern.compile(pattern).matcher(out.text());
            assertThat(matcher.find()).as("'%s' in the dev output:%n%s", pattern, out.text()).isTrue();
            return matcher.group(1);
        }

        @Override
        public void close() throws Exception {
            command.stop(Duration.ofSeconds(90));
            assertThat(exit.get(90, TimeUnit.SECONDS)).as("exit code of dev").isZero();
        }
    }

    /** A writer other threads can read while the command writes. */
    private static final class SyncWriter extends Writer {
        private final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
