package io.wirewatch.sink.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The SQL that stores stories: an upsert per story keyed by id, then the story's tags replaced whole (delete the
 * children of the batch's stories, insert the new ones). Every statement is batched; the caller owns the
 * transaction. Running it twice with the same rows leaves the same database.
 */
final class StoryStatements {

    static final String UPSERT_STORY = """
            INSERT INTO stories (id, kafka_topic, kafka_partition, kafka_offset, source, uri, format, source_version,
                headline, byline, dateline, language, published_at, received_at, urgency, pub_status, body,
                paragraphs, subjects, attributes, content_hash, provenance_location, taxonomy_version, enriched_at,
                defense_cooperation, defense_score, duplicate_of, ingest_instance, ingest_version, enrich_instance,
                enrich_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb),
                CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                kafka_topic = EXCLUDED.kafka_topic, kafka_partition = EXCLUDED.kafka_partition,
                kafka_offset = EXCLUDED.kafka_offset, source = EXCLUDED.source, uri = EXCLUDED.uri,
                format = EXCLUDED.format, source_version = EXCLUDED.source_version, headline = EXCLUDED.headline,
                byline = EXCLUDED.byline, dateline = EXCLUDED.dateline, language = EXCLUDED.language,
                published_at = EXCLUDED.published_at, received_at = EXCLUDED.received_at,
                urgency = EXCLUDED.urgency, pub_status = EXCLUDED.pub_status, body = EXCLUDED.body,
                paragraphs = EXCLUDED.paragraphs, subjects = EXCLUDED.subjects, attributes = EXCLUDED.attributes,
                content_hash = EXCLUDED.content_hash, provenance_location = EXCLUDED.provenance_location,
                taxonomy_version = EXCLUDED.taxonomy_version, enriched_at = EXCLUDED.enriched_at,
                defense_cooperation = EXCLUDED.defense_cooperation, defense_score = EXCLUDED.defense_score,
                duplicate_of = EXCLUDED.duplicate_of, ingest_instance = EXCLUDED.ingest_instance,
                ingest_version = EXCLUDED.ingest_version, enrich_instance = EXCLUDED.enrich_instance,
                enrich_version = EXCLUDED.enrich_version, stored_at = now()
            """;

    /** Child tables: a story's rows in them are replaced whole (deleted in one statement, then inserted). */
    static final List<String> CHILD_TABLES = List.of("evidence", "story_watches", "cooperation_parties",
            "cooperations", "story_entities", "story_countries", "story_topics");

    /**
     * Deletes the tags of the given stories from every child table in one statement (one round trip instead of one
     * per table): each table's DELETE is a data-modifying CTE, all on the same snapshot.
     */
    static final String DELETE_TAGS = deleteTags();

