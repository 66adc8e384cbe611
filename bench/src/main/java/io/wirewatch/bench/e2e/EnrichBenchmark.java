package io.wirewatch.bench.e2e;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.RawStory;
import io.wirewatch.cli.local.LocalStack;
import io.wirewatch.embedded.FreePorts;
import io.wirewatch.platform.topics.ContractSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Enrich alone on the embedded broker, for comparing settings or builds of the enrich service back to back in one
 * run: for each {@code --variant}, a fresh enrich JVM ({@code -Xmx256m}, as in the end-to-end run) on topics and an
 * application id of its own; RawStory records written straight to its news.raw by a transactional producer standing
 * in for ingest (lz4, 100 records per transaction); a read_committed consumer of news.enriched. Measures stories/s
 * (first send to last enriched story read), CPU seconds of enrich and of this JVM (broker, registry, the producer
 * and consumer), and the latency from a story's send being due to it being readable in news.enriched at a fixed rate
 * (one story per transaction, as an HTTP push reaches news.raw). Run through {@code bench/run-enrich.sh}.
 */
@Command(name = "run-enrich", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Enrich alone on the embedded broker: throughput, CPU and latency of one or more variants "
                + "(settings or service classpaths), back to back in one run.")
public final class EnrichBenchmark implements Callable<Integer> {

    private static final int TRANSACTION_RECORDS = 100;
    /** Variant key: topic-level compression.type of enrich's output topics, set once enrich created them. */
    private static final String OUTPUT_COMPRESSION = "output.compression.type";

    @Option(names = {"-n", "--stories"}, defaultValue = "4000",
            description = "Timed stories (default ${DEFAULT-VALUE}).")
    int stories;

    @Option(names = "--warmup", defaultValue = "1500",
            description = "Untimed stories first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rate", defaultValue = "200", description = "Stories/s of the latency phase; 0 to skip it "
            + "(default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--latency-seconds", defaultValue = "12", description = "Length of the latency phase (default "
            + "${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--variant", paramLabel = "NAME[:KEY=VALUE,...]",
            description = "A variant to run: a name and enrich settings, e.g. lz4:streams.producer.compression"
                    + ".type=lz4,commit.interval.ms=50. The special key 'classpath' replaces the enrich JVM's "
                    + "classpath (another build); 'output.compression.type' sets that topic config on news.enriched, "
                    + "news.enriched.* and news.trends once enrich created them. Repeatable; run in the order given. "
                    + "Default: one variant 'default'.")
    List<String> variants = new ArrayList<>();

    @Option(names = "--rounds", defaultValue = "1", description = "How often to run the list of variants "
            + "(alternating, to spread the machine's load over all of them; default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--heap", defaultValue = "256m", description = "-Xmx of the enrich JVM (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--jfr", description = "Record each enrich JVM with JFR into <out>/jfr/.")
    boolean jfr;

