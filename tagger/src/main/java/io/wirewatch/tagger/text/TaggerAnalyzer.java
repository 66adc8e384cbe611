package io.wirewatch.tagger.text;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Lucene's English analysis (standard tokenizer, possessives removed, lower case, English stop words, Porter
 * stemming) for stories and rules alike, with one change: agent nouns ending in "-er" or "-ers" that the stemmer
 * would merge with their verb stay as written. "Manufacturer" is not "manufacture", "developer" is not "develop",
 * "exporter" is not "export": an order from a Turkish manufacturer is not local manufacture. The stems are Lucene's
 * {@link PorterStemFilter}'s, remembered per thread (see {@link RememberedPorterStem}).
 */
public final class TaggerAnalyzer extends Analyzer {

    private static final CharArraySet AGENT_NOUNS = new CharArraySet(List.of("manufacturer",
            "manufacturers", "producer", "producers", "developer", "developers", "designer", "designers", "exporter",
            "exporters", "importer", "importers"), false);

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        final Tokenizer source = new StandardTokenizer();
        TokenStream result = new EnglishPossessiveFilter(source);
        result = new LowerCaseFilter(result);
        result = new StopFilter(result, EnglishAnalyzer.getDefaultStopSet());
        result = new AgentNounMarker(result);
        result = new RememberedPorterStem(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    /** Marks the agent nouns as keywords, so the stemmer leaves them; a cheap suffix test first. */
    private static final class AgentNounMarker extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

        AgentNounMarker(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            final int n = term.length();
            if (n >= 8) {
                final char[] b = term.buffer();
                final int r = b[n - 1] == 's' ? n - 2 : n - 1;
                if (b[r] == 'r' && b[r - 1] == 'e' && AGENT_NOUNS.contains(b, 0, n)) {
                    keyword.setKeyword(true);
                }
            }
            return true;
        }
    }

    /**
     * Lucene's Porter stemming, remembered: each word is stemmed once by a {@link PorterStemFilter} of its own and
     * later occurrences copy the stem. A Porter stem depends on the word alone, so the terms are exactly those of
     * PorterStemFilter; most words of wire copy recur. Lucene keeps an analyzer's filters per thread, so the memory
     * is one thread's (at most {@value #CAPACITY} words, then it starts afresh).
     */
    private static final class RememberedPorterStem extends TokenFilter {

        private static final int CAPACITY = 10_000;

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
        private final OneWord word = new OneWord();
        private final TokenStream porter = new PorterStemFilter(word);
        private final CharArrayMap<char[]> stems = new CharArrayMap<>(1024, false);

        RememberedPorterStem(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (keyword.isKeyword()) {
                return true;
            }
            char[] stem = stems.get(term.buffer(), 0, term.length());
            if (stem == null) {
                final char[] written = Arrays.copyOf(term.buffer(), term.length());
                stem = word.stem(porter, written);
                if (stems.size() >= CAPACITY) {
                    stems.clear();
                }
                stems.put(written, stem);
            }
            term.copyBuffer(stem, 0, stem.length);
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            porter.reset();
        }
    }

    /** A stream of one word at a time, for stemming it alone. */
    private static final class OneWord extends TokenStream {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private boolean pending;

        /** The word as {@code stemmer} (a filter reading this stream) leaves it. */
        char[] stem(TokenStream stemmer, char[] written) throws IOException {
            term.copyBuffer(written, 0, written.length);
            pending = true;
            stemmer.incrementToken();
            return Arrays.copyOf(term.buffer(), term.length());
        }

        @Override
        public boolean incrementToken() {
            final boolean next = pending;
            pending = false;
            return next;
        }
    }
}
