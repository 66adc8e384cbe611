package io.wirewatch.tagger;

import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.CountryMention;
import io.wirewatch.avro.DefenseCooperation;
import io.wirewatch.avro.EntityMention;
import io.wirewatch.avro.Evidence;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.avro.TopicTag;
import io.wirewatch.avro.WatchMatch;
import io.wirewatch.tagger.CompiledTaxonomy.Kind;
import io.wirewatch.tagger.CompiledTaxonomy.Rule;
import io.wirewatch.tagger.cooperation.PartyResolver;
import io.wirewatch.tagger.cooperation.PassingParties;
import io.wirewatch.tagger.cooperation.Salience;
import io.wirewatch.tagger.entity.EntityKind;
import io.wirewatch.tagger.entity.EntityRecognizer;
import io.wirewatch.tagger.entity.Gazetteer;
import io.wirewatch.tagger.entity.Mention;
import io.wirewatch.tagger.entity.StoryEntities;
import io.wirewatch.tagger.match.SentenceIndex;
import io.wirewatch.tagger.taxonomy.ContextScope;
import io.wirewatch.tagger.taxonomy.Taxonomy;
import io.wirewatch.tagger.taxonomy.TaxonomyReader;
import io.wirewatch.tagger.taxonomy.TopicDefinition;
import io.wirewatch.tagger.text.AnalyzedStory;
import io.wirewatch.tagger.text.ClauseMarker;
import io.wirewatch.tagger.text.StoryAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;

/**
 * The tagging engine: a taxonomy of Lucene-syntax rules compiled into a matcher over the tokens of one analysis
 * pass per story; countries, organizations and people from a gazetteer; cooperation pairs with sentence evidence.
 *
 * <p>Per story: split paragraphs into sentences and analyze each paragraph once (TaggerAnalyzer); mark background
 * clauses; find entities; match every rule within each sentence (a rule is tried only on sentences holding one of
 * its trigger terms); keep topic and cooperation matches whose contexts hold, outside headline, captions and
 * subheads; find each match's parties; drop parties that are only context (rivals, one-off names, countries far
 * less salient than the home country); group by parties. Thread-safe; one instance serves every thread.
 */
public final class TaxonomyTagger implements Tagger {

    /** Parties named once, in a group, below this share of the home country's salience are dropped. */
    private static final double PERIPHERAL_SHARE = 0.34;
    /** A pair without the home country needs both parties at this share of the home country's salience. */
    private static final double PAIR_SHARE = 0.25;

    private final CompiledTaxonomy compiled;
    private final Analyzer analyzer;
    private final StoryAnalyzer storyAnalyzer;
    private final EntityRecognizer recognizer;
    private final Gazetteer gazetteer;

    private TaxonomyTagger(Taxonomy taxonomy) {
        this.analyzer = StoryAnalyzer.englishAnalyzer();
        this.compiled = new CompiledTaxonomy(taxonomy, analyzer);
        this.storyAnalyzer = new StoryAnalyzer(analyzer, compiled.dictionary);
        this.gazetteer = Gazetteer.loadDefault();
        this.recognizer = new EntityRecognizer(gazetteer, analyzer);
    }

    /** The tagger for the taxonomy shipped in the jar. */
    public static TaxonomyTagger loadDefault() {
        return new TaxonomyTagger(TaxonomyReader.readDefault());
    }

    /** The tagger for a taxonomy YAML file; throws TaxonomyException naming the file and what to fix. */
    public static TaxonomyTagger load(Path taxonomyYaml) {
        return new TaxonomyTagger(TaxonomyReader.read(taxonomyYaml));
    }

    /** The tagger for an already read taxonomy. */
    public static TaxonomyTagger of(Taxonomy taxonomy) {
        return new TaxonomyTagger(taxonomy);
    }

    @Override
    public String taxonomyVersion() {
        return compiled.taxonomy.fullVersion();
    }

    public Taxonomy taxonomy() {
        return compiled.taxonomy;
    }

