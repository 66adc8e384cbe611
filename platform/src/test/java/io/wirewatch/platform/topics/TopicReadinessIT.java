package io.wirewatch.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.testkit.KafkaExtension;
import io.wirewatch.testkit.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaExtension.class)
class TopicReadinessIT {

    @Test
    void waitsThroughTheMomentTheBrokerDoesNotKnowTheTopicYet(TestKafka kafka) throws Exception {
        String topic = TestKafka.uniqueName("ready-later");
        CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
            try {
                TopicReadiness.awaitServed(kafka.admin(), Map.of(topic, 3), Duration.ofSeconds(30));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the topic does not exist when the wait begins: the first answers are UNKNOWN_TOPIC_OR_PARTITION
        kafka.admin().createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);

        served.get(30, TimeUnit.SECONDS);
        assertThat(kafka.admin().listOffsets(Map.of(new TopicPartition(topic, 2),
                OffsetSpec.latest())).all().get()).hasSize(1);
    }

    @Test
    void aTopicThatNeverComesIsAnErrorNamingItAfterTheTimeout(TestKafka kafka) {
        String topic = TestKafka.uniqueName("never");

        assertThatThrownBy(() -> TopicReadiness.awaitServed(kafka.admin(), Map.of(topic, 1), Duration.ofSeconds(1)))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(UnknownTopicOrPartitionException.class)
                .hasMessageContaining(topic);
    }
}
