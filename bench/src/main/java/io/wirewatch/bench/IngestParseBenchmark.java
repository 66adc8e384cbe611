package io.wirewatch.bench;

import io.wirewatch.ingest.parse.InputFormat;
import io.wirewatch.ingest.parse.Parsed;
import io.wirewatch.ingest.parse.ParseException;
import io.wirewatch.ingest.parse.Parsers;
import io.wirewatch.ingest.parse.SourceMeta;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingest's per-story CPU, one thread: a generated story's plain wire-text bytes through ingest's parser entry point
 * (decode, paragraphs, captions, text cleaning, language detection, stable id and content hash) into a RawStory.
 * No Kafka. Sizes 500 B to 10 KB (median ~3 KB). Secondary score {@code bytes}: input bytes per second.
 * Run: {@code bench/run-jmh.sh IngestParseBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class IngestParseBenchmark {

    private static final int STORIES = 1_000;

    private final byte[][] inputs = new byte[STORIES][];
    private Parsers parsers;
    private SourceMeta meta;
    private int next;

    /** Input bytes parsed, reported by JMH as a rate next to stories/s. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Throughput {
        public long bytes;
    }

    @Setup(Level.Trial)
    public void setUp() {
        StoryGenerator generator = new StoryGenerator(42, 0.4);
        for (int i = 0; i < STORIES; i++) {
            inputs[i] = generator.next().wireText().getBytes(StandardCharsets.UTF_8);
        }
        parsers = new Parsers(10L * 1024 * 1024);
        meta = new SourceMeta("bench", "bench/story.txt", "story.txt", "text/plain", Instant.EPOCH, "bench", "0");
    }

    @Benchmark
    public Parsed parse(Throughput throughput) throws ParseException {
        byte[] input = inputs[next];
        next = next + 1 == STORIES ? 0 : next + 1;
        throughput.bytes += input.length;
        return parsers.parse(input, meta, InputFormat.TEXT);
    }
}
