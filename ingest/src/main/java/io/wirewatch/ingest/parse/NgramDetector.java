package io.wirewatch.ingest.parse;

import com.optimaize.langdetect.cybozu.util.Util;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.profiles.LanguageProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The optimaize language-detector's decision (version 0.6, {@code LanguageDetectorBuilder.create(NgramExtractors
 * .standard())} with its defaults: n-grams of 1 to 3 characters, space padding, the standard n-gram filter, alpha
 * 0.5, seed 41, 7 trials of at most 1,000 draws, short-text algorithm up to 50 characters, probability threshold 0.1,
 * minimal confidence 0.9999), computed the same way on the same frequency data, without building the list of every
 * n-gram of the text as strings first.
 *
 * <p>The library turns each character of its sample into three n-gram strings (4,500 strings for 1,500 characters)
 * and then draws a few hundred of them at random; that list was a third of ingest's CPU per story. Here the n-grams
 * are positions in the text, a drawn one is looked up (once per text) by its characters, without a string, in a
 * compact copy of the library's probabilities ({@link NgramTable}). The draws, their order, the arithmetic and
 * therefore the result are the library's: {@code NgramDetectorTest} compares every reported probability, bit for bit,
 * on the shared corpus, the samples and random texts, and fails if a new version of the library decides otherwise.
 */
final class NgramDetector {

    private static final List<Integer> GRAM_LENGTHS = List.of(1, 2, 3);
    private static final char PADDING = ' ';
    private static final double ALPHA = 0.5;
    private static final double ALPHA_WIDTH = 0.05;
    private static final int ITERATION_LIMIT = 1000;
    private static final double CONV_THRESHOLD = 0.99999;
    private static final int BASE_FREQ = 10000;
    private static final int N_TRIAL = 7;
    private static final long SEED = 41L;
    private static final int SHORT_TEXT = 50;
    private static final double PROBABILITY_THRESHOLD = 0.1;
    private static final double MINIMAL_CONFIDENCE = 0.9999;

    private final NgramTable table;
    private final int languages;

    NgramDetector(NgramTable table) {
        this.table = table;
        this.languages = table.width();
    }

    /**
     * The detector of these profiles, with their n-gram probabilities in the library's order of languages: its
     * builder collects the profiles in a {@link HashSet}, and the sums over languages follow that set's order.
     */
    static NgramDetector of(Collection<LanguageProfile> profiles) {
        Set<LanguageProfile> set = new HashSet<>();
        Set<LdLocale> added = new HashSet<>();
        for (LanguageProfile profile : profiles) {
            if (!added.add(profile.getLocale())) {
                throw new IllegalArgumentException("Language profile " + profile.getLocale() + " given twice");
            }
            set.add(profile);
        }
        return new NgramDetector(NgramTable.of(set, GRAM_LENGTHS));
    }

    /** The detected language, or null (what {@code LanguageDetector.detect(text)} returns as absent). */
    LdLocale detect(CharSequence text) {
        Map<LdLocale, Double> likely = probabilities(text);
        if (likely.isEmpty()) {
            return null;
        }
        Map.Entry<LdLocale, Double> best = likely.entrySet().iterator().next();
        return best.getValue() >= MINIMAL_CONFIDENCE ? best.getKey() : null;
    }

