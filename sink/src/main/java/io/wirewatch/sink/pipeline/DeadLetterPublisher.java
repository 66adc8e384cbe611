package io.wirewatch.sink.pipeline;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.platform.deadletter.DeadLetters;
import io.wirewatch.platform.deadletter.FailureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends rejected records to the dead-letter topic and, before the loop commits the batch, waits until the broker
 * acknowledged every one: a rejected record's offset is never committed before its dead letter is safe.
 */
public final class DeadLetterPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final Producer<String, DeadLetter> producer;
    private final String topic;
    private final DeadLetters deadLetters;
    private final List<Pending> pending = new ArrayList<>();

    private record Pending(Rejection rejection, Future<RecordMetadata> ack) {
    }

    public DeadLetterPublisher(Producer<String, DeadLetter> producer, String topic, DeadLetters deadLetters) {
        this.producer = producer;
        this.topic = topic;
        this.deadLetters = deadLetters;
    }

    /** Sends the dead letter of a rejected record; {@link #awaitAcknowledged()} waits for it. */
    public void publish(Rejection rejection) {
        DeadLetter letter = deadLetters.create(rejection.reasonCode(), rejection.message(),
                DeadLetters.kafkaOrigin(rejection.topic(), rejection.partition(), rejection.offset()),
                rejection.storyId(), rejection.cause(), rejection.original());
        LOG.warn("Dead-lettering {}: {}", rejection.location(), rejection.message());
        ProducerRecord<String, DeadLetter> record = new ProducerRecord<>(topic, null, DeadLetters.key(letter), letter,
                DeadLetters.headers(letter));
        try {
            pending.add(new Pending(rejection, producer.send(record, (metadata, error) -> {
                if (error != null) {
                    LOG.warn("Dead letter of {} was not acknowledged: {}", rejection.location(), error.toString());
                }
            })));
        } catch (RuntimeException e) {
            throw failure(rejection, e);
        }
    }

    private SinkFailure failure(Rejection rejection, Throwable error) {
        FailureKind kind = FailureKind.of(error) == FailureKind.FATAL ? FailureKind.FATAL : FailureKind.RETRIABLE;
        return new SinkFailure("deadletter", kind, "Cannot write the dead letter of " + rejection.location() + " to "
                + topic + ": " + error + "; check that the topic exists and the broker (and registry) accept writes",
                error);
    }

    /**
     * Waits until every dead letter sent since the last call is acknowledged.
     *
     * @throws SinkFailure naming the first record whose dead letter failed (retriable unless the broker refuses us)
     */
    public int awaitAcknowledged() {
        if (pending.isEmpty()) {
            return 0;
        }
        List<Pending> sent = List.copyOf(pending);
        pending.clear();
        producer.flush();
        for (Pending p : sent) {
            try {
                p.ack().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SinkFailure("deadletter", FailureKind.RETRIABLE, "Interrupted while waiting for the dead "
                        + "letter of " + p.rejection().location(), e);
            } catch (ExecutionException e) {
                throw failure(p.rejection(), e.getCause());
            }
        }
        return sent.size();
    }

    /** Forgets dead letters not yet acknowledged (after a failure the records are read and rejected again). */
    public void discardPending() {
        pending.clear();
    }
}
