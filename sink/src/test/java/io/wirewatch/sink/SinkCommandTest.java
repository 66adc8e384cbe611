package io.wirewatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SinkCommandTest {

    @Test
    void theCommandIsNamedSinkAndTakesTheCommonConfigurationOptions() {
        SinkCommand command = new SinkCommand();
        CommandLine line = new CommandLine(command);

        line.parseArgs("-b", "broker:9092", "--set", "archive.dir=/data/archive", "--set", "sink.sinks=archive");

        assertThat(line.getCommandName()).isEqualTo("sink");
        SinkConfig config = new SinkConfig(command.options.load(Map.of("WIREWATCH_ARCHIVE_CODEC", "zstd")));
        assertThat(config.bootstrapServers()).isEqualTo("broker:9092");
        assertThat(config.archiveSettings().root().toString()).isEqualTo("/data/archive");
        assertThat(config.archiveSettings().codec()).isEqualTo("zstd");
        assertThat(config.sinks()).containsExactly("archive");
    }

    @Test
    void helpDescribesWhatTheSinkDoes() {
        String usage = new CommandLine(new SinkCommand()).getUsageMessage();

        assertThat(usage).contains("news.enriched", "PostgreSQL", "--config", "--set");
    }
}
