package io.wirewatch.platform.deadletter;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.Origin;
import io.wirewatch.avro.Stage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds dead letters the same way in every stage: reason code, a message naming the input, where it came from, the
 * original bytes up to a limit, and headers that let a person filter the topic without decoding values.
 */
public final class DeadLetters {

    /** Header names on dead-letter records. */
    public static final String HEADER_STAGE = "wirewatch.dlq.stage";
    public static final String HEADER_REASON = "wirewatch.dlq.reason";
    public static final String HEADER_SOURCE = "wirewatch.dlq.source";
    public static final String HEADER_ORIGIN = "wirewatch.dlq.origin";

    private final Stage stage;
    private final String instance;
    private final int maxOriginalBytes;
    private final Clock clock;

    public DeadLetters(Stage stage, String instance, int maxOriginalBytes, Clock clock) {
        this.stage = stage;
        this.instance = instance;
        this.maxOriginalBytes = maxOriginalBytes;
        this.clock = clock;
    }

    /**
     * A dead letter for a bad input.
     *
     * @param reasonCode machine-readable reason, e.g. PARSE_ERROR
     * @param message what is wrong and what to do, naming the input
     * @param origin where the input came from
     * @param storyId the story id if known, else null
     * @param cause the exception behind it, or null
     * @param original the input's bytes (kept up to the configured limit), or null
     */
    public DeadLetter create(String reasonCode, String message, Origin origin, String storyId, Throwable cause,
                             byte[] original) {
        byte[] kept = original == null ? null
                : original.length <= maxOriginalBytes ? original : Arrays.copyOf(original, maxOriginalBytes);
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setReasonCode(reasonCode)
                .setMessage(message)
                .setOrigin(origin)
                .setStoryId(storyId)
                .setException(cause == null ? null : cause.getClass().getName())
                .setOriginal(kept == null ? null : ByteBuffer.wrap(kept))
                .setOriginalSize(original == null ? 0 : original.length)
                .setTruncated(original != null && kept.length < original.length)
                .setInstance(instance)
                .setOccurredAt(clock.instant())
                .build();
    }

    /** The key of a dead letter: the story id when known, else where the input came from. */
    public static String key(DeadLetter deadLetter) {
        return deadLetter.getStoryId() != null ? deadLetter.getStoryId() : describe(deadLetter.getOrigin());
    }

    /** Headers for a dead letter: stage, reason, source and origin as UTF-8 strings. */
    public static Headers headers(DeadLetter deadLetter) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_STAGE, bytes(deadLetter.getStage().name()));
        headers.add(HEADER_REASON, bytes(deadLetter.getReasonCode()));
        if (deadLetter.getOrigin().getSource() != null) {
            headers.add(HEADER_SOURCE, bytes(deadLetter.getOrigin().getSource()));
        }
        headers.add(HEADER_ORIGIN, bytes(describe(deadLetter.getOrigin())));
        return headers;
    }

    /** {@code file:line}, the URL, or {@code topic-partition@offset}: where an input came from, in one string. */
    public static String describe(Origin origin) {
        if (origin.getFile() != null) {
            return origin.getFile() + (origin.getLine() == null ? "" : ":" + origin.getLine());
        }
        if (origin.getUrl() != null) {
            return origin.getUrl();
        }
        if (origin.getTopic() != null) {
            return origin.getTopic() + "-" + origin.getPartition() + "@" + origin.getOffset();
        }
        return origin.getSource() == null ? "unknown" : origin.getSource();
    }

    /** An origin for a Kafka record. */
    public static Origin kafkaOrigin(String topic, int partition, long offset) {
        return Origin.newBuilder().setTopic(topic).setPartition(partition).setOffset(offset).build();
    }

    /** An origin for a file, optionally a line in it. */
    public static Origin fileOrigin(String source, String file, Long line) {
        return Origin.newBuilder().setSource(source).setFile(file).setLine(line).build();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
