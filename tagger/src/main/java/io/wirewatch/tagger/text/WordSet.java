package io.wirewatch.tagger.text;

import java.util.Collection;

/**
 * A fixed set of words, as written, tested against a story's tokens without building a string per token: the
 * token's characters are hashed in place and looked up in an open-addressing table of the words' hashes, and
 * compared only on a hash hit. For the cue words of clause marking, tested on every token of every story.
 */
final class WordSet {

    /** Slot i holds 1 + the index of a word whose hash lands there (linear probing), or 0 when free. */
    private final int[] slots;
    private final int mask;
    private final int[] hashes;
    private final String[] words;
    private final int minLength;
    private final int maxLength;
    /**
     * By ASCII first character: bit n set when some word starting with it has n characters (n = 63: 63 or more).
     * Most tokens fail this test, before any hashing.
     */
    private final long[] lengthsByFirst = new long[128];
    private final boolean nonAsciiStart;

    WordSet(Collection<String> words) {
        this.words = words.toArray(new String[0]);
        this.hashes = new int[this.words.length];
        this.slots = new int[Integer.highestOneBit(Math.max(1, this.words.length) * 4) * 2];
        this.mask = slots.length - 1;
        int min = Integer.MAX_VALUE;
        int max = 0;
        boolean nonAscii = false;
        for (int i = 0; i < this.words.length; i++) {
            final String w = this.words[i];
            hashes[i] = w.hashCode();
            int slot = spread(hashes[i]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
            min = Math.min(min, w.length());
            max = Math.max(max, w.length());
            final char c = w.charAt(0);
            if (c < 128) {
                lengthsByFirst[c] |= 1L << Math.min(w.length(), 63);
            } else {
                nonAscii = true;
            }
        }
        this.minLength = min;
        this.maxLength = max;
        this.nonAsciiStart = nonAscii;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
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
        if (first < 128 ? (lengthsByFirst[first] & 1L << Math.min(length, 63)) == 0 : !nonAsciiStart) {
            return null;
        }
        int h = 0;
        for (int i = start; i < start + length; i++) {
            h = 31 * h + text.charAt(i);
        }
        for (int slot = spread(h) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            final int w = slots[slot] - 1;
            if (hashes[w] == h && words[w].length() == length && text.regionMatches(start, words[w], 0, length)) {
                return words[w];
            }
        }
        return null;
    }

    boolean contains(AnalyzedStory story, int t) {
        return find(story, t) != null;
    }
}
