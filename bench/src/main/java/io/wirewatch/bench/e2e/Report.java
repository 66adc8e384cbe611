package io.wirewatch.bench.e2e;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The end-to-end results as JSON, as Markdown, and as the short table printed at the end. */
final class Report {

    static final double RATIO_TARGET = 0.30;
    static final double P99_TARGET_MS = 500;
    static final long HEAP_TARGET_BYTES = 256L * 1024 * 1024;

    /** The machine while the benchmark ran. */
    record Machine(int processors, double loadAverage, String java, String os) {
        static Machine now() {
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version"));
        }
    }

    /** The JSON document. */
    record Document(String started, String finished, Machine machineAtStart, Machine machineAtEnd,
                    PipelineRun.Settings settings, List<PipelineRun.ModeResult> results) {
    }

    private final Document document;

    Report(Instant started, Instant finished, Machine before, Machine after, PipelineRun.Settings settings,
           List<PipelineRun.ModeResult> results) {
        this.document = new Document(started.toString(), finished.toString(), before, after, settings, results);
    }

    void write(Path json, Path markdown) throws IOException {
        ObjectMapper mapper = JsonMapper.builder().findAndAddModules()
                .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        Files.writeString(json, mapper.writeValueAsString(document), StandardCharsets.UTF_8);
        Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
    }

