package io.wirewatch.enrich.errors;

import io.wirewatch.platform.deadletter.FailureKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Third error layer: an output that cannot be serialized (the registry refuses its schema) or that the broker
 * refuses for its own sake (too large) goes to the dead-letter topic with the input's original bytes, and processing
 * continues. Retriable send errors are retried; fatal ones (authorization) fail the thread.
 */
public final class EnrichProductionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichProductionHandler.class);

    private DeadLetterRouter router;

    @Override
    public void configure(Map<String, ?> configs) {
        this.router = DeadLetterRouter.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        if (FailureKind.of(exception) == FailureKind.FATAL) {
            LOG.error("Cannot write to {}: {}", record.topic(), DeadLetterRouter.describe(exception));
            return Response.fail();
        }
        String storyId = DeadLetterRouter.storyId(record.key());
        boolean tooLarge = exception instanceof RecordTooLargeException;
        LOG.warn("{} (story '{}'): the broker refused the output to {}, sent to the dead-letter topic: {}",
                DeadLetterRouter.location(context), storyId, record.topic(), DeadLetterRouter.describe(exception));
        return Response.resume(List.of(router.deadLetter(tooLarge ? "TOO_LARGE" : "PRODUCTION",
                "the broker refused the enriched output for topic " + record.topic() + ": "
                        + DeadLetterRouter.describe(exception),
                tooLarge ? "Raise max.message.bytes of " + record.topic() + " and producer.max.request.size, or "
                        + "shorten the story, then replay it."
                        : "Check the topic " + record.topic() + " and the broker logs, then replay the story.",
                context, storyId, exception, context.sourceRawValue())));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        FailureKind kind = FailureKind.of(exception);
        String storyId = record.key() instanceof String id ? id : DeadLetterRouter.storyId(context.sourceRawKey());
        if (kind != FailureKind.BAD_DATA) {
            LOG.error("{} (story '{}'): cannot serialize the output for {} ({}, {}); stopping this stream thread so "
                            + "it is retried", DeadLetterRouter.location(context), storyId, record.topic(), kind,
                    DeadLetterRouter.describe(exception));
            return Response.fail();
        }
        LOG.warn("{} (story '{}'): output for {} cannot be serialized, sent to the dead-letter topic: {}",
                DeadLetterRouter.location(context), storyId, record.topic(), DeadLetterRouter.describe(exception));
        return Response.resume(List.of(router.deadLetter("SCHEMA",
                "the " + origin.name().toLowerCase(Locale.ROOT) + " of the output for topic "
                        + record.topic() + " cannot be serialized: " + DeadLetterRouter.describe(exception),
                "Check the subject " + record.topic() + "-value in the schema registry accepts this wirewatch "
                        + "version's schema (compatibility), then replay the story.",
                context, storyId, exception, context.sourceRawValue())));
    }
}
