package io.wirewatch.tagger.cooperation;

import io.wirewatch.tagger.entity.Mention;
import io.wirewatch.tagger.entity.StoryEntities;
import io.wirewatch.tagger.taxonomy.PartyPolicy;
import io.wirewatch.tagger.text.AnalyzedStory;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Finds the parties of a cooperation a sentence reports: the countries it names (as names, demonyms, agencies,
 * companies, people, or capitals used as actors), completed from the context when it names fewer than two: a
 * sentence naming one country is paired with the most salient country the story names together with it in a
 * sentence about cooperation, else with the most salient country named in any sentence about cooperation (the
 * home country of a delegation story, paired with each partner met); never with a country the story only
 * compares or names as a rival. A sentence naming none ("the two countries") takes the parties of its paragraph,
 * else the two most salient countries of the story.
 */
public final class PartyResolver {

    /** Stems of the nouns that make "the three countries" a reference to a group of parties. */
    private static final Set<String> GROUP_NOUNS = Set.of("countri", "nation", "navi", "armi", "militari",
            "govern", "partner", "side", "alli");

    private final AnalyzedStory story;
    private final StoryEntities entities;
    private final Salience salience;
    private final boolean[] pairReference;
    private final Map<String, Set<String>> linked = new HashMap<>();
    private final Set<String> active = new HashSet<>();

    /**
     * @param pairReference per sentence: whether it refers to both parties at once ("the two countries")
     * @param aboutCooperation per sentence: whether it speaks of cooperation (an agreement, a deal, a partner,
     *     or any topic or cooperation rule matched): the countries it names together are linked
     */
    public PartyResolver(AnalyzedStory story, StoryEntities entities, Salience salience, boolean[] pairReference,
                         boolean[] aboutCooperation) {
        this.story = story;
        this.entities = entities;
        this.salience = salience;
        this.pairReference = pairReference;
        for (int s = 0; s < aboutCooperation.length; s++) {
            if (!aboutCooperation[s]) {
                continue;
            }
            final SortedSet<String> names = actors(s);
            active.addAll(names);
            for (String a : names) {
                for (String b : names) {
                    if (!a.equals(b)) {
                        linked.computeIfAbsent(a, k -> new HashSet<>()).add(b);
                    }
                }
            }
        }
    }

    /** Parties of a cooperation reported by sentence s under the policy, sorted; empty when there are none. */
    public SortedSet<String> parties(int s, PartyPolicy policy) {
        final SortedSet<String> named = named(s);
        if (named.size() >= 2) {
            return named;
        }
        final boolean pair = pairReference[s];
        if (policy == PartyPolicy.EXPLICIT && !pair) {
            return Collections.emptySortedSet();
        }
        if (named.size() == 1) {
            final Set<String> local = pair ? paragraphParties(s) : null;
            String partner = local == null ? null : salience.best(local, named);
            if (partner == null) {
                partner = salience.best(linked.getOrDefault(named.first(), Set.of()), named);
            }
            if (partner == null) {
                partner = salience.best(active, named);
            }
            return partner == null ? Collections.emptySortedSet() : with(named, partner);
        }
        final Set<String> local = paragraphParties(s);
        final SortedSet<String> out = new TreeSet<>();
        final String first = salience.best(local.isEmpty() ? null : local, out);
        if (first == null) {
            return Collections.emptySortedSet();
        }
        out.add(first);
        final int wanted = groupSize(s);
        while (out.size() < wanted) {
            // the paragraph's parties, else a country the story names together with one of them in a sentence
            // about cooperation; two countries merely named in one story are partners only for a sentence that
            // refers to both ("the two countries agreed ...")
            String next = local.size() > out.size() ? salience.best(local, out) : null;
            if (next == null) {
                next = salience.best(linkedTo(out), out);
            }
            if (next == null && pair) {
                next = salience.best(null, out);
            }
            if (next == null) {
                break;
            }
            out.add(next);
        }
        return out.size() >= 2 ? out : Collections.emptySortedSet();
    }

    /** How many parties a sentence naming none refers to: three for "the three countries", else two. */
    private int groupSize(int s) {
        for (int t = story.sentenceFirstToken(s); t + 1 < story.sentenceEndToken(s); t++) {
            final String number = story.tokenTerm(t);
            if ((number.equals("three") || number.equals("four")) && GROUP_NOUNS.contains(story.tokenTerm(t + 1))) {
                return number.equals("three") ? 3 : 4;
            }
        }
        return 2;
    }

    private Set<String> linkedTo(Set<String> parties) {
        final Set<String> out = new HashSet<>();
        for (String p : parties) {
            out.addAll(linked.getOrDefault(p, Set.of()));
        }
        return out;
    }

    /** Countries sentence s itself makes parties. */
    public SortedSet<String> named(int s) {
        final SortedSet<String> out = new TreeSet<>();
        for (int i : entities.bySentence()[s]) {
            final Mention m = entities.mentions().get(i);
            if (m.canBeParty()) {
                out.add(m.code());
            }
        }
        return out;
    }

    /** Countries sentence s makes parties, other than places visited or named as a venue ("visited Japan"). */
    private SortedSet<String> actors(int s) {
        final SortedSet<String> out = new TreeSet<>();
        for (int i : entities.bySentence()[s]) {
            final Mention m = entities.mentions().get(i);
            if (m.canBeParty() && !m.locative()) {
                out.add(m.code());
            }
        }
        return out;
    }

    private Set<String> paragraphParties(int s) {
        final int seg = story.sentenceSegment(s);
        final Set<String> out = new LinkedHashSet<>();
        for (int x = 0; x < story.sentenceCount(); x++) {
            if (story.sentenceSegment(x) == seg) {
                out.addAll(named(x));
            }
        }
        return out;
    }

    private static SortedSet<String> with(Set<String> a, String b) {
        final SortedSet<String> out = new TreeSet<>(a);
        out.add(b);
        return out;
    }
}
