package io.wirewatch.platform.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void plainOutputPrintsALineEachIntervalWithRateAndEta() {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress("ingest", "files", 100, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                false, Duration.ofSeconds(5), now::get);

        now.set(Duration.ofSeconds(1).toNanos());
        progress.advance(10);
        progress.count("stories", 200);
        now.set(Duration.ofSeconds(5).toNanos());
        progress.advance(10);
        progress.close();

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("ingest: files 20/100 (20%) | stories 200 | 40 stories/s | ETA 0:20");
        assertThat(lines[1]).contains("files 20/100");
    }

    @Test
    void terminalOutputRedrawsOneLine() {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress("replay", "stories", -1, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                true, Duration.ofMillis(250), now::get);
        now.set(Duration.ofSeconds(1).toNanos());
        progress.advance(5);
        progress.close();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("\r\u001b[2Kreplay: stories 5 | 5 stories/s")
                .doesNotContain("ETA");
    }
}
