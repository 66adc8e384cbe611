package io.wirewatch.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.CountryMention;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.Evidence;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.TopicTag;
import io.wirewatch.enrich.EnrichMetrics;
import io.wirewatch.enrich.MutableClock;
import io.wirewatch.enrich.SharedTexts;
import io.wirewatch.enrich.TestStories;
import io.wirewatch.tagger.TaxonomyTagger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real enrich topology with the real tagger and its shipped taxonomy. */
class TaxonomyTaggingTest {

    private static final TaxonomyTagger TAGGER = TaxonomyTagger.loadDefault();
    private static final Instant PUBLISHED = Instant.parse("2024-05-01T09:00:00Z");

    @TempDir
    Path stateDir;

    private EnrichDriver driver;

    @BeforeEach
    void start() {
        driver = new EnrichDriver(TAGGER, new MutableClock(Instant.parse("2024-05-01T10:00:00Z")), stateDir,
                Map.of());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void jointExerciseIsTaggedTrainingWithTheSentencesThatSaySo() {
        RawStory story = TestStories.story("exercise", PUBLISHED, TestStories.JOINT_EXERCISE);

        driver.pipe(story);

        EnrichedStory enriched = driver.enriched.readValue();
        assertThat(enriched.getTaxonomyVersion()).isEqualTo(TAGGER.taxonomyVersion());
        assertThat(enriched.getDefenseCooperation().getFlag()).isTrue();
        assertThat(enriched.getCountries()).extracting(CountryMention::getCode).containsExactly("ID", "AU");
        assertThat(enriched.getCooperations()).extracting(Cooperation::getParties)
                .containsExactly(List.of("AU", "ID"));
        TopicTag training = enriched.getTopics().stream().filter(t -> t.getId().equals("training")).findFirst()
                .orElseThrow();
        assertThat(training.getEvidence()).isNotEmpty().allSatisfy(evidence -> {
            assertThat(evidence.getRule()).startsWith("training/");
            assertThat(story.getParagraphs().get(evidence.getParagraph()).getText()
                    .substring(evidence.getStart(), evidence.getEnd())).isEqualTo(evidence.getText());
        });
        assertThat(training.getEvidence()).extracting(Evidence::getText)
                .contains(TestStories.JOINT_EXERCISE.get(0));
        assertThat(driver.enrichedFor("training").readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactly("exercise");
        assertThat(driver.trends.readKeyValuesToMap()).containsKey("2024-05-01|training|AU+ID");
        assertThat(driver.counter(EnrichMetrics.TAGS, "topic", "training")).isEqualTo(1.0);
    }

    @Test
    void storyWithoutDefenseContentGetsNoTopicsAndNoBranch() {
        driver.pipe(TestStories.story("bakery", PUBLISHED, TestStories.BAKERY));

        EnrichedStory enriched = driver.enriched.readValue();
        assertThat(enriched.getDefenseCooperation().getFlag()).isFalse();
        assertThat(enriched.getTopics()).isEmpty();
        assertThat(enriched.getCooperations()).isEmpty();
        for (String topicId : List.of("rnd", "exports", "training", "industrial", "security")) {
            assertThat(driver.enrichedFor(topicId).isEmpty()).as(topicId).isTrue();
        }
        assertThat(driver.trends.isEmpty()).isTrue();
    }

    @Test
    void sharedSampleStoryComesOutWithItsCooperationsBranchesAndTrends() throws IOException {
        Optional<Path> sample = SharedTexts.find("samples/israel-india-2022-06-02.txt");
        assumeTrue(sample.isPresent(), "../shared/samples/israel-india-2022-06-02.txt is not here: skipped");
        SharedTexts.WireText text = SharedTexts.readWireText(sample.get());
        RawStory story = TestStories.builder("sample", Instant.parse(text.date() + "T12:00:00Z"), List.of("x"))
                .setParagraphs(text.paragraphs()).build();

        driver.pipe(story);

        EnrichedStory enriched = driver.enriched.readValue();
        assertThat(enriched.getCountries()).extracting(CountryMention::getCode)
                .containsExactlyInAnyOrder("IL", "IN", "JP", "VN");
        assertThat(enriched.getCooperations()).extracting(c -> String.join("+", c.getParties()) + "="
                + String.join(",", c.getTopics()))
                .containsExactlyInAnyOrder("IL+IN=industrial,rnd,security,training", "IL+JP=rnd,security",
                        "IL+VN=exports,rnd");
        for (String topicId : List.of("rnd", "exports", "training", "industrial", "security")) {
            assertThat(driver.enrichedFor(topicId).readKeyValuesToList()).as(topicId).hasSize(1);
        }
        assertThat(driver.trends.readKeyValuesToMap()).containsKeys("2022-06-02|rnd|IL+IN",
                "2022-06-02|exports|IL+VN", "2022-06-02|security|IL+JP");
    }
}
