package io.wirewatch.bench.e2e;

import io.wirewatch.avro.RawStory;
import io.wirewatch.bench.StoryGenerator;
import io.wirewatch.cli.local.LocalStack;
import io.wirewatch.embedded.FreePorts;
import io.wirewatch.platform.topics.ContractSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * One processing guarantee, end to end: ingest, enrich and sink each in its own JVM ({@code java -Xmx256m -cp <cli
 * classpath> io.wirewatch.cli.Wirewatch ingest|enrich|sink}) against the embedded broker, registry and PostgreSQL of
 * this JVM, on topics, groups and a PostgreSQL schema of their own. Phases: warm-up stories through the spool;
 * the measured stories through the spool (stories/s from the first file dropped to the last story in PostgreSQL);
 * the latency run (HTTP push at a fixed rate); then the services stop and the raw-Kafka baseline carries the very
 * RawStory records ingest wrote, in the same run.
 */
final class PipelineRun {

    static final String SPOOL_SOURCE = "bench-spool";
    static final String PUSH_SOURCE = "bench-push";
    /** Ingest's push slots ({@code ingest.http.max.concurrent}), and as many pushes in flight in the warm-up. */
    private static final int PUSH_SLOTS = 16;
    private static final String CLI_MAIN = "io.wirewatch.cli.Wirewatch";

