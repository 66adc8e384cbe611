package io.wirewatch.tagger.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * The compiled matcher gives the same yes/no as Lucene itself (a MemoryIndex holding the sentence) for random
 * sentences and queries in the classic syntax: terms, phrases with slop (including reordering), boolean
 * must/should/must-not, prefixes and stop words.
 */
class MatcherAgreesWithLuceneTest {

    private static final Analyzer ANALYZER = new EnglishAnalyzer();
    private static final String[] VOCABULARY = {"joint", "jointly", "develop", "developed", "missile", "missiles",
        "the", "of", "navy", "drills", "exercise", "transfer", "technology", "a", "with", "india", "training"};
    private static final List<String> QUERIES = List.of(
            "joint", "\"jointly develop\"", "\"jointly develop\"~2", "\"develop missile\"~1", "\"transfer of technology\"",
            "\"transfer technology\"~3", "+navy +drills", "+navy -exercise", "navy OR training", "exercis*",
            "+(drills exercise) +(joint jointly)", "\"missiles navy india\"~4", "(+joint +develop) missile",
            "the", "\"the navy\"", "-joint +india", "\"india india\"", "+\"joint exercise\"~3 -training");

    @Provide
    Arbitrary<String> sentences() {
        return Arbitraries.of(VOCABULARY).list().ofMinSize(1).ofMaxSize(14).map(l -> String.join(" ", l));
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.of(QUERIES);
    }

    @Property(tries = 1500)
    void compiledQueryMatchesExactlyWhenLuceneDoes(@ForAll("sentences") String sentence,
                                                   @ForAll("queries") String query) throws ParseException {
        final QueryParser parser = new QueryParser("body", ANALYZER);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        final Query parsed = parser.parse(query);
        final TermDictionary dictionary = new TermDictionary();
        final Node node = new QueryCompiler(dictionary).compile(parsed);
        dictionary.freeze();

        final MemoryIndex index = new MemoryIndex();
        index.addField("body", sentence, ANALYZER);
        final boolean lucene = index.search(parsed) > 0.0f;

        assertThat(node.matches(indexOf(sentence, dictionary))).as("%s on '%s'", query, sentence)
                .isEqualTo(lucene);
    }

    private static SentenceIndex indexOf(String sentence, TermDictionary dictionary) {
        final SentenceIndex index = new SentenceIndex(dictionary.size());
        index.clear();
        try (TokenStream ts = ANALYZER.tokenStream("body", sentence)) {
            final CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            final PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                for (int id : dictionary.idsOf(term.toString())) {
                    index.add(id, position);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return index;
    }
}
