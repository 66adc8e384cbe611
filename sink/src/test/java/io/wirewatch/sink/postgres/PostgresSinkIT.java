package io.wirewatch.sink.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wirewatch.avro.CountryMention;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.Evidence;
import io.wirewatch.avro.TopicTag;
import io.wirewatch.platform.deadletter.FailureKind;
import io.wirewatch.sink.Sinks;
import io.wirewatch.sink.pipeline.Batch;
import io.wirewatch.sink.pipeline.Rejection;
import io.wirewatch.sink.pipeline.SinkFailures;
import io.wirewatch.sink.pipeline.StoryRecord;
import io.wirewatch.sink.testing.TestPostgres;
import io.wirewatch.sink.testing.TestStories;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL sink against a real PostgreSQL server (embedded binaries), a fresh database per test. */
class PostgresSinkIT {

    private static final TopicPartition P0 = new TopicPartition("news.enriched", 0);

    private PostgresSettings settings;
    private PostgresSink sink;

    @BeforeEach
    void freshDatabase() {
        settings = new PostgresSettings(TestPostgres.freshDatabase(), TestPostgres.user(), TestPostgres.password(), 1,
                Duration.ofSeconds(5), Duration.ofSeconds(30), "public", true);
        sink = Sinks.postgres(settings, new SimpleMeterRegistry());
        sink.assign(Map.of(P0, 0L));
    }

    @AfterEach
    void closeSink() {
        sink.close();
    }

    private static Batch batch(List<StoryRecord> records) {
        long next = records.stream().mapToLong(StoryRecord::offset).max().orElse(-1) + 1;
        return new Batch(records, Map.of(P0, next));
    }

    private long count(String sql, Object... args) throws SQLException {
        return TestPostgres.queryLong(settings.jdbcUrl(), sql, args);
    }

    private List<String> strings(String sql, Object... args) throws SQLException {
        return TestPostgres.queryStrings(settings.jdbcUrl(), sql, args);
    }

    @Test
    void everyStoryIsStoredOnceHoweverOftenItIsDelivered() throws Exception {
        sink.write(batch(TestStories.records(P0, 0, 50)));
        sink.write(batch(TestStories.records(P0, 0, 50)));
        sink.write(batch(TestStories.records(P0, 25, 75)));

        assertThat(count("SELECT count(*) FROM stories")).isEqualTo(75);
        assertThat(count("SELECT count(DISTINCT id) FROM stories")).isEqualTo(75);
        assertThat(count("SELECT count(*) FROM story_topics")).isEqualTo(150);
        assertThat(count("SELECT count(*) FROM cooperation_parties")).isEqualTo(150);
        assertThat(count("SELECT count(*) FROM evidence")).isEqualTo(75 * 5);
        assertThat(sink.durableOffset(P0)).isEqualTo(75);
    }

    @Test
    void aReplayUnderANewTaxonomyReplacesTheStorysTags() throws Exception {
        sink.write(batch(TestStories.records(P0, 0, 1)));
        EnrichedStory replayed = TestStories.story(0);
        replayed.setTaxonomyVersion("defense-cooperation/2.0.0");
        String lead = replayed.getStory().getParagraphs().get(0).getText();
        replayed.setTopics(List.of(new TopicTag("security", "Security cooperation", 0.7,
                List.of(new Evidence(0, 0, lead.length(), lead, "security/joint-patrol")))));
        replayed.setCooperations(List.of());

        sink.write(batch(List.of(new StoryRecord(P0, 1, TestStories.id(0), replayed))));

        assertThat(count("SELECT count(*) FROM stories")).isEqualTo(1);
        assertThat(strings("SELECT taxonomy_version FROM stories")).containsExactly("defense-cooperation/2.0.0");
        assertThat(strings("SELECT topic_id FROM story_topics")).containsExactly("security");
        assertThat(strings("SELECT rule FROM evidence ORDER BY kind, subject"))
                .containsExactly("security/joint-patrol", "rnd/co-development");
        assertThat(count("SELECT count(*) FROM cooperations")).isZero();
        assertThat(count("SELECT kafka_offset FROM stories")).isEqualTo(1);
    }

    @Test
    void theFullTextColumnFindsAStoryByAWordOfItsBody() throws Exception {
        sink.write(batch(TestStories.records(P0, 0, 20)));

        assertThat(strings("SELECT id FROM stories WHERE search @@ plainto_tsquery('english', ?)",
                TestStories.marker(13))).containsExactly(TestStories.id(13));
        assertThat(count("SELECT count(*) FROM stories WHERE search @@ plainto_tsquery('english', 'radars')"))
                .as("stemmed: 'radars' matches 'radar' in every story").isEqualTo(20);
        assertThat(strings("""
                SELECT indexname FROM pg_indexes WHERE tablename = 'stories' AND indexdef LIKE '%gin (search)%'
                """)).containsExactly("stories_search_idx");
    }

