package io.wirewatch.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static PipelineRun.Settings with(List<String> extra) {
        return new PipelineRun.Settings(10, 0, 100, List.of(50.0, 200.0), 12, "256m", false, 1, Path.of("out"), "cp",
                "cp", extra, List.of("ingest:-XX:TieredStopAtLevel=1", "sink:-Xss512k"));
    }

    @Test
    void extraSettingsReachOnlyTheirService() {
        PipelineRun.Settings settings = with(List.of("enrich:streams.producer.compression.type=lz4",
                "sink:sink.batch.size=1000", "enrich:commit.interval.ms=50"));

        assertThat(settings.extraFor("enrich")).containsExactly(entry("streams.producer.compression.type", "lz4"),
                entry("commit.interval.ms", "50"));
        assertThat(settings.extraFor("ingest")).isEmpty();
    }

    @Test
    void anExtraSettingWithoutServiceIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> with(List.of("commit.interval.ms=50")).extraFor("enrich"))
                .hasMessageContaining("SERVICE:KEY=VALUE");
    }

    @Test
    void extraJvmOptionsReachOnlyTheirServiceAndKeepTheirColons() {
        PipelineRun.Settings settings = with(List.of());

        assertThat(settings.jvmFor("ingest")).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(settings.jvmFor("sink")).containsExactly("-Xss512k");
        assertThat(settings.jvmFor("enrich")).isEmpty();
    }

    @Test
    void eachRatePushesForTheLatencySeconds() {
        assertThat(with(List.of()).latencyStories(200)).isEqualTo(2400);
    }
}