    static final String INSERT_TOPIC =
            "INSERT INTO story_topics (story_id, topic_id, label, score) VALUES (?, ?, ?, ?)";
    static final String INSERT_COUNTRY =
            "INSERT INTO story_countries (story_id, code, name, mentions) VALUES (?, ?, ?, ?)";
    static final String INSERT_ENTITY = "INSERT INTO story_entities (story_id, kind, ordinal, name, mentions, country) "
            + "VALUES (?, ?, ?, ?, ?, ?)";
    static final String INSERT_COOPERATION = "INSERT INTO cooperations (story_id, ordinal, parties_key, parties, "
            + "topics) VALUES (?, ?, ?, ?, ?)";
    static final String INSERT_PARTY =
            "INSERT INTO cooperation_parties (story_id, cooperation, country_code) VALUES (?, ?, ?)";
    static final String INSERT_WATCH = "INSERT INTO story_watches (story_id, watch_id) VALUES (?, ?)";
    static final String INSERT_EVIDENCE = "INSERT INTO evidence (story_id, kind, subject, ordinal, paragraph, "
            + "start_offset, end_offset, sentence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private StoryStatements() {
    }

    private static String deleteTags() {
        StringBuilder sql = new StringBuilder("WITH ");
        for (int i = 0; i < CHILD_TABLES.size() - 1; i++) {
            sql.append(i == 0 ? "" : ", ").append("d").append(i).append(" AS (DELETE FROM ")
                    .append(CHILD_TABLES.get(i)).append(" WHERE story_id = ANY(?))");
        }
        return sql.append(" DELETE FROM ").append(CHILD_TABLES.get(CHILD_TABLES.size() - 1))
                .append(" WHERE story_id = ANY(?)").toString();
    }

    /** Upserts the stories and replaces their tags, within the caller's transaction. */
    static void write(Connection connection, List<StoryRows> stories) throws SQLException {
        upsertStories(connection, stories);
        deleteTags(connection, stories);
        insertTags(connection, stories);
    }

    private static void upsertStories(Connection connection, List<StoryRows> stories) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(UPSERT_STORY)) {
            for (StoryRows rows : stories) {
                StoryRows.StoryRow s = rows.story();
                int i = 0;
                ps.setString(++i, s.id());
                ps.setString(++i, s.kafkaTopic());
                ps.setInt(++i, s.kafkaPartition());
                ps.setLong(++i, s.kafkaOffset());
                ps.setString(++i, s.source());
                ps.setString(++i, s.uri());
                ps.setString(++i, s.format());
                ps.setString(++i, s.sourceVersion());
                ps.setString(++i, s.headline());
                ps.setString(++i, s.byline());
                ps.setString(++i, s.dateline());
                ps.setString(++i, s.language());
                setTimestamp(ps, ++i, s.publishedAt());
                setTimestamp(ps, ++i, s.receivedAt());
                if (s.urgency() == null) {
                    ps.setNull(++i, Types.INTEGER);
                } else {
                    ps.setInt(++i, s.urgency());
                }
                ps.setString(++i, s.pubStatus());
                ps.setString(++i, s.body());
                ps.setString(++i, s.paragraphsJson());
                ps.setString(++i, s.subjectsJson());
                ps.setString(++i, s.attributesJson());
                ps.setString(++i, s.contentHash());
                ps.setString(++i, s.provenanceLocation());
                ps.setString(++i, s.taxonomyVersion());
                setTimestamp(ps, ++i, s.enrichedAt());
                ps.setBoolean(++i, s.defenseCooperation());
                ps.setDouble(++i, s.defenseScore());
                ps.setString(++i, s.duplicateOf());
                ps.setString(++i, s.ingestInstance());
                ps.setString(++i, s.ingestVersion());
                ps.setString(++i, s.enrichInstance());
                ps.setString(++i, s.enrichVersion());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void deleteTags(Connection connection, List<StoryRows> stories) throws SQLException {
        Array ids = connection.createArrayOf("text", stories.stream().map(r -> r.story().id()).toArray());
        try (PreparedStatement ps = connection.prepareStatement(DELETE_TAGS)) {
            for (int i = 1; i <= CHILD_TABLES.size(); i++) {
                ps.setArray(i, ids);
            }
            ps.executeUpdate();
        } finally {
            ids.free();
        }
    }

    private static void insertTags(Connection connection, List<StoryRows> stories) throws SQLException {
        try (PreparedStatement topics = connection.prepareStatement(INSERT_TOPIC);
             PreparedStatement countries = connection.prepareStatement(INSERT_COUNTRY);
             PreparedStatement entities = connection.prepareStatement(INSERT_ENTITY);
             PreparedStatement cooperations = connection.prepareStatement(INSERT_COOPERATION);
             PreparedStatement parties = connection.prepareStatement(INSERT_PARTY);
             PreparedStatement watches = connection.prepareStatement(INSERT_WATCH);
             PreparedStatement evidence = connection.prepareStatement(INSERT_EVIDENCE)) {
            for (StoryRows rows : stories) {
                for (StoryRows.TopicRow t : rows.topics()) {
                    topics.setString(1, t.storyId());
                    topics.setString(2, t.topicId());
                    topics.setString(3, t.label());
                    topics.setDouble(4, t.score());
                    topics.addBatch();
                }
                for (StoryRows.CountryRow c : rows.countries()) {
                    countries.setString(1, c.storyId());
                    countries.setString(2, c.code());
                    countries.setString(3, c.name());
                    countries.setInt(4, c.mentions());
                    countries.addBatch();
                }
                for (StoryRows.EntityRow e : rows.entities()) {
                    entities.setString(1, e.storyId());
                    entities.setString(2, e.kind());
                    entities.setInt(3, e.ordinal());
                    entities.setString(4, e.name());
                    entities.setInt(5, e.mentions());
                    entities.setString(6, e.country());
                    entities.addBatch();
                }
                for (StoryRows.CooperationRow c : rows.cooperations()) {
                    cooperations.setString(1, c.storyId());
                    cooperations.setInt(2, c.ordinal());
                    cooperations.setString(3, c.partiesKey());
                    cooperations.setArray(4, connection.createArrayOf("text", c.parties().toArray()));
                    cooperations.setArray(5, connection.createArrayOf("text", c.topics().toArray()));
                    cooperations.addBatch();
                }
                for (StoryRows.PartyRow p : rows.parties()) {
                    parties.setString(1, p.storyId());
                    parties.setInt(2, p.cooperation());
                    parties.setString(3, p.countryCode());
                    parties.addBatch();
                }
                for (StoryRows.WatchRow w : rows.watches()) {
                    watches.setString(1, w.storyId());
                    watches.setString(2, w.watchId());
                    watches.addBatch();
                }
                for (StoryRows.EvidenceRow e : rows.evidence()) {
                    evidence.setString(1, e.storyId());
                    evidence.setString(2, e.kind());
                    evidence.setString(3, e.subject());
                    evidence.setInt(4, e.ordinal());
                    evidence.setInt(5, e.paragraph());
                    evidence.setInt(6, e.start());
                    evidence.setInt(7, e.end());
                    evidence.setString(8, e.sentence());
                    evidence.setString(9, e.rule());
                    evidence.addBatch();
                }
            }
            // parents before children: cooperations before their parties
            topics.executeBatch();
            countries.executeBatch();
            entities.executeBatch();
            cooperations.executeBatch();
            parties.executeBatch();
            watches.executeBatch();
            evidence.executeBatch();
        }
    }

    private static void setTimestamp(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }
}