    @Override
    public Enrichment tag(TagInput input) {
        Objects.requireNonNull(input, "input");
        final AnalyzedStory story = storyAnalyzer.analyze(input);
        ClauseMarker.mark(story);
        final StoryEntities entities = recognizer.recognize(story);
        for (Mention m : entities.mentions()) {
            if (m.lastToken() > m.firstToken()
                    && (m.kind() == EntityKind.AGENCY || m.kind() == EntityKind.COMPANY)) {
                // an organization's name is not a description: "Defence Research and Development Organisation"
                for (int t = m.firstToken(); t <= m.lastToken(); t++) {
                    story.clearTokenIds(t);
                }
            }
            if (m.code() != null && m.kind() != EntityKind.PERSON) {
                story.addTokenId(m.firstToken(), compiled.countryTerm);
            }
            if ((m.kind() == EntityKind.AGENCY || m.kind() == EntityKind.COMPANY)
                    && gazetteer.isDefenseOrganization(m.name())) {
                story.addTokenId(m.firstToken(), compiled.defenseOrgTerm);
            }
        }
        final Matches matches = match(story);
        final Salience salience = new Salience(story, entities);
        final boolean[] pair = new boolean[story.sentenceCount()];
        for (int s = 0; s < pair.length; s++) {
            pair[s] = compiled.pairContext >= 0 && (matches.contexts[s] & (1L << compiled.pairContext)) != 0;
        }
        final boolean[] aboutCooperation = new boolean[story.sentenceCount()];
        for (int s = 0; s < pair.length; s++) {
            aboutCooperation[s] = compiled.cooperationContext >= 0
                    && (matches.contexts[s] & (1L << compiled.cooperationContext)) != 0;
            for (int r : matches.rulesBySentence.get(s)) {
                aboutCooperation[s] |= compiled.rules[r].kind() != Kind.WATCH;
            }
        }
        final PartyResolver resolver = new PartyResolver(story, entities, salience, pair, aboutCooperation);
        final List<Found> found = withoutContextPairs(withoutPassingParties(
                findCooperations(story, matches, resolver, salience), story, entities, salience, matches), story,
                salience);
        return enrichment(story, entities, matches, found);
    }

    /** Per sentence: the rules that matched, and the contexts that hold (bit i = context i). */
    private record Matches(List<int[]> rulesBySentence, long[] contexts, long[] paragraphContexts,
                           long storyContexts) {
    }

    /** A topic or cooperation rule that matched, with its parties. */
    private record Found(int sentence, Rule rule, SortedSet<String> parties) {
    }

    private Matches match(AnalyzedStory story) {
        final SentenceIndex index = new SentenceIndex(compiled.dictionary.size());
        final int rules = compiled.matcher.size();
        final boolean[] matched = new boolean[rules];
        final boolean[] tried = new boolean[rules];
        final List<int[]> bySentence = new ArrayList<>(story.sentenceCount());
        final long[] contexts = new long[story.sentenceCount()];
        final long[] paragraphContexts = new long[story.segmentCount()];
        long storyContexts = 0L;
        final int[] hits = new int[rules];
        for (int s = 0; s < story.sentenceCount(); s++) {
            index.clear();
            for (int t = story.sentenceFirstToken(s); t < story.sentenceEndToken(s); t++) {
                if (story.isBackground(t)) {
                    continue;
                }
                for (int id : story.tokenIds(t)) {
                    index.add(id, story.tokenPosition(t));
                }
            }
            compiled.matcher.match(index, matched, tried);
            int n = 0;
            long ctx = 0L;
            for (int r = 0; r < rules; r++) {
                if (!matched[r]) {
                    continue;
                }
                if (compiled.rules[r].kind() == Kind.CONTEXT) {
                    ctx |= 1L << r;
                } else {
                    hits[n++] = r;
                }
            }
            contexts[s] = ctx;
            paragraphContexts[story.sentenceSegment(s)] |= ctx;
            storyContexts |= ctx;
            bySentence.add(Arrays.copyOf(hits, n));
        }
        return new Matches(bySentence, contexts, paragraphContexts, storyContexts);
    }

    private List<Found> findCooperations(AnalyzedStory story, Matches matches, PartyResolver resolver,
                                         Salience salience) {
        final List<Found> found = new ArrayList<>();
        for (int s = 0; s < story.sentenceCount(); s++) {
            if (!isEvidenceSentence(story, s)) {
                continue;
            }
            for (int r : matches.rulesBySentence.get(s)) {
                final Rule rule = compiled.rules[r];
                if (rule.kind() == Kind.WATCH || !contextsHold(rule, matches, story, s)) {
                    continue;
                }
                final SortedSet<String> named = resolver.parties(s, rule.parties());
                final SortedSet<String> parties = isParticipantList(matches, s) ? named
                        : prune(named, salience, salience.isLead(story.sentenceSegment(s)));
                if (parties.size() >= 2) {
                    found.add(new Found(s, rule, parties));
                }
            }
        }
        return found;
    }

