package io.wirewatch.sink.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.schemas.ExampleRecords;
import io.wirewatch.sink.pipeline.StoryRecord;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StoryRowsTest {

    private static StoryRows rows(EnrichedStory story) {
        return StoryRows.of(new StoryRecord(new TopicPartition("news.enriched", 2), 17, "s-1", story));
    }

    @Test
    void theStoryRowKeepsSourceFieldsKafkaPlaceAndLineage() {
        StoryRows.StoryRow row = rows(ExampleRecords.enrichedStory("s-1")).story();

        assertThat(row.id()).isEqualTo("s-1");
        assertThat(row.kafkaTopic()).isEqualTo("news.enriched");
        assertThat(row.kafkaPartition()).isEqualTo(2);
        assertThat(row.kafkaOffset()).isEqualTo(17);
        assertThat(row.format()).isEqualTo("NINJS");
        assertThat(row.pubStatus()).isEqualTo("USABLE");
        assertThat(row.publishedAt()).isEqualTo(Instant.parse("2024-03-05T09:30:00Z"));
        assertThat(row.taxonomyVersion()).isEqualTo("defense-cooperation/1.0.0");
        assertThat(row.defenseCooperation()).isTrue();
        assertThat(row.enrichInstance()).isEqualTo("enrich-1");
        assertThat(row.provenanceLocation()).isEqualTo("spool/2024-03-05/radar.json");
    }

    @Test
    void theBodyJoinsParagraphsByBlankLinesAndTheJsonKeepsTheirRoles() {
        StoryRows.StoryRow row = rows(ExampleRecords.enrichedStory("s-1")).story();

        assertThat(row.body().split("\n\n")).hasSize(4);
        assertThat(row.body()).startsWith("Norway and Poland agreed").contains("\n\nTraining\n\n");
        assertThat(row.paragraphsJson()).startsWith("[{\"role\":\"LEAD\",\"text\":\"Norway and Poland");
        assertThat(row.attributesJson()).isEqualTo("{\"copyrightnotice\":\"(c) Example Wire\"}");
        assertThat(row.subjectsJson()).contains("\"code\":\"medtop:20000053\"");
    }

    @Test
    void tagsBecomeOneRowEachWithTheirEvidence() {
        StoryRows rows = rows(ExampleRecords.enrichedStory("s-1"));

        assertThat(rows.topics()).extracting(StoryRows.TopicRow::topicId).containsExactly("rnd", "training");
        assertThat(rows.countries()).extracting(StoryRows.CountryRow::code).containsExactly("NO", "PL");
        assertThat(rows.entities()).containsExactly(
                new StoryRows.EntityRow("s-1", "organization", 0, "Royal Norwegian Navy", 1, "NO"));
        assertThat(rows.cooperations()).containsExactly(new StoryRows.CooperationRow("s-1", 0, "NO+PL",
                List.of("NO", "PL"), List.of("rnd", "training")));
        assertThat(rows.parties()).containsExactly(new StoryRows.PartyRow("s-1", 0, "NO"),
                new StoryRows.PartyRow("s-1", 0, "PL"));
        assertThat(rows.watches()).containsExactly(new StoryRows.WatchRow("s-1", "coastal-radar"));
        assertThat(rows.evidence()).extracting(e -> e.kind() + ":" + e.subject() + ":" + e.ordinal() + ":" + e.rule())
                .containsExactly("topic:rnd:0:rnd/co-development", "topic:training:0:training/train-together",
                        "cooperation:0:0:rnd/co-development", "cooperation:0:1:training/train-together",
                        "watch:coastal-radar:0:rnd/co-development");
        assertThat(rows.rowCount()).isEqualTo(1 + 2 + 2 + 1 + 1 + 2 + 1 + 5);
    }

    @Test
    void cooperationPartiesAndTopicsAreSortedWhateverOrderTheyCameIn() {
        EnrichedStory story = ExampleRecords.enrichedStory("s-1");
        story.setCooperations(List.of(new Cooperation(List.of("PL", "DE", "NO"), List.of("training", "exports"),
                List.of())));

        StoryRows.CooperationRow row = rows(story).cooperations().get(0);

        assertThat(row.partiesKey()).isEqualTo("DE+NO+PL");
        assertThat(row.topics()).containsExactly("exports", "training");
    }

    @Test
    void aStoryWithoutHeadlineOrPublishTimeMapsToNulls() {
        EnrichedStory story = ExampleRecords.enrichedStory("s-1");
        story.getStory().setHeadline(null);
        story.getStory().setPublishedAt(null);

        StoryRows.StoryRow row = rows(story).story();

        assertThat(row.headline()).isNull();
        assertThat(row.publishedAt()).isNull();
        assertThat(row.receivedAt()).isEqualTo(Instant.parse("2024-03-05T09:31:12.345Z"));
    }
}
