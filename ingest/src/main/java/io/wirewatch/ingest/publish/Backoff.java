package io.wirewatch.ingest.publish;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the n-th wait is uniform in [base * 2^(n-1) / 2, base * 2^(n-1)], capped at
 * {@code max}. Jitter keeps many feeds or instances from retrying in lockstep. Not thread-safe; one per retry loop.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;
    private int failures;

    /** @param random uniform values in [0, 1): {@code Math::random} in production, fixed in tests */
    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** Records a failure and returns how long to wait before the next attempt. */
    public Duration next() {
        failures++;
        double exponential = base.toMillis() * Math.pow(2, Math.min(failures - 1, 30));
        double capped = Math.min(exponential, max.toMillis());
        return Duration.ofMillis(Math.round(capped / 2 + random.getAsDouble() * capped / 2));
    }

    /** Records a success: the next failure starts from the base again. */
    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
