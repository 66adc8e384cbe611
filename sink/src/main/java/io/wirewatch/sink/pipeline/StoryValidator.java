package io.wirewatch.sink.pipeline;

import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.CountryMention;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.Evidence;
import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.TopicTag;
import io.wirewatch.avro.WatchMatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Checks the invariants of the data contract that the Avro schema cannot express, so a story that would corrupt the
 * database or the archive is dead-lettered instead: a story id, a key equal to it, ISO country codes, unique topic and
 * country ids, cooperations of two or more parties, evidence inside the text it points at, and no NUL characters
 * (PostgreSQL text cannot hold them). Pure and thread-safe.
 */
public final class StoryValidator {

    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

    /** Every violation of the story, each a phrase a person can act on; empty when the story is valid. */
    public List<String> violations(String key, EnrichedStory enriched) {
        List<String> violations = new ArrayList<>();
        RawStory story = enriched.getStory();
        String id = story.getId();
        if (id == null || id.isBlank()) {
            violations.add("the story id is empty");
        } else if (key != null && !key.equals(id)) {
            violations.add("the record key '" + key + "' differs from the story id '" + id + "'");
        }
        if (enriched.getTaxonomyVersion() == null || enriched.getTaxonomyVersion().isBlank()) {
            violations.add("taxonomyVersion is empty");
        }
        double score = enriched.getDefenseCooperation().getScore();
        if (!(score >= 0 && score <= 1)) {
            violations.add("defenseCooperation.score " + score + " is outside [0, 1]");
        }
        checkTopics(enriched, violations);
        checkCountries(enriched.getCountries(), violations);
        checkCooperations(enriched, violations);
        Set<String> watches = new HashSet<>();
        for (WatchMatch watch : enriched.getWatches()) {
            if (!watches.add(watch.getId())) {
                violations.add("watch '" + watch.getId() + "' is listed twice");
            }
            checkEvidence("watch '" + watch.getId() + "'", watch.getEvidence(), story, violations);
        }
        if (containsNul(enriched)) {
            violations.add("a text field contains a NUL character (U+0000), which PostgreSQL text cannot store");
        }
        return violations;
    }

    private static void checkTopics(EnrichedStory enriched, List<String> violations) {
        Set<String> seen = new HashSet<>();
        for (TopicTag topic : enriched.getTopics()) {
            if (topic.getId() == null || topic.getId().isBlank()) {
                violations.add("a topic has an empty id");
            } else if (!seen.add(topic.getId())) {
                violations.add("topic '" + topic.getId() + "' is listed twice");
            }
            checkEvidence("topic '" + topic.getId() + "'", topic.getEvidence(), enriched.getStory(), violations);
        }
    }

    private static void checkCountries(List<CountryMention> countries, List<String> violations) {
        Set<String> seen = new HashSet<>();
        for (CountryMention country : countries) {
            if (!COUNTRY_CODE.matcher(country.getCode()).matches()) {
                violations.add("country code '" + country.getCode() + "' is not an ISO 3166-1 alpha-2 code");
            } else if (!seen.add(country.getCode())) {
                violations.add("country '" + country.getCode() + "' is listed twice");
            }
        }
    }

    private static void checkCooperations(EnrichedStory enriched, List<String> violations) {
        for (Cooperation cooperation : enriched.getCooperations()) {
            List<String> parties = cooperation.getParties();
            String name = "cooperation " + String.join("+", parties);
            if (new HashSet<>(parties).size() < 2) {
                violations.add(name + " has fewer than two distinct parties");
            }
            for (String party : parties) {
                if (!COUNTRY_CODE.matcher(party).matches()) {
                    violations.add(name + ": party '" + party + "' is not an ISO 3166-1 alpha-2 code");
                }
            }
            checkEvidence(name, cooperation.getEvidence(), enriched.getStory(), violations);
        }
    }

    private static void checkEvidence(String owner, Collection<Evidence> evidence, RawStory story,
                                      List<String> violations) {
        List<Paragraph> paragraphs = story.getParagraphs();
        for (Evidence e : evidence) {
            String text;
            if (e.getParagraph() == -1) {
                text = story.getHeadline();
                if (text == null) {
                    violations.add("evidence of " + owner + " points at the headline, but the story has none");
                    continue;
                }
            } else if (e.getParagraph() < 0 || e.getParagraph() >= paragraphs.size()) {
                violations.add("evidence of " + owner + " points at paragraph " + e.getParagraph() + " of "
                        + paragraphs.size());
                continue;
            } else {
                text = paragraphs.get(e.getParagraph()).getText();
            }
            if (e.getStart() < 0 || e.getStart() > e.getEnd() || e.getEnd() > text.length()) {
                violations.add("evidence of " + owner + " spans [" + e.getStart() + ", " + e.getEnd()
                        + ") outside its text of length " + text.length()
                        + (e.getParagraph() == -1 ? " (headline)" : " (paragraph " + e.getParagraph() + ")"));
            }
        }
    }

    /** True when any string anywhere in the record (nested records, arrays, maps) holds U+0000. */
    static boolean containsNul(Object value) {
        if (value instanceof CharSequence text) {
            return text.toString().indexOf('\u0000') >= 0;
        }
        if (value instanceof IndexedRecord record) {
            for (Schema.Field field : record.getSchema().getFields()) {
                if (containsNul(record.get(field.pos()))) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (containsNul(item)) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (containsNul(entry.getKey()) || containsNul(entry.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }
}
