package io.wirewatch.sink.pipeline;

/**
 * A record that cannot be stored and goes to the dead-letter topic.
 *
 * @param reasonCode machine-readable reason: DESERIALIZATION, EMPTY_VALUE, INVALID_RECORD or SINK_REJECTED
 * @param message what is wrong and what to do, naming the record (topic-partition@offset, story id)
 * @param storyId the story id when known, else null
 * @param cause the exception behind it, or null
 * @param original the record value's bytes, or null
 */
public record Rejection(String topic, int partition, long offset, String reasonCode, String message, String storyId,
                        Throwable cause, byte[] original) {

    public static final String DESERIALIZATION = "DESERIALIZATION";
    public static final String EMPTY_VALUE = "EMPTY_VALUE";
    public static final String INVALID_RECORD = "INVALID_RECORD";
    public static final String SINK_REJECTED = "SINK_REJECTED";

    public String location() {
        return topic + "-" + partition + "@" + offset;
    }
}
