package io.wirewatch.platform.deadletter;

import io.wirewatch.serde.RegistryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The one place failures are sorted: {@link #RETRIABLE} (I/O, broker or registry unavailable: retry with backoff),
 * {@link #BAD_DATA} (this input is wrong: dead-letter it and continue), {@link #FATAL} (auth, configuration: stop
 * with a clear message).
 */
public enum FailureKind {
    RETRIABLE, BAD_DATA, FATAL;

    /**
     * Sorts a failure that happened while handling one input. Unknown runtime exceptions count as bad data: the
     * input made the code fail, and the service must go on with the next one.
     */
    public static FailureKind of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof AuthorizationException
                    || t instanceof ConfigException) {
                return FATAL;
            }
            if (t instanceof RegistryException registry) {
                if (registry.isRetriable()) {
                    return RETRIABLE;
                }
                if (registry.status() == 401 || registry.status() == 403) {
                    return FATAL;
                }
                return BAD_DATA;
            }
            if (t instanceof SerializationException) {
                // the record's bytes are bad (truncated, wrong magic byte, unknown schema) unless the registry
                // behind the serde was unreachable: only that cause makes a retry worth it
                return registryCause(t.getCause()) == FailureKind.RETRIABLE ? RETRIABLE : BAD_DATA;
            }
            if (t instanceof RetriableException || t instanceof IOException || t instanceof UncheckedIOException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return RETRIABLE;
            }
            if (t instanceof OutOfMemoryError || t instanceof LinkageError) {
                return FATAL;
            }
        }
        return BAD_DATA;
    }

    private static FailureKind registryCause(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RegistryException registry) {
                return registry.isRetriable() ? RETRIABLE : BAD_DATA;
            }
        }
        return BAD_DATA;
    }
}
