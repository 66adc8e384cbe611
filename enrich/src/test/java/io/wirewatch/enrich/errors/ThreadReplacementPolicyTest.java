package io.wirewatch.enrich.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.enrich.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadReplacementPolicyTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));
    private final List<String> shutdownReasons = new ArrayList<>();
    private final ThreadReplacementPolicy policy = new ThreadReplacementPolicy(2, Duration.ofMinutes(10), clock,
            shutdownReasons::add);

    @Test
    void deadThreadsAreReplacedUpToTheCapThenTheApplicationShutsDown() {
        StreamsException failure = new StreamsException(new IllegalStateException("registry unreachable"));

        assertThat(policy.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(policy.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(policy.handle(failure)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_APPLICATION);
        assertThat(shutdownReasons).singleElement().asString().contains("2 stream threads died",
                "registry unreachable");
    }

    @Test
    void replacementsOlderThanTheWindowNoLongerCount() {
        StreamsException failure = new StreamsException("broker gone");
        policy.handle(failure);
        policy.handle(failure);

        clock.advance(Duration.ofMinutes(11));

        assertThat(policy.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(shutdownReasons).isEmpty();
    }

    @Test
    void fatalErrorShutsTheApplicationDownAtOnce() {
        StreamsException failure = new StreamsException(new TopicAuthorizationException("not allowed to write"));

        assertThat(policy.handle(failure)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_APPLICATION);
        assertThat(shutdownReasons).singleElement().asString().contains("fatal", "not allowed to write");
    }
}
