package io.wirewatch.sink.pipeline;

import io.wirewatch.platform.deadletter.FailureKind;

/**
 * A failure of one part of the sink (a sink, the registry, the dead-letter producer) while handling a batch, already
 * sorted: {@link FailureKind#RETRIABLE} pauses consumption and retries with backoff, {@link FailureKind#FATAL} stops
 * the service. Bad records never surface as a SinkFailure: they are dead-lettered.
 */
public final class SinkFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String component;
    private final transient FailureKind kind;

    public SinkFailure(String component, FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.component = component;
        this.kind = kind;
    }

    /** What failed: a sink's name, {@code registry} or {@code deadletter}. */
    public String component() {
        return component;
    }

    public FailureKind kind() {
        return kind;
    }
}
