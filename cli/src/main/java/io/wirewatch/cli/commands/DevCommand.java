package io.wirewatch.cli.commands;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.cli.local.DeadLetterReader;
import io.wirewatch.cli.local.LocalStack;
import io.wirewatch.cli.local.PipelineDrain;
import io.wirewatch.cli.local.StorySummary;
import io.wirewatch.enrich.EnrichConfig;
import io.wirewatch.enrich.EnrichService;
import io.wirewatch.ingest.IngestConfig;
import io.wirewatch.ingest.IngestService;
import io.wirewatch.ingest.source.FileSource;
import io.wirewatch.platform.config.WirewatchConfig;
import io.wirewatch.platform.progress.Progress;
import io.wirewatch.platform.topics.ContractSerdes;
import io.wirewatch.sink.SinkConfig;
import io.wirewatch.sink.SinkService;
import io.wirewatch.tagger.TaxonomyTagger;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wirewatch dev}: the whole pipeline on one machine, in this JVM: a real Kafka broker, the schema registry,
 * PostgreSQL, and the ingest, enrich and sink services. Ingests the given files and directories, waits until every
 * story reached the sink, and prints what it found.
 */
@Command(name = "dev", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs the whole pipeline locally: a real Apache Kafka broker (KRaft), the schema registry, PostgreSQL "
                    + "and the ingest, enrich and sink services, all in this JVM. Ingests the given files and "
                    + "directories, waits until every story has reached the sink (archive and PostgreSQL), and "
                    + "prints each story with its countries and who cooperates on what, then the dead letters.",
            "Without --once it keeps running: new files in the given directories are picked up (nothing is moved "
                    + "or deleted), other tools can connect to the printed addresses, and Ctrl-C stops everything "
                    + "cleanly."},
        footer = {"", "Examples:",
            "  wirewatch dev --once samples/                  run the bundled samples and exit",
            "  wirewatch dev samples/ my-feeds/               keep running; drop new files into the directories",
            "  wirewatch dev --kafka-port 0 --registry-port 0 samples/   any free ports (9092/8081 taken)",
            "",
            "While it runs, from another terminal:",
            "  wirewatch tail -b 127.0.0.1:9092 -r http://127.0.0.1:8081 --from-beginning"})
