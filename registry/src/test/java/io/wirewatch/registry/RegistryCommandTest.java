package io.wirewatch.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RegistryCommandTest {

    @Test
    void helpNamesTheCommandAndTheSharedConfigurationOptions() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new RegistryCommand()).setOut(new PrintWriter(out));

        int exit = command.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: registry").contains("--config").contains("--set")
                .contains("_schemas");
    }
}