    /**
     * Drops the parties a cooperation outside the lead names only in passing ({@link PassingParties}); a
     * cooperation left with fewer than two parties is dropped. A sentence that says who takes part keeps every
     * country it names.
     */
    private List<Found> withoutPassingParties(List<Found> found, AnalyzedStory story, StoryEntities entities,
                                              Salience salience, Matches matches) {
        final Set<String> main = mainParties(found, story, salience);
        if (main.isEmpty()) {
            return found;
        }
        final PassingParties passing = new PassingParties(story, entities, salience, main);
        final List<Found> out = new ArrayList<>();
        for (Found f : found) {
            if (salience.isLead(story.sentenceSegment(f.sentence)) || isParticipantList(matches, f.sentence)) {
                out.add(f);
                continue;
            }
            final SortedSet<String> kept = passing.keep(f.sentence, f.parties);
            if (kept.size() == f.parties.size()) {
                out.add(f);
            } else if (kept.size() >= 2) {
                out.add(new Found(f.sentence, f.rule, kept));
            }
        }
        return out;
    }

    /** Whether sentence s says who takes part: then every country it names is a party. */
    private boolean isParticipantList(Matches matches, int s) {
        return compiled.participationContext >= 0
                && (matches.contexts[s] & (1L << compiled.participationContext)) != 0;
    }

    /** Parties of the topic cooperations the lead reports, else of the party set with most evidence sentences. */
    private static Set<String> mainParties(List<Found> found, AnalyzedStory story, Salience salience) {
        final Set<String> lead = new HashSet<>();
        final Map<SortedSet<String>, Set<Integer>> evidence = new LinkedHashMap<>();
        for (Found f : found) {
            if (f.rule.kind() != Kind.TOPIC) {
                continue;
            }
            if (salience.isLead(story.sentenceSegment(f.sentence))) {
                lead.addAll(f.parties);
            }
            evidence.computeIfAbsent(f.parties, p -> new HashSet<>()).add(f.sentence);
        }
        if (!lead.isEmpty()) {
            return lead;
        }
        SortedSet<String> best = null;
        for (Map.Entry<SortedSet<String>, Set<Integer>> e : evidence.entrySet()) {
            if (best == null || e.getValue().size() > evidence.get(best).size()) {
                best = e.getKey();
            }
        }
        return best == null ? Set.of() : best;
    }

