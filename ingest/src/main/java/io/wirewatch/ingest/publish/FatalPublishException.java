package io.wirewatch.ingest.publish;

/**
 * Publishing cannot go on: authentication, authorization or configuration is wrong, or the instance was fenced by
 * another one with the same {@code ingest.transactional.id}. The service stops with this message.
 */
public final class FatalPublishException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FatalPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
