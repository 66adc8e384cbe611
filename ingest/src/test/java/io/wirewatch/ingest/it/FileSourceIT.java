package io.wirewatch.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.RawStory;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.ingest.publish.FileProgress;
import io.wirewatch.ingest.source.FileKeys;
import io.wirewatch.ingest.source.FileSource;
import io.wirewatch.platform.progress.Progress;
import io.wirewatch.serde.MockSchemaRegistry;
import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.TestKafka;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaExtension.class)
class FileSourceIT {

    private static final List<String> SAMPLES = List.of("wire-text-with-headers.txt", "wire-text-plain.txt",
            "ninjs2-story.json", "ninjs3-story.json", "newsml-nitf.xml", "newsml-xhtml.xml", "rss2-feed.xml",
            "atom-feed.xml", "archive.jsonl");

    @TempDir
    Path work;

    @Test
    void oneShotIngestsEverySampleOnceAndARerunSkipsThemAll(TestKafka kafka) throws Exception {
        Path dir = work.resolve("samples");
        Files.createDirectories(dir);
        for (String sample : SAMPLES) {
            copySample(sample, dir.resolve(sample));
        }
        TestSettings settings = new TestSettings(kafka);

        FileSource.Summary first = runOnce(settings, List.of(dir.toString()));
        FileSource.Summary second = runOnce(settings, List.of(dir + "/*"));

        assertThat(first.files()).isEqualTo(9);
        assertThat(first.stories()).isEqualTo(12);
        assertThat(first.deadLetters()).isZero();
        assertThat(second.skipped()).isEqualTo(9);
        assertThat(second.stories()).isZero();
        List<RawStory> stories = Records.allStories(kafka, settings.raw);
        assertThat(stories).hasSize(12).extracting(RawStory::getId).doesNotHaveDuplicates()
                .contains("urn:wirewatch:sample:kenya-uk-training-2024-02-20",
                        "urn:wirewatch:sample:japan-australia-exercise-2024-05-10",
                        "urn:wirewatch:sample:archive-0003");
        assertThat(stories).extracting(RawStory::getSource).containsOnly("files");
        MockSchemaRegistry.dropScope(settings.registryScope);
    }

    @Test
    void aJsonLinesDumpResumesAfterItsLastCommittedLineAndDeadLettersItsBadLine(TestKafka kafka) throws Exception {
        Path dump = work.resolve("dump.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            lines.append(i == 8 ? "{\"id\": \"line-8\", \"title\": " : "{\"id\":\"line-" + i + "\",\"title\":\"Story "
                    + i + "\",\"text\":\"Body of story " + i + ".\",\"language\":\"en\"}").append('\n');
        }
        Files.writeString(dump, lines, StandardCharsets.UTF_8);
        TestSettings settings = new TestSettings(kafka).with("ingest.jsonl.batch.lines", "3");
        String key = FileKeys.key("files", "files", dump.toAbsolutePath().normalize().toString(),
                FileKeys.hash(dump));
        kafka.createTopic(settings.progress, 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.producerConfig(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(settings.progress, key,
                    new FileProgress(6, false, 6, 0).encode())).get();
        }

        FileSource.Summary summary = runOnce(settings, List.of(dump.toString()));

        assertThat(summary.stories()).isEqualTo(3);
        assertThat(summary.deadLetters()).isEqualTo(1);
        List<RawStory> stories = Records.allStories(kafka, settings.raw);
        assertThat(stories).extracting(RawStory::getId).containsExactlyInAnyOrder("line-7", "line-9", "line-10");
        List<DeadLetter> letters = Records.deadLetters(kafka, settings.deadLetter, 1, Duration.ofSeconds(10));
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.getReasonCode()).isEqualTo("MALFORMED_JSON");
            assertThat(letter.getOrigin().getFile()).endsWith("dump.jsonl");
            assertThat(letter.getOrigin().getLine()).isEqualTo(8L);
            assertThat(letter.getMessage()).contains("dump.jsonl:8");
            assertThat(new String(letter.getOriginal().array(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"id\": \"line-8\", \"title\": ");
        });
        MockSchemaRegistry.dropScope(settings.registryScope);
    }

    @Test
    void twoThousandSmallFilesGoThroughInGroupedTransactions(TestKafka kafka) throws Exception {
        Path dir = work.resolve("bulk");
        Files.createDirectories(dir);
        IntStream.range(0, 2000).forEach(i -> write(dir.resolve(String.format("%05d.txt", i)),
                "Headline: Bulk " + i + "\nId: bulk-" + i + "\nLanguage: en\n\nStory number " + i
                        + " of the bulk load.\n"));
        TestSettings settings = new TestSettings(kafka);

        FileSource.Summary summary = runOnce(settings, List.of(dir.toString()));

        assertThat(summary.stories()).isEqualTo(2000);
        assertThat(Records.stories(kafka, settings.raw, 2000, Duration.ofSeconds(30))).hasSize(2000);
        System.out.println("bulk load: " + summary);
        MockSchemaRegistry.dropScope(settings.registryScope);
    }

    private static FileSource.Summary runOnce(TestSettings settings, List<String> paths) throws Exception {
        ByteArrayOutputStream progressOut = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(progressOut, true, StandardCharsets.UTF_8);
        try (IngestService service = new IngestService(settings.config())) {
            FileSource.Summary summary = service.runOnce(paths, total -> new Progress("ingest", "files", total, out,
                    false, Duration.ofSeconds(1), System::nanoTime));
            String[] lines = progressOut.toString(StandardCharsets.UTF_8).split("\\R");
            assertThat(lines[lines.length - 1]).startsWith(String.format("ingest: files %,d/%,d (100%%) | stories %,d",
                    summary.files(), summary.files(), summary.stories()));
            return summary;
        }
    }

    private static void copySample(String name, Path target) throws IOException {
        try (InputStream in = FileSourceIT.class.getResourceAsStream("/samples/" + name)) {
            Files.copy(in, target);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