    /**
     * A cooperation without a topic (a defense pact, "defense ties") counts on its own only when the story reports
     * no topic at all; otherwise it must be between parties that cooperate on a topic too (an older agreement
     * with a third country is context).
     */
    private static List<Found> withoutContextPairs(List<Found> found, AnalyzedStory story, Salience salience) {
        final Set<String> topicParties = new HashSet<>();
        for (Found f : found) {
            if (f.rule.kind() == Kind.TOPIC) {
                topicParties.addAll(f.parties);
            }
        }
        if (topicParties.isEmpty()) {
            return reportedCooperation(found, story, salience);
        }
        final List<Found> out = new ArrayList<>();
        for (Found f : found) {
            if (f.rule.kind() == Kind.TOPIC || topicParties.containsAll(f.parties)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * A story with cooperation but no topic reports it when the lead says so, or two sentences do; one later
     * sentence about a pact (a status-of-forces agreement in a court story) is background.
     */
    private static List<Found> reportedCooperation(List<Found> found, AnalyzedStory story, Salience salience) {
        final Set<Integer> sentences = new HashSet<>();
        for (Found f : found) {
            if (salience.isLead(story.sentenceSegment(f.sentence))) {
                return found;
            }
            sentences.add(f.sentence);
        }
        return sentences.size() >= 2 ? found : List.of();
    }

    /** Topics are read from body sentences only: not the headline, captions or subheads. */
    private static boolean isEvidenceSentence(AnalyzedStory story, int s) {
        final int seg = story.sentenceSegment(s);
        if (story.isHeadline(seg)) {
            return false;
        }
        final ParagraphRole role = story.role(seg);
        return role != ParagraphRole.CAPTION && role != ParagraphRole.SUBHEAD;
    }

    private static boolean contextsHold(Rule rule, Matches matches, AnalyzedStory story, int s) {
        final long need = rule.contextMask();
        if (need == 0L) {
            return true;
        }
        final long have = rule.scope() == ContextScope.SENTENCE ? matches.contexts[s]
                : rule.scope() == ContextScope.PARAGRAPH ? matches.paragraphContexts[story.sentenceSegment(s)]
                : matches.storyContexts;
        return (have & need) == need;
    }

    /**
     * Drops parties that are only context: outside the lead, a country named in a single sentence and far less
     * salient than the home country, when the cooperation keeps two parties without it (a prior exercise's
     * participants, other interested buyers); and a pair that involves neither the home country nor two countries
     * of weight. Not applied to a sentence that says who takes part: it keeps every country it names.
     */
    private static SortedSet<String> prune(SortedSet<String> parties, Salience salience, boolean lead) {
        if (parties.size() < 2) {
            return parties;
        }
        final String home = salience.home();
        final double floor = salience.of(home) * PERIPHERAL_SHARE;
        final SortedSet<String> kept = new TreeSet<>(parties);
        if (parties.size() > 2 && !lead) {
            for (String c : parties) {
                if (!c.equals(home) && salience.sentences(c) <= 1 && salience.of(c) < floor) {
                    kept.remove(c);
                }
            }
            if (kept.size() < 2) {
                // all but one are named once: a group named together ("X and Y will pay for the tanks")
                kept.addAll(parties);
            }
        }
        if (!kept.contains(home)) {
            for (String c : kept) {
                if (salience.of(c) < salience.of(home) * PAIR_SHARE) {
                    return new TreeSet<>();
                }
            }
        }
        return kept;
    }

    private Enrichment enrichment(AnalyzedStory story, StoryEntities entities, Matches matches, List<Found> found) {
        final List<TopicDefinition> topicDefs = compiled.taxonomy.topics();
        final Map<Integer, List<Evidence>> topicEvidence = new TreeMap<>();
        final Map<SortedSet<String>, SortedSet<String>> coopTopics = new LinkedHashMap<>();
        final Map<SortedSet<String>, List<Evidence>> coopEvidence = new LinkedHashMap<>();
        final Map<SortedSet<String>, Set<Integer>> coopSentences = new LinkedHashMap<>();
        for (Found f : found) {
            final Evidence ev = evidence(story, f.sentence, f.rule.id());
            coopTopics.computeIfAbsent(f.parties, p -> new TreeSet<>());
            coopEvidence.computeIfAbsent(f.parties, p -> new ArrayList<>());
            if (coopSentences.computeIfAbsent(f.parties, p -> new HashSet<>()).add(f.sentence)) {
                coopEvidence.get(f.parties).add(ev);
            }
            if (f.rule.kind() == Kind.TOPIC) {
                coopTopics.get(f.parties).add(topicDefs.get(f.rule.topic()).id());
                final List<Evidence> list = topicEvidence.computeIfAbsent(f.rule.topic(), t -> new ArrayList<>());
                if (list.stream().noneMatch(e -> sameSentence(e, ev))) {
                    list.add(ev);
                }
            }
        }
        mergeSubsets(coopTopics, coopEvidence, coopSentences);
        final List<TopicTag> topics = new ArrayList<>();
        for (Map.Entry<Integer, List<Evidence>> e : topicEvidence.entrySet()) {
            final TopicDefinition def = topicDefs.get(e.getKey());
            topics.add(new TopicTag(def.id(), def.label(), score(e.getValue().size()), e.getValue()));
        }
        final List<Cooperation> cooperations = new ArrayList<>();
        for (Map.Entry<SortedSet<String>, SortedSet<String>> e : coopTopics.entrySet()) {
            cooperations.add(new Cooperation(new ArrayList<>(e.getKey()), new ArrayList<>(e.getValue()),
                    coopEvidence.get(e.getKey())));
        }
        final int evidenceCount = coopSentences.values().stream().mapToInt(Set::size).sum();
        final double score = cooperations.isEmpty() ? noCooperationScore(matches) : score(evidenceCount);
        return new Enrichment(taxonomyVersion(), new DefenseCooperation(!cooperations.isEmpty(), score), topics,
                countries(entities), organizations(entities), people(entities), cooperations,
                watches(story, matches));
    }

    /**
     * Merges a cooperation into another whose parties include all of its parties and whose topics include all of
     * its topics ("A+B security" into "A+B+C security"): one cooperation, listing every participant, with the
     * evidence of both. A subset with a topic of its own stays apart.
     */
    private static void mergeSubsets(Map<SortedSet<String>, SortedSet<String>> topics,
                                     Map<SortedSet<String>, List<Evidence>> evidence,
                                     Map<SortedSet<String>, Set<Integer>> sentences) {
        if (topics.size() < 2) {
            return;
        }
        final List<SortedSet<String>> bySize = new ArrayList<>(topics.keySet());
        bySize.sort((a, b) -> Integer.compare(a.size(), b.size()));
        for (SortedSet<String> small : bySize) {
            SortedSet<String> into = null;
            for (SortedSet<String> big : topics.keySet()) {
                if (big.size() > small.size() && big.containsAll(small)
                        && topics.get(big).containsAll(topics.get(small))
                        && (into == null || big.size() > into.size())) {
                    into = big;
                }
            }
            if (into == null) {
                continue;
            }
            final List<Evidence> target = evidence.get(into);
            for (Evidence ev : evidence.get(small)) {
                if (target.stream().noneMatch(e -> sameSentence(e, ev))) {
                    target.add(ev);
                }
            }
            target.sort((a, b) -> a.getParagraph() != b.getParagraph()
                    ? Integer.compare(a.getParagraph(), b.getParagraph()) : Integer.compare(a.getStart(), b.getStart()));
            sentences.get(into).addAll(sentences.get(small));
            topics.remove(small);
            evidence.remove(small);
            sentences.remove(small);
        }
    }

    private static boolean sameSentence(Evidence a, Evidence b) {
        return a.getParagraph() == b.getParagraph() && a.getStart() == b.getStart();
    }

    /** 0.5 for one evidence sentence, rising towards 1 with more. */
    private static double score(int evidence) {
        return Math.round((1.0 - 0.5 * Math.pow(0.6, Math.max(0, evidence - 1))) * 1000.0) / 1000.0;
    }

    /** Below 0.5: 0.3 when topic or cooperation rules matched but no two parties were found, else 0. */
    private double noCooperationScore(Matches matches) {
        for (int[] hits : matches.rulesBySentence) {
            for (int r : hits) {
                if (compiled.rules[r].kind() != Kind.WATCH) {
                    return 0.3;
                }
            }
        }
        return 0.0;
    }

    private static Evidence evidence(AnalyzedStory story, int s, String rule) {
        return new Evidence(story.paragraphOf(story.sentenceSegment(s)), story.sentenceStart(s),
                story.sentenceEnd(s), story.sentenceText(s), rule);
    }

    private List<CountryMention> countries(StoryEntities entities) {
        final Map<String, Integer> counts = new LinkedHashMap<>();
        for (Mention m : entities.mentions()) {
            if (m.code() != null && m.kind() != EntityKind.PERSON) {
                counts.merge(m.code(), 1, Integer::sum);
            }
        }
        final List<CountryMention> out = new ArrayList<>();
        counts.forEach((code, n) -> out.add(new CountryMention(code, gazetteer.countryName(code), n)));
        return out;
    }

    private static List<EntityMention> organizations(StoryEntities entities) {
        final Map<String, int[]> counts = new LinkedHashMap<>();
        final Map<String, String> codes = new LinkedHashMap<>();
        for (Mention m : entities.mentions()) {
            if (m.kind() == EntityKind.AGENCY || m.kind() == EntityKind.COMPANY) {
                counts.computeIfAbsent(m.name(), k -> new int[1])[0]++;
                codes.putIfAbsent(m.name(), m.code());
            }
        }
        final List<EntityMention> out = new ArrayList<>();
        counts.forEach((name, n) -> out.add(new EntityMention(name, n[0], codes.get(name))));
        return out;
    }

    private static List<EntityMention> people(StoryEntities entities) {
        final Map<String, int[]> counts = new LinkedHashMap<>();
        for (Mention m : entities.mentions()) {
            if (m.kind() == EntityKind.PERSON) {
                counts.computeIfAbsent(m.name(), k -> new int[1])[0]++;
            }
        }
        final List<EntityMention> out = new ArrayList<>();
        counts.forEach((name, n) -> out.add(new EntityMention(name, n[0], entities.people().get(name))));
        return out;
    }

    private List<WatchMatch> watches(AnalyzedStory story, Matches matches) {
        final Map<String, List<Evidence>> byWatch = new LinkedHashMap<>();
        for (int s = 0; s < story.sentenceCount(); s++) {
            for (int r : matches.rulesBySentence.get(s)) {
                final Rule rule = compiled.rules[r];
                if (rule.kind() == Kind.WATCH) {
                    byWatch.computeIfAbsent(rule.id(), k -> new ArrayList<>()).add(evidence(story, s, rule.id()));
                }
            }
        }
        final List<WatchMatch> out = new ArrayList<>();
        byWatch.forEach((id, ev) -> out.add(new WatchMatch(id, ev)));
        return out;
    }
}
