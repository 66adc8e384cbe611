package io.wirewatch.tagger.text;

import java.util.Arrays;
import java.util.Collection;

/**
 * A fixed set of words, as written, tested against a story's tokens without building a string per token: the
 * token's characters are hashed in place and compared only on a hash hit. For the cue words of clause marking,
 * tested on every token of every story.
 */
final class WordSet {

    private final int[] hashes;
    private final String[] words;
    private final int minLength;
    private final int maxLength;
    /** Bit c set: some word starts with ASCII character c (a first test before hashing). */
    private final long[] firstChars = new long[2];
    private final boolean nonAsciiStart;

    WordSet(Collection<String> words) {
        final String[] sorted = words.toArray(new String[0]);
        Arrays.sort(sorted, (a, b) -> Integer.compare(a.hashCode(), b.hashCode()));
        this.words = sorted;
        this.hashes = new int[sorted.length];
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < sorted.length; i++) {
            hashes[i] = sorted[i].hashCode();
            min = Math.min(min, sorted[i].length());
            max = Math.max(max, sorted[i].length());
        }
        this.minLength = min;
        this.maxLength = max;
        boolean nonAscii = false;
        for (String w : sorted) {
            final char c = w.charAt(0);
            if (c < 128) {
                firstChars[c >> 6] |= 1L << (c & 63);
            } else {
                nonAscii = true;
            }
        }
        this.nonAsciiStart = nonAscii;
    }

    /** The word token t is written as, when it is in the set; else null. */
    String find(AnalyzedStory story, int t) {
        final int start = story.tokenStart(t);
        final int length = story.tokenEnd(t) - start;
        if (length < minLength || length > maxLength) {
            return null;
        }
        final String text = story.segmentText(story.tokenSegment(t));
        final char first = text.charAt(start);
        if (first < 128 ? (firstChars[first >> 6] & 1L << (first & 63)) == 0 : !nonAsciiStart) {
            return null;
        }
        int h = 0;
        for (int i = start; i < start + length; i++) {
            h = 31 * h + text.charAt(i);
        }
        int i = Arrays.binarySearch(hashes, h);
        if (i < 0) {
            return null;
        }
        while (i > 0 && hashes[i - 1] == h) {
            i--;
        }
        for (; i < hashes.length && hashes[i] == h; i++) {
            if (words[i].length() == length && text.regionMatches(start, words[i], 0, length)) {
                return words[i];
            }
        }
        return null;
    }

    boolean contains(AnalyzedStory story, int t) {
        return find(story, t) != null;
    }
}