    /** The knobs of a run. */
    record Settings(int warmupStories, int pushWarmup, int stories, List<Double> rates, int latencySeconds,
                    String heap, boolean jfr, long seed, Path workDir, String serviceClasspath, String benchClasspath,
                    List<String> extra, List<String> jvm) {

        /** The extra JVM options given for one service ({@code service:option}). */
        List<String> jvmFor(String service) {
            return scoped(jvm, service, entry -> true, "--jvm %s: use SERVICE:OPTION, e.g. "
                    + "ingest:-XX:TieredStopAtLevel=1");
        }

        /** Stories pushed in the latency phase at {@code rate}. */
        int latencyStories(double rate) {
            return (int) Math.round(rate * latencySeconds);
        }

        /** The extra settings given for one service ({@code service:key=value}). */
        Map<String, String> extraFor(String service) {
            Map<String, String> settings = new LinkedHashMap<>();
            for (String keyValue : scoped(extra, service, entry -> entry.indexOf('=') > entry.indexOf(':'),
                    "--set %s: use SERVICE:KEY=VALUE, e.g. enrich:commit.interval.ms=200")) {
                int equals = keyValue.indexOf('=');
                settings.put(keyValue.substring(0, equals), keyValue.substring(equals + 1));
            }
            return settings;
        }

        /**
         * What follows {@code service:} in the entries naming this service. Every entry is checked, whichever
         * service it names.
         *
         * @throws IllegalArgumentException with {@code refusal} (formatted with the entry) for a malformed entry
         */
        private static List<String> scoped(List<String> entries, String service, Predicate<String> wellFormed,
                                           String refusal) {
            List<String> values = new ArrayList<>();
            for (String entry : entries) {
                int colon = entry.indexOf(':');
                if (colon < 0 || !wellFormed.test(entry)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, refusal, entry));
                }
                if (entry.substring(0, colon).equals(service)) {
                    values.add(entry.substring(colon + 1));
                }
            }
            return values;
        }
    }

    /**
     * Heap of one service over the whole run, from its GC log: the peak in use (before a collection), the most that
     * stayed live after one, how often it collected; whether it ran out of memory; its exit code after SIGTERM.
     */
    record ServiceHeap(String service, long peakUsedBytes, long peakAfterGcBytes, int collections,
                       int fullCollections, boolean outOfMemory, int exitCode) {
    }

    /** Stories/s of the pipeline from the first file dropped into the spool to the last story in PostgreSQL. */
    record Throughput(int stories, long bytes, double seconds, double storiesPerSecond, double megabytesPerSecond,
                      Map<String, Double> cpuSeconds) {
    }

    /** Everything one guarantee measured; {@code error} is set when a phase failed. */
    record ModeResult(String mode, String guarantee, Throughput pipeline, RawPipeBaseline.Result baseline,
                      double ratio, List<PacedPush.Result> latencies, List<ServiceHeap> heaps, String error) {
    }

    private final LocalStack stack;
    private final Settings settings;
    private final Progress progress;

    PipelineRun(LocalStack stack, Settings settings, Progress progress) {
        this.stack = stack;
        this.settings = settings;
        this.progress = progress;
    }

    ModeResult run(String tag, String guarantee) throws InterruptedException {
        String prefix = "bench-" + tag;
        String schema = "bench_" + tag;
        Path dir = settings.workDir().resolve(tag);
        deleteRecursively(dir);
        Path spool = dir.resolve("spool");
        Path logs = settings.workDir().resolve("logs");

        int latencyStories = settings.rates().stream().mapToInt(settings::latencyStories).sum();
        progress.line("generating " + (settings.warmupStories() + settings.pushWarmup() + settings.stories()
                + latencyStories) + " stories");
        StorySet generator = new StorySet(settings.seed() + tag.hashCode(), 0.4);
        List<Path> warmupFiles = StorySet.writeFiles(generator.next(settings.warmupStories()), dir.resolve("staging"),
                "w");
        List<StoryGenerator.Story> measured = generator.next(settings.stories());
        List<Path> measuredFiles = StorySet.writeFiles(measured, dir.resolve("staging"), "m");
        List<String> pushWarmup = generator.next(settings.pushWarmup()).stream().map(StoryGenerator.Story::wireText)
                .toList();
        List<List<String>> pushed = new ArrayList<>();
        for (double rate : settings.rates()) {
            pushed.add(generator.next(settings.latencyStories(rate)).stream().map(StoryGenerator.Story::wireText)
                    .toList());
        }

        Map<String, String> common = serviceSettings(stack, prefix);
        String token = UUID.randomUUID().toString();
        int sinkPort = FreePorts.next();
        int enrichPort = FreePorts.next();
        int ingestPort = FreePorts.next();

        List<ChildJvm> services = new ArrayList<>();
        List<ServiceHeap> heaps = new ArrayList<>();
        Throughput throughput = null;
        List<PacedPush.Result> latencies = new ArrayList<>();
        List<RawStory> raw = List.of();
        String error = null;
        try (StoryTable table = new StoryTable(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword(), schema);
             StoryTable pollTable = new StoryTable(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword(), schema)) {
            progress.line("starting sink, enrich and ingest, each in its own JVM (-Xmx" + settings.heap() + ")");
            ChildJvm sink = startService("sink", tag, logs, sinkPort, with(common, Map.of(
                    "instance.id", prefix + "-sink",
                    "sink.group.id", prefix + "-sink",
                    "archive.dir", dir.resolve("archive").toString(),
                    "archive.roll.ms", "1000",
                    "postgres.jdbc.url", stack.jdbcUrl(),
                    "postgres.user", stack.jdbcUser(),
                    "postgres.password", stack.jdbcPassword(),
                    "postgres.schema", schema)));
            services.add(sink);
            ChildJvm enrich = startService("enrich", tag, logs, enrichPort, with(common, Map.of(
                    "instance.id", prefix + "-enrich",
                    "application.id", prefix + "-enrich",
                    "processing.guarantee", guarantee,
                    "state.dir", dir.resolve("enrich-state").toString())));
            services.add(enrich);
            ChildJvm ingest = startService("ingest", tag, logs, ingestPort, with(common, Map.of(
                    "instance.id", prefix + "-ingest",
                    "ingest.transactional.id", prefix + "-ingest",
                    "ingest.progress.topic", "_" + prefix + ".ingest.progress",
                    "ingest.spool.dir", spool.toString(),
                    "ingest.spool.source", SPOOL_SOURCE,
                    "ingest.spool.poll.ms", "100",
                    "ingest.http.token", token,
                    // a push holds its slot until its transaction commits: 200 pushes/s at ~30 ms per commit
                    // need more than the default 4 (see ingest/README.md, group commit)
                    "ingest.http.max.concurrent", String.valueOf(PUSH_SLOTS))));
            services.add(ingest);
            for (ChildJvm service : services) {
                service.awaitReady(Duration.ofSeconds(120));
            }
            progress.line("services ready");

            progress.line("warm-up: " + warmupFiles.size() + " stories through the spool");
            Instant warmupStart = Instant.now();
            StorySet.moveInto(warmupFiles, spool);
            awaitStored(table, SPOOL_SOURCE, warmupStart, warmupFiles.size(), "warm-up", services);

            progress.line("throughput: " + measuredFiles.size() + " stories dropped into the spool at once");
            Map<String, Duration> cpuBefore = cpu(services);
            long start = System.nanoTime();
            Instant throughputStart = Instant.now();
            StorySet.moveInto(measuredFiles, spool);
            awaitStored(table, SPOOL_SOURCE, throughputStart, measuredFiles.size(), "throughput", services);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Duration> cpuAfter = cpu(services);
            long bytes = StorySet.bytes(measured);
            throughput = new Throughput(measured.size(), bytes, seconds, measured.size() / seconds,
                    bytes / 1e6 / seconds, cpuSeconds(cpuBefore, cpuAfter));
            progress.line(String.format(Locale.ROOT, "throughput: %d stories in %.1f s = %.0f stories/s",
                    measured.size(), seconds, throughput.storiesPerSecond()));

            raw = readRaw(common.get("topic.raw"));

            if (!pushWarmup.isEmpty()) {
                progress.line("push warm-up: " + pushWarmup.size() + " stories over HTTP, " + PUSH_SLOTS
                        + " at a time, untimed");
                String source = PUSH_SOURCE + "-warmup";
                Instant pushWarmupStart = Instant.now();
                new PacedPush("http://127.0.0.1:" + ingestPort, token, source, progress)
                        .warmUp(pushWarmup, PUSH_SLOTS);
                awaitStored(table, source, pushWarmupStart, pushWarmup.size(), "push warm-up", services);
            }
            for (int i = 0; i < settings.rates().size(); i++) {
                double rate = settings.rates().get(i);
                progress.line(String.format(Locale.ROOT, "latency: %d stories pushed over HTTP at %.0f/s",
                        pushed.get(i).size(), rate));
                Map<String, Duration> latencyCpuBefore = cpu(services);
                double jitBefore = jitCpu(services);
                long latencyStart = System.nanoTime();
                PacedPush.Result latency = new PacedPush("http://127.0.0.1:" + ingestPort, token,
                        PUSH_SOURCE + "-" + i + "-" + Math.round(rate), progress)
                        .run(pushed.get(i), rate, pollTable, Duration.ofSeconds(60))
                        .withCpu(cpuSeconds(latencyCpuBefore, cpu(services)),
                                (System.nanoTime() - latencyStart) / 1e9, jitCpu(services) - jitBefore);
                latencies.add(latency);
                progress.line(String.format(Locale.ROOT, "latency at %.0f/s: push-to-visible p50 %.0f ms, p99 %.0f "
                                + "ms; received_at-to-stored_at p50 %.0f ms, p99 %.0f ms (received_at-to-enriched_at "
                                + "p50 %.0f, p99 %.0f; enriched_at-to-stored_at p50 %.0f, p99 %.0f); push answered "
                                + "p50 %.0f ms", rate,
                        latency.pushToVisibleMs().p50(), latency.pushToVisibleMs().p99(),
                        latency.ingestToStoreMs().p50(), latency.ingestToStoreMs().p99(),
                        latency.ingestToEnrichMs().p50(), latency.ingestToEnrichMs().p99(),
                        latency.enrichToStoreMs().p50(), latency.enrichToStoreMs().p99(),
                        latency.responseMs().p50()));
            }
        } catch (RuntimeException | SQLException e) {
            error = e.getMessage();
            progress.line("FAILED: " + e.getMessage());
        } finally {
            for (int i = services.size() - 1; i >= 0; i--) {
                ChildJvm service = services.get(i);
                int exit = service.stop();
                GcLog gc = GcLog.read(gcLog(tag, service.name()));
                heaps.add(0, new ServiceHeap(service.name(), gc.peakBeforeBytes(), gc.peakAfterBytes(),
                        gc.collections(), gc.fullCollections(),
                        service.logContains("java.lang.OutOfMemoryError"), exit));
            }
        }

        RawPipeBaseline.Result baseline = null;
        if (error == null) {
            List<RawStory> warmupRaw = raw.stream().filter(s -> fileName(s).startsWith("w-")).toList();
            List<RawStory> measuredRaw = raw.stream().filter(s -> fileName(s).startsWith("m-")).toList();
            progress.line("baseline: the same " + measuredRaw.size() + " RawStory records (after "
                    + warmupRaw.size() + " warm-up) through producer -> topic -> identity Kafka Streams -> topic "
                    + "-> consumer");
            try {
                baseline = new RawPipeBaseline(stack.bootstrapServers(), stack.registryUrl(),
                        settings.benchClasspath(), jvmOptions(tag, "identity-pipe"), logs, progress)
                        .run(prefix, guarantee, warmupRaw, measuredRaw);
                progress.line(String.format(Locale.ROOT, "baseline: %d stories in %.2f s = %.0f stories/s",
                        baseline.stories(), baseline.seconds(), baseline.storiesPerSecond()));
            } catch (RuntimeException e) {
                error = "baseline: " + e.getMessage();
                progress.line("FAILED: " + error);
            }
        }
        double ratio = throughput != null && baseline != null
                ? throughput.storiesPerSecond() / baseline.storiesPerSecond() : Double.NaN;
        return new ModeResult(tag, guarantee, throughput, baseline, ratio, latencies, heaps, error);
    }

    private ChildJvm startService(String service, String tag, Path logs, int port, Map<String, String> settingsMap) {
        List<String> args = new ArrayList<>();
        args.add(service);
        Map<String, String> all = new LinkedHashMap<>(settingsMap);
        all.put("http.port", String.valueOf(port));
        all.putAll(settings.extraFor(service));
        all.forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        return ChildJvm.start(service, jvmOptions(tag, service), settings.serviceClasspath(), CLI_MAIN, args,
                logs.resolve("bench-" + tag + "-" + service + ".log"), "http://127.0.0.1:" + port);
    }

    private Path gcLog(String tag, String service) {
        return settings.workDir().resolve("logs").resolve("bench-" + tag + "-" + service + "-gc.log");
    }

    private List<String> jvmOptions(String tag, String service) {
        List<String> options = new ArrayList<>(List.of("-Xmx" + settings.heap(), "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog(tag, service) + ":uptime"));
        options.addAll(settings.jvmFor(service));
        if (settings.jfr()) {
            Path jfr = settings.workDir().resolve("jfr").resolve(tag + "-" + service + ".jfr");
            try {
                Files.createDirectories(jfr.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            options.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        }
        return options;
    }

    /** Waits until {@code target} stories of the source were stored since {@code since} (each poll reads the index). */
    private void awaitStored(StoryTable table, String source, Instant since, long target, String phase,
                             List<ChildJvm> services) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(180, target / 10));
        long lastReport = System.nanoTime();
        long lastCount = 0;
        long lastAt = System.nanoTime();
        while (true) {
            long count = table.exists() ? table.count(source, since) : 0;
            if (count >= target) {
                return;
            }
            long now = System.nanoTime();
            services.forEach(ChildJvm::verifyAlive);
            if (now > deadline) {
                throw new IllegalStateException(phase + ": only " + count + " of " + target + " stories reached "
                        + "PostgreSQL in time; see the logs under " + services.get(0).log().getParent());
            }
            if (now - lastReport > TimeUnit.SECONDS.toNanos(2)) {
                progress.line(String.format(Locale.ROOT, "%s: %d/%d stories in PostgreSQL (%.0f/s)", phase, count,
                        target, (count - lastCount) / ((now - lastAt) / 1e9)));
                lastReport = now;
                lastCount = count;
                lastAt = now;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** CPU time of each service, of this JVM (broker and registry) and of PostgreSQL's processes. */
    private Map<String, Duration> cpu(List<ChildJvm> services) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        List<Long> childPids = new ArrayList<>();
        for (ChildJvm service : services) {
            cpu.put(service.name(), service.cpu());
            childPids.add(service.pid());
        }
        cpu.put("kafka+registry (bench JVM)", ProcessHandle.current().info().totalCpuDuration()
                .orElse(Duration.ZERO));
        cpu.put("postgresql", postgresCpu());
        return cpu;
    }

    /** CPU seconds of the JIT compiler threads of the services and of this JVM so far (0 where /proc is missing). */
    private static double jitCpu(List<ChildJvm> services) {
        return Stream.concat(services.stream().map(ChildJvm::pid), Stream.of(ProcessHandle.current().pid()))
                .flatMap(pid -> ThreadCpu.of(pid).entrySet().stream())
                .filter(thread -> thread.getKey().contains("CompilerThre"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /**
     * CPU time of the PostgreSQL server and its backends: pg_ctl daemonizes the postmaster, so it is found by the
     * port in its command line, then its children (the sink's pooled connections live as long as the sink).
     */
    private Duration postgresCpu() {
        String port = stack.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).matches(".*-p\\s*" + port + "\\b.*"))
                        .orElse(false))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static Map<String, Double> cpuSeconds(Map<String, Duration> before, Map<String, Duration> after) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        after.forEach((k, v) -> seconds.put(k, (v.toMillis() - before.getOrDefault(k, Duration.ZERO).toMillis())
                / 1000.0));
        return seconds;
    }

    /** Every committed RawStory of the topic (what ingest wrote), for the baseline to carry again. */
    private List<RawStory> readRaw(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<RawStory> stories = new ArrayList<>();
        try (ContractSerdes serdes = new ContractSerdes(Map.of("schema.registry.url", stack.registryUrl()));
             KafkaConsumer<String, RawStory> consumer = new KafkaConsumer<>(config, serdes.key().deserializer(),
                     serdes.rawStory().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> stories.add(r.value()));
            }
        }
        return stories;
    }

    private static String fileName(RawStory story) {
        String location = story.getProvenance().getLocation();
        return location == null ? "" : Path.of(location).getFileName().toString();
    }

    private static Map<String, String> with(Map<String, String> common, Map<String, String> own) {
        Map<String, String> all = new LinkedHashMap<>(common);
        all.putAll(own);
        return all;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * What every service of a benchmark run is given: the stack's broker and registry, loopback HTTP, and the
     * pipeline's topics under {@code prefix} (3 partitions each), so runs never share a topic.
     */
    static Map<String, String> serviceSettings(LocalStack stack, String prefix) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", stack.bootstrapServers());
        settings.put("schema.registry.url", stack.registryUrl());
        settings.put("topics.partitions", "3");
        settings.put("http.host", "127.0.0.1");
        settings.put("topic.raw", prefix + ".news.raw");
        settings.put("topic.enriched", prefix + ".news.enriched");
        settings.put("topic.enriched.prefix", prefix + ".news.enriched.");
        settings.put("topic.trends", prefix + ".news.trends");
        settings.put("topic.deadletter", prefix + ".news.deadletter");
        return settings;
    }
}
