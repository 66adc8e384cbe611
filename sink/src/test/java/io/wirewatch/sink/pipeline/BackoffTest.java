package io.wirewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheInitialDelayUpToTheCapAndResetsAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3));

        assertThat(IntStream.range(0, 5).mapToLong(i -> backoff.nextDelayMs()).toArray())
                .containsExactly(500, 1000, 2000, 3000, 3000);
        assertThat(backoff.failures()).isEqualTo(5);

        backoff.reset();

        assertThat(backoff.nextDelayMs()).isEqualTo(500);
    }

    @Test
    void manyFailuresNeverOverflowTheDelay() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMinutes(1));

        IntStream.range(0, 200).forEach(i -> backoff.nextDelayMs());

        assertThat(backoff.nextDelayMs()).isEqualTo(60_000);
    }
}
