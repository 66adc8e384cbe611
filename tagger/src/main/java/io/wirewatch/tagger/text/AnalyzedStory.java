package io.wirewatch.tagger.text;

import io.wirewatch.avro.ParagraphRole;
import java.util.Arrays;

/**
 * A story after its one analysis pass: its text segments (the headline as paragraph -1, then the paragraphs), its
 * sentences, and its tokens with analyzed term, position, offsets and the rule term ids they carry. Arrays are
 * indexed by sentence or token number; tokens are in text order and each sentence owns a contiguous token range.
 */
public final class AnalyzedStory {

    final String[] texts;
    final int[] paragraphOf;
    final ParagraphRole[] roles;

    int sentences;
    int[] sentenceSegment = new int[16];
    int[] sentenceStart = new int[16];
    int[] sentenceEnd = new int[16];
    int[] sentenceFirstToken = new int[16];
    int[] sentenceEndToken = new int[16];

    int tokens;
    int[] tokenSegment = new int[256];
    int[] tokenStart = new int[256];
    int[] tokenEnd = new int[256];
    int[] tokenPosition = new int[256];
    String[] tokenTerm = new String[256];
    int[][] tokenIds = new int[256][];
    boolean[] tokenBackground = new boolean[256];

    AnalyzedStory(String[] texts, int[] paragraphOf, ParagraphRole[] roles) {
        this.texts = texts;
        this.paragraphOf = paragraphOf;
        this.roles = roles;
    }

    void addToken(int segment, int start, int end, int position, String term, int[] ids) {
        if (tokens == tokenStart.length) {
            final int n = tokens * 2;
            tokenSegment = Arrays.copyOf(tokenSegment, n);
            tokenStart = Arrays.copyOf(tokenStart, n);
            tokenEnd = Arrays.copyOf(tokenEnd, n);
            tokenPosition = Arrays.copyOf(tokenPosition, n);
            tokenTerm = Arrays.copyOf(tokenTerm, n);
            tokenIds = Arrays.copyOf(tokenIds, n);
            tokenBackground = Arrays.copyOf(tokenBackground, n);
        }
        tokenSegment[tokens] = segment;
        tokenStart[tokens] = start;
        tokenEnd[tokens] = end;
        tokenPosition[tokens] = position;
        tokenTerm[tokens] = term;
        tokenIds[tokens] = ids;
        tokens++;
    }

    void addSentence(int segment, int start, int end) {
        if (sentences == sentenceStart.length) {
            final int n = sentences * 2;
            sentenceSegment = Arrays.copyOf(sentenceSegment, n);
            sentenceStart = Arrays.copyOf(sentenceStart, n);
            sentenceEnd = Arrays.copyOf(sentenceEnd, n);
            sentenceFirstToken = Arrays.copyOf(sentenceFirstToken, n);
            sentenceEndToken = Arrays.copyOf(sentenceEndToken, n);
        }
        sentenceSegment[sentences] = segment;
        sentenceStart[sentences] = start;
        sentenceEnd[sentences] = end;
        sentences++;
    }

    // segments

    public int segmentCount() {
        return texts.length;
    }

    public String segmentText(int segment) {
        return texts[segment];
    }

    /** Paragraph number of a segment in the story: -1 for the headline. */
    public int paragraphOf(int segment) {
        return paragraphOf[segment];
    }

    /** Role of a segment; null for the headline. */
    public ParagraphRole role(int segment) {
        return roles[segment];
    }

    public boolean isHeadline(int segment) {
        return paragraphOf[segment] < 0;
    }

    // sentences

    public int sentenceCount() {
        return sentences;
    }

    public int sentenceSegment(int s) {
        return sentenceSegment[s];
    }

    public int sentenceStart(int s) {
        return sentenceStart[s];
    }

    public int sentenceEnd(int s) {
        return sentenceEnd[s];
    }

    public String sentenceText(int s) {
        return texts[sentenceSegment[s]].substring(sentenceStart[s], sentenceEnd[s]);
    }

    public int sentenceFirstToken(int s) {
        return sentenceFirstToken[s];
    }

    /** One past the last token of sentence s. */
    public int sentenceEndToken(int s) {
        return sentenceEndToken[s];
    }

    public Sentence sentence(int s) {
        return new Sentence(paragraphOf[sentenceSegment[s]], sentenceStart[s], sentenceEnd[s]);
    }

    // tokens

    public int tokenCount() {
        return tokens;
    }

    public int tokenSegment(int t) {
        return tokenSegment[t];
    }

    public int tokenStart(int t) {
        return tokenStart[t];
    }

    public int tokenEnd(int t) {
        return tokenEnd[t];
    }

    public int tokenPosition(int t) {
        return tokenPosition[t];
    }

    /** The analyzed (lower-cased, stemmed) term. */
    public String tokenTerm(int t) {
        return tokenTerm[t];
    }

    /** The token as written in the text. */
    public String tokenSurface(int t) {
        return texts[tokenSegment[t]].substring(tokenStart[t], tokenEnd[t]);
    }

    public char tokenFirstChar(int t) {
        return texts[tokenSegment[t]].charAt(tokenStart[t]);
    }

    public int[] tokenIds(int t) {
        return tokenIds[t];
    }

    /** Adds a rule term id to a token (used for entity marker terms such as {@code _country_}). */
    public void addTokenId(int t, int id) {
        final int[] old = tokenIds[t];
        final int[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = id;
        tokenIds[t] = grown;
    }

    /** Removes every rule term id from a token (its words are part of a name, not a description). */
    public void clearTokenIds(int t) {
        tokenIds[t] = new int[0];
    }

    /** Whether the token lies in background text (a descriptive relative clause, an "amid ..." phrase). */
    public boolean isBackground(int t) {
        return tokenBackground[t];
    }

    public void markBackground(int t) {
        tokenBackground[t] = true;
    }
}
