package io.wirewatch.ingest.parse;

import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.profiles.LanguageProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The language profiles' n-gram probabilities as the library's {@code NgramFrequencyData} computes them (for each
 * n-gram and language: its count in the language's profile / the profile's number of n-gram occurrences of that
 * length; 0 where the language lacks the n-gram), stored compactly: an n-gram of up to three characters is a
 * {@code long} key in an open-addressing table, and its probabilities are a row of one of a few hundred
 * {@code double} arrays. The library's table, a {@code HashMap} from one string per n-gram to one array each, was
 * most of ingest's live heap, and every concurrent collection marked its hundreds of thousands of objects.
 */
final class NgramTable {

    /** Rows per chunk: 512 rows of 71 doubles stay under G1's humongous-object size on a 256 MB heap. */
    private static final int CHUNK_ROWS = 512;

    private final List<LdLocale> languages;
    private final int width;
    private final List<double[]> chunks = new ArrayList<>();
    private long[] keys = new long[1 << 16];
    private int[] rows = new int[1 << 16];
    private int size;

    private NgramTable(List<LdLocale> languages) {
        this.languages = List.copyOf(languages);
        this.width = languages.size();
    }

    /**
     * The table of these profiles, languages in the order given (the library's is that of the set its builder
     * collects them in); n-grams of the given lengths, at most 3.
     */
    static NgramTable of(Collection<LanguageProfile> profiles, List<Integer> gramLengths) {
        List<LdLocale> locales = new ArrayList<>();
        profiles.forEach(p -> locales.add(p.getLocale()));
        NgramTable table = new NgramTable(locales);
        int language = 0;
        for (LanguageProfile profile : profiles) {
            for (int gramLength : gramLengths) {
                if (gramLength < 1 || gramLength > 3 || !profile.getGramLengths().contains(gramLength)) {
                    throw new IllegalArgumentException("The language profile for " + profile.getLocale()
                            + " has no " + gramLength + "-grams, or they are longer than 3");
                }
                for (Map.Entry<String, Integer> gram : profile.iterateGrams(gramLength)) {
                    String text = gram.getKey();
                    if (text.isEmpty() || text.length() > 3) {
                        continue; // never looked up: the detector asks for n-grams of 1 to 3 characters only
                    }
                    double probability = gram.getValue().doubleValue()
                            / (double) profile.getNumGramOccurrences(text.length());
                    int row = table.rowOrAdd(key(text, 0, text.length()));
                    table.chunks.get(row / CHUNK_ROWS)[(row % CHUNK_ROWS) * table.width + language] = probability;
                }
            }
            language++;
        }
        return table;
    }

    List<LdLocale> languages() {
        return languages;
    }

    int width() {
        return width;
    }

    /** The n-gram's row, or -1 when no language has it. */
    int row(CharSequence text, int start, int length) {
        long key = key(text, start, length);
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            long found = keys[slot];
            if (found == key) {
                return rows[slot];
            }
            if (found == 0) {
                return -1;
            }
        }
    }

    /** The chunk holding the row (its probabilities start at {@link #offset}). */
    double[] chunk(int row) {
        return chunks.get(row / CHUNK_ROWS);
    }

    int offset(int row) {
        return (row % CHUNK_ROWS) * width;
    }

    /** The probabilities of the row, one per language (for tests). */
    double[] probabilities(int row) {
        int offset = offset(row);
        return Arrays.copyOfRange(chunk(row), offset, offset + width);
    }

    private int rowOrAdd(long key) {
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            long found = keys[slot];
            if (found == key) {
                return rows[slot];
            }
            if (found == 0) {
                int row = size++;
                keys[slot] = key;
                rows[slot] = row;
                if (row % CHUNK_ROWS == 0) {
                    chunks.add(new double[CHUNK_ROWS * width]);
                }
                if (size * 2 > keys.length) {
                    grow();
                }
                return row;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldRows.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i], mask);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                rows[slot] = oldRows[i];
            }
        }
    }

    /** Up to three UTF-16 chars and the length in one non-zero long. */
    static long key(CharSequence text, int start, int length) {
        long key = 0;
        for (int i = 0; i < length; i++) {
            key = key << 16 | text.charAt(start + i);
        }
        return key | (long) length << 48;
    }

    private static int slot(long key, int mask) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ mixed >>> 32) & mask;
    }
}
