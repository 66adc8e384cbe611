package io.wirewatch.tagger.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The analyzed terms that compiled rules look for, each with an int id, plus term patterns (prefix, wildcard,
 * regexp) with ids of their own. Maps a term of a story to every id it carries. Built while compiling, then
 * read-only; thread-safe to read.
 */
public final class TermDictionary {

    private static final int[] NONE = new int[0];
    private static final int PATTERN_CACHE_LIMIT = 200_000;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<Predicate<String>> patterns = new ArrayList<>();
    private final List<Integer> patternIds = new ArrayList<>();
    private final Map<String, int[]> exactIds = new HashMap<>();
    private final Map<String, int[]> patternCache = new ConcurrentHashMap<>();
    private static final int ASCII = 128;
    private final boolean[] patternFirst = new boolean[ASCII];
    /** Pattern ids by lower-cased surface word: the same words recur, and testing every pattern is costly. */
    private final Map<String, int[]> surfaceCache = new ConcurrentHashMap<>();
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
        return id;
    }

    /** Ends compilation. */
    public void freeze() {
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            if (e.getKey().charAt(0) != '\u0000') {
                exactIds.put(e.getKey(), new int[] {e.getValue()});
            }
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
        final int[] exact = exactIds.get(term);
        if (patterns.isEmpty()) {
            return exact == null ? NONE : exact;
        }
        final int[] cached = patternCache.get(term);
        if (cached != null) {
            return cached;
        }
        final int[] all = withPatterns(term, exact);
        if (patternCache.size() < PATTERN_CACHE_LIMIT) {
            patternCache.put(term, all);
        }
        return all;
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
        final int[] byTerm = idsOf(term);
        if (patterns.isEmpty() || surface.equals(term)) {
            return byTerm;
        }
        int[] bySurface = surfaceCache.get(surface);
        if (bySurface == null) {
            bySurface = withPatterns(surface, null);
            if (surfaceCache.size() < PATTERN_CACHE_LIMIT) {
                surfaceCache.put(surface, bySurface);
            }
        }
        if (bySurface.length == 0) {
            return byTerm;
        }
        final BitSet seen = new BitSet();
        int[] out = Arrays.copyOf(byTerm, byTerm.length + bySurface.length);
        int n = byTerm.length;
        for (int id : byTerm) {
            seen.set(id);
        }
        for (int id : bySurface) {
            if (!seen.get(id)) {
                seen.set(id);
                out[n++] = id;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private int[] withPatterns(String term, int[] exact) {
        int[] out = exact == null ? NONE : exact;
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).test(term)) {
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
