package io.wirewatch.ingest;

import io.wirewatch.ingest.source.FileSource;
import io.wirewatch.platform.cli.ConfigOptions;
import io.wirewatch.platform.progress.Progress;
import io.wirewatch.platform.runtime.ServiceRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wirewatch ingest}: runs the ingest service (spool, HTTP push, feeds, as configured) until stopped, or with
 * {@code --once PATH...} ingests files, directories and globs and exits with a summary.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {
            "Reads wire stories (plain wire text, ninjs, NewsML-G2, RSS/Atom, JSON Lines) and publishes them to "
                    + "news.raw exactly once; unreadable input goes to news.deadletter with the reason.",
            "Without --once: runs until stopped, watching ingest.spool.dir, serving POST /stories (with "
                    + "ingest.http.token) and polling ingest.feeds.",
            "With --once PATH...: ingests the files, directories and globs and exits (resumable: a rerun skips what "
                    + "is done). Exit code 0 when every file was read, 1 when some could not be, 2 on bad usage."})
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--once", description = "Ingest the given paths and exit with a summary.")
    boolean once;

    @Option(names = "--spool", paramLabel = "DIR", description = "Spool directory to watch (ingest.spool.dir).")
    Path spoolDir;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files, directories or quoted globs ('dumps/*.jsonl') to ingest with --once.")
    List<String> paths = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestCommand()).execute(args));
    }

    @Override
    public Integer call() {
        if (spoolDir != null) {
            options.put(IngestConfig.SPOOL_DIR, spoolDir.toString());
        }
        if (!once && !paths.isEmpty()) {
            spec.commandLine().getErr().println("Paths are ingested with --once; without it, ingest runs as a "
                    + "service (use ingest.spool.dir for a directory to watch)");
            return 2;
        }
        if (once && paths.isEmpty()) {
            spec.commandLine().getErr().println("--once needs at least one file, directory or glob");
            return 2;
        }
        IngestService service;
        try {
            service = new IngestService(new IngestConfig(options.load()));
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("Invalid configuration: " + e.getMessage());
            return 2;
        }
        if (!once) {
            return ServiceRunner.run("ingest", service, Duration.ofSeconds(30));
        }
        try (service) {
            FileSource.Summary summary = service.runOnce(paths, total -> Progress.onStderr("ingest", "files", total));
            spec.commandLine().getOut().println(summary);
            return summary.unreadable() > 0 ? 1 : 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("ingest failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            spec.commandLine().getErr().println("Interrupted; what was committed stays, a rerun resumes");
            return 1;
        }
    }
}
