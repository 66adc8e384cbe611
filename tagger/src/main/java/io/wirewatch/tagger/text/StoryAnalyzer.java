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
import org.apache.lucene.analysis.CharArrayMap;
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
    /** Fewer characters than wire copy has per token and per sentence: the story's arrays rarely need to grow. */
    private static final int CHARS_PER_TOKEN = 6;
    private static final int CHARS_PER_SENTENCE = 80;
    /** Beyond this many, the arrays grow as the tokens come (a huge text may hold few words). */
    private static final int MAX_PRESIZE = 8192;
    private static final int TERMS_REMEMBERED = 20_000;

    private final Analyzer analyzer;
    private final TermDictionary dictionary;
    /**
     * Per thread, the analyzed terms seen (at most {@value #TERMS_REMEMBERED}, then afresh): one string per term,
     * its hash computed once, with its rule ids, instead of a new string and a lookup per token.
     */
    private final ThreadLocal<CharArrayMap<Term>> terms =
            ThreadLocal.withInitial(() -> new CharArrayMap<>(1024, false));

    /** An analyzed term, its exact rule id (if any) and the ids of the patterns the term itself matches too. */
    private record Term(String text, int[] exactIds, int[] ids) {
    }

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
        int chars = 0;
        for (String text : texts) {
            chars += text.length();
        }
        final AnalyzedStory story = new AnalyzedStory(texts, paragraphOf, roles,
                Math.min(chars / CHARS_PER_SENTENCE, MAX_PRESIZE), Math.min(chars / CHARS_PER_TOKEN, MAX_PRESIZE));
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

    /** The analyzed term in {@code attribute}, from this thread's terms seen (added when new). */
    private Term term(CharArrayMap<Term> words, CharTermAttribute attribute) {
        Term known = words.get(attribute.buffer(), 0, attribute.length());
        if (known == null) {
            final String text = attribute.toString();
            known = new Term(text, dictionary.exactIdsOf(text), dictionary.idsOf(text));
            if (words.size() >= TERMS_REMEMBERED) {
                words.clear();
            }
            words.put(text, known);
        }
        return known;
    }

    private int tokens(AnalyzedStory story, int segment, int startPosition) {
        final String text = story.texts[segment];
        final CharArrayMap<Term> words = terms.get();
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
                final Term known = term(words, term);
                final String t = known.text();
                final int[] ids;
                if (!dictionary.hasPatterns()) {
                    ids = known.ids();
                } else if (dictionary.patternMayStartWith(Character.toLowerCase(text.charAt(offset.startOffset())))
                        || !t.isEmpty() && dictionary.patternMayStartWith(t.charAt(0))) {
                    ids = dictionary.withSurface(known.ids(), t,
                            lowerCaseSurface(text, offset.startOffset(), offset.endOffset(), t));
                } else {
                    ids = known.exactIds(); // no pattern can match a word with this first letter
                }
                story.addToken(segment, offset.startOffset(), offset.endOffset(), position, t, ids);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing a paragraph failed (in-memory text, should not happen)", e);
        }
        return position;
    }

    /**
     * The token's word as written, in lower case; the term itself when that is what it is (an ASCII word that the
     * analyzer only lower-cased), so most words need no new string.
     */
    private static String lowerCaseSurface(String text, int start, int end, String term) {
        if (term.length() == end - start) {
            int i = 0;
            while (i < term.length()) {
                final char c = text.charAt(start + i);
                if (c >= 0x80 || (c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != term.charAt(i)) {
                    break;
                }
                i++;
            }
            if (i == term.length()) {
                return term;
            }
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
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
