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
    int[] sentenceSegment;
    int[] sentenceStart;
    int[] sentenceEnd;
    int[] sentenceFirstToken;
    int[] sentenceEndToken;

    int tokens;
    int[] tokenSegment;
    int[] tokenStart;
    int[] tokenEnd;
    int[] tokenPosition;
    String[] tokenTerm;
    int[][] tokenIds;
    boolean[] tokenBackground;
    /** What each token's first character is ({@link #UPPER}, {@link #LOWER}, {@link #DIGIT} bits), read once. */
    byte[] tokenInitial;

    /** A story of these segments; the arrays start at the expected sizes and grow when the story needs more. */
    AnalyzedStory(String[] texts, int[] paragraphOf, ParagraphRole[] roles, int expectedSentences,
                  int expectedTokens) {
        this.texts = texts;
        this.paragraphOf = paragraphOf;
        this.roles = roles;
        final int s = Math.max(4, expectedSentences);
        sentenceSegment = new int[s];
        sentenceStart = new int[s];
        sentenceEnd = new int[s];
        sentenceFirstToken = new int[s];
        sentenceEndToken = new int[s];
        final int t = Math.max(16, expectedTokens);
        tokenSegment = new int[t];
        tokenStart = new int[t];
        tokenEnd = new int[t];
        tokenPosition = new int[t];
        tokenTerm = new String[t];
        tokenIds = new int[t][];
        tokenBackground = new boolean[t];
        tokenInitial = new byte[t];
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
            tokenInitial = Arrays.copyOf(tokenInitial, n);
        }
        tokenSegment[tokens] = segment;
        tokenStart[tokens] = start;
        tokenEnd[tokens] = end;
        tokenPosition[tokens] = position;
        tokenTerm[tokens] = term;
        tokenIds[tokens] = ids;
        tokenInitial[tokens] = initial(texts[segment].charAt(start));
        tokens++;
    }

    private static final byte UPPER = 1;
    private static final byte LOWER = 2;
    private static final byte DIGIT = 4;

    private static byte initial(char c) {
        return (byte) ((Character.isUpperCase(c) ? UPPER : 0) | (Character.isLowerCase(c) ? LOWER : 0)
                | (Character.isDigit(c) ? DIGIT : 0));
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

    /** Whether the token's first character is upper case ({@link Character#isUpperCase(char)}). */
    public boolean startsUpperCase(int t) {
        return (tokenInitial[t] & UPPER) != 0;
    }

    /** Whether the token's first character is lower case ({@link Character#isLowerCase(char)}). */
    public boolean startsLowerCase(int t) {
        return (tokenInitial[t] & LOWER) != 0;
    }

    /** Whether the token's first character is a digit ({@link Character#isDigit(char)}). */
    public boolean startsWithDigit(int t) {
        return (tokenInitial[t] & DIGIT) != 0;
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
