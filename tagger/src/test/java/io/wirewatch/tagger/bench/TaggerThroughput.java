package io.wirewatch.tagger.bench;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.tagger.TagInput;
import io.wirewatch.tagger.TaxonomyTagger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Measures tagging speed on one thread beside the floor of any analyzer-based tagger: an EnglishAnalyzer pass
 * (tokenize and stem every paragraph) over the same generated stories, in the same run. Prints min / median / max
 * stories per second over the rounds after a warm-up. Not a test (no timed assertions); run it with
 * <pre>mvn -B -q -o test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java -pl tagger -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.wirewatch.tagger.bench.TaggerThroughput [-Dexec.args="stories warmupSeconds rounds"]</pre>
 */
public final class TaggerThroughput {

    private TaggerThroughput() {
    }

    public static void main(String[] args) {
        final int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        final int warmupSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        final int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        final StoryGenerator generator = new StoryGenerator(42);
        final List<TagInput> stories = new ArrayList<>();
        final int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            sizes[i] = generator.size();
            stories.add(generator.story(sizes[i]));
        }
        Arrays.sort(sizes);
        final Analyzer analyzer = new EnglishAnalyzer();
        try (TaxonomyTagger tagger = TaxonomyTagger.loadDefault()) {
            System.out.printf(Locale.ROOT, "%d generated stories, %d to %d chars, median %d; taxonomy %s%n", count,
                    sizes[0], sizes[count - 1], sizes[count / 2], tagger.taxonomyVersion());
            final long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            long sink = 0;
            while (System.nanoTime() < warmupEnd) {
                sink += analyzeAll(analyzer, stories) + tagAll(tagger, stories);
            }
            final double[] floor = new double[rounds];
            final double[] tagging = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                sink += analyzeAll(analyzer, stories);
                floor[r] = count / ((System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                sink += tagAll(tagger, stories);
                tagging[r] = count / ((System.nanoTime() - t0) / 1e9);
            }
            System.out.println("stories/s (min / median / max of " + rounds + " rounds after " + warmupSeconds
                    + " s warm-up, one thread):");
            System.out.println("  EnglishAnalyzer pass only: " + stats(floor));
            System.out.println("  TaxonomyTagger (sentences, entities, rules, parties, evidence): " + stats(tagging));
            System.out.println("(checksum " + sink + ")");
        }
    }

    private static long analyzeAll(Analyzer analyzer, List<TagInput> stories) {
        long tokens = 0;
        for (TagInput story : stories) {
            for (Paragraph p : story.paragraphs()) {
                try (TokenStream ts = analyzer.tokenStream("body", p.getText())) {
                    final CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    final OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        tokens += term.length() + offset.startOffset();
                    }
                    ts.end();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return tokens;
    }

    private static long tagAll(TaxonomyTagger tagger, List<TagInput> stories) {
        long found = 0;
        for (TagInput story : stories) {
            found += tagger.tag(story).topics().size() + 1;
        }
        return found;
    }

    private static String stats(double[] values) {
        final double[] v = values.clone();
        Arrays.sort(v);
        return String.format(Locale.ROOT, "%,.0f / %,.0f / %,.0f", v[0], v[v.length / 2], v[v.length - 1]);
    }
}