    /** The short table printed at the end. */
    String table() {
        List<Double> rates = document.settings().rates();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-5s %10s %10s %6s", "mode",
                "pipeline/s", "baseline/s", "ratio"));
        rates.forEach(rate -> header.append(String.format(Locale.ROOT, " %13s", "@" + Math.round(rate)
                + "/s p50/p99")));
        header.append(String.format(Locale.ROOT, " %9s %9s %9s", "ingest MB", "enrich MB", "sink MB"));
        StringBuilder out = new StringBuilder(header).append('\n');
        for (PipelineRun.ModeResult r : document.results()) {
            out.append(String.format(Locale.ROOT, "%-5s %10s %10s %6s", r.mode(),
                    r.pipeline() == null ? "-" : fmt(r.pipeline().storiesPerSecond()),
                    r.baseline() == null ? "-" : fmt(r.baseline().storiesPerSecond()),
                    Double.isNaN(r.ratio()) ? "-" : pct(r.ratio())));
            for (int i = 0; i < rates.size(); i++) {
                out.append(String.format(Locale.ROOT, " %13s", i < r.latencies().size()
                        ? ms(r.latencies().get(i).pushToVisibleMs()) : "-"));
            }
            out.append(String.format(Locale.ROOT, " %9s %9s %9s%n", heap(r, "ingest"), heap(r, "enrich"),
                    heap(r, "sink")));
            if (r.error() != null) {
                out.append("      FAILED: ").append(r.error().lines().findFirst().orElse("")).append('\n');
            }
        }
        out.append("ratio = pipeline / baseline stories/s (same stories, same run); @rate = ms from a push being due "
                + "to the story being visible in PostgreSQL;\nMB = heap peak used / most live after a GC (-Xmx"
                + document.settings().heap() + ")");
        return out.toString();
    }

    String markdown() {
        PipelineRun.Settings s = document.settings();
        StringBuilder md = new StringBuilder();
        md.append("# wirewatch end-to-end benchmark\n\n");
        md.append(String.format(Locale.ROOT, "Run %s to %s. %d processors, load average %.2f at start and %.2f at "
                        + "end (other work shares this machine), %s, %s.%n%n", document.started(), document.finished(),
                document.machineAtStart().processors(), document.machineAtStart().loadAverage(),
                document.machineAtEnd().loadAverage(), document.machineAtStart().java(),
                document.machineAtStart().os()));
        md.append(String.format(Locale.ROOT, "Stories: %d timed after %d warm-up (generated, 0.5-10 KB, median "
                        + "~3 KB, 40%% cooperation), plain wire-text files dropped into ingest's spool; latency: "
                        + "after %d untimed warm-up pushes, stories pushed one per request over HTTP for %d s at each "
                        + "of %s stories/s. Services: ingest, enrich and sink each in its own JVM with -Xmx%s against "
                        + "Kafka, the registry and PostgreSQL in the benchmark's JVM.%s%n%n", s.stories(),
                s.warmupStories(), s.pushWarmup(), s.latencySeconds(),
                s.rates().stream().map(r -> String.valueOf(Math.round(r))).toList(), s.heap(),
                (s.extra().isEmpty() ? "" : " Extra settings: " + String.join(", ", s.extra()) + ".")
                        + (s.jvm().isEmpty() ? "" : " Extra JVM options: " + String.join(", ", s.jvm()) + ".")));
        md.append("## Throughput against the raw Kafka pipe (same run, same stories)\n\n");
        md.append("| guarantee | pipeline stories/s | pipeline MB/s | baseline stories/s | ratio | target |\n");
        md.append("|---|---:|---:|---:|---:|---|\n");
        for (PipelineRun.ModeResult r : document.results()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", r.guarantee(),
                    r.pipeline() == null ? "-" : fmt(r.pipeline().storiesPerSecond()),
                    r.pipeline() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.pipeline().megabytesPerSecond()),
                    r.baseline() == null ? "-" : fmt(r.baseline().storiesPerSecond()),
                    Double.isNaN(r.ratio()) ? "-" : pct(r.ratio()),
                    r.guarantee().startsWith("exactly") ? verdict(r.ratio() >= RATIO_TARGET, ">= 30%") : "(none)"));
        }
        md.append("\n## Latency at a fixed rate\n\n");
        md.append("Push-to-visible: from the moment a push was due (open loop) to the first 20 ms poll of PostgreSQL "
                + "that saw the story. stored_at - received_at: ingest's clock when it read the push to the sink's "
                + "transaction start (both this machine's clock). The target applies at 200 stories/s.\n\n");
        md.append("| guarantee | rate | pushed | achieved | push-to-visible p50 / p90 / p99 / max (ms) | "
                + "stored_at - received_at p50 / p90 / p99 / max (ms) | push answered p50 / p99 (ms) | target p99 "
                + "<= 500 ms |\n|---|---:|---:|---:|---|---|---|---|\n");
        for (PipelineRun.ModeResult r : document.results()) {
            for (PacedPush.Result l : r.latencies()) {
                md.append(String.format(Locale.ROOT, "| %s | %.0f/s | %d (%d accepted, %d refused, %d not seen) | "
                                + "%.0f/s | %s | %s | %.0f / %.0f | %s |%n", r.guarantee(), l.rate(), l.offered(),
                        l.accepted(), l.refused(), l.missing(), l.achievedRate(), all(l.pushToVisibleMs()),
                        all(l.ingestToStoreMs()), l.responseMs().p50(), l.responseMs().p99(),
                        Math.round(l.rate()) < 200 ? "(below the target rate)"
                                : verdict(l.pushToVisibleMs().p99() <= P99_TARGET_MS && l.refused() == 0,
                                        "push-to-visible") + ", "
                                + verdict(l.ingestToStoreMs().p99() <= P99_TARGET_MS, "stored_at - received_at")));
            }
        }
        md.append("\n## Heap per service (whole run, from each JVM's GC log)\n\n");
        md.append("Peak used = heap in use just before a collection (G1 fills the young generation up to what -Xmx "
                + "allows); after GC = the most that stayed live across a collection, what the service needs.\n\n");
        md.append("| guarantee | service | peak used | peak after GC | collections (full) | out of memory | "
                + "target |\n");
        md.append("|---|---|---:|---:|---:|---|---|\n");
        for (PipelineRun.ModeResult r : document.results()) {
            for (PipelineRun.ServiceHeap h : r.heaps()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d (%d) | %s | %s |%n", r.guarantee(),
                        h.service(), mb(h.peakUsedBytes()), mb(h.peakAfterGcBytes()), h.collections(),
                        h.fullCollections(), h.outOfMemory() ? "YES" : "no",
                        verdict(h.collections() > 0 && !h.outOfMemory() && h.peakUsedBytes() <= HEAP_TARGET_BYTES,
                                "ran within -Xmx" + s.heap())));
            }
        }
        md.append("\n## CPU seconds during the timed throughput phase\n\n");
        md.append("Two cores give 2 CPU-seconds per second of wall time; the baseline column is the identity "
                + "Kafka Streams JVM.\n\n");
        md.append("| guarantee | wall s | ");
        List<String> components = document.results().stream().filter(r -> r.pipeline() != null)
                .flatMap(r -> r.pipeline().cpuSeconds().keySet().stream()).distinct().toList();
        components.forEach(c -> md.append(c).append(" | "));
        md.append("baseline wall s | baseline identity-pipe CPU s |\n|---|---:|");
        components.forEach(c -> md.append("---:|"));
        md.append("---:|---:|\n");
        for (PipelineRun.ModeResult r : document.results()) {
            if (r.pipeline() == null) {
                continue;
            }
            md.append("| ").append(r.guarantee()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", r.pipeline().seconds())).append(" | ");
            Map<String, Double> cpu = r.pipeline().cpuSeconds();
            components.forEach(c -> md.append(String.format(Locale.ROOT, "%.1f", cpu.getOrDefault(c, 0.0)))
                    .append(" | "));
            md.append(r.baseline() == null ? "- | - |" : String.format(Locale.ROOT, "%.2f | %.1f |",
                    r.baseline().seconds(), r.baseline().cpuSecondsPipe())).append('\n');
        }
        latencyCpu(md);
        List<PipelineRun.ModeResult> failed = document.results().stream().filter(r -> r.error() != null).toList();
        if (!failed.isEmpty()) {
            md.append("\n## Failures\n\n");
            failed.forEach(r -> md.append("- ").append(r.guarantee()).append(": ").append(r.error()).append('\n'));
        }
        md.append("\n## Summary\n\n```\n").append(table()).append("\n```\n");
        return md.toString();
    }

    /** CPU per story of each process during each latency phase, and how busy the machine's cores were. */
    private void latencyCpu(StringBuilder md) {
        List<String> components = document.results().stream().flatMap(r -> r.latencies().stream())
                .flatMap(l -> l.cpuSeconds().keySet().stream()).distinct().toList();
        if (components.isEmpty()) {
            return;
        }
        int processors = document.machineAtStart().processors();
        md.append("\n## CPU during the latency phases\n\n");
        md.append("CPU milliseconds per pushed story of each process, from the first push to the last story stored; "
                + "busy = all of them over the phase's wall time and the machine's " + processors + " cores; JIT = "
                + "the part the JVMs' compiler threads used (a cost a long-running service stops paying). The "
                + "benchmark JVM also runs the HTTP client and the PostgreSQL poller.\n\n| guarantee | rate | ");
        components.forEach(c -> md.append(c).append(" | "));
        md.append("total | of which JIT | busy |\n|---|---:|");
        components.forEach(c -> md.append("---:|"));
        md.append("---:|---:|---:|\n");
        for (PipelineRun.ModeResult r : document.results()) {
            for (PacedPush.Result l : r.latencies()) {
                if (l.cpuSeconds().isEmpty() || l.offered() == 0 || l.cpuWallSeconds() <= 0) {
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %s | %.0f/s | ", r.guarantee(), l.rate()));
                double total = 0;
                for (String c : components) {
                    double seconds = l.cpuSeconds().getOrDefault(c, 0.0);
                    total += seconds;
                    md.append(String.format(Locale.ROOT, "%.2f | ", seconds * 1000 / l.offered()));
                }
                md.append(String.format(Locale.ROOT, "%.2f | %.2f | %s |%n", total * 1000 / l.offered(),
                        l.jitCpuSeconds() * 1000 / l.offered(), pct(total / l.cpuWallSeconds() / processors)));
            }
        }
    }

    private static String all(Percentiles p) {
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f / %.0f", p.p50(), p.p90(), p.p99(), p.max());
    }

    private static String ms(Percentiles p) {
        return String.format(Locale.ROOT, "%.0f/%.0f", p.p50(), p.p99());
    }

    private static String heap(PipelineRun.ModeResult r, String service) {
        return r.heaps().stream().filter(h -> h.service().equals(service)).findFirst()
                .map(h -> h.peakUsedBytes() < 0 ? "-" : h.peakUsedBytes() / (1024 * 1024) + "/"
                        + h.peakAfterGcBytes() / (1024 * 1024))
                .orElse("-");
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024));
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    private static String verdict(boolean met, String what) {
        return (met ? "met" : "NOT met") + " (" + what + ")";
    }
}
