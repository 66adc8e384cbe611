package io.wirewatch.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.Stage;
import io.wirewatch.serde.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private final DeadLetters deadLetters = new DeadLetters(Stage.INGEST, "ingest-7", 8,
            Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void originalBytesAreKeptUpToTheLimitAndTheTruncationIsSaid() {
        byte[] original = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);

        DeadLetter letter = deadLetters.create("PARSE_ERROR", "bad.json line 3: unexpected end",
                DeadLetters.fileOrigin("spool", "bad.json", 3L), null, new IOException("eof"), original);

        assertThat(letter.getOriginal().remaining()).isEqualTo(8);
        assertThat(letter.getOriginalSize()).isEqualTo(16);
        assertThat(letter.getTruncated()).isTrue();
        assertThat(letter.getException()).isEqualTo("java.io.IOException");
        assertThat(letter.getInstance()).isEqualTo("ingest-7");
        assertThat(DeadLetters.key(letter)).isEqualTo("bad.json:3");
        assertThat(new String(DeadLetters.headers(letter).lastHeader(DeadLetters.HEADER_REASON).value(),
                StandardCharsets.UTF_8)).isEqualTo("PARSE_ERROR");
    }

    @Test
    void failuresAreSortedInOnePlace() {
        assertThat(FailureKind.of(new TimeoutException("broker"))).isEqualTo(FailureKind.RETRIABLE);
        assertThat(FailureKind.of(new SerializationException("x",
                new RegistryException(-1, -1, "down")))).isEqualTo(FailureKind.RETRIABLE);
        assertThat(FailureKind.of(new SerializationException("bad magic"))).isEqualTo(FailureKind.BAD_DATA);
        assertThat(FailureKind.of(new SerializationException("truncated", new java.io.EOFException())))
                .as("a truncated payload is bad data, not an I/O problem to retry").isEqualTo(FailureKind.BAD_DATA);
        assertThat(FailureKind.of(new IllegalArgumentException("no body"))).isEqualTo(FailureKind.BAD_DATA);
        assertThat(FailureKind.of(new SaslAuthenticationException("denied"))).isEqualTo(FailureKind.FATAL);
        assertThat(FailureKind.of(new ConfigException("bootstrap.servers", "x"))).isEqualTo(FailureKind.FATAL);
    }
}
