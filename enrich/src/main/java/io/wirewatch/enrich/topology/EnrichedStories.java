package io.wirewatch.enrich.topology;

import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.Lineage;
import io.wirewatch.avro.RawStory;
import io.wirewatch.tagger.Enrichment;
import java.time.Instant;

/** Builds the enriched event of a story from what the tagger found. */
final class EnrichedStories {

    private EnrichedStories() {
    }

    /**
     * @param instance id of this enrich instance
     * @param version wirewatch version of this enrich instance
     */
    static EnrichedStory of(RawStory story, Enrichment enrichment, Instant enrichedAt, String instance,
                            String version) {
        return EnrichedStory.newBuilder()
                .setStory(story)
                .setTaxonomyVersion(enrichment.taxonomyVersion())
                .setEnrichedAt(enrichedAt)
                .setDefenseCooperation(enrichment.defenseCooperation())
                .setTopics(enrichment.topics())
                .setCountries(enrichment.countries())
                .setOrganizations(enrichment.organizations())
                .setPeople(enrichment.people())
                .setCooperations(enrichment.cooperations())
                .setWatches(enrichment.watches())
                .setDuplicateOf(null)
                .setLineage(new Lineage(story.getProvenance().getIngestInstance(),
                        story.getProvenance().getIngestVersion(), instance, version))
                .build();
    }
}
