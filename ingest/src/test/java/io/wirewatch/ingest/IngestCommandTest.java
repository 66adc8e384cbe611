package io.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IngestCommandTest {

    private final StringWriter err = new StringWriter();
    private final CommandLine command = new CommandLine(new IngestCommand()).setErr(new PrintWriter(err, true));

    @Test
    void onceWithoutPathsIsAUsageError() {
        assertThat(command.execute("--once")).isEqualTo(2);
        assertThat(err.toString()).contains("--once needs at least one file");
    }

    @Test
    void pathsWithoutOnceAreAUsageError() {
        assertThat(command.execute("stories/*.jsonl")).isEqualTo(2);
        assertThat(err.toString()).contains("--once");
    }

    @Test
    void anInvalidSettingIsReportedBeforeAnythingStarts() {
        assertThat(command.execute("--set", "ingest.max.input.bytes=lots", "--once", "x.txt")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid configuration").contains("ingest.max.input.bytes");
    }

    @Test
    void helpNamesTheCommandAndItsOptions() {
        String usage = command.getUsageMessage();

        assertThat(command.getCommandName()).isEqualTo("ingest");
        assertThat(usage).contains("--once").contains("--spool").contains("--set").contains("--config");
    }
}
