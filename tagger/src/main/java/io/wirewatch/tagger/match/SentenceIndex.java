package io.wirewatch.tagger.match;

import java.util.Arrays;

/**
 * The term positions of one sentence at a time, by term id: filled from the story's tokens, then asked by compiled
 * rules. Reused from sentence to sentence (an epoch stamp clears it in O(1)); one instance per story, not shared
 * between threads.
 */
public final class SentenceIndex {

    private final int[] stamp;
    private final int[] head;
    private final int[] tail;
    private final int[] count;
    private int[] entryPos = new int[64];
    private int[] entryNext = new int[64];
    private int entries;
    private int[] present = new int[32];
    private int presentCount;
    private int epoch;

    public SentenceIndex(int dictionarySize) {
        this.stamp = new int[dictionarySize];
        this.head = new int[dictionarySize];
        this.tail = new int[dictionarySize];
        this.count = new int[dictionarySize];
    }

    /** Starts a new sentence. */
    public void clear() {
        epoch++;
        entries = 0;
        presentCount = 0;
    }

    /** Records that term {@code id} occurs at {@code position}; positions must come in ascending order. */
    public void add(int id, int position) {
        if (entries == entryPos.length) {
            entryPos = Arrays.copyOf(entryPos, entries * 2);
            entryNext = Arrays.copyOf(entryNext, entries * 2);
        }
        final int e = entries++;
        entryPos[e] = position;
        entryNext[e] = -1;
        if (stamp[id] != epoch) {
            stamp[id] = epoch;
            head[id] = e;
            count[id] = 0;
            if (presentCount == present.length) {
                present = Arrays.copyOf(present, presentCount * 2);
            }
            present[presentCount++] = id;
        } else {
            entryNext[tail[id]] = e;
        }
        tail[id] = e;
        count[id]++;
    }

    public boolean has(int id) {
        return stamp[id] == epoch;
    }

    /** How many times term {@code id} occurs in the sentence. */
    public int count(int id) {
        return stamp[id] == epoch ? count[id] : 0;
    }

    /** Positions of term {@code id}, ascending, written into {@code into}; returns how many. */
    public int positions(int id, int[] into) {
        if (stamp[id] != epoch) {
            return 0;
        }
        int n = 0;
        for (int e = head[id]; e >= 0 && n < into.length; e = entryNext[e]) {
            into[n++] = entryPos[e];
        }
        return n;
    }

    /** The distinct term ids present, in first-seen order. */
    public int presentCount() {
        return presentCount;
    }

    public int presentId(int i) {
        return present[i];
    }
}
