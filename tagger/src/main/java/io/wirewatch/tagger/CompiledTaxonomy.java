package io.wirewatch.tagger;

import io.wirewatch.tagger.match.Node;
import io.wirewatch.tagger.match.QueryCompiler;
import io.wirewatch.tagger.match.RuleMatcher;
import io.wirewatch.tagger.match.TermDictionary;
import io.wirewatch.tagger.taxonomy.ContextScope;
import io.wirewatch.tagger.taxonomy.PartyPolicy;
import io.wirewatch.tagger.taxonomy.RuleDefinition;
import io.wirewatch.tagger.taxonomy.Taxonomy;
import io.wirewatch.tagger.taxonomy.TaxonomyException;
import io.wirewatch.tagger.taxonomy.TopicDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * A taxonomy with every query parsed by Lucene's classic QueryParser (English analyzer) and compiled into one
 * {@link RuleMatcher}: contexts first, then topic rules, cooperation rules and watches. Immutable.
 */
final class CompiledTaxonomy {

    /** The pseudo-term a rule can use to mean "a country is named here" (e.g. {@code "production _country_"~3}). */
    static final String COUNTRY_TERM = "_country_";
    /** The pseudo-term for "an arms maker or defence agency is named here" (Rafael, DAPA): military subject. */
    static final String DEFENSE_ORG_TERM = "_defense_org_";
    /** The reserved context naming both parties at once ("the two countries"). */
    static final String PAIR_CONTEXT = "pair";
    /** The context of cooperation wording (agreement, deal, partner, joint): links the countries a sentence names. */
    static final String COOPERATION_CONTEXT = "cooperation";
    /** The reserved context of sentences that say who takes part: every country they name is a party. */
    static final String PARTICIPATION_CONTEXT = "participation";

    enum Kind { CONTEXT, TOPIC, COOPERATION, WATCH }

    /** What rule r of the matcher is. */
    record Rule(Kind kind, String id, int topic, long contextMask, ContextScope scope, PartyPolicy parties) {
    }

    final Taxonomy taxonomy;
    final TermDictionary dictionary;
    final RuleMatcher matcher;
    final Rule[] rules;
    final List<String> contextNames;
    final int pairContext;
    final int cooperationContext;
    final int participationContext;
    final int countryTerm;
    final int defenseOrgTerm;

    CompiledTaxonomy(Taxonomy taxonomy, Analyzer analyzer) {
        this.taxonomy = taxonomy;
        this.dictionary = new TermDictionary();
        final QueryCompiler compiler = new QueryCompiler(dictionary);
        final QueryParser parser = new QueryParser("body", analyzer);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        final List<Node> nodes = new ArrayList<>();
        final List<Rule> meta = new ArrayList<>();
        this.contextNames = new ArrayList<>(taxonomy.contexts().keySet());
        if (contextNames.size() > 63) {
            throw new TaxonomyException(taxonomy.source() + ": at most 63 contexts are supported, found "
                    + contextNames.size());
        }
        for (Map.Entry<String, String> c : taxonomy.contexts().entrySet()) {
            nodes.add(compile(parser, compiler, c.getValue(), "context '" + c.getKey() + "'"));
            meta.add(new Rule(Kind.CONTEXT, c.getKey(), -1, 0L, ContextScope.SENTENCE, PartyPolicy.ANY));
        }
        for (int t = 0; t < taxonomy.topics().size(); t++) {
            final TopicDefinition topic = taxonomy.topics().get(t);
            for (RuleDefinition r : topic.rules()) {
                nodes.add(compile(parser, compiler, r.query(), "rule '" + r.id() + "'"));
                meta.add(new Rule(Kind.TOPIC, r.id(), t, mask(r), r.scope(), r.parties()));
            }
        }
        for (RuleDefinition r : taxonomy.cooperation()) {
            nodes.add(compile(parser, compiler, r.query(), "rule '" + r.id() + "'"));
            meta.add(new Rule(Kind.COOPERATION, r.id(), -1, mask(r), r.scope(), r.parties()));
        }
        for (Map.Entry<String, String> w : taxonomy.watches().entrySet()) {
            nodes.add(compile(parser, compiler, w.getValue(), "watch '" + w.getKey() + "'"));
            meta.add(new Rule(Kind.WATCH, w.getKey(), -1, 0L, ContextScope.SENTENCE, PartyPolicy.ANY));
        }
        this.countryTerm = dictionary.term(COUNTRY_TERM);
        this.defenseOrgTerm = dictionary.term(DEFENSE_ORG_TERM);
        dictionary.freeze();
        final int country = countryTerm;
        this.matcher = RuleMatcher.of(nodes, dictionary, id -> id == country);
        this.rules = meta.toArray(new Rule[0]);
        this.pairContext = contextNames.indexOf(PAIR_CONTEXT);
        this.cooperationContext = contextNames.indexOf(COOPERATION_CONTEXT);
        this.participationContext = contextNames.indexOf(PARTICIPATION_CONTEXT);
    }

    private long mask(RuleDefinition r) {
        long m = 0L;
        for (String c : r.contexts()) {
            m |= 1L << contextNames.indexOf(c);
        }
        return m;
    }

    private Node compile(QueryParser parser, QueryCompiler compiler, String query, String what) {
        try {
            return compiler.compile(parser.parse(query));
        } catch (ParseException e) {
            throw new TaxonomyException(taxonomy.source() + ": " + what + " is not valid Lucene query syntax ("
                    + firstLine(e.getMessage()) + "); query: " + query, e);
        } catch (IllegalArgumentException e) {
            throw new TaxonomyException(taxonomy.source() + ": " + what + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String s) {
        final int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