    @Option(names = "--jvm-option", description = "Extra JVM option of the enrich JVM (repeatable).")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--perf", description = "Record the enrich JVM with Linux perf (cpu-clock, call graphs) during "
            + "the throughput phase into <out>/perf/; the JVM runs with -XX:+PreserveFramePointer and writes "
            + "/tmp/perf-<pid>.map at exit, so `perf report -i FILE` names JIT-compiled methods too.")
    boolean perf;

    @Option(names = "--histogram", description = "After the throughput phase, write the enrich JVM's class histogram"
            + " of live objects (jcmd GC.class_histogram, a full GC) to <out>/logs/ and print its total.")
    boolean histogram;

    @Option(names = "--seed", defaultValue = "20240601", description = "Seed of the story generator.")
    long seed;

    @Option(names = "--out", defaultValue = "target/enrich-bench", description = "Output directory (default "
            + "${DEFAULT-VALUE}).")
    Path out;

    /** One variant's results. */
    record Result(String variant, int round, int stories, double seconds, double storiesPerSecond,
                  double enrichCpuSeconds, double brokerCpuSeconds, Percentiles latencyMs, int latencyMissing,
                  long heapPeakUsed, long heapPeakAfterGc, String error) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EnrichBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        BenchJvm.quietLogging();
        Progress progress = new Progress(System.err);
        Path outDir = out.toAbsolutePath();
        Files.createDirectories(outDir.resolve("logs"));
        String classpath = BenchJvm.serviceClasspath();
        if (variants.isEmpty()) {
            variants.add("default");
        }
        List<Result> results = new ArrayList<>();
        Instant started = Instant.now();
        double loadBefore = Report.Machine.now().loadAverage();
        StorySet generator = new StorySet(seed, 0.4);
        List<RawStory> warm = raw(generator, warmup);
        List<RawStory> timed = raw(generator, stories);
        List<RawStory> paced = raw(generator, (int) Math.round(rate * latencySeconds));
        try (LocalStack stack = LocalStack.start(0, 0)) {
            for (int round = 1; round <= rounds; round++) {
                for (int v = 0; v < variants.size(); v++) {
                    String spec = variants.get(v);
                    String name = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
                    progress.phase(name + (rounds > 1 ? " #" + round : ""));
                    Result result = runVariant(stack, warm, timed, paced, name, round, "r" + round + "v" + v,
                            settingsOf(spec), classpath, outDir, progress);
                    results.add(result);
                    progress.line(line(result));
                }
            }
        }
        progress.phase("");
        String table = table(results, started, loadBefore);
        Files.writeString(outDir.resolve("report.md"), table);
        System.out.println();
        System.out.println(table);
        return results.stream().allMatch(r -> r.error() == null) ? 0 : 1;
    }

    private static Map<String, String> settingsOf(String spec) {
        Map<String, String> settings = new LinkedHashMap<>();
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return settings;
        }
        for (String pair : spec.substring(colon + 1).split(",")) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new CommandLine.ParameterException(new CommandLine(new EnrichBenchmark()),
                        "--variant " + spec + ": use NAME:KEY=VALUE,KEY=VALUE");
            }
            settings.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return settings;
    }

    private Result runVariant(LocalStack stack, List<RawStory> warm, List<RawStory> timed, List<RawStory> paced,
                              String name, int round, String tag,
                              Map<String, String> extra, String defaultClasspath, Path outDir, Progress progress)
            throws InterruptedException {
        String prefix = "enrich-bench-" + tag + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> settings = PipelineRun.serviceSettings(stack, prefix);
        settings.put("instance.id", prefix);
        settings.put("application.id", prefix);
        settings.put("state.dir", outDir.resolve("state").resolve(prefix).toString());
        int port = FreePorts.next();
        settings.put("http.port", String.valueOf(port));
        String classpath = extra.getOrDefault("classpath", defaultClasspath);
        String outputCompression = extra.get(OUTPUT_COMPRESSION);
        extra.forEach((k, v) -> {
            if (!k.equals("classpath") && !k.equals(OUTPUT_COMPRESSION)) {
                settings.put(k, v);
            }
        });
        List<String> args = new ArrayList<>(List.of("enrich"));
        settings.forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        Path logs = outDir.resolve("logs");
        Path gcLog = logs.resolve(tag + "-" + name + "-gc.log");
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog + ":uptime"));
        options.addAll(jvmOptions);
        if (perf) {
            options.addAll(List.of("-XX:+PreserveFramePointer", "-XX:+UnlockDiagnosticVMOptions",
                    "-XX:+DumpPerfMapAtExit"));
        }
        if (jfr) {
            Path recording = outDir.resolve("jfr").resolve(tag + "-" + name + ".jfr");
            try {
                Files.createDirectories(recording.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            options.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
        }
        ChildJvm enrich = ChildJvm.start("enrich", options, classpath, "io.wirewatch.cli.Wirewatch", args,
                logs.resolve(tag + "-" + name + ".log"), "http://127.0.0.1:" + port);
        double seconds = Double.NaN;
        double enrichCpu = Double.NaN;
        double brokerCpu = Double.NaN;
        Percentiles latency = Percentiles.of(List.of());
        int missing = 0;
        String error = null;
        try (ContractSerdes serdes = new ContractSerdes(Map.of("schema.registry.url", stack.registryUrl()));
             KafkaProducer<String, RawStory> producer = new KafkaProducer<>(producerConfig(stack, prefix),
                     serdes.key().serializer(), serdes.rawStory().serializer());
             TopicReader<EnrichedStory> reader = new TopicReader<>(readerConfig(stack), serdes.key().deserializer(),
                     serdes.enrichedStory().deserializer(), settings.get("topic.enriched"))) {
            enrich.awaitReady(Duration.ofSeconds(120));
            if (outputCompression != null) {
                setCompression(stack, outputCompression, settings.get("topic.enriched"),
                        settings.get("topic.enriched.prefix"), settings.get("topic.trends"));
            }
            producer.initTransactions();
            reader.start();
            progress.line("warm-up: " + warm.size() + " stories");
            Map<String, Double> warmThreadsBefore = ThreadCpu.of(enrich.pid());
            send(producer, settings.get("topic.raw"), warm, TRANSACTION_RECORDS);
            reader.await(warm.size(), readTimeout(warm.size()), "warm-up", enrich::verifyAlive, progress);
            progress.line("warm-up: enrich threads CPU s: " + ThreadCpu.difference(warmThreadsBefore,
                    ThreadCpu.of(enrich.pid())));

            Map<String, Double> threadsBefore = ThreadCpu.of(enrich.pid());
            Duration enrichBefore = enrich.cpu();
            Duration selfBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
            Process recorder = perf ? startPerf(enrich.pid(), outDir.resolve("perf").resolve(tag + "-" + name
                    + ".data")) : null;
            long start = System.nanoTime();
            send(producer, settings.get("topic.raw"), timed, TRANSACTION_RECORDS);
            int throughputTarget = warm.size() + timed.size();
            long last = reader.await(throughputTarget, readTimeout(throughputTarget), "throughput",
                    enrich::verifyAlive, progress);
            if (recorder != null) {
                recorder.destroy();
                recorder.waitFor(30, TimeUnit.SECONDS);
            }
            seconds = (last - start) / 1e9;
            enrichCpu = (enrich.cpu().toMillis() - enrichBefore.toMillis()) / 1000.0;
            brokerCpu = (ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis()
                    - selfBefore.toMillis()) / 1000.0;
            progress.line(String.format(Locale.ROOT, "throughput: %d stories in %.1f s = %.0f/s; CPU s enrich %.1f, "
                    + "broker+bench %.1f", timed.size(), seconds, timed.size() / seconds, enrichCpu, brokerCpu));
            progress.line("throughput: enrich threads CPU s: " + ThreadCpu.difference(threadsBefore,
                    ThreadCpu.of(enrich.pid())));
            progress.line("compression of the first batches: " + BatchCodecs.describe(stack.bootstrapServers(),
                    List.of(settings.get("topic.enriched"), prefix + "-near-dup-index-repartition",
                            prefix + "-near-dup-index-store-changelog")));
            if (histogram) {
                progress.line("live heap: " + liveHistogram(enrich.pid(), logs.resolve(tag + "-" + name
                        + "-histogram.txt")));
            }

            if (!paced.isEmpty()) {
                progress.line(String.format(Locale.ROOT, "latency: %d stories at %.0f/s, one per transaction",
                        paced.size(), rate));
                Duration latencyEnrichBefore = enrich.cpu();
                Map<String, Double> latencyThreadsBefore = ThreadCpu.of(enrich.pid());
                Duration latencySelfBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
                Process latencyRecorder = perf ? startPerf(enrich.pid(), outDir.resolve("perf").resolve(tag + "-"
                        + name + "-latency.data")) : null;
                Map<String, Long> due = new ConcurrentHashMap<>();
                long period = (long) (1e9 / rate);
                long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
                String topic = settings.get("topic.raw");
                for (int i = 0; i < paced.size(); i++) {
                    long at = begin + i * period;
                    long wait;
                    while ((wait = at - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    RawStory story = paced.get(i);
                    due.put(story.getId(), at);
                    producer.beginTransaction();
                    producer.send(new ProducerRecord<>(topic, story.getId(), story), (m, e) -> reader.fail(e));
                    producer.commitTransaction();
                }
                int latencyTarget = warm.size() + timed.size() + paced.size();
                reader.await(latencyTarget, readTimeout(latencyTarget), "latency", enrich::verifyAlive, progress);
                if (latencyRecorder != null) {
                    latencyRecorder.destroy();
                    latencyRecorder.waitFor(30, TimeUnit.SECONDS);
                }
                progress.line(String.format(Locale.ROOT, "latency phase: CPU s enrich %.1f, broker+bench %.1f",
                        (enrich.cpu().toMillis() - latencyEnrichBefore.toMillis()) / 1000.0,
                        (ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis()
                                - latencySelfBefore.toMillis()) / 1000.0));
                progress.line("latency: enrich threads CPU s: " + ThreadCpu.difference(latencyThreadsBefore,
                        ThreadCpu.of(enrich.pid())));
                List<Double> ms = new ArrayList<>();
                for (Map.Entry<String, Long> entry : due.entrySet()) {
                    Long seen = reader.seenAt(entry.getKey());
                    if (seen == null) {
                        missing++;
                    } else {
                        ms.add((seen - entry.getValue()) / 1e6);
                    }
                }
                latency = Percentiles.of(ms);
            }
        } catch (RuntimeException e) {
            error = e.getMessage();
            progress.line("FAILED: " + e.getMessage());
        } finally {
            enrich.stop();
        }
        GcLog gc = GcLog.read(gcLog);
        return new Result(name, round, stories, seconds, stories / seconds, enrichCpu, brokerCpu, latency, missing,
                gc.peakBeforeBytes(), gc.peakAfterBytes(), error);
    }

    /** Sets the topic-level compression.type of enrich's output topics (the broker then compresses them). */
    private static void setCompression(LocalStack stack, String type, String enriched, String enrichedPrefix,
                                       String trends) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
            for (String topic : admin.listTopics().names().get(30, TimeUnit.SECONDS)) {
                if (topic.equals(enriched) || topic.startsWith(enrichedPrefix) || topic.equals(trends)) {
                    changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(new AlterConfigOp(
                            new ConfigEntry(TopicConfig.COMPRESSION_TYPE_CONFIG, type), AlterConfigOp.OpType.SET)));
                }
            }
            admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot set compression.type=" + type + " on the output topics: " + e, e);
        }
    }

    /** Runs jcmd GC.class_histogram (a full GC first) into the file; returns its total line. */
    private static String liveHistogram(long pid, Path file) throws InterruptedException {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "GC.class_histogram").redirectErrorStream(true)
                    .redirectOutput(file.toFile()).start();
            jcmd.waitFor(60, TimeUnit.SECONDS);
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).trim();
        } catch (IOException e) {
            return "(jcmd failed: " + e.getMessage() + ")";
        }
    }

    private static Process startPerf(long pid, Path data) {
        try {
            Files.createDirectories(data.getParent());
            return new ProcessBuilder("perf", "record", "-e", "cpu-clock", "-F", "499", "-g", "-p",
                    String.valueOf(pid), "-o", data.toString()).redirectErrorStream(true)
                    .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start perf (is it installed?): " + e.getMessage(), e);
        }
    }

    private static List<RawStory> raw(StorySet generator, int count) {
        Instant now = Instant.now();
        return generator.next(count).stream().map(s -> s.toRawStory("bench", now)).toList();
    }

    /** As ingest's producer: acks=all, idempotent, lz4, linger 10 ms, transactional. */
    private static Map<String, Object> producerConfig(LocalStack stack, String prefix) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 5 * 1024 * 1024);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, prefix + "-producer");
        return config;
    }

    private static void send(KafkaProducer<String, RawStory> producer, String topic, List<RawStory> stories,
                             int perTransaction) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int from = 0; from < stories.size(); from += perTransaction) {
            producer.beginTransaction();
            for (RawStory story : stories.subList(from, Math.min(stories.size(), from + perTransaction))) {
                producer.send(new ProducerRecord<>(topic, story.getId(), story), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.commitTransaction();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("A send to " + topic + " failed: " + failure.get(), failure.get());
        }
    }

    private static String line(Result r) {
        return String.format(Locale.ROOT, "%s: %.0f stories/s, CPU s enrich %.1f (%.2f ms/story), broker+bench %.1f;"
                        + " latency p50/p99 %.0f/%.0f ms (%d missing); heap %d/%d MB%s", r.variant(),
                r.storiesPerSecond(), r.enrichCpuSeconds(), 1000 * r.enrichCpuSeconds() / r.stories(),
                r.brokerCpuSeconds(), r.latencyMs().p50(), r.latencyMs().p99(), r.latencyMissing(),
                r.heapPeakUsed() >> 20, r.heapPeakAfterGc() >> 20, r.error() == null ? "" : "; FAILED: " + r.error());
    }

    private String table(List<Result> results, Instant started, double loadBefore) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "# enrich alone on the embedded broker%n%nRun %s to %s, load average %.2f"
                        + " at start and %.2f at end; %d timed stories after %d warm-up; latency at %.0f/s for %d s "
                        + "(one story per transaction, send due -> readable in news.enriched, read_committed)."
                        + "%n%n", started, Instant.now(), loadBefore, Report.Machine.now().loadAverage(), stories,
                warmup, rate, latencySeconds));
        md.append("| variant | round | stories/s | enrich CPU s | enrich ms/story | broker+bench CPU s | latency p50 / "
                + "p90 / p99 / max ms | heap peak / after GC MB |\n|---|---:|---:|---:|---:|---:|---|---|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.2f | %.1f | %.0f / %.0f / %.0f / %.0f%s"
                            + " | %d / %d |%n", r.variant(), r.round(), r.storiesPerSecond(), r.enrichCpuSeconds(),
                    1000 * r.enrichCpuSeconds() / r.stories(), r.brokerCpuSeconds(), r.latencyMs().p50(),
                    r.latencyMs().p90(), r.latencyMs().p99(), r.latencyMs().max(),
                    r.latencyMissing() > 0 ? " (" + r.latencyMissing() + " missing)" : "", r.heapPeakUsed() >> 20,
                    r.heapPeakAfterGc() >> 20));
        }
        md.append("\nVariants:\n");
        variants.forEach(v -> md.append("- `").append(v).append("`\n"));
        return md.toString();
    }

    /** news.enriched as subscribers read it: committed records only. */
    private static Map<String, Object> readerConfig(LocalStack stack) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return config;
    }

    /** Two minutes, or longer for runs of more than 2,400 stories (20 stories/s at least). */
    private static Duration readTimeout(long stories) {
        return Duration.ofSeconds(Math.max(120, stories / 20));
    }
}
