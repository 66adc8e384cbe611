package io.wirewatch.enrich.errors;

import io.wirewatch.platform.deadletter.FailureKind;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First error layer: a record of the input topic that cannot be read (not Avro, unknown schema id, truncated) goes to
 * the dead-letter topic with its original bytes, and processing continues with the next record. A registry that
 * cannot be reached is not the record's fault: the thread fails and is replaced (see
 * {@link ThreadReplacementPolicy}), so the record is read again once the registry is back.
 */
public final class EnrichDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichDeserializationHandler.class);

    private DeadLetterRouter router;

    @Override
    public void configure(Map<String, ?> configs) {
        this.router = DeadLetterRouter.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        FailureKind kind = FailureKind.of(exception);
        String storyId = DeadLetterRouter.storyId(record.key());
        if (kind != FailureKind.BAD_DATA) {
            LOG.error("{}: cannot read the record ({}, {}); stopping this stream thread so it is retried",
                    DeadLetterRouter.location(context), kind, DeadLetterRouter.describe(exception));
            return Response.fail();
        }
        LOG.warn("{}: unreadable record sent to the dead-letter topic: {}", DeadLetterRouter.location(context),
                DeadLetterRouter.describe(exception));
        return Response.resume(List.of(router.deadLetter("DESERIALIZATION",
                "the record is not a readable RawStory (" + DeadLetterRouter.describe(exception) + ")",
                "Check the producer writes Confluent-framed Avro RawStory values registered in the schema registry; "
                        + "the original bytes are in this dead letter.",
                context, storyId, exception, record.value())));
    }
}
