package io.wirewatch.tagger.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The analyzed terms that compiled rules look for, each with an int id, plus term patterns (prefix, wildcard,
 * regexp) with ids of their own. Maps a term of a story to every id it carries. Built while compiling, then
 * read-only; thread-safe to read.
 *
 * <p>A word is tested only against the patterns that can start with its first character (an ASCII character
 * from which no pattern's automaton moves rules them out): "arms*" is never run on "treaty". That test is cheap
 * enough to need no cache of words seen.
 */
public final class TermDictionary {

    private static final int[] NONE = new int[0];
    private static final int ASCII = 128;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<Predicate<String>> patterns = new ArrayList<>();
    private final List<Integer> patternIds = new ArrayList<>();
    private final List<IntPredicate> patternFirstChars = new ArrayList<>();
    private final Map<String, int[]> exactIds = new HashMap<>();
    private final boolean[] patternFirst = new boolean[ASCII];
    /** By ASCII first character: the patterns (indexes into {@code patterns}) a word starting with it may match. */
    private final int[][] patternsByFirst = new int[ASCII][];
    /** Every pattern: for words that start with a character outside ASCII, or are empty. */
    private int[] allPatterns = NONE;
    private boolean frozen;

    /** Id of an exact term, registered on first use. */
    public int term(String term) {
        checkOpen();
        return ids.computeIfAbsent(term, t -> {
            names.add(t);
            return names.size() - 1;
        });
    }

    /** Id of a term pattern; {@code description} names it in messages. */
    public int pattern(String description, Predicate<String> matcher) {
        return pattern(description, matcher, c -> true);
    }

    /**
     * Id of a term pattern that only matches words whose first character passes {@code firstChar} (asked for
     * ASCII characters only): words starting otherwise skip the pattern test.
     */
    public int pattern(String description, Predicate<String> matcher, IntPredicate firstChar) {
        checkOpen();
        for (char c = 0; c < ASCII; c++) {
            patternFirst[c] |= firstChar.test(c);
        }
        final Integer known = ids.get("\u0000" + description);
        if (known != null) {
            return known;
        }
        names.add(description);
        final int id = names.size() - 1;
        ids.put("\u0000" + description, id);
        patterns.add(matcher);
        patternIds.add(id);
        patternFirstChars.add(firstChar);
        return id;
    }

    /** Ends compilation. */
    public void freeze() {
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            if (e.getKey().charAt(0) != '\u0000') {
                exactIds.put(e.getKey(), new int[] {e.getValue()});
            }
        }
        allPatterns = IntStream.range(0, patterns.size()).toArray();
        for (char c = 0; c < ASCII; c++) {
            final char first = c;
            patternsByFirst[c] = IntStream.range(0, patterns.size())
                    .filter(i -> patternFirstChars.get(i).test(first)).toArray();
        }
        frozen = true;
    }

    /** Number of ids. */
    public int size() {
        return names.size();
    }

    /** The term or pattern behind an id. */
    public String name(int id) {
        return names.get(id);
    }

    /** Every id a story term carries: its exact id and the ids of patterns it matches (empty when none). */
    public int[] idsOf(String term) {
        return withPatterns(term, exactIdsOf(term));
    }

    /** The exact id of a story term only: for terms no pattern can match (see {@link #patternMayStartWith}). */
    public int[] exactIdsOf(String term) {
        final int[] exact = exactIds.get(term);
        return exact == null ? NONE : exact;
    }

    /** Whether some pattern may match a word that starts with {@code c}: else its surface need not be tested. */
    public boolean patternMayStartWith(char c) {
        return c >= ASCII || patternFirst[c];
    }

    /** Whether any pattern (prefix, wildcard, regexp) is compiled: then surface words are matched too. */
    public boolean hasPatterns() {
        return !patterns.isEmpty();
    }

    /**
     * Ids of a story token: those of its analyzed term, plus those of patterns its lower-cased surface word
     * matches, so that {@code frigate*} finds "frigates" although the analyzed term is "frigat".
     */
    public int[] idsOf(String term, String surface) {
        return withSurface(idsOf(term), term, surface);
    }

    /** {@link #idsOf(String, String)} when the ids of the term ({@code byTerm = idsOf(term)}) are known. */
    public int[] withSurface(int[] byTerm, String term, String surface) {
        if (patterns.isEmpty() || surface.equals(term)) {
            return byTerm;
        }
        final int[] bySurface = withPatterns(surface, NONE);
        if (bySurface.length == 0) {
            return byTerm;
        }
        int[] out = Arrays.copyOf(byTerm, byTerm.length + bySurface.length);
        int n = byTerm.length;
        for (int id : bySurface) {
            if (!contains(byTerm, id)) {
                out[n++] = id;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** {@code ids} followed by the ids of the patterns {@code word} matches, in pattern order. */
    private int[] withPatterns(String word, int[] ids) {
        final char first = word.isEmpty() ? Character.MAX_VALUE : word.charAt(0);
        final int[] candidates = first < ASCII ? patternsByFirst[first] : allPatterns;
        int[] out = ids;
        for (int i : candidates) {
            if (patterns.get(i).test(word)) {
                final int[] grown = Arrays.copyOf(out, out.length + 1);
                grown[out.length] = patternIds.get(i);
                out = grown;
            }
        }
        return out;
    }

    private void checkOpen() {
        if (frozen) {
            throw new IllegalStateException("the term dictionary is frozen once rules are compiled");
        }
    }
}
