package io.wirewatch.enrich.errors;

import io.wirewatch.platform.deadletter.FailureKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fourth error layer: a stream thread that dies of an error the other handlers did not absorb (the registry or broker
 * unreachable for too long, a bug) is replaced, so the task resumes from its last commit, up to {@code max} times
 * within {@code window}; then, or at once for fatal errors (authorization, configuration), the whole application
 * shuts down with the reason reported to {@code onShutdown} (the service marks itself not live).
 */
public final class ThreadReplacementPolicy implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadReplacementPolicy.class);

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Consumer<String> onShutdown;
    private final Deque<Instant> replacements = new ArrayDeque<>();

    public ThreadReplacementPolicy(int max, Duration window, Clock clock, Consumer<String> onShutdown) {
        this.max = max;
        this.window = window;
        this.clock = clock;
        this.onShutdown = onShutdown;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        String reason = DeadLetterRouter.describe(exception);
        if (FailureKind.of(exception) == FailureKind.FATAL) {
            return shutdown("fatal error: " + reason + ". Fix the configuration or permissions and restart.",
                    exception);
        }
        Instant now = clock.instant();
        while (!replacements.isEmpty() && replacements.peekFirst().isBefore(now.minus(window))) {
            replacements.removeFirst();
        }
        if (replacements.size() >= max) {
            return shutdown(replacements.size() + " stream threads died within " + window + ", the last of: "
                    + reason + ". Check the broker and schema registry, then restart.", exception);
        }
        replacements.addLast(now);
        LOG.warn("A stream thread died ({}); replacing it ({} of {} within {}); its tasks resume from their last "
                + "commit", reason, replacements.size(), max, window, exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    private StreamThreadExceptionResponse shutdown(String reason, Throwable exception) {
        LOG.error("Shutting down the enrich application: {}", reason, exception);
        onShutdown.accept(reason);
        return StreamThreadExceptionResponse.SHUTDOWN_APPLICATION;
    }
}
