package io.wirewatch.tagger;

import io.wirewatch.avro.CountryMention;
import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.DefenseCooperation;
import io.wirewatch.avro.EntityMention;
import io.wirewatch.avro.TopicTag;
import io.wirewatch.avro.WatchMatch;
import java.util.List;

/**
 * What the tagger found in one story, in the contract's own types, ready to become an EnrichedStory.
 * Evidence offsets refer to the paragraphs of the {@link TagInput} (paragraph -1 is the headline).
 */
public record Enrichment(
        String taxonomyVersion,
        DefenseCooperation defenseCooperation,
        List<TopicTag> topics,
        List<CountryMention> countries,
        List<EntityMention> organizations,
        List<EntityMention> people,
        List<Cooperation> cooperations,
        List<WatchMatch> watches) {
}
