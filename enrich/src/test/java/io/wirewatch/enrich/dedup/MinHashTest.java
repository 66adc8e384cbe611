package io.wirewatch.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.enrich.TestStories;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MinHashTest {

    private static List<Paragraph> body(List<String> texts) {
        return texts.stream().map(t -> new Paragraph(ParagraphRole.BODY, t)).toList();
    }

    @Test
    void sameTextWithOtherCaseAndPunctuationHasTheSameSignature() {
        List<String> text = TestStories.generatedBody(1, 12);
        List<String> shouted = text.stream().map(t -> t.toUpperCase().replace(".", " !")).toList();

        assertThat(MinHash.signature(body(shouted))).containsExactly(MinHash.signature(body(text)));
    }

    @Test
    void copyMissingOneParagraphOfTenIsVerySimilar() {
        List<String> text = TestStories.generatedBody(2, 30);
        List<String> copy = text.subList(0, text.size() - 1);

        double similarity = MinHash.similarity(MinHash.signature(body(text)), MinHash.signature(body(copy)));

        assertThat(similarity).isBetween(0.8, 1.0);
    }

    @Test
    void differentStoriesAreDissimilar() {
        double similarity = MinHash.similarity(MinHash.signature(body(TestStories.generatedBody(3, 30))),
                MinHash.signature(body(TestStories.generatedBody(4, 30))));

        assertThat(similarity).isLessThan(0.2);
    }

    @Test
    void captionsAreLeftOut() {
        List<Paragraph> text = new ArrayList<>(body(TestStories.generatedBody(5, 12)));
        List<Paragraph> withCaption = new ArrayList<>(text);
        withCaption.add(new Paragraph(ParagraphRole.CAPTION, "Ships in the harbour at dawn. (credit: A Photographer)"));

        assertThat(MinHash.signature(withCaption)).containsExactly(MinHash.signature(text));
    }

    @Test
    void storyTooShortToJudgeHasNoSignature() {
        assertThat(MinHash.signature(body(List.of("Four words only here.")))).isNull();
        assertThat(MinHash.signature(List.of())).isNull();
    }

    @Test
    void estimatesTheJaccardSimilarityOfLargeSetsWithoutBiasAndWithTheErrorOf64Slots() {
        // 300 shingles each, 267 shared: Jaccard 267 / 333 = 0.802
        Stats stats = estimates(300, 267, 400, 11);

        assertThat(stats.mean()).isCloseTo(267 / 333.0, offset(0.015));
        assertThat(stats.deviation()).as("standard error of 64 slots at 0.8 is about 0.05").isBetween(0.02, 0.06);
    }

    @Test
    void estimatesTheJaccardSimilarityOfSmallSetsWithoutBiasThroughDensification() {
        // 10 shingles each (most slots empty before densification), 8 shared: Jaccard 8 / 12 = 0.667
        Stats stats = estimates(10, 8, 2000, 12);

        assertThat(stats.mean()).isCloseTo(8 / 12.0, offset(0.02));
    }

    @Test
    void unrelatedSetsShareAlmostNoSlots() {
        Stats stats = estimates(300, 0, 200, 13);

        assertThat(stats.mean()).isLessThan(0.01);
    }

    @Test
    void shortestComparableStoryHasEverySlotFilled() {
        List<String> eightShingles = List.of("one two three four five six seven eight nine ten");

        int[] signature = MinHash.signature(body(eightShingles));

        assertThat(signature).hasSize(MinHash.SLOTS);
        assertThat(Arrays.stream(signature).min().orElseThrow()).isNotNegative();
    }

    @Test
    void similarityOfEditedCopiesFollowsTheirTrueJaccardSimilarity() {
        Random random = new Random(14);
        double totalError = 0;
        int pairs = 60;
        for (int pair = 0; pair < pairs; pair++) {
            List<String> text = TestStories.generatedBody(100 + pair, 30);
            List<String> copy = new ArrayList<>(text);
            int edits = random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                copy.set(random.nextInt(copy.size()), TestStories.generatedBody(1000 + pair * 10 + e, 3).get(0));
            }
            double truth = jaccard(shingles(text), shingles(copy));

            double estimate = MinHash.similarity(MinHash.signature(body(text)), MinHash.signature(body(copy)));

            assertThat(estimate).as("pair %d, true Jaccard %.3f", pair, truth).isCloseTo(truth,
                    offset(0.2));
            totalError += Math.abs(estimate - truth);
        }
        assertThat(totalError / pairs).isLessThan(0.06);
    }

    private record Stats(double mean, double deviation) {
    }

    /** Estimates for {@code pairs} pairs of random sets of {@code size} hashes sharing {@code shared}. */
    private static Stats estimates(int size, int shared, int pairs, long seed) {
        Random random = new Random(seed);
        double sum = 0;
        double squares = 0;
        for (int pair = 0; pair < pairs; pair++) {
            long[] a = new long[size];
            long[] b = new long[size];
            for (int i = 0; i < size; i++) {
                a[i] = MinHash.mix(random.nextLong());
                b[i] = i < shared ? a[i] : MinHash.mix(random.nextLong());
            }
            double estimate = MinHash.similarity(MinHash.fromShingleHashes(a), MinHash.fromShingleHashes(b));
            sum += estimate;
            squares += estimate * estimate;
        }
        double mean = sum / pairs;
        return new Stats(mean, Math.sqrt(Math.max(0, squares / pairs - mean * mean)));
    }

    private static Set<String> shingles(List<String> paragraphs) {
        List<String> words = new ArrayList<>();
        for (String paragraph : paragraphs) {
            for (String word : paragraph.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + MinHash.SHINGLE_WORDS <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + MinHash.SHINGLE_WORDS)));
        }
        return shingles;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both.size() / (double) union.size();
    }
}
