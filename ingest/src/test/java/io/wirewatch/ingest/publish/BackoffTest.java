package io.wirewatch.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsDoubleWithinTheirJitterBandUpToTheCap() {
        Backoff low = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.0);
        Backoff high = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.999_999);

        assertThat(new long[] {low.next().toMillis(), low.next().toMillis(), low.next().toMillis(),
            low.next().toMillis(), low.next().toMillis()}).containsExactly(50, 100, 200, 400, 500);
        assertThat(new long[] {high.next().toMillis(), high.next().toMillis(), high.next().toMillis(),
            high.next().toMillis(), high.next().toMillis()}).containsExactly(100, 200, 400, 800, 1000);
    }

    @Test
    void aSuccessStartsOverFromTheBase() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.0);
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.failures()).isZero();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(50));
    }
}
