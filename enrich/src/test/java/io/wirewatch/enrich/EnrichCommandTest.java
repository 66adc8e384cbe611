package io.wirewatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EnrichCommandTest {

    @Test
    void helpDescribesTheServiceAndItsOptions() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new EnrichCommand()).setOut(new PrintWriter(out));

        int exit = command.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: enrich", "--config", "--set", "--taxonomy", "--replay-from",
                "news.deadletter");
    }

    @Test
    void unreadableReplayTimeStopsBeforeTouchingKafka() {
        int exit = new CommandLine(new EnrichCommand()).execute("--replay-from", "last tuesday",
                "-b", "127.0.0.1:1");

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void missingTaxonomyFileStopsTheStart() {
        int exit = new CommandLine(new EnrichCommand()).execute("--taxonomy", "/nonexistent/taxonomy.yaml",
                "-b", "127.0.0.1:1");

        assertThat(exit).isEqualTo(2);
    }
}