public final class DevCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files, directories or globs of stories (wire text, ninjs, NewsML-G2, RSS/Atom, JSON Lines).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--once", description = "Ingest the paths, print the summary and stop.")
    boolean once;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Kafka port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 for any free port).")
    int kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Schema registry port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 for any free port).")
    int registryPort;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = ".wirewatch",
            description = "Where each run keeps its archive and Kafka Streams state, in a new runs/<time> "
                    + "directory (default ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--taxonomy", paramLabel = "FILE", description = "Taxonomy YAML to tag with (default: the "
            + "shipped defense-cooperation taxonomy).")
    Path taxonomy;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT2M",
            description = "How long to wait for the pipeline to catch up (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = {"-v", "--verbose"}, description = "Show the services' own log lines.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile boolean stopping;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (once && paths.isEmpty()) {
            err.println("dev --once needs at least one PATH to ingest, e.g. wirewatch dev --once samples/");
            return 2;
        }
        if (!verbose) {
            // the summary is the output; the in-process broker's own retries (e.g. a transaction's first produce
            // answered CONCURRENT_TRANSACTIONS) would read like failures. --verbose shows everything.
            Configurator.setLevel("io.wirewatch", Level.WARN);
            Configurator.setLevel("org.apache.kafka", Level.ERROR);
            Configurator.setLevel("kafka", Level.FATAL);
        }
        Path run = workDir.resolve("runs").resolve(LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(run);
        Thread hook = new Thread(() -> stop(Duration.ofSeconds(60)), "wirewatch-dev-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long started = System.nanoTime();
        err.println("Starting Kafka, the schema registry and PostgreSQL in this JVM...");
        try (LocalStack stack = LocalStack.start(kafkaPort, registryPort)) {
            Path archive = run.resolve("archive").toAbsolutePath();
            out.printf("Kafka: %s%n", stack.bootstrapServers());
            out.printf("Schema registry: %s%n", stack.registryUrl());
            out.printf("PostgreSQL: %s (user %s, password %s)%n", stack.jdbcUrl(), stack.jdbcUser(),
                    stack.jdbcPassword());
            out.printf("Archive: %s%n", archive);
            out.flush();
            return runPipeline(stack, run, archive, out, err, started);
        } catch (LocalStack.PortTakenException e) {
            err.println(e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stopping ? 0 : 1;
        } finally {
            finished.countDown();
            if (!stopping) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down
                }
            }
        }
    }

    private int runPipeline(LocalStack stack, Path run, Path archive, PrintWriter out, PrintWriter err,
                            long started) throws Exception {
        Map<String, String> common = stack.commonSettings();
        String token = UUID.randomUUID().toString();
        EnrichConfig enrichConfig = new EnrichConfig(with(common, Map.of(
                "instance.id", "local-enrich",
                "state.dir", run.resolve("enrich-state").toAbsolutePath().toString(),
                "taxonomy.file", taxonomy == null ? "" : taxonomy.toAbsolutePath().toString())));
        SinkConfig sinkConfig = new SinkConfig(with(common, Map.of(
                "instance.id", "local-sink",
                "archive.dir", archive.toString(),
                "archive.roll.ms", "1000",
                "postgres.jdbc.url", stack.jdbcUrl(),
                "postgres.user", stack.jdbcUser(),
                "postgres.password", stack.jdbcPassword())));
        IngestConfig ingestConfig = new IngestConfig(with(common, Map.of(
                "instance.id", "local-ingest",
                "ingest.http.token", token)));
        TaxonomyTagger tagger = taxonomy == null ? TaxonomyTagger.loadDefault() : TaxonomyTagger.load(taxonomy);
        try (EnrichService enrich = new EnrichService(enrichConfig, tagger);
             SinkService sink = new SinkService(sinkConfig);
             IngestService ingest = new IngestService(ingestConfig);
             Admin admin = Admin.create(ingestConfig.adminConfig());
             PipelineDrain drain = new PipelineDrain(admin, ingestConfig.consumerConfig("unused"));
             ContractSerdes serdes = new ContractSerdes(ingestConfig.serdeConfig())) {
            err.println("Starting ingest, enrich and sink...");
            ingest.start();
            enrich.start();
            sink.start();
            out.printf("HTTP push: POST %s/stories  (Authorization: Bearer %s)%n", ingest.url(), token);
            out.printf("Health and metrics: ingest %s, enrich %s, sink %s%n", ingest.url(), enrich.httpUrl(),
                    sink.url());
            out.flush();
            PipelineDrain.Stage[] stages = {
                new PipelineDrain.Stage("enrich", enrichConfig.applicationId(),
                        enrichConfig.getString(WirewatchConfig.TOPIC_RAW)),
                new PipelineDrain.Stage("sink", sinkConfig.getString(SinkConfig.GROUP_ID),
                        sinkConfig.getString(WirewatchConfig.TOPIC_ENRICHED))};
            try (DeadLetterReader deadLetters = new DeadLetterReader(ingestConfig.consumerConfig("unused"),
                    ingestConfig.getString(WirewatchConfig.TOPIC_DEADLETTER), serdes.deadLetter().deserializer())) {
                Instant lastShown = null;
                if (!paths.isEmpty()) {
                    FileSource.Summary summary = ingest.runOnce(paths,
                            total -> Progress.onStderr("ingest", "files", total));
                    err.println(summary);
                    drain.awaitCaughtUp(timeout, err::println, () -> stopping, stages);
                    if (stopping) {
                        return 0;
                    }
                    Instant now = Instant.now();
                    showNew(stack, lastShown, deadLetters, out);
                    lastShown = now;
                    StorySummary.ArchiveCount archived = StorySummary.countArchive(archive);
                    out.printf("%nEvery story reached the sink %.1f s after start: %d in PostgreSQL, %d in the "
                                    + "archive (%d files under %s).%n", (System.nanoTime() - started) / 1e9,
                            StorySummary.read(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword(), null).size(),
                            archived.records(), archived.files(), archive);
                    out.flush();
                }
                if (once) {
                    return 0;
                }
                watch(stack, ingest, drain, stages, deadLetters, lastShown, out, err);
                return 0;
            }
        }
    }

    /**
     * Stops a running {@code dev} the way Ctrl-C does: the services and the stack close cleanly. Waits up to
     * {@code timeout} for that to finish.
     */
    public void stop(Duration timeout) {
        stopping = true;
        stopRequested.countDown();
        awaitQuietly(finished, timeout);
    }

    /** Picks up new files in the given paths until Ctrl-C. Nothing is moved: done files are known by content. */
    private void watch(LocalStack stack, IngestService ingest, PipelineDrain drain, PipelineDrain.Stage[] stages,
                       DeadLetterReader deadLetters, Instant lastShown, PrintWriter out, PrintWriter err)
            throws Exception {
        out.printf("%nRunning. %s Ctrl-C stops.%n", paths.isEmpty() ? "Push stories over HTTP or point tools at "
                + "the addresses above." : "New files in " + String.join(", ", paths) + " are picked up.");
        out.flush();
        Instant shown = lastShown;
        while (!stopping) {
            if (!paths.isEmpty()) {
                FileSource.Summary summary = ingest.runOnce(paths, total -> quietProgress());
                if (summary.stories() + summary.deadLetters() > 0) {
                    err.println(summary);
                }
            }
            if (drain.caughtUp(stages)) {
                Instant now = Instant.now();
                if (showNew(stack, shown, deadLetters, out)) {
                    shown = now;
                }
            }
            if (stopRequested.await(2, TimeUnit.SECONDS)) {
                break;
            }
        }
    }

    /** Prints the stories stored and dead letters written since the last call; true when it printed anything. */
    private static boolean showNew(LocalStack stack, Instant storedAfter, DeadLetterReader deadLetters,
                                   PrintWriter out) throws Exception {
        List<StorySummary.StoryLine> stories = StorySummary.read(stack.jdbcUrl(), stack.jdbcUser(),
                stack.jdbcPassword(), storedAfter);
        List<DeadLetter> letters = deadLetters.readNew();
        if (storedAfter != null && stories.isEmpty() && letters.isEmpty()) {
            return false;
        }
        StorySummary.print(out, stories, letters);
        return true;
    }

    private static Progress quietProgress() {
        return new Progress("ingest", "files", -1, new PrintStream(OutputStream.nullOutputStream()), false,
                Duration.ofDays(1), System::nanoTime);
    }

    private static Map<String, String> with(Map<String, String> common, Map<String, String> own) {
        Map<String, String> settings = new HashMap<>(common);
        settings.putAll(own);
        return settings;
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
