package io.wirewatch.tagger.text;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.tagger.TagInput;
import io.wirewatch.tagger.match.TermDictionary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The one analysis pass over a story: each paragraph is split into sentences and run once through the analyzer
 * (the same one that parses the rules), and every token is placed in its sentence by offset. Thread-safe (the
 * analyzer reuses its token streams per thread).
 */
public final class StoryAnalyzer {

    /** Tokens a story may hold before the rest is ignored (bounds the work on pathological input). */
    private static final int MAX_TOKENS = 200_000;

    private final Analyzer analyzer;
    private final TermDictionary dictionary;

    /** The analyzer for stories and rules alike: see {@link TaggerAnalyzer}. */
    public static Analyzer englishAnalyzer() {
        return new TaggerAnalyzer();
    }

    public StoryAnalyzer(Analyzer analyzer, TermDictionary dictionary) {
        this.analyzer = analyzer;
        this.dictionary = dictionary;
    }

    public AnalyzedStory analyze(TagInput input) {
        final List<Paragraph> paragraphs = input.paragraphs() == null ? List.of() : input.paragraphs();
        final boolean hasHeadline = input.headline() != null && !input.headline().isBlank();
        final int n = paragraphs.size() + (hasHeadline ? 1 : 0);
        final String[] texts = new String[n];
        final int[] paragraphOf = new int[n];
        final ParagraphRole[] roles = new ParagraphRole[n];
        int k = 0;
        if (hasHeadline) {
            texts[k] = input.headline();
            paragraphOf[k] = -1;
            roles[k] = null;
            k++;
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            final Paragraph p = paragraphs.get(i);
            texts[k] = p.getText() == null ? "" : p.getText();
            paragraphOf[k] = i;
            roles[k] = p.getRole() == null ? ParagraphRole.BODY : p.getRole();
            k++;
        }
        final AnalyzedStory story = new AnalyzedStory(texts, paragraphOf, roles);
        int position = 0;
        for (int seg = 0; seg < n; seg++) {
            final int firstSentence = story.sentences;
            for (Sentence s : SentenceSplitter.split(paragraphOf[seg], texts[seg])) {
                story.addSentence(seg, s.start(), s.end());
            }
            position = tokens(story, seg, position + 100);
            assignTokens(story, seg, firstSentence);
        }
        return story;
    }

    private int tokens(AnalyzedStory story, int segment, int startPosition) {
        final String text = story.texts[segment];
        int position = startPosition;
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            final CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            final OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            final PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (story.tokens >= MAX_TOKENS) {
                    throw new IllegalArgumentException("story has more than " + MAX_TOKENS + " words; split it "
                            + "into smaller stories before tagging");
                }
                position += inc.getPositionIncrement();
                final String t = term.toString();
                final int[] ids;
                if (!dictionary.hasPatterns()) {
                    ids = dictionary.idsOf(t);
                } else if (dictionary.patternMayStartWith(Character.toLowerCase(text.charAt(offset.startOffset())))
                        || !t.isEmpty() && dictionary.patternMayStartWith(t.charAt(0))) {
                    ids = dictionary.idsOf(t, text.substring(offset.startOffset(), offset.endOffset())
                            .toLowerCase(Locale.ROOT));
                } else {
                    ids = dictionary.exactIdsOf(t); // no pattern can match a word with this first letter
                }
                story.addToken(segment, offset.startOffset(), offset.endOffset(), position, t, ids);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing a paragraph failed (in-memory text, should not happen)", e);
        }
        return position;
    }

    /** Gives each sentence of the segment its token range; tokens between sentences go to the preceding one. */
    private static void assignTokens(AnalyzedStory story, int segment, int firstSentence) {
        // the tokens of this segment are the tail of the token arrays
        int t = firstTokenOf(story, segment);
        for (int s = firstSentence; s < story.sentences; s++) {
            story.sentenceFirstToken[s] = t;
            final int limit = s + 1 < story.sentences ? story.sentenceStart[s + 1] : Integer.MAX_VALUE;
            while (t < story.tokens && story.tokenStart[t] < limit) {
                t++;
            }
            story.sentenceEndToken[s] = t;
        }
    }

    private static int firstTokenOf(AnalyzedStory story, int segment) {
        int t = story.tokens;
        while (t > 0 && story.tokenSegment[t - 1] == segment) {
            t--;
        }
        return t;
    }
}
