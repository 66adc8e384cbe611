package io.wirewatch.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.RawStory;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.serde.MockSchemaRegistry;
import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.TestKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash window between committing a spool file and moving it to done/: a restart finds the file's progress
 * record and only moves it, without sending its story again.
 */
@ExtendWith(KafkaExtension.class)
class SpoolRecoveryIT {

    @TempDir
    Path spool;

    @Test
    void aFileCommittedButNotMovedBeforeAStopIsOnlyMovedOnRestart(TestKafka kafka) throws Exception {
        TestSettings settings = new TestSettings(kafka)
                .with("ingest.spool.dir", spool.toString())
                .with("ingest.spool.poll.ms", "50");
        write("a.txt", "Headline: A\nId: spool-a\n\nStory A about a joint patrol.");
        write("b.json", "{\"uri\":\"spool-b\",\"headline\":\"B\",\"body_text\":\"Story B.\"}");
        write("c.xml", "<invoice/>");

        try (IngestService first = new IngestService(settings.config())) {
            first.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> files(spool).isEmpty());
        }
        assertThat(files(spool.resolve("done"))).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("a.txt", "b.json");
        assertThat(files(spool.resolve("failed"))).extracting(p -> p.getFileName().toString())
                .containsExactly("c.xml");

        Files.copy(spool.resolve("done").resolve("a.txt"), spool.resolve("a.txt"));
        write("d.txt", "Headline: D\nId: spool-d\n\nStory D about a coast guard visit.");
        try (IngestService second = new IngestService(settings.config())) {
            second.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> files(spool).isEmpty());
            await().atMost(Duration.ofSeconds(10)).until(() -> second.health().ready().up());
            Counter recovered = second.meterRegistry().find("wirewatch.ingest.spool.files")
                    .tag("outcome", "recovered").counter();
            assertThat(recovered).isNotNull();
            assertThat(recovered.count()).isEqualTo(1.0);
        }

        List<RawStory> stories = Records.allStories(kafka, settings.raw);
        assertThat(stories).extracting(RawStory::getId).containsExactlyInAnyOrder("spool-a", "spool-b", "spool-d");
        List<DeadLetter> letters = Records.allDeadLetters(kafka, settings.deadLetter);
        assertThat(letters).singleElement().satisfies(l -> {
            assertThat(l.getReasonCode()).isEqualTo("NOT_A_STORY");
            assertThat(l.getOrigin().getFile()).endsWith("c.xml");
            assertThat(l.getOrigin().getSource()).isEqualTo("spool");
        });
        MockSchemaRegistry.dropScope(settings.registryScope);
    }

    private void write(String name, String content) throws IOException {
        Path temp = spool.resolve(name + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, spool.resolve(name));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).toList();
        }
    }
}
