package io.wirewatch.sink.pipeline;

import java.time.Duration;

/** Exponential backoff: the initial delay, doubled after each failure in a row, capped; reset by a success. */
public final class Backoff {

    private final long initialMs;
    private final long maxMs;
    private int failures;

    public Backoff(Duration initial, Duration max) {
        this.initialMs = Math.max(1, initial.toMillis());
        this.maxMs = Math.max(initialMs, max.toMillis());
    }

    /** The delay before the next attempt, counting one more failure. */
    public long nextDelayMs() {
        int doublings = Math.min(failures, 30);
        failures++;
        return Math.min(maxMs, initialMs << doublings);
    }

    /** Failures in a row so far. */
    public int failures() {
        return failures;
    }

    public void reset() {
        failures = 0;
    }
}
