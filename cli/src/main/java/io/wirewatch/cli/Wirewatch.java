package io.wirewatch.cli;

import io.wirewatch.cli.commands.DevCommand;
import io.wirewatch.cli.commands.ReplayCommand;
import io.wirewatch.cli.commands.TailCommand;
import io.wirewatch.cli.commands.TopicsCommand;
import io.wirewatch.enrich.EnrichCommand;
import io.wirewatch.ingest.IngestCommand;
import io.wirewatch.platform.runtime.Version;
import io.wirewatch.registry.RegistryCommand;
import io.wirewatch.sink.SinkCommand;
import io.wirewatch.tagger.cli.EvalCommand;
import io.wirewatch.tagger.cli.TagCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wirewatch} command. */
@Command(name = "wirewatch", mixinStandardHelpOptions = true, versionProvider = Wirewatch.VersionProvider.class,
        description = {
            "Streaming news ingestion on Apache Kafka: reads wire stories, tags them with defense-cooperation topics "
                    + "(joint R&D, exports, training, industrial and security cooperation), finds which countries "
                    + "cooperate and on what, and writes enriched Avro events downstream.",
            ""},
        subcommands = {
            DevCommand.class, IngestCommand.class, EnrichCommand.class, SinkCommand.class, RegistryCommand.class, TopicsCommand.class,
            ReplayCommand.class, TailCommand.class, TagCommand.class, EvalCommand.class,
            CommandLine.HelpCommand.class})
public final class Wirewatch implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand, for main and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Wirewatch()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Prints the version the jar was built as. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"wirewatch " + Version.get()};
        }
    }
}
