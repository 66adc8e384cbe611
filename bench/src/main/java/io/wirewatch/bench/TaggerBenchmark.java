package io.wirewatch.bench;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.tagger.TagInput;
import io.wirewatch.tagger.TaxonomyTagger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tagging speed on one thread, beside its floor measured in the same run: {@code tag} runs the shipped taxonomy's
 * {@link TaxonomyTagger} over generated stories (headline and paragraphs, 40% about cooperation); {@code analyze} only
 * tokenizes and stems the same texts with Lucene's {@link EnglishAnalyzer} (the first thing any analyzer-based tagger
 * must do, nothing else). {@code size=mix} draws sizes from 500 B to 10 KB (median ~3 KB), {@code size=3000} makes
 * every story ~3 KB. The primary score is stories/s; the secondary {@code bytes} score is UTF-8 bytes of story text
 * per second (divide by 10^6 for MB/s). At least 20 s of warm-up: the JIT needs it (the first rounds are several
 * times slower). Run: {@code bench/run-jmh.sh TaggerBenchmark}, then {@code bench/jmh-report.sh} for the ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class TaggerBenchmark {

    /** Stories cycled through; enough that caches see varied text, few enough to stay in memory. */
    static final int STORIES = 2_000;
    static final double COOPERATION_SHARE = 0.4;

    @Param({"mix", "3000"})
    public String size;

    private final List<TagInput> stories = new ArrayList<>();
    private int[] bytes;
    private int next;
    private TaxonomyTagger tagger;
    private Analyzer analyzer;

    /** Bytes of story text processed, reported by JMH as a rate next to stories/s. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Throughput {
        public long bytes;
    }

    @Setup(Level.Trial)
    public void setUp() {
        StoryGenerator generator = new StoryGenerator(42, COOPERATION_SHARE);
        bytes = new int[STORIES];
        for (int i = 0; i < STORIES; i++) {
            StoryGenerator.Story story = "mix".equals(size) ? generator.next() : generator.next(Integer.parseInt(size));
            stories.add(new TagInput(story.headline(), story.paragraphs()));
            bytes[i] = story.bytes();
        }
        tagger = TaxonomyTagger.loadDefault();
        analyzer = new EnglishAnalyzer();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tagger.close();
        analyzer.close();
    }

    @Benchmark
    public int tag(Throughput throughput) {
        int i = advance();
        throughput.bytes += bytes[i];
        return tagger.tag(stories.get(i)).topics().size();
    }

    @Benchmark
    public long analyze(Throughput throughput) {
        int i = advance();
        throughput.bytes += bytes[i];
        TagInput story = stories.get(i);
        long tokens = analyze(story.headline());
        for (Paragraph paragraph : story.paragraphs()) {
            tokens += analyze(paragraph.getText());
        }
        return tokens;
    }

    private long analyze(String text) {
        long tokens = 0;
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens += term.length();
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private int advance() {
        int i = next;
        next = i + 1 == STORIES ? 0 : i + 1;
        return i;
    }
}
