package io.wirewatch.enrich.topology;

import static io.wirewatch.enrich.ScriptedTagger.script;
import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.Lineage;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.Stage;
import io.wirewatch.avro.TopicTag;
import io.wirewatch.avro.TrendCount;
import io.wirewatch.enrich.EnrichMetrics;
import io.wirewatch.enrich.MutableClock;
import io.wirewatch.enrich.ScriptedTagger;
import io.wirewatch.enrich.TestStories;
import io.wirewatch.platform.runtime.Version;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real enrich topology's mechanics, with a scripted tagger: dedup, branches, trends, failures. */
class EnrichTopologyTest {

    private static final Instant DAY1 = Instant.parse("2024-05-01T09:00:00Z");
    private static final Instant DAY2 = DAY1.plus(Duration.ofDays(1));
    private static final Instant DAY3 = DAY1.plus(Duration.ofDays(2));

    @TempDir
    Path stateDir;

    private final ScriptedTagger tagger = new ScriptedTagger();
    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-03T12:00:00Z"));
    private EnrichDriver driver;

    @BeforeEach
    void start() {
        driver = new EnrichDriver(tagger, clock, stateDir, Map.of());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static RawStory scripted(String id, Instant published, String... cooperations) {
        List<String> body = new ArrayList<>();
        body.add(script(cooperations));
        body.addAll(TestStories.generatedBody(id.hashCode(), 9));
        return TestStories.story(id, published, body);
    }

    @Test
    void enrichedStoryCarriesTheTaggerOutputTaxonomyVersionAndLineage() {
        RawStory story = scripted("s-1", DAY1, "IL+IN=rnd,training");

        driver.pipe(story);

        List<TestRecord<String, EnrichedStory>> out = driver.enriched.readRecordsToList();
        assertThat(out).hasSize(1);
        EnrichedStory enriched = out.get(0).value();
        assertThat(out.get(0).key()).isEqualTo("s-1");
        assertThat(enriched.getStory()).isEqualTo(story);
        assertThat(enriched.getTaxonomyVersion()).isEqualTo("scripted/1");
        assertThat(enriched.getEnrichedAt()).isEqualTo(clock.instant());
        assertThat(enriched.getTopics()).extracting(TopicTag::getId).containsExactly("rnd", "training");
        assertThat(enriched.getCooperations()).singleElement()
                .satisfies(c -> assertThat(c.getParties()).containsExactly("IL", "IN"));
        assertThat(enriched.getDuplicateOf()).isNull();
        assertThat(enriched.getLineage()).isEqualTo(new Lineage("ingest-test", "9.9.9", "enrich-test",
                Version.get()));
        assertThat(driver.counter(EnrichMetrics.STORIES, "outcome", "enriched")).isEqualTo(1.0);
        assertThat(driver.counter(EnrichMetrics.TAGS, "topic", "rnd")).isEqualTo(1.0);
    }

    @Test
    void storyGoesToTheBranchOfEachOfItsTopicsAndNoOther() {
        driver.pipe(scripted("s-1", DAY1, "IL+IN=rnd,training"));
        driver.pipe(TestStories.story("plain", DAY1, TestStories.BAKERY));

        assertThat(driver.enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("s-1", "plain");
        assertThat(driver.enrichedFor("rnd").readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("s-1");
        assertThat(driver.enrichedFor("training").readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactly("s-1");
        assertThat(driver.enrichedFor("exports").isEmpty()).isTrue();
        assertThat(driver.enrichedFor("industrial").isEmpty()).isTrue();
        assertThat(driver.enrichedFor("security").isEmpty()).isTrue();
    }

    @Test
    void exactDuplicateWithinTheWindowIsDroppedAndCounted() {
        RawStory story = scripted("s-1", DAY1, "IL+IN=rnd");

        driver.pipe(story);
        clock.advance(Duration.ofHours(23));
        driver.pipe(story);

        assertThat(driver.enriched.readKeyValuesToList()).hasSize(1);
        assertThat(tagger.calls()).isEqualTo(1);
        assertThat(driver.counter(EnrichMetrics.STORIES, "outcome", "duplicate_dropped")).isEqualTo(1.0);
    }

    @Test
    void exactDuplicateAfterTheWindowIsEnrichedAgain() {
        RawStory story = scripted("s-1", DAY1, "IL+IN=rnd");

        driver.pipe(story);
        clock.advance(Duration.ofHours(25));
        driver.pipe(story);

        assertThat(driver.enriched.readKeyValuesToList()).hasSize(2);
    }

    @Test
    void newVersionOfAStoryWithTheSameIdIsNotADuplicate() {
        driver.pipe(scripted("s-1", DAY1, "IL+IN=rnd"));
        driver.pipe(scripted("s-1", DAY1, "IL+IN=rnd,exports"));

        assertThat(driver.enriched.readValuesToList()).extracting(s -> s.getTopics().size()).containsExactly(1, 2);
    }

    @Test
    void replayThroughAChangedTaxonomyVersionIsNotADuplicate() {
        RawStory story = scripted("s-1", DAY1, "IL+IN=rnd");
        driver.pipe(story);
        driver.pipe(story);

        tagger.setVersion("scripted/2");
        driver.pipe(story);
        driver.pipe(story);

        assertThat(driver.enriched.readValuesToList()).extracting(EnrichedStory::getTaxonomyVersion)
                .containsExactly("scripted/1", "scripted/2");
    }

    @Test
    void nearDuplicateFromAnotherWireIsKeptAndMarkedWithTheEarlierStory() {
        List<String> body = TestStories.generatedBody(42, 30);
        List<String> otherWire = new ArrayList<>(body.subList(0, body.size() - 1));
        otherWire.set(0, "By our correspondent. " + otherWire.get(0));

        driver.pipe(TestStories.story("wire-a-1", DAY1, body));
        driver.pipe(TestStories.story("wire-b-7", DAY1.plusSeconds(600), otherWire));
        driver.pipe(TestStories.story("other", DAY1, TestStories.generatedBody(43, 30)));

        assertThat(driver.enriched.readKeyValuesToMap())
                .hasEntrySatisfying("wire-a-1", s -> assertThat(s.getDuplicateOf()).isNull())
                .hasEntrySatisfying("wire-b-7", s -> assertThat(s.getDuplicateOf()).isEqualTo("wire-a-1"))
                .hasEntrySatisfying("other", s -> assertThat(s.getDuplicateOf()).isNull());
        assertThat(driver.counter(EnrichMetrics.NEAR_DUPLICATES)).isEqualTo(1.0);
    }

    @Test
    void storyNearlyDuplicatingSeveralEarlierOnesPointsAtTheFirstAndAReplayedOriginalStaysOriginal() {
        List<String> body = TestStories.generatedBody(7, 30);
        List<String> longer = new ArrayList<>(body);
        longer.add("The ministry added a short statement late in the evening.");
        driver.pipe(TestStories.story("first", DAY1, body));
        driver.pipe(TestStories.story("second", DAY1, longer));
        driver.pipe(TestStories.story("third", DAY1, body));
        tagger.setVersion("scripted/2");
        driver.pipe(TestStories.story("first", DAY1, body));

        assertThat(driver.enriched.readValuesToList())
                .extracting(s -> s.getStory().getId() + "->" + s.getDuplicateOf())
                .containsExactly("first->null", "second->first", "third->first", "first->null");
    }

    @Test
    void storiesPublishedFurtherApartThanTheNearDuplicateWindowAreNotCompared() {
        List<String> body = TestStories.generatedBody(9, 30);

        driver.pipe(TestStories.story("old", DAY1, body));
        driver.pipe(TestStories.story("much-later", DAY1.plus(Duration.ofDays(3)), body));

        assertThat(driver.enriched.readValuesToList()).extracting(EnrichedStory::getDuplicateOf)
                .containsOnlyNulls();
    }

    /**
     * Runs at_least_once: under exactly_once_v2 the driver's MockProducer.clear() discards sends made while a record
     * is enqueued (where deserialization fails) before the driver commits. EnrichServiceIT shows the dead letter
     * committed under exactly_once_v2 on a real broker.
     */
    @Test
    void poisonPillGoesToTheDeadLetterTopicAndProcessingContinues() {
        driver.close();
        driver = new EnrichDriver(tagger, clock, stateDir.resolve("alo"), Map.of("processing.guarantee",
                "at_least_once"));
        byte[] garbage = "this is not avro".getBytes(StandardCharsets.UTF_8);

        driver.pipeBytes("bad-1", garbage, DAY1);
        driver.pipe(scripted("s-2", DAY1, "IL+IN=rnd"));

        List<TestRecord<String, DeadLetter>> dead = driver.deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        DeadLetter letter = dead.get(0).value();
        assertThat(dead.get(0).key()).isEqualTo("bad-1");
        assertThat(letter.getStage()).isEqualTo(Stage.ENRICH);
        assertThat(letter.getReasonCode()).isEqualTo("DESERIALIZATION");
        assertThat(letter.getStoryId()).isEqualTo("bad-1");
        assertThat(letter.getOrigin().getTopic()).isEqualTo("news.raw");
        assertThat(letter.getOrigin().getOffset()).isEqualTo(0L);
        assertThat(letter.getMessage()).startsWith("news.raw-0@0 (story 'bad-1'): the record is not a readable "
                + "RawStory");
        assertThat(StandardCharsets.UTF_8.decode(letter.getOriginal()).toString()).isEqualTo("this is not avro");
        assertThat(dead.get(0).headers().lastHeader("wirewatch.dlq.reason").value())
                .isEqualTo("DESERIALIZATION".getBytes(StandardCharsets.UTF_8));
        assertThat(driver.enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("s-2");
        assertThat(driver.counter(EnrichMetrics.DEAD_LETTERS, "reason", "DESERIALIZATION")).isEqualTo(1.0);
    }

    @Test
    void storyTheTaggerFailsOnIsDeadLetteredAndNotRemembered() {
        RawStory failing = TestStories.story("s-9", DAY1, List.of(script("fail=the taxonomy has no rule for it"),
                "Second paragraph of the story."));

        driver.pipe(failing);
        driver.pipe(scripted("s-10", DAY1, "IL+IN=rnd"));
        driver.pipe(scripted("s-9", DAY1, "IL+IN=rnd"));

        DeadLetter letter = driver.deadLetters.readValue();
        assertThat(letter.getReasonCode()).isEqualTo("PROCESSING");
        assertThat(letter.getStoryId()).isEqualTo("s-9");
        assertThat(letter.getMessage()).contains("news.raw-0@0 (story 's-9')", "tag-stories",
                "the taxonomy has no rule for it", "replay");
        assertThat(letter.getOriginal()).isNotNull();
        assertThat(driver.deadLetters.isEmpty()).isTrue();
        assertThat(driver.enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("s-10", "s-9");
    }

    @Test
    void recordWithoutAValueIsDeadLettered() {
        driver.raw.pipeInput("gone", null);
        driver.pipe(scripted("s-1", DAY1, "IL+IN=rnd"));

        assertThat(driver.deadLetters.readValuesToList()).singleElement()
                .satisfies(d -> assertThat(d.getMessage()).contains("tombstone"));
        assertThat(driver.enriched.readKeyValuesToList()).hasSize(1);
    }

    @Test
    void trendsCountDistinctStoriesPerTopicPartiesAndDay() {
        driver.pipe(scripted("a", DAY1, "IL+IN=rnd,training"));
        driver.pipe(scripted("b", DAY1.plusSeconds(3600), "IN+IL=rnd", "IL+JP=security"));
        driver.pipe(scripted("c", DAY2, "IL+IN=rnd"));

        Map<String, TrendCount> trends = driver.trends.readKeyValuesToMap();
        assertThat(trends).containsOnlyKeys("2024-05-01|rnd|IL+IN", "2024-05-01|training|IL+IN",
                "2024-05-01|security|IL+JP", "2024-05-02|rnd|IL+IN");
        assertThat(trends).extractingFromEntries(e -> e.getKey() + "=" + e.getValue().getCount())
                .containsExactlyInAnyOrder("2024-05-01|rnd|IL+IN=2", "2024-05-01|training|IL+IN=1",
                        "2024-05-01|security|IL+JP=1", "2024-05-02|rnd|IL+IN=1");
        TrendCount count = trends.get("2024-05-01|rnd|IL+IN");
        assertThat(count.getWindowStart()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(count.getWindowEnd()).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
        assertThat(count.getTopic()).isEqualTo("rnd");
        assertThat(count.getParties()).containsExactly("IL", "IN");
        assertThat(count.getTaxonomyVersion()).isEqualTo("scripted/1");
    }

    @Test
    void lateStoryWithinTheGraceCountsAndOneTooLateIsEnrichedButNotCounted() {
        driver.pipe(scripted("day3", DAY3.plusSeconds(3 * 3600), "IL+IN=rnd"));
        driver.pipe(scripted("late-day2", DAY2, "IL+IN=rnd"));
        driver.pipe(scripted("too-late-day1", DAY1, "IL+IN=rnd"));

        assertThat(driver.trends.readKeyValuesToMap()).containsOnlyKeys("2024-05-03|rnd|IL+IN",
                "2024-05-02|rnd|IL+IN");
        assertThat(driver.enriched.readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactly("day3", "late-day2", "too-late-day1");
    }

    @Test
    void trendsCountAReplayedStoryOnceAndLeaveNearDuplicatesOut() {
        List<String> body = new ArrayList<>();
        body.add(script("IL+IN=rnd"));
        body.addAll(TestStories.generatedBody(5, 30));
        driver.pipe(TestStories.story("original", DAY1, body));
        driver.pipe(TestStories.story("copy", DAY1, body.subList(0, body.size() - 1)));
        tagger.setVersion("scripted/2");
        driver.pipe(TestStories.story("original", DAY1, body));

        TrendCount count = driver.trends.readKeyValuesToMap().get("2024-05-01|rnd|IL+IN");
        assertThat(count.getCount()).isEqualTo(1);
        assertThat(count.getTaxonomyVersion()).isEqualTo("scripted/2");
    }

    @Test
    void storyWithoutAPublishTimeCountsInTheDayItWasAppended() {
        RawStory story = scripted("undated", DAY1, "IL+IN=rnd");
        story.setPublishedAt(null);

        driver.raw.pipeInput(new TestRecord<>("undated", story, Instant.parse("2024-04-20T10:00:00Z")));

        assertThat(driver.trends.readKeyValuesToMap()).containsOnlyKeys("2024-04-20|rnd|IL+IN");
    }

    @Test
    void everyStoreAndInternalTopicHasAnExplicitName() {
        TopologyDescription description = driver.topology.describe();
        String text = description.toString();

        assertThat(text).contains("raw-source", "tag-stories", "near-dup-index-repartition",
                "mark-near-duplicates", "enriched-sink", "topic-rnd", "enriched-rnd-sink", "trend-hits",
                "trend-hits-by-topic-parties-repartition", "trend-aggregate", "trends-sink");
        assertThat(text).doesNotContainPattern("KSTREAM-[A-Z]+-\\d+|KTABLE-[A-Z]+-\\d+");
        assertThat(driver.driver.getAllStateStores()).containsOnlyKeys(EnrichTopology.EXACT_DEDUP_STORE,
                EnrichTopology.NEAR_DUP_STORE, EnrichTopology.TREND_STORE);
    }
}
