package io.wirewatch.enrich.topology;

import io.wirewatch.avro.RawStory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of a raw story: its {@code publishedAt}, else the record's timestamp (news.raw uses LogAppendTime: when
 * the broker took the story). A publishedAt further ahead of the record time than {@code maxFuture} is not trusted
 * (a wrong clock or time zone at the source) and the record time is used instead. A record without any usable time
 * gets the current time rather than being dropped.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    private final Duration maxFuture;
    private final Clock clock;

    public EventTimeExtractor(Duration maxFuture, Clock clock) {
        this.maxFuture = maxFuture;
        this.clock = clock;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long recordTime = record.timestamp() >= 0 ? record.timestamp() : clock.millis();
        if (record.value() instanceof RawStory story) {
            Instant published = story.getPublishedAt();
            if (published != null && published.toEpochMilli() >= 0
                    && published.toEpochMilli() <= recordTime + maxFuture.toMillis()) {
                return published.toEpochMilli();
            }
        }
        return recordTime;
    }
}