    @Test
    void anIncrementalReaderFindsWhatWasStoredSinceItsLastLookThroughAnIndex() throws Exception {
        sink.write(batch(TestStories.records(P0, 0, 5)));
        String newest = strings("SELECT max(stored_at)::text FROM stories").get(0);
        sink.write(batch(TestStories.records(P0, 5, 8)));
        sink.write(batch(TestStories.records(P0, 3, 4))); // stored again: new again

        assertThat(strings("SELECT id FROM stories WHERE stored_at > ?::timestamptz", newest))
                .containsExactlyInAnyOrder(TestStories.id(3), TestStories.id(5), TestStories.id(6),
                        TestStories.id(7));
        assertThat(strings("SELECT indexname FROM pg_indexes WHERE tablename = 'stories' "
                + "AND indexdef LIKE '%(stored_at)%'")).containsExactly("stories_stored_at_idx");
    }

    @Test
    void cooperationsAreFoundByCountryAndTopicWithTheSentencesThatSaySo() throws Exception {
        sink.write(batch(TestStories.records(P0, 0, 3)));

        List<String> sentences = strings("""
                SELECT s.id || ' ' || c.parties_key || ' ' || e.sentence FROM cooperations c
                JOIN cooperation_parties p ON p.story_id = c.story_id AND p.cooperation = c.ordinal
                JOIN stories s ON s.id = c.story_id
                JOIN evidence e ON e.story_id = c.story_id AND e.kind = 'cooperation' AND e.subject = c.ordinal::text
                WHERE p.country_code = 'PL' AND 'training' = ANY (c.topics) AND s.id = ?
                ORDER BY e.ordinal
                """, TestStories.id(1));

        assertThat(sentences).containsExactly(
                "story-1 NO+PL Norway and Poland agreed on Tuesday to develop a coastal radar together.",
                "story-1 NO+PL Engineers from both navies will train together at Haakonsvern next spring.");
    }

    @Test
    void aStoryPostgresRefusesIsReturnedWhileTheRestOfTheBatchIsStored() throws Exception {
        List<StoryRecord> records = new ArrayList<>(TestStories.records(P0, 0, 5));
        EnrichedStory twice = TestStories.story(2);
        twice.setCountries(List.of(new CountryMention("NO", "Norway", 1), new CountryMention("NO", "Norway", 1)));
        records.set(2, new StoryRecord(P0, 2, TestStories.id(2), twice));

        List<Rejection> refused = sink.write(batch(records));

        assertThat(refused).singleElement().satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(Rejection.SINK_REJECTED);
            assertThat(r.offset()).isEqualTo(2);
            assertThat(r.message()).contains("news.enriched-0@2", "story-2", "SQLSTATE 23505");
        });
        assertThat(strings("SELECT id FROM stories ORDER BY id")).containsExactly(TestStories.id(0),
                TestStories.id(1), TestStories.id(3), TestStories.id(4));
        assertThat(count("SELECT count(*) FROM story_countries WHERE story_id = ?", TestStories.id(2))).isZero();
        assertThat(sink.durableOffset(P0)).isEqualTo(5);
    }

    @Test
    void aDatabaseFailureFailsTheWholeBatchForARetry() throws Exception {
        TestPostgres.execute(settings.jdbcUrl(), "ALTER TABLE stories RENAME TO stories_away");

        assertThatThrownBy(() -> sink.write(batch(TestStories.records(P0, 0, 3))))
                .isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(SinkFailures.kind(e)).isEqualTo(FailureKind.RETRIABLE));
        assertThat(sink.durableOffset(P0)).isZero();

        TestPostgres.execute(settings.jdbcUrl(), "ALTER TABLE stories_away RENAME TO stories");
        sink.write(batch(TestStories.records(P0, 0, 3)));

        assertThat(count("SELECT count(*) FROM stories")).isEqualTo(3);
        assertThat(sink.durableOffset(P0)).isEqualTo(3);
    }

    @Test
    void anUnknownUserFailsFastNamingTheDatabase() {
        PostgresSettings wrong = new PostgresSettings(settings.jdbcUrl(), "nobody", "wrong", 1,
                Duration.ofSeconds(2), Duration.ofSeconds(5), "public", true);

        assertThatThrownBy(() -> Sinks.postgres(wrong, new SimpleMeterRegistry()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(settings.jdbcUrl())
                .hasMessageContaining("postgres.password");
    }
}
