package io.wirewatch.tagger.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.CountryMention;
import io.wirewatch.avro.EntityMention;
import io.wirewatch.tagger.Enrichment;
import io.wirewatch.tagger.Stories;
import io.wirewatch.tagger.TaggerFixture;
import org.junit.jupiter.api.Test;

class CountryResolutionTest {

    private static Enrichment tag(String... paragraphs) {
        return TaggerFixture.tagger().tag(Stories.of(paragraphs));
    }

    @Test
    void namesDemonymsAndAbbreviationsResolveToIsoCodes() {
        final Enrichment e = tag("Israeli and Indian officers met their UAE and U.S. peers in South Korea and "
                + "the United Kingdom; the Philippines, Viet Nam and Türkiye sent observers.");
        assertThat(e.countries()).extracting(CountryMention::getCode)
                .containsExactly("IL", "IN", "AE", "US", "KR", "GB", "PH", "VN", "TR");
    }

    @Test
    void possessivesAndHyphenatedAdjectivesCount() {
        final Enrichment e = tag("Japan's navy joined the Indo-Israeli drill and a US-made radar was shown.");
        assertThat(e.countries()).extracting(CountryMention::getCode).containsExactly("JP", "IN", "IL", "US");
    }

    @Test
    void agenciesAndCompaniesImplyTheirCountry() {
        final Enrichment e = tag("The DRDO briefed the Pentagon while Hanwha and Elbit Systems showed drones.");
        assertThat(e.countries()).extracting(CountryMention::getCode).containsExactly("IN", "US", "KR", "IL");
        assertThat(e.organizations()).extracting(EntityMention::getName, EntityMention::getCountry)
                .contains(org.assertj.core.groups.Tuple.tuple("DRDO", "IN"),
                        org.assertj.core.groups.Tuple.tuple("Hanwha", "KR"));
    }

    @Test
    void regionsThatContainACountryWordAreNotCountries() {
        final Enrichment e = tag("Patrols in the Indo-Pacific, the Indian Ocean and the South China Sea grew.");
        assertThat(e.countries()).isEmpty();
    }

    @Test
    void seasGulfsAndStraitsNamedAfterACountryAreNotCountries() {
        final Enrichment e = tag("Ships sailed from the Sea of Oman to the Bay of Bengal, the Philippine Sea, "
                + "the Arabian Peninsula, Lake Malawi and the Gulf of Thailand.");
        assertThat(e.countries()).isEmpty();
    }

    @Test
    void aMinistryWithAGenericNameBelongsToTheCountryNamedBeforeIt() {
        final Enrichment e = tag("The Australian Department of Defence and Britain's Department of Defense "
                + "met the Department of Defense.");
        assertThat(e.countries()).extracting(CountryMention::getCode, CountryMention::getMentions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AU", 1),
                        org.assertj.core.groups.Tuple.tuple("GB", 1), org.assertj.core.groups.Tuple.tuple("US", 1));
    }

    @Test
    void lowerCaseWordsAreNotCountries() {
        final Enrichment e = tag("Let us eat turkey and buy china plates in a jordan shop.");
        assertThat(e.countries()).isEmpty();
    }

    @Test
    void capitalsAreMentionsOfTheirCountry() {
        final Enrichment e = tag("TOKYO (Wire) - Officials from Canberra arrived in New Delhi on Monday.");
        assertThat(e.countries()).extracting(CountryMention::getCode).containsExactly("JP", "AU", "IN");
    }

    @Test
    void peopleIntroducedWithATitleGetTheCountryBeforeTheTitle() {
        final Enrichment e = tag("Polish Defence Minister Jan Nowak met Admiral Ken Sato in Warsaw. "
                + "Nowak said the talks went well.");
        assertThat(e.people()).extracting(EntityMention::getName, EntityMention::getMentions,
                EntityMention::getCountry).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Jan Nowak", 2, "PL"),
                org.assertj.core.groups.Tuple.tuple("Ken Sato", 1, null));
    }
}
