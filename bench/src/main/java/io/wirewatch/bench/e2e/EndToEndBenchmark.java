package io.wirewatch.bench.e2e;

import io.wirewatch.cli.local.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The end-to-end benchmark: starts Kafka, the schema registry and PostgreSQL in this JVM (the local mode's stack),
 * then for each processing guarantee runs ingest, enrich and sink in child JVMs and measures, in the same run,
 * pipeline stories/s against the raw-Kafka baseline, latency at a fixed rate, and each service's peak heap. Writes
 * {@code report.json} and {@code report.md} to the output directory and prints a short table. Run through
 * {@code bench/run-e2e.sh}.
 */
@Command(name = "run-e2e", mixinStandardHelpOptions = true, sortOptions = false,
        description = "End-to-end benchmark of ingest -> enrich -> sink on the embedded stack, against a raw Kafka "
                + "pipe carrying the same stories in the same run.")
public final class EndToEndBenchmark implements Callable<Integer> {

    @Option(names = {"-n", "--stories"}, defaultValue = "4000",
            description = "Stories timed through the pipeline and the baseline (default ${DEFAULT-VALUE}).")
    int stories;

    @Option(names = "--warmup", defaultValue = "1000",
            description = "Stories sent first, untimed, so the JIT has compiled the hot paths "
                    + "(default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--push-warmup", defaultValue = "10000",
            description = "Stories pushed over HTTP after the throughput phase, 16 at a time, untimed, before the "
                    + "latency phases: the push path (ingest's HTTP handler, the broker's small requests) must be "
                    + "compiled too, or the latency phases measure the JIT (default ${DEFAULT-VALUE}, 40-75 s here; "
                    + "0 skips it).")
    int pushWarmup;

    @Option(names = "--rates", split = ",", defaultValue = "50,200",
            description = "Stories/s pushed over HTTP, one latency phase each, comma-separated (default "
                    + "${DEFAULT-VALUE}: one well below what the pipeline sustains here, and the target rate).")
    List<Double> rates;

    @Option(names = "--latency-seconds", defaultValue = "12",
            description = "Length of each latency phase (default ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--modes", split = ",", defaultValue = "exactly_once_v2,at_least_once",
            description = "Processing guarantees to run, comma-separated (default ${DEFAULT-VALUE}).")
    List<String> modes;

    @Option(names = "--heap", defaultValue = "256m",
            description = "-Xmx of each service JVM (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--jfr", description = "Record each service with Java Flight Recorder (profile settings) into "
            + "<out>/jfr/; summarize with bench/jfr-hot.sh.")
    boolean jfr;

    @Option(names = "--seed", defaultValue = "20240601", description = "Seed of the story generator.")
    long seed;

    @Option(names = "--out", defaultValue = "target/e2e", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--set", paramLabel = "SERVICE:KEY=VALUE",
            description = "Extra setting for one service (ingest, enrich or sink), e.g. "
                    + "--set enrich:streams.producer.compression.type=lz4. Repeatable; recorded in the report.")
    List<String> extra = new ArrayList<>();

    @Option(names = "--jvm", paramLabel = "SERVICE:OPTION",
            description = "Extra JVM option for one service's JVM (ingest, enrich or sink), e.g. "
                    + "--jvm ingest:-XX:TieredStopAtLevel=1. Repeatable; recorded in the report.")
    List<String> jvm = new ArrayList<>();

    @Option(names = "--service-classpath", description = "Classpath of the service JVMs (default: this JVM's "
            + "classpath without the bench jar, i.e. wirewatch-cli and its runtime dependencies).")
    String serviceClasspath;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EndToEndBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        BenchJvm.quietLogging();
        Progress progress = new Progress(System.err);
        Path outDir = out.toAbsolutePath();
        Files.createDirectories(outDir);
        String benchClasspath = BenchJvm.classpath();
        String services = serviceClasspath != null ? serviceClasspath : BenchJvm.serviceClasspath();
        PipelineRun.Settings settings = new PipelineRun.Settings(warmup, pushWarmup, stories, List.copyOf(rates),
                latencySeconds, heap, jfr, seed, outDir, services, benchClasspath, List.copyOf(extra),
                List.copyOf(jvm));
        Report.Machine before = Report.Machine.now();
        Instant started = Instant.now();
        progress.phase("stack");
        progress.line("starting Kafka (KRaft), the schema registry and PostgreSQL in this JVM");
        List<PipelineRun.ModeResult> results = new ArrayList<>();
        try (LocalStack stack = LocalStack.start(0, 0)) {
            progress.line("Kafka " + stack.bootstrapServers() + ", registry " + stack.registryUrl());
            PipelineRun run = new PipelineRun(stack, settings, progress);
            for (String mode : modes) {
                String guarantee = mode.trim();
                progress.phase(tag(guarantee));
                results.add(run.run(tag(guarantee), guarantee));
            }
        }
        progress.phase("");
        Report report = new Report(started, Instant.now(), before, Report.Machine.now(), settings, results);
        report.write(outDir.resolve("report.json"), outDir.resolve("report.md"));
        System.out.println();
        System.out.println(report.table());
        System.out.println("Reports: " + outDir.resolve("report.md") + " and " + outDir.resolve("report.json"));
        return results.stream().allMatch(r -> r.error() == null) ? 0 : 1;
    }

    static String tag(String guarantee) {
        return switch (guarantee) {
            case "exactly_once_v2" -> "eos";
            case "at_least_once" -> "alos";
            default -> throw new CommandLine.ParameterException(new CommandLine(new EndToEndBenchmark()),
                    "--modes takes exactly_once_v2 and/or at_least_once, not '" + guarantee + "'");
        };
    }
}
