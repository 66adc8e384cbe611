package io.wirewatch.tagger.cooperation;

import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.tagger.entity.EntityKind;
import io.wirewatch.tagger.entity.Mention;
import io.wirewatch.tagger.entity.StoryEntities;
import io.wirewatch.tagger.text.AnalyzedStory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How much a story is about each country: a weighted count of its mentions (headline and lead count more; places,
 * rivals, background and people count less), and in how many sentences it appears. The most salient country is
 * the story's home: the one whose delegation or government the story follows.
 */
public final class Salience {

    private final Map<String, Double> weight = new HashMap<>();
    private final Map<String, Set<Integer>> sentences = new HashMap<>();
    private final String home;
    private final int lead;

    public Salience(AnalyzedStory story, StoryEntities entities) {
        this.lead = leadSegment(story);
        for (Mention m : entities.mentions()) {
            if (m.code() == null) {
                continue;
            }
            final int seg = story.sentenceSegment(m.sentence());
            double w = m.kind() == EntityKind.PERSON ? 0.5 : 1.0;
            if (m.locative()) {
                w *= 0.5;
            }
            if (m.adversarial()) {
                w *= 0.25;
            }
            if (m.background()) {
                w *= 0.5;
            }
            if (story.isHeadline(seg)) {
                w *= 2.0;
            } else if (seg == lead) {
                w *= 1.5;
            }
            weight.merge(m.code(), w, Double::sum);
            if (!m.adversarial()) {
                sentences.computeIfAbsent(m.code(), c -> new HashSet<>()).add(m.sentence());
            }
        }
        String best = null;
        for (Map.Entry<String, Double> e : weight.entrySet()) {
            if (best == null || e.getValue() > weight.get(best)
                    || e.getValue().equals(weight.get(best)) && e.getKey().compareTo(best) < 0) {
                best = e.getKey();
            }
        }
        this.home = best;
    }

    private static int leadSegment(AnalyzedStory story) {
        for (int seg = 0; seg < story.segmentCount(); seg++) {
            if (!story.isHeadline(seg) && story.role(seg) != ParagraphRole.CAPTION
                    && story.role(seg) != ParagraphRole.SUBHEAD && story.segmentText(seg).length() > 60) {
                return seg;
            }
        }
        return -1;
    }

    /** Whether a segment is the story's lead paragraph. */
    public boolean isLead(int segment) {
        return segment == lead;
    }

    public double of(String code) {
        final Double w = weight.get(code);
        return w == null ? 0.0 : w;
    }

    /** In how many sentences the country is named other than as a rival. */
    public int sentences(String code) {
        final Set<Integer> s = sentences.get(code);
        return s == null ? 0 : s.size();
    }

    /** The most salient country, or null when the story names none. */
    public String home() {
        return home;
    }

    /** The most salient country other than those in {@code except}, among {@code candidates} (null: all). */
    public String best(Set<String> candidates, Set<String> except) {
        String best = null;
        for (String c : candidates == null ? weight.keySet() : candidates) {
            if (except.contains(c) || of(c) <= 0) {
                continue;
            }
            if (best == null || of(c) > of(best) || of(c) == of(best) && c.compareTo(best) < 0) {
                best = c;
            }
        }
        return best;
    }

    public List<String> ranked() {
        return weight.keySet().stream().sorted((a, b) -> {
            final int c = Double.compare(of(b), of(a));
            return c != 0 ? c : a.compareTo(b);
        }).toList();
    }
}