    /**
     * What {@code LanguageDetector.getProbabilities(text)} lists: the languages of probability 0.1 or more, most
     * probable first (ties in the frequency data's order, as the library's stable sort leaves them).
     */
    Map<LdLocale, Double> probabilities(CharSequence text) {
        double[] probabilities = text.length() <= SHORT_TEXT ? shortText(text) : longText(text);
        Map<LdLocale, Double> likely = new LinkedHashMap<>();
        if (probabilities == null) {
            return likely;
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i] >= PROBABILITY_THRESHOLD) {
                kept.add(i);
            }
        }
        kept.sort((a, b) -> Double.compare(probabilities[b], probabilities[a]));
        kept.forEach(i -> likely.put(table.languages().get(i), probabilities[i]));
        return likely;
    }

    /** {@code detectBlockLongText} over {@code extractGrams}; null when the text has no n-gram. */
    private double[] longText(CharSequence text) {
        String padded = padded(text);
        int[] grams = grams(padded);
        int count = grams.length;
        if (count == 0) {
            return null;
        }
        // the row of each n-gram once drawn: 0 not yet looked up, -1 in no profile, else row + 1
        int[] looked = new int[count];
        double[] langprob = new double[languages];
        Random rand = new Random(SEED);
        for (int t = 0; t < N_TRIAL; ++t) {
            double[] prob = initProbability();
            double alpha = ALPHA + rand.nextGaussian() * ALPHA_WIDTH;
            for (int i = 0; i < ITERATION_LIMIT; i++) {
                int r = rand.nextInt(count);
                int row = looked[r];
                if (row == 0) {
                    int gram = grams[r];
                    int found = table.row(padded, gram >>> 2, gram & 3);
                    row = found < 0 ? -1 : found + 1;
                    looked[r] = row;
                }
                if (row > 0) {
                    update(prob, row - 1, 1, alpha);
                }
                if (i % 5 == 0 && Util.normalizeProb(prob) > CONV_THRESHOLD) {
                    break;
                }
            }
            for (int j = 0; j < langprob.length; ++j) {
                langprob[j] += prob[j] / N_TRIAL;
            }
        }
        return langprob;
    }

    /** {@code detectBlockShortText} over {@code extractCountedGrams}; null when the text has no n-gram. */
    private double[] shortText(CharSequence text) {
        String padded = padded(text);
        Map<String, Integer> counted = new LinkedHashMap<>();
        for (int gramLength : GRAM_LENGTHS) {
            int end = padded.length() - (gramLength - 1);
            for (int pos = 0; pos < end; pos++) {
                if (use(padded, pos, gramLength)) {
                    counted.merge(padded.substring(pos, pos + gramLength), 1, Integer::sum);
                }
            }
        }
        if (counted.isEmpty()) {
            return null;
        }
        double[] prob = initProbability();
        for (Map.Entry<String, Integer> gram : counted.entrySet()) {
            int row = table.row(gram.getKey(), 0, gram.getKey().length());
            if (row >= 0) {
                update(prob, row, gram.getValue(), ALPHA);
            }
            if (Util.normalizeProb(prob) > CONV_THRESHOLD) {
                break;
            }
        }
        Util.normalizeProb(prob);
        return prob;
    }

    private double[] initProbability() {
        double[] prob = new double[languages];
        for (int i = 0; i < prob.length; ++i) {
            prob[i] = 1.0 / languages;
        }
        return prob;
    }

    /** {@code updateLangProb} with prefix and suffix factors of 1 (the defaults, which change no weight). */
    private void update(double[] prob, int row, int count, double alpha) {
        double[] chunk = table.chunk(row);
        int offset = table.offset(row);
        double weight = alpha / BASE_FREQ;
        for (int i = 0; i < prob.length; ++i) {
            for (int amount = 0; amount < count; amount++) {
                prob[i] *= weight + chunk[offset + i];
            }
        }
    }

    /** The text with a space added at either end that has none ({@code applyPadding}). */
    static String padded(CharSequence text) {
        if (text.length() == 0) {
            return "";
        }
        boolean before = text.charAt(0) != PADDING;
        boolean after = text.charAt(text.length() - 1) != PADDING;
        StringBuilder padded = new StringBuilder(text.length() + 2);
        if (before) {
            padded.append(PADDING);
        }
        padded.append(text);
        if (after) {
            padded.append(PADDING);
        }
        return padded.toString();
    }

    /**
     * The n-grams {@code extractGrams} lists, in its order (every 1-gram, then every 2-gram, then every 3-gram, each
     * by position, those the standard filter keeps), as {@code start << 2 | length}.
     */
    static int[] grams(String padded) {
        int len = padded.length();
        int total = 0;
        for (int gramLength : GRAM_LENGTHS) {
            total += Math.max(0, len - (gramLength - 1));
        }
        int[] grams = new int[total];
        int count = 0;
        for (int gramLength : GRAM_LENGTHS) {
            int end = len - (gramLength - 1);
            for (int pos = 0; pos < end; pos++) {
                if (use(padded, pos, gramLength)) {
                    grams[count++] = pos << 2 | gramLength;
                }
            }
        }
        return count == total ? grams : Arrays.copyOf(grams, count);
    }

    /**
     * {@code StandardNgramFilter.use}: no 1-gram that is a space, no 3-gram with a space in the middle (2-grams all
     * pass).
     */
    private static boolean use(String text, int pos, int gramLength) {
        return switch (gramLength) {
            case 1 -> text.charAt(pos) != ' ';
            case 2 -> true;
            default -> text.charAt(pos + 1) != ' ';
        };
    }
}
