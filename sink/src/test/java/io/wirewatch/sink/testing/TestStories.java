package io.wirewatch.sink.testing;

import io.wirewatch.avro.CountryMention;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.avro.RawStory;
import io.wirewatch.schemas.ExampleRecords;
import io.wirewatch.sink.pipeline.StoryRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * Enriched stories for tests, built on the project's own invented example story: distinct ids, publish times spread
 * over {@link #DAYS} days from {@link #FIRST_DAY}, every tenth story without a publish time (archived by receive
 * time), and a word unique to each story ({@link #marker(int)}) for full-text tests.
 */
public final class TestStories {

    public static final Instant FIRST_DAY = Instant.parse("2024-03-01T00:00:00Z");
    public static final int DAYS = 7;

    private TestStories() {
    }

    /** Story number {@code n}: id {@code story-<n>}. */
    public static EnrichedStory story(int n) {
        EnrichedStory base = ExampleRecords.enrichedStory(id(n));
        RawStory raw = base.getStory();
        Instant published = FIRST_DAY.plus(Duration.ofDays(n % DAYS)).plus(Duration.ofMinutes(n % 1440));
        raw.setPublishedAt(n % 10 == 9 ? null : published);
        raw.setReceivedAt(published.plusSeconds(90));
        List<Paragraph> paragraphs = new ArrayList<>(raw.getParagraphs());
        paragraphs.add(new Paragraph(ParagraphRole.BODY, "Observers filed note " + marker(n) + " about the plan."));
        raw.setParagraphs(paragraphs);
        raw.setHeadline("Coastal radar plan, update " + n);
        base.setCountries(List.of(new CountryMention("NO", "Norway", 2), new CountryMention("PL", "Poland", 1)));
        return base;
    }

    public static String id(int n) {
        return "story-" + n;
    }

    /** A made-up word only story {@code n} contains, e.g. {@code zorvex17}. */
    public static String marker(int n) {
        return "zorvex" + n;
    }

    /** Stories {@code from..to-1} as records of one partition, offsets equal to their numbers. */
    public static List<StoryRecord> records(TopicPartition partition, int from, int to) {
        List<StoryRecord> records = new ArrayList<>();
        for (int n = from; n < to; n++) {
            records.add(new StoryRecord(partition, n, id(n), story(n)));
        }
        return records;
    }
}
