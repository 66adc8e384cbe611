package io.wirewatch.enrich.errors;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.Origin;
import io.wirewatch.avro.Stage;
import io.wirewatch.enrich.EnrichMetrics;
import io.wirewatch.platform.deadletter.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Turns a failure of the enrich topology into a record for the dead-letter topic: a {@link DeadLetter} (reason, a
 * message naming the input and what to do, its topic/partition/offset, the original bytes) serialized with the
 * contract's serde, keyed by the story id, with the platform's filter headers. The Kafka Streams error handlers
 * return these records, so Kafka Streams writes them in the same transaction as the rest of the task's output.
 *
 * <p>Kafka Streams creates the handlers reflectively; they find the router among the Streams properties under
 * {@link #CONFIG_KEY}, put there by {@link #addTo(Properties)}.
 */
public final class DeadLetterRouter {

    /** Key of the router among the Kafka Streams properties. */
    public static final String CONFIG_KEY = "wirewatch.enrich.dead.letter.router";

    private final String topic;
    private final Serializer<DeadLetter> serializer;
    private final DeadLetters deadLetters;
    private final EnrichMetrics metrics;

    /**
     * @param topic the dead-letter topic
     * @param serializer serializes DeadLetter values (the contract serde's serializer)
     * @param instance id of this enrich instance
     * @param maxOriginalBytes how many bytes of the input a dead letter keeps
     */
    public DeadLetterRouter(String topic, Serializer<DeadLetter> serializer, String instance, int maxOriginalBytes,
                            EnrichMetrics metrics, Clock clock) {
        this.topic = topic;
        this.serializer = serializer;
        this.deadLetters = new DeadLetters(Stage.ENRICH, instance, maxOriginalBytes, clock);
        this.metrics = metrics;
    }

    /** Puts this router among Kafka Streams properties, where the enrich error handlers look for it. */
    public Properties addTo(Properties streamsProperties) {
        streamsProperties.put(CONFIG_KEY, this);
        return streamsProperties;
    }

    /** The router in the configuration Kafka Streams hands to a handler's {@code configure}. */
    static DeadLetterRouter from(Map<String, ?> configs) {
        Object router = configs.get(CONFIG_KEY);
        if (router instanceof DeadLetterRouter found) {
            return found;
        }
        throw new ConfigException(CONFIG_KEY, router, "the enrich error handlers need the dead-letter router among "
                + "the Kafka Streams properties: build them with EnrichConfig.streamsProperties() and "
                + "DeadLetterRouter.addTo(properties)");
    }

    /**
     * A dead-letter record for the input the context points at.
     *
     * @param reasonCode machine-readable reason, e.g. DESERIALIZATION
     * @param problem what went wrong, without the location (added here)
     * @param advice what a person should do about it
     * @param storyId the story id if known, else null
     * @param original the input's bytes if known, else null
     */
    public ProducerRecord<byte[], byte[]> deadLetter(String reasonCode, String problem, String advice,
                                                     ErrorHandlerContext context, String storyId, Throwable cause,
                                                     byte[] original) {
        String location = location(context);
        String message = location + (storyId == null ? "" : " (story '" + storyId + "')") + ": " + problem + ". "
                + advice;
        DeadLetter deadLetter = deadLetters.create(reasonCode, message,
                context.topic() == null ? Origin.newBuilder().build()
                        : DeadLetters.kafkaOrigin(context.topic(), context.partition(), context.offset()),
                storyId, cause, original);
        byte[] value = serializer.serialize(topic, deadLetter);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null,
                DeadLetters.key(deadLetter).getBytes(StandardCharsets.UTF_8), value,
                DeadLetters.headers(deadLetter));
        metrics.deadLettered(reasonCode);
        return record;
    }

    /** {@code topic-partition@offset} of the input a handler is told about. */
    static String location(ErrorHandlerContext context) {
        return context.topic() == null ? "an input record (location unknown)"
                : context.topic() + "-" + context.partition() + "@" + context.offset();
    }

    /** The story id in a raw record key (story ids are UTF-8 keys), or null. */
    static String storyId(byte[] rawKey) {
        return rawKey == null ? null : new String(rawKey, StandardCharsets.UTF_8);
    }

    /** The message of a failure and of its causes, for a person. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 600; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append("; caused by ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.toString();
    }
}
