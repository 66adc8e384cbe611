package io.wirewatch.tagger.cooperation;

import io.wirewatch.tagger.entity.Mention;
import io.wirewatch.tagger.entity.StoryEntities;
import io.wirewatch.tagger.text.AnalyzedStory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Tells which parties of a cooperation reported outside the lead are named only in passing: in one sentence of the
 * story (adjectives of origin such as "US-built" not counted), not in the headline or lead, not parties of the
 * story's main cooperation, and not the subject that opens their sentence ("Denmark and the Netherlands will pay
 * ..."). They are context: other buyers of a weapon, earlier suppliers, a consortium's members, other partners
 * listed in a background paragraph.
 */
public final class PassingParties {

    private static final Set<String> LIST_JOINS = Set.of(",", "and", ", and", "and the", ", the", ", and the",
            "'s", "\u2019s");
    private static final Set<String> OPENERS = Set.of("", "the", "both");

    private final AnalyzedStory story;
    private final StoryEntities entities;
    private final Set<String> main;
    private final Set<String> prominent = new HashSet<>();
    private final Map<String, Set<Integer>> support = new HashMap<>();

    /**
     * @param mainParties parties of the story's main cooperation (the one the lead reports, else the one with the
     *     most evidence sentences)
     */
    public PassingParties(AnalyzedStory story, StoryEntities entities, Salience salience, Set<String> mainParties) {
        this.story = story;
        this.entities = entities;
        this.main = mainParties;
        for (Mention m : entities.mentions()) {
            if (m.code() == null || !m.canBeParty()) {
                continue;
            }
            final int seg = story.sentenceSegment(m.sentence());
            if (story.isHeadline(seg) || salience.isLead(seg)) {
                prominent.add(m.code());
            }
            if (!isAttributive(m)) {
                support.computeIfAbsent(m.code(), c -> new HashSet<>()).add(m.sentence());
            }
        }
    }

    /** The parties of a cooperation reported by non-lead sentence s, without those named only in passing. */
    public SortedSet<String> keep(int s, SortedSet<String> parties) {
        final Set<String> opening = openingCountries(s);
        final SortedSet<String> kept = new TreeSet<>();
        for (String p : parties) {
            if (main.contains(p) || prominent.contains(p) || opening.contains(p)
                    || support.getOrDefault(p, Set.of()).size() > 1) {
                kept.add(p);
            }
        }
        return kept;
    }

    /** "US-built", "Israeli-designed": a country used as an adjective of origin. */
    private boolean isAttributive(Mention m) {
        final String text = story.segmentText(story.sentenceSegment(m.sentence()));
        final int end = story.tokenEnd(m.lastToken());
        return end + 1 < text.length() && text.charAt(end) == '-' && Character.isLowerCase(text.charAt(end + 1));
    }

    /** Countries named in the noun phrase that opens sentence s: "Denmark and the Netherlands will pay ...". */
    private Set<String> openingCountries(int s) {
        final Set<String> out = new HashSet<>();
        final String text = story.segmentText(story.sentenceSegment(s));
        int from = story.sentenceStart(s);
        for (int i : entities.bySentence()[s]) {
            final Mention m = entities.mentions().get(i);
            final String gap = text.substring(from, story.tokenStart(m.firstToken())).trim().toLowerCase(Locale.ROOT);
            final boolean ok = from == story.sentenceStart(s) ? OPENERS.contains(gap) : LIST_JOINS.contains(gap);
            if (!ok || m.code() == null || !m.canBeParty()) {
                break;
            }
            out.add(m.code());
            from = story.tokenEnd(m.lastToken());
        }
        return out;
    }
}
