package io.wirewatch.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.RawStory;
import io.wirewatch.enrich.MutableClock;
import io.wirewatch.enrich.TestStories;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventTimeExtractorTest {

    private static final Instant APPENDED = Instant.parse("2024-05-02T12:00:00Z");
    private final MutableClock clock = new MutableClock(Instant.parse("2024-06-01T00:00:00Z"));
    private final EventTimeExtractor extractor = new EventTimeExtractor(Duration.ofHours(1), clock);

    private long extract(Object value, long recordTime) {
        return extractor.extract(new ConsumerRecord<>("news.raw", 0, 0, recordTime,
                TimestampType.LOG_APPEND_TIME, 0, 0, "id", value,
                new RecordHeaders(), Optional.empty()), -1);
    }

    @Test
    void eventTimeIsThePublishTime() {
        RawStory story = TestStories.story("a", Instant.parse("2021-03-04T05:06:07Z"), TestStories.BAKERY);

        assertThat(extract(story, APPENDED.toEpochMilli())).isEqualTo(Instant.parse("2021-03-04T05:06:07Z")
                .toEpochMilli());
    }

    @Test
    void storyWithoutPublishTimeTakesTheAppendTime() {
        RawStory story = TestStories.story("a", null, TestStories.BAKERY);

        assertThat(extract(story, APPENDED.toEpochMilli())).isEqualTo(APPENDED.toEpochMilli());
    }

    @Test
    void publishTimeFurtherInTheFutureThanAllowedIsNotTrusted() {
        RawStory slightlyAhead = TestStories.story("a", APPENDED.plusSeconds(1800), TestStories.BAKERY);
        RawStory farAhead = TestStories.story("b", APPENDED.plus(Duration.ofDays(300)), TestStories.BAKERY);

        assertThat(extract(slightlyAhead, APPENDED.toEpochMilli())).isEqualTo(APPENDED.plusSeconds(1800)
                .toEpochMilli());
        assertThat(extract(farAhead, APPENDED.toEpochMilli())).isEqualTo(APPENDED.toEpochMilli());
    }

    @Test
    void recordWithoutAnyUsableTimeGetsTheCurrentTimeInsteadOfBeingDropped() {
        assertThat(extract(null, -1)).isEqualTo(clock.millis());
    }
}
