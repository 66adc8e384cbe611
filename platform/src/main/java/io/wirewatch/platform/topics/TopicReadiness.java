package io.wirewatch.platform.topics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Waits until the leader of every partition of some topics answers requests, not merely until the controller has
 * recorded the topics.
 *
 * <p>{@code createTopics} completes when the controller has committed the new topic; each broker applies it a moment
 * later. An idempotent producer that sends at once can see its first request refused ({@code NOT_LEADER_OR_FOLLOWER})
 * while a later in-flight request to the same partition is accepted; the first one's retries then fail with
 * {@code OUT_OF_ORDER_SEQUENCE_NUMBER} until {@code delivery.timeout.ms} expires its records (KAFKA-14359,
 * KAFKA-15591; CI met it here). Asking every partition's leader for its end offset closes that window before anyone
 * produces: the admin client retries while a leader is not ready, and this class retries while the broker does not
 * know the topic yet (the admin client gives up on that at once).
 */
public final class TopicReadiness {

    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private TopicReadiness() {
    }

    /**
     * @param partitions the topics and how many partitions of each to wait for (their first ones); the topics may be
     *     so new that this broker does not know them yet
     * @throws TimeoutException when some leader does not answer within {@code timeout}
     * @throws ExecutionException naming the broker's error, e.g. a topic that is not there at all
     */
    public static void awaitServed(Admin admin, Map<String, Integer> partitions, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = partitions.entrySet().stream()
                .flatMap(t -> IntStream.range(0, t.getValue()).mapToObj(p -> new TopicPartition(t.getKey(), p)))
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        if (request.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long remainingMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            int timeoutMs = (int) Math.min(remainingMs, Integer.MAX_VALUE);
            try {
                admin.listOffsets(request, new ListOffsetsOptions().timeoutMs(timeoutMs)).all()
                        .get(remainingMs + 1_000L, TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                // a broker that has not applied the new topic yet says it does not know it
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() + RETRY_NANOS > deadline) {
                    throw e;
                }
                TimeUnit.NANOSECONDS.sleep(RETRY_NANOS);
            }
        }
    }
}
