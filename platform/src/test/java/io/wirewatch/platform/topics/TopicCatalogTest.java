package io.wirewatch.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.platform.config.WirewatchConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicCatalogTest {

    @Test
    void catalogueDeclaresEveryPipelineTopicOnceWithItsSettings() {
        TopicCatalog catalog = TopicCatalog.from(new WirewatchConfig(WirewatchConfig.commonDef(0),
                Map.of("topic.enriched.prefix", "x.enriched.", "topics.partitions", "4")));

        assertThat(catalog.all()).extracting(TopicSpec::name).containsExactly(
                "news.raw", "news.enriched", "news.trends", "news.deadletter",
                "x.enriched.rnd", "x.enriched.exports", "x.enriched.training", "x.enriched.industrial",
                "x.enriched.security");
        assertThat(catalog.raw().configs()).containsEntry("message.timestamp.type", "LogAppendTime")
                .containsEntry("cleanup.policy", "delete");
        assertThat(catalog.trends().configs()).containsEntry("cleanup.policy", "compact,delete");
        assertThat(List.of(catalog.enriched(), catalog.enrichedFor("rnd"), catalog.trends()))
                .as("topics subscribers read are stored gzip whatever the producer sent")
                .allSatisfy(spec -> assertThat(spec.configs()).containsEntry("compression.type", "gzip"));
        assertThat(catalog.raw().configs()).doesNotContainKey("compression.type");
        assertThat(catalog.deadLetter().configs()).doesNotContainKey("compression.type");
        assertThat(catalog.raw().partitions()).isEqualTo(4);
        assertThat(catalog.raw().toNewTopic().replicationFactor()).as("broker default").isEqualTo((short) -1);
    }
}
