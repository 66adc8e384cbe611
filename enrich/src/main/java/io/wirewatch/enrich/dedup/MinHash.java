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
 * <p>One-permutation hashing with optimal densification (Shrivastava, ICML 2017): each shingle is hashed once; the
 * top 6 bits of the hash pick its slot, the next 31 bits are its value, and a slot keeps the smallest value it got.
 * A slot no shingle fell into takes the value of the first non-empty slot along a fixed pseudo-random probe sequence
 * of its own, the same for every story, so two stories' slots agree with probability their Jaccard similarity, as
 * with 64 independent hash functions, at one hash per shingle instead of 64. These signatures (scheme
 * {@value #SCHEME}) must not be compared with those of scheme 1 (64 hash functions).
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

    /**
     * Version of the signature scheme: 1 was 64 independent hash functions per shingle, 2 is one-permutation hashing
     * with optimal densification. Stored signatures carry it ({@link NearDuplicateIndex}).
     */
    public static final int SCHEME = 2;

    private static final int SLOT_BITS = Integer.numberOfTrailingZeros(SLOTS);
    private static final int EMPTY = -1;
    /** Seed of the densification probe sequences (fixed: it is part of the scheme). */
    private static final long PROBE_SEED = 0x2545F4914F6CDD1DL;
    /** Probes before falling back to a scan (one filled slot of 64 is found within 1,024 probes but for 1e-7). */
    private static final int MAX_PROBES = 1024;

    private MinHash() {
    }

    /** The signature of a story body, or null when it has fewer than {@value #MIN_SHINGLES} shingles. */
    public static int[] signature(List<Paragraph> paragraphs) {
        long[] words = wordHashes(paragraphs);
        int shingles = words.length - SHINGLE_WORDS + 1;
        if (shingles < MIN_SHINGLES) {
            return null;
        }
        long[] hashes = new long[shingles];
        for (int s = 0; s < shingles; s++) {
            long shingle = words[s];
            for (int w = 1; w < SHINGLE_WORDS; w++) {
                shingle = mix(shingle * 31 + words[s + w]);
            }
            hashes[s] = shingle;
        }
        return fromShingleHashes(hashes);
    }

    /**
     * The signature of a set of shingle hashes (well mixed 64-bit values; duplicates count once): one-permutation
     * hashing, then densification of the slots no hash fell into. At least one hash is needed.
     */
    static int[] fromShingleHashes(long[] hashes) {
        int[] signature = new int[SLOTS];
        Arrays.fill(signature, EMPTY);
        for (long hash : hashes) {
            int slot = (int) (hash >>> (Long.SIZE - SLOT_BITS));
            int value = (int) ((hash << SLOT_BITS) >>> (Long.SIZE - Integer.SIZE + 1));
            int current = signature[slot];
            if (current == EMPTY || value < current) {
                signature[slot] = value;
            }
        }
        densify(signature);
        return signature;
    }

    /**
     * Optimal densification: an empty slot copies the first non-empty slot of its own probe sequence (slot {@code i},
     * attempt {@code t}: a hash of both, modulo the slots), probing only the slots filled by hashes.
     */
    private static void densify(int[] signature) {
        int[] filled = signature.clone();
        for (int i = 0; i < SLOTS; i++) {
            if (filled[i] != EMPTY) {
                continue;
            }
            signature[i] = filled[probe(filled, i)];
        }
    }

    /** The filled slot an empty slot copies: the first of its probe sequence (a scan if that does not end early). */
    private static int probe(int[] filled, int slot) {
        long probe = mix(PROBE_SEED + slot);
        for (int attempt = 1; attempt <= MAX_PROBES; attempt++) {
            int from = (int) (probe >>> (Long.SIZE - SLOT_BITS));
            if (filled[from] != EMPTY) {
                return from;
            }
            probe = mix(probe + attempt);
        }
        int from = slot;
        while (filled[from] == EMPTY) {
            from = (from + 1) % SLOTS;
        }
        return from;
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
