package io.wirewatch.sink.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.CountryMention;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.EntityMention;
import io.wirewatch.avro.Evidence;
import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.Subject;
import io.wirewatch.avro.TopicTag;
import io.wirewatch.avro.WatchMatch;
import io.wirewatch.sink.pipeline.StoryRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rows one enriched story becomes in PostgreSQL: the story itself and its tags, one list per table. Pure: the
 * mapping is tested without a database.
 */
public record StoryRows(StoryRow story, List<TopicRow> topics, List<CountryRow> countries, List<EntityRow> entities,
                        List<CooperationRow> cooperations, List<PartyRow> parties, List<WatchRow> watches,
                        List<EvidenceRow> evidence) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A row of {@code stories}. */
    public record StoryRow(String id, String kafkaTopic, int kafkaPartition, long kafkaOffset, String source,
                           String uri, String format, String sourceVersion, String headline, String byline,
                           String dateline, String language, Instant publishedAt, Instant receivedAt,
                           Integer urgency, String pubStatus, String body, String paragraphsJson,
                           String subjectsJson, String attributesJson, String contentHash,
                           String provenanceLocation, String taxonomyVersion, Instant enrichedAt,
                           boolean defenseCooperation, double defenseScore, String duplicateOf,
                           String ingestInstance, String ingestVersion, String enrichInstance,
                           String enrichVersion) {
    }

    public record TopicRow(String storyId, String topicId, String label, double score) {
    }

    public record CountryRow(String storyId, String code, String name, int mentions) {
    }

    /** @param kind {@code organization} or {@code person} */
    public record EntityRow(String storyId, String kind, int ordinal, String name, int mentions, String country) {
    }

    /** @param partiesKey sorted party codes joined by {@code +}, e.g. {@code IL+IN} */
    public record CooperationRow(String storyId, int ordinal, String partiesKey, List<String> parties,
                                 List<String> topics) {
    }

    public record PartyRow(String storyId, int cooperation, String countryCode) {
    }

    public record WatchRow(String storyId, String watchId) {
    }

    /**
     * @param kind {@code topic}, {@code cooperation} or {@code watch}
     * @param subject the topic id, the cooperation's ordinal or the watch id
     */
    public record EvidenceRow(String storyId, String kind, String subject, int ordinal, int paragraph, int start,
                              int end, String sentence, String rule) {
    }

    /** The paragraph separator in {@code stories.body}. */
    public static final String PARAGRAPH_SEPARATOR = "\n\n";

    public static StoryRows of(StoryRecord record) {
        EnrichedStory enriched = record.story();
        RawStory raw = enriched.getStory();
        String id = raw.getId();
        StoryRow story = new StoryRow(id, record.partition().topic(), record.partition().partition(),
                record.offset(), raw.getSource(), raw.getUri(), raw.getFormat().name(), raw.getVersion(),
                raw.getHeadline(), raw.getByline(), raw.getDateline(), raw.getLanguage(), raw.getPublishedAt(),
                raw.getReceivedAt(), raw.getUrgency(), raw.getPubStatus().name(), body(raw.getParagraphs()),
                paragraphsJson(raw.getParagraphs()), subjectsJson(raw.getSubjects()),
                attributesJson(raw.getAttributes()), raw.getContentHash(), raw.getProvenance().getLocation(),
                enriched.getTaxonomyVersion(), enriched.getEnrichedAt(), enriched.getDefenseCooperation().getFlag(),
                enriched.getDefenseCooperation().getScore(), enriched.getDuplicateOf(),
                enriched.getLineage().getIngestInstance(), enriched.getLineage().getIngestVersion(),
                enriched.getLineage().getEnrichInstance(), enriched.getLineage().getEnrichVersion());

        List<TopicRow> topics = new ArrayList<>();
        List<EvidenceRow> evidence = new ArrayList<>();
        for (TopicTag topic : enriched.getTopics()) {
            topics.add(new TopicRow(id, topic.getId(), topic.getLabel(), topic.getScore()));
            addEvidence(evidence, id, "topic", topic.getId(), topic.getEvidence());
        }
        List<CountryRow> countries = enriched.getCountries().stream()
                .map((CountryMention c) -> new CountryRow(id, c.getCode(), c.getName(), c.getMentions()))
                .toList();
        List<EntityRow> entities = new ArrayList<>();
        addEntities(entities, id, "organization", enriched.getOrganizations());
        addEntities(entities, id, "person", enriched.getPeople());
        List<CooperationRow> cooperations = new ArrayList<>();
        List<PartyRow> parties = new ArrayList<>();
        List<Cooperation> cooperationList = enriched.getCooperations();
        for (int i = 0; i < cooperationList.size(); i++) {
            Cooperation cooperation = cooperationList.get(i);
            List<String> sorted = cooperation.getParties().stream().distinct().sorted().toList();
            cooperations.add(new CooperationRow(id, i, String.join("+", sorted), sorted,
                    cooperation.getTopics().stream().sorted().toList()));
            for (String party : sorted) {
                parties.add(new PartyRow(id, i, party));
            }
            addEvidence(evidence, id, "cooperation", String.valueOf(i), cooperation.getEvidence());
        }
        List<WatchRow> watches = new ArrayList<>();
        for (WatchMatch watch : enriched.getWatches()) {
            watches.add(new WatchRow(id, watch.getId()));
            addEvidence(evidence, id, "watch", watch.getId(), watch.getEvidence());
        }
        return new StoryRows(story, topics, countries, entities, cooperations, parties, watches, evidence);
    }

    private static void addEvidence(List<EvidenceRow> rows, String storyId, String kind, String subject,
                                    List<Evidence> evidence) {
        for (int i = 0; i < evidence.size(); i++) {
            Evidence e = evidence.get(i);
            rows.add(new EvidenceRow(storyId, kind, subject, i, e.getParagraph(), e.getStart(), e.getEnd(),
                    e.getText(), e.getRule()));
        }
    }

    private static void addEntities(List<EntityRow> rows, String storyId, String kind, List<EntityMention> mentions) {
        for (int i = 0; i < mentions.size(); i++) {
            EntityMention m = mentions.get(i);
            rows.add(new EntityRow(storyId, kind, i, m.getName(), m.getMentions(), m.getCountry()));
        }
    }

    /** The paragraphs' texts joined by blank lines: what the full-text column indexes besides the headline. */
    static String body(List<Paragraph> paragraphs) {
        return paragraphs.stream().map(Paragraph::getText).collect(Collectors.joining(PARAGRAPH_SEPARATOR));
    }

    static String paragraphsJson(List<Paragraph> paragraphs) {
        ArrayNode array = JSON.createArrayNode();
        for (Paragraph p : paragraphs) {
            array.addObject().put("role", p.getRole().name()).put("text", p.getText());
        }
        return write(array);
    }

    static String subjectsJson(List<Subject> subjects) {
        ArrayNode array = JSON.createArrayNode();
        for (Subject s : subjects) {
            ObjectNode node = array.addObject();
            node.put("name", s.getName());
            node.put("code", s.getCode());
            node.put("scheme", s.getScheme());
        }
        return write(array);
    }

    static String attributesJson(Map<String, String> attributes) {
        ObjectNode node = JSON.createObjectNode();
        new TreeMap<>(attributes).forEach(node::put);
        return write(node);
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON of a tree built in memory", e);
        }
    }

    /** Rows of all tables together, for metrics. */
    public int rowCount() {
        return 1 + topics.size() + countries.size() + entities.size() + cooperations.size() + parties.size()
                + watches.size() + evidence.size();
    }
}
