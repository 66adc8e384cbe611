package io.wirewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.CountryMention;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.Evidence;
import io.wirewatch.avro.TopicTag;
import io.wirewatch.schemas.ExampleRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryValidatorTest {

    private final StoryValidator validator = new StoryValidator();

    @Test
    void theContractsExampleStoryIsValid() {
        assertThat(validator.violations("s-1", ExampleRecords.enrichedStory("s-1"))).isEmpty();
        assertThat(validator.violations(null, ExampleRecords.enrichedStory("s-1"))).isEmpty();
    }

    @Test
    void aKeyOtherThanTheStoryIdIsAViolation() {
        assertThat(validator.violations("other", ExampleRecords.enrichedStory("s-1")))
                .containsExactly("the record key 'other' differs from the story id 's-1'");
    }

    @Test
    void countryCodesMustBeIsoAlpha2AndListedOnce() {
        EnrichedStory story = ExampleRecords.enrichedStory("s-1");
        story.setCountries(List.of(new CountryMention("no", "Norway", 1), new CountryMention("PL", "Poland", 1),
                new CountryMention("PL", "Poland", 2)));

        assertThat(validator.violations("s-1", story)).containsExactly(
                "country code 'no' is not an ISO 3166-1 alpha-2 code", "country 'PL' is listed twice");
    }

    @Test
    void aCooperationNeedsTwoDistinctParties() {
        EnrichedStory story = ExampleRecords.enrichedStory("s-1");
        story.setCooperations(List.of(new Cooperation(List.of("NO", "NO"), List.of("rnd"), List.of())));

        assertThat(validator.violations("s-1", story)).containsExactly(
                "cooperation NO+NO has fewer than two distinct parties");
    }

    @Test
    void evidenceMustLieInsideTheTextItPointsAt() {
        EnrichedStory story = ExampleRecords.enrichedStory("s-1");
        List<TopicTag> topics = new ArrayList<>(story.getTopics());
        topics.add(new TopicTag("security", "Security", 0.5, List.of(
                new Evidence(7, 0, 3, "abc", "security/x"),
                new Evidence(0, 10, 5000, "abc", "security/y"))));
        story.setTopics(topics);

        assertThat(validator.violations("s-1", story)).satisfiesExactly(
                v -> assertThat(v).isEqualTo("evidence of topic 'security' points at paragraph 7 of 4"),
                v -> assertThat(v).startsWith("evidence of topic 'security' spans [10, 5000) outside its text"));
    }

    @Test
    void aNulCharacterAnywhereIsAViolation() {
        EnrichedStory story = ExampleRecords.enrichedStory("s-1");
        story.getStory().setAttributes(Map.of("note", "bad\u0000byte"));

        assertThat(validator.violations("s-1", story))
                .containsExactly("a text field contains a NUL character (U+0000), which PostgreSQL text cannot store");
    }

    @Test
    void anEmptyIdAndTaxonomyVersionAreViolations() {
        EnrichedStory story = ExampleRecords.enrichedStory(" ");
        story.setTaxonomyVersion("");

        assertThat(validator.violations(null, story))
                .containsExactly("the story id is empty", "taxonomyVersion is empty");
    }
}
