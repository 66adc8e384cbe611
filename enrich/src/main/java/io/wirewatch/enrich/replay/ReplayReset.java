package io.wirewatch.enrich.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Re-runs enrichment from a point in time ({@code wirewatch replay --kafka --from DATETIME}): moves the enrich
 * application's committed offsets on news.raw back to the first record appended at or after that time, so the next
 * start reads from there. news.raw uses LogAppendTime, so the time is when ingest wrote the story, not when it was
 * published.
 *
 * <p>Only while the application is stopped: the group must have no members, or the running instances would
 * overwrite the offsets with their next commit. The state stores are kept: the exact-dedup store still drops stories
 * replayed with the same content and taxonomy version within the dedup window (a replay through a changed taxonomy
 * is enriched again), the near-duplicate index keeps its earlier answers, and trend windows count distinct stories,
 * so a replay does not inflate them (stories older than the trend grace are enriched but not counted again). To start
 * from nothing instead, give the replay a new {@code application.id}. See enrich/README.md.
 */
public final class ReplayReset {

    private final Admin admin;
    private final Duration timeout;

    public ReplayReset(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Sets the committed offset of every partition of {@code inputTopic} for the group {@code applicationId} to the
     * first record at or after {@code from} (the end of the partition when there is none).
     *
     * @return the new offsets
     * @throws IllegalStateException when the application still runs, naming its members, or the broker fails
     */
    public Map<TopicPartition, Long> resetInputTo(String applicationId, String inputTopic, Instant from) {
        try {
            ensureStopped(applicationId);
            TopicDescription topic = admin.describeTopics(List.of(inputTopic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(inputTopic);
            Map<TopicPartition, OffsetSpec> atTime = new HashMap<>();
            Map<TopicPartition, OffsetSpec> atEnd = new HashMap<>();
            topic.partitions().forEach(p -> {
                TopicPartition tp = new TopicPartition(inputTopic, p.partition());
                atTime.put(tp, OffsetSpec.forTimestamp(from.toEpochMilli()));
                atEnd.put(tp, OffsetSpec.latest());
            });
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = admin.listOffsets(atTime).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(atEnd).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> offsets = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
            found.forEach((tp, info) -> {
                long offset = info.offset() >= 0 ? info.offset() : ends.get(tp).offset();
                offsets.put(tp, offset);
                commits.put(tp, new OffsetAndMetadata(offset, "wirewatch replay from " + from));
            });
            admin.alterConsumerGroupOffsets(applicationId, commits).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while resetting the offsets of " + applicationId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot reset the offsets of application '" + applicationId + "' on "
                    + inputTopic + " to " + from + ": " + (e.getCause() == null ? e : e.getCause()), e);
        }
    }

    private void ensureStopped(String applicationId)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConsumerGroupDescription group;
        try {
            group = admin.describeConsumerGroups(List.of(applicationId)).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(applicationId);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return;
            }
            throw e;
        }
        if (group != null && !group.members().isEmpty()) {
            throw new IllegalStateException("The enrich application '" + applicationId + "' still runs with "
                    + group.members().size() + " member(s) " + group.members().stream()
                    .map(m -> m.host() + "/" + m.clientId()).toList()
                    + ": stop every enrich instance, then reset its offsets");
        }
    }
}
