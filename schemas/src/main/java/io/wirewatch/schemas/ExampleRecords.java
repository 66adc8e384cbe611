package io.wirewatch.schemas;

import io.wirewatch.avro.CountryMention;
import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.DefenseCooperation;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.EntityMention;
import io.wirewatch.avro.Evidence;
import io.wirewatch.avro.Lineage;
import io.wirewatch.avro.Origin;
import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.avro.Provenance;
import io.wirewatch.avro.PubStatus;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.Stage;
import io.wirewatch.avro.StoryFormat;
import io.wirewatch.avro.Subject;
import io.wirewatch.avro.TopicTag;
import io.wirewatch.avro.TrendCount;
import io.wirewatch.avro.WatchMatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Example instances of every record of the contract, with every field set, for documentation, tests and
 * benchmarks. The story is invented for the project.
 */
public final class ExampleRecords {

    private static final String LEAD = "Norway and Poland agreed on Tuesday to develop a coastal radar together.";
    private static final String BODY = "Engineers from both navies will train together at Haakonsvern next spring.";

    private ExampleRecords() {
    }

    public static RawStory rawStory(String id) {
        return RawStory.newBuilder()
                .setId(id)
                .setSource("example-wire")
                .setUri("https://news.example/stories/" + id)
                .setFormat(StoryFormat.NINJS)
                .setVersion("1")
                .setHeadline("Norway, Poland to build coastal radar")
                .setByline("Example Staff")
                .setDateline("OSLO")
                .setLanguage("en")
                .setPublishedAt(Instant.parse("2024-03-05T09:30:00Z"))
                .setReceivedAt(Instant.parse("2024-03-05T09:31:12.345Z"))
                .setParagraphs(List.of(
                        new Paragraph(ParagraphRole.LEAD, LEAD),
                        new Paragraph(ParagraphRole.SUBHEAD, "Training"),
                        new Paragraph(ParagraphRole.BODY, BODY),
                        new Paragraph(ParagraphRole.CAPTION, "A radar mast at Haakonsvern. (credit: Example Photo)")))
                .setUrgency(4)
                .setPubStatus(PubStatus.USABLE)
                .setSubjects(List.of(new Subject("defence", "medtop:20000053", "http://cv.iptc.org/newscodes/mediatopic/")))
                .setAttributes(Map.of("copyrightnotice", "(c) Example Wire"))
                .setContentHash("sha256:5f2b1c0e9d8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c")
                .setProvenance(new Provenance("spool/2024-03-05/radar.json", "ingest-1", "0.1.0-SNAPSHOT"))
                .build();
    }

    public static EnrichedStory enrichedStory(String id) {
        Evidence rnd = new Evidence(0, 0, LEAD.length(), LEAD, "rnd/co-development");
        Evidence training = new Evidence(2, 0, BODY.length(), BODY, "training/train-together");
        return EnrichedStory.newBuilder()
                .setStory(rawStory(id))
                .setTaxonomyVersion("defense-cooperation/1.0.0")
                .setEnrichedAt(Instant.parse("2024-03-05T09:31:13Z"))
                .setDefenseCooperation(new DefenseCooperation(true, 0.92))
                .setTopics(List.of(
                        new TopicTag("rnd", "Joint R&D", 0.9, List.of(rnd)),
                        new TopicTag("training", "Military training", 0.8, List.of(training))))
                .setCountries(List.of(new CountryMention("NO", "Norway", 2), new CountryMention("PL", "Poland", 1)))
                .setOrganizations(List.of(new EntityMention("Royal Norwegian Navy", 1, "NO")))
                .setPeople(List.of())
                .setCooperations(List.of(new Cooperation(List.of("NO", "PL"), List.of("rnd", "training"),
                        List.of(rnd, training))))
                .setWatches(List.of(new WatchMatch("coastal-radar", List.of(rnd))))
                .setDuplicateOf(null)
                .setLineage(new Lineage("ingest-1", "0.1.0-SNAPSHOT", "enrich-1", "0.1.0-SNAPSHOT"))
                .build();
    }

    public static DeadLetter deadLetter() {
        byte[] original = "{\"headline\": \"truncated".getBytes(StandardCharsets.UTF_8);
        return DeadLetter.newBuilder()
                .setStage(Stage.INGEST)
                .setReasonCode("PARSE_ERROR")
                .setMessage("spool/broken.json line 1: JSON ends inside a string; fix or remove the file")
                .setOrigin(new Origin("spool", "spool/broken.json", 1L, null, null, null, null))
                .setStoryId(null)
                .setException("com.fasterxml.jackson.core.io.JsonEOFException")
                .setOriginal(ByteBuffer.wrap(original))
                .setOriginalSize(original.length)
                .setTruncated(false)
                .setInstance("ingest-1")
                .setOccurredAt(Instant.parse("2024-03-05T09:31:12Z"))
                .build();
    }

    public static TrendCount trendCount() {
        return TrendCount.newBuilder()
                .setWindowStart(Instant.parse("2024-03-05T00:00:00Z"))
                .setWindowEnd(Instant.parse("2024-03-06T00:00:00Z"))
                .setTopic("rnd")
                .setParties(List.of("NO", "PL"))
                .setCount(3)
                .setTaxonomyVersion("defense-cooperation/1.0.0")
                .build();
    }
}
