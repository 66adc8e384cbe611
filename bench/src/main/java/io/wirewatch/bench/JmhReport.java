package io.wirewatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results into the numbers the benchmarks exist for: tagger stories/s and MB/s next to the
 * analyzer-only pass of the same run and their ratio, serde records/s and MB/s, registry lookups/s, ingest and enrich
 * stories/s. Prints Markdown and writes it next to the JSON. {@code JmhReport [target/jmh-result.json]}; run by
 * {@code bench/run-jmh.sh} after the benchmarks.
 */
public final class JmhReport {

    static final double TAGGER_TARGET_PER_SECOND = 3_000;
    static final double TAGGER_TARGET_RATIO = 0.40;

    /** One benchmark result: score, its 99.9% error, and the {@code bytes} secondary score when there is one. */
    record Score(double value, double error, double bytesPerSecond) {
    }

    private JmhReport() {
    }

    public static void main(String[] args) throws IOException {
        Path json = Path.of(args.length > 0 ? args[0] : "target/jmh-result.json");
        String report = render(read(json));
        System.out.println(report);
        Path md = json.resolveSibling(json.getFileName().toString().replace(".json", ".md"));
        Files.writeString(md, report, StandardCharsets.UTF_8);
        System.out.println("(written to " + md + ")");
    }

    /** Scores by "Class.method" plus " size=…" / " record=…" when parameterized. */
    static Map<String, Score> read(Path json) throws IOException {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
            String name = run.path("benchmark").asText().replaceFirst("^io\\.wirewatch\\.bench\\.", "");
            StringBuilder key = new StringBuilder(name);
            run.path("params").properties().forEach(p -> key.append(' ').append(p.getKey()).append('=')
                    .append(p.getValue().asText()));
            JsonNode primary = run.path("primaryMetric");
            JsonNode bytes = run.path("secondaryMetrics").path("bytes");
            scores.put(key.toString(), new Score(primary.path("score").asDouble(), primary.path("scoreError")
                    .asDouble(), bytes.isMissingNode() ? Double.NaN : bytes.path("score").asDouble()));
        }
        return scores;
    }

    static String render(Map<String, Score> scores) {
        StringBuilder md = new StringBuilder("# JMH results\n\n");
        md.append("One thread each; score ± 99.9% error over the measurement iterations.\n\n");
        boolean tagger = scores.keySet().stream().anyMatch(k -> k.startsWith("TaggerBenchmark"));
        if (tagger) {
            md.append("## Tagger against the analyzer-only pass (same run)\n\n");
            md.append("| stories | tag stories/s | tag MB/s | analyze stories/s | analyze MB/s | tag / analyze | "
                    + "target |\n|---|---:|---:|---:|---:|---:|---|\n");
            for (String size : new String[] {"mix", "3000"}) {
                Score tag = scores.get("TaggerBenchmark.tag size=" + size);
                Score analyze = scores.get("TaggerBenchmark.analyze size=" + size);
                if (tag == null || analyze == null) {
                    continue;
                }
                double ratio = tag.value() / analyze.value();
                String target = "3000".equals(size)
                        ? verdict(tag.value() >= TAGGER_TARGET_PER_SECOND, ">= 3,000/s") + ", "
                                + verdict(ratio >= TAGGER_TARGET_RATIO, ">= 40%")
                        : "(mix: 0.5-10 KB)";
                md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %s | %.2f | %.1f%% | %s |%n",
                        "mix".equals(size) ? "0.5-10 KB, median ~3 KB" : "~3 KB each", withError(tag),
                        tag.bytesPerSecond() / 1e6, withError(analyze), analyze.bytesPerSecond() / 1e6, ratio * 100,
                        target));
            }
            md.append('\n');
        }
        md.append("## Everything\n\n| benchmark | score (ops/s) | MB/s |\n|---|---:|---:|\n");
        scores.forEach((name, score) -> md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", name,
                withError(score), Double.isNaN(score.bytesPerSecond()) ? ""
                        : String.format(Locale.ROOT, "%.2f", score.bytesPerSecond() / 1e6))));
        return md.toString();
    }

    private static String withError(Score score) {
        return String.format(Locale.ROOT, "%,.0f ± %,.0f", score.value(), score.error());
    }

    private static String verdict(boolean met, String what) {
        return (met ? "met" : "NOT met") + " (" + what + ")";
    }
}
