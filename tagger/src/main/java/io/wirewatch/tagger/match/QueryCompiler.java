package io.wirewatch.tagger.match;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * Compiles a query parsed by Lucene's classic QueryParser into a {@link Node} that matches the analyzed tokens of
 * one sentence, registering its terms in a {@link TermDictionary}. Supports what the classic syntax produces with
 * an English analyzer: terms, phrases with slop, boolean clauses with minimum-should-match, boosts (ignored), and
 * prefix, wildcard, regexp and range terms (matched against analyzed, i.e. stemmed, terms).
 */
public final class QueryCompiler {

    private final TermDictionary dictionary;

    public QueryCompiler(TermDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The node for {@code query}; throws IllegalArgumentException naming the unsupported part. */
    public Node compile(Query query) {
        if (query instanceof TermQuery) {
            return new Node.Term(dictionary.term(((TermQuery) query).getTerm().text()));
        }
        if (query instanceof PhraseQuery) {
            return phrase((PhraseQuery) query);
        }
        if (query instanceof BooleanQuery) {
            return bool((BooleanQuery) query);
        }
        if (query instanceof BoostQuery) {
            return compile(((BoostQuery) query).getQuery());
        }
        if (query instanceof ConstantScoreQuery) {
            return compile(((ConstantScoreQuery) query).getQuery());
        }
        if (query instanceof MatchNoDocsQuery) {
            return new Node.Never();
        }
        if (query instanceof AutomatonQuery) {
            return automaton((AutomatonQuery) query);
        }
        throw new IllegalArgumentException("unsupported query part '" + query + "' ("
                + query.getClass().getSimpleName() + "): use terms, \"phrases\"~slop, AND/OR/NOT, +/-, "
                + "prefix* or wildcards");
    }

    private Node phrase(PhraseQuery q) {
        final Term[] terms = q.getTerms();
        if (terms.length == 0) {
            return new Node.Never();
        }
        if (terms.length == 1) {
            return new Node.Term(dictionary.term(terms[0].text()));
        }
        final int[] ids = new int[terms.length];
        for (int i = 0; i < terms.length; i++) {
            ids[i] = dictionary.term(terms[i].text());
        }
        return new Node.Phrase(ids, q.getPositions().clone(), q.getSlop());
    }

    private Node bool(BooleanQuery q) {
        final List<Node> must = new ArrayList<>();
        final List<Node> should = new ArrayList<>();
        final List<Node> mustNot = new ArrayList<>();
        for (BooleanClause c : q.clauses()) {
            final Node n = compile(c.getQuery());
            switch (c.getOccur()) {
                case MUST:
                case FILTER:
                    must.add(n);
                    break;
                case MUST_NOT:
                    mustNot.add(n);
                    break;
                default:
                    should.add(n);
            }
        }
        if (must.isEmpty() && should.isEmpty()) {
            return new Node.Never();
        }
        return new Node.Bool(must, should, mustNot, q.getMinimumNumberShouldMatch());
    }

    private Node automaton(AutomatonQuery q) {
        final String description = q.toString();
        if (q.isAutomatonBinary()) {
            final ByteRunAutomaton run = new ByteRunAutomaton(q.getAutomaton(), true,
                    Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
            return new Node.Term(dictionary.pattern(description, term -> accepts(run, term),
                    c -> run.step(0, c) != -1));
        }
        final CharacterRunAutomaton run = new CharacterRunAutomaton(q.getAutomaton());
        return new Node.Term(dictionary.pattern(description, run::run, c -> run.step(0, c) != -1));
    }

    /**
     * Whether the automaton over UTF-8 bytes accepts {@code term}. An ASCII word is its own UTF-8: its characters
     * are stepped through directly, without encoding the word first.
     */
    private static boolean accepts(ByteRunAutomaton run, String term) {
        int state = 0;
        for (int i = 0; i < term.length(); i++) {
            final char c = term.charAt(i);
            if (c >= 0x80) {
                final BytesRef b = new BytesRef(term);
                return run.run(b.bytes, b.offset, b.length);
            }
            state = run.step(state, c);
            if (state == -1) {
                return false;
            }
        }
        return run.isAccept(state);
    }
}
