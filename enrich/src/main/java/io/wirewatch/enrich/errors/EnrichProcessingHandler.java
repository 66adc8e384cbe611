package io.wirewatch.enrich.errors;

import io.wirewatch.platform.deadletter.FailureKind;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Second error layer: a story a processor fails on (the tagger throws, the story has no value) goes to the
 * dead-letter topic with the input's original bytes, and processing continues. Failures that are not the story's
 * fault (retriable I/O, authorization, configuration) fail the thread instead.
 */
public final class EnrichProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessingHandler.class);

    private DeadLetterRouter router;

    @Override
    public void configure(Map<String, ?> configs) {
        this.router = DeadLetterRouter.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        FailureKind kind = FailureKind.of(exception);
        String storyId = record.key() instanceof String id ? id : DeadLetterRouter.storyId(context.sourceRawKey());
        if (kind != FailureKind.BAD_DATA) {
            LOG.error("{} (story '{}'): processor {} failed ({}, {}); stopping this stream thread so it is retried",
                    DeadLetterRouter.location(context), storyId, context.processorNodeId(), kind,
                    DeadLetterRouter.describe(exception));
            return Response.fail();
        }
        LOG.warn("{} (story '{}'): processor {} failed, story sent to the dead-letter topic: {}",
                DeadLetterRouter.location(context), storyId, context.processorNodeId(),
                DeadLetterRouter.describe(exception));
        return Response.resume(List.of(router.deadLetter("PROCESSING",
                "step '" + context.processorNodeId() + "' failed on the story: " + DeadLetterRouter.describe(exception),
                "The story was skipped. Fix the story (or the taxonomy, if the tagger failed), then replay it.",
                context, storyId, exception, context.sourceRawValue())));
    }
}
