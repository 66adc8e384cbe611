package io.wirewatch.enrich.dedup;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import java.util.Arrays;
import java.util.List;

/**
 * MinHash signatures of a story's body over word 3-shingles, and the LSH band keys that find candidate
 * near-duplicates without comparing against every story. The fraction of equal signature slots estimates the
 * Jaccard similarity of the two shingle sets (standard error about 0.05 at 0.8 with 64 slots). Headlines and photo
 * captions are left out: two wires carrying the same story rewrite those first.
 *
 * <p>With {@value #BANDS} bands of {@value #ROWS} rows, a pair at similarity 0.8 shares a band with probability
 * 0.9998, at 0.5 with 0.64 (then rejected by the threshold), at 0.2 with 0.025.
 */
public final class MinHash {

    /** Signature length. */
    public static final int SLOTS = 64;
    public static final int BANDS = 16;
    public static final int ROWS = SLOTS / BANDS;
    /** Shingle length in words. */
    public static final int SHINGLE_WORDS = 3;
    /** Stories with fewer shingles are too short to call near-duplicates: they get no signature. */
    public static final int MIN_SHINGLES = 8;

    private static final long[] SEEDS = seeds();

    private MinHash() {
    }

    private static long[] seeds() {
        long[] seeds = new long[SLOTS];
        long state = 0x5DEECE66DL;
        for (int i = 0; i < SLOTS; i++) {
            state += 0x9E3779B97F4A7C15L;
            seeds[i] = mix(state);
        }
        return seeds;
    }

    /** The signature of a story body, or null when it has fewer than {@value #MIN_SHINGLES} shingles. */
    public static int[] signature(List<Paragraph> paragraphs) {
        long[] words = wordHashes(paragraphs);
        int shingles = words.length - SHINGLE_WORDS + 1;
        if (shingles < MIN_SHINGLES) {
            return null;
        }
        int[] signature = new int[SLOTS];
        Arrays.fill(signature, Integer.MAX_VALUE);
        for (int s = 0; s < shingles; s++) {
            long shingle = words[s];
            for (int w = 1; w < SHINGLE_WORDS; w++) {
                shingle = mix(shingle * 31 + words[s + w]);
            }
            for (int i = 0; i < SLOTS; i++) {
                int slot = (int) (mix(shingle ^ SEEDS[i]) >>> 33);
                if (slot < signature[i]) {
                    signature[i] = slot;
                }
            }
        }
        return signature;
    }

    /** Estimated Jaccard similarity of the shingle sets behind two signatures. */
    public static double similarity(int[] a, int[] b) {
        int equal = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return equal / (double) SLOTS;
    }

    /** Hash of band {@code band} of a signature; two signatures sharing any band hash are candidates. */
    public static long bandHash(int[] signature, int band) {
        long hash = band;
        for (int r = 0; r < ROWS; r++) {
            hash = mix(hash * 0x100000001B3L + signature[band * ROWS + r]);
        }
        return hash;
    }

    private static long[] wordHashes(List<Paragraph> paragraphs) {
        long[] words = new long[64];
        int count = 0;
        for (Paragraph paragraph : paragraphs) {
            if (paragraph.getRole() == ParagraphRole.CAPTION) {
                continue;
            }
            String text = paragraph.getText();
            long hash = 0;
            boolean inWord = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    hash = hash * 0x100000001B3L + Character.toLowerCase(c);
                    inWord = true;
                } else if (inWord) {
                    words = append(words, count++, hash);
                    hash = 0;
                    inWord = false;
                }
            }
            if (inWord) {
                words = append(words, count++, hash);
            }
        }
        return Arrays.copyOf(words, count);
    }

    private static long[] append(long[] words, int index, long hash) {
        long[] target = index < words.length ? words : Arrays.copyOf(words, words.length * 2);
        target[index] = mix(hash);
        return target;
    }

    /** SplitMix64's finalizer: spreads the bits of a 64-bit value. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
