package io.wirewatch.enrich.trends;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.avro.TrendCount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendAggregateTest {

    @Test
    void countsEachStoryOnceAndKeepsTheLatestTaxonomyVersion() {
        TrendAggregate aggregate = TrendAggregate.empty()
                .add(new TrendHit(TrendHit.storyHash("a"), "t/1"))
                .add(new TrendHit(TrendHit.storyHash("b"), "t/1"))
                .add(new TrendHit(TrendHit.storyHash("a"), "t/2"));

        assertThat(aggregate.count()).isEqualTo(2);
        assertThat(aggregate.taxonomyVersion()).isEqualTo("t/2");
    }

    @Test
    void serdeRoundTripsTheAggregate() {
        TrendAggregate aggregate = TrendAggregate.empty().add(new TrendHit(-5, "défense/1"))
                .add(new TrendHit(Long.MAX_VALUE, "défense/1"));

        byte[] bytes = TrendAggregate.serde().serializer().serialize("t", aggregate);
        TrendAggregate read = TrendAggregate.serde().deserializer().deserialize("t", bytes);

        assertThat(read.storyHashes()).containsExactly(-5, Long.MAX_VALUE);
        assertThat(read.taxonomyVersion()).isEqualTo("défense/1");
    }

    @Test
    void trendCountSplitsTopicAndParties() {
        TrendCount count = TrendAggregate.empty().add(new TrendHit(1, "t/1"))
                .toTrendCount(Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-02T00:00:00Z"),
                        "security|IL+IN+JP");

        assertThat(count.getTopic()).isEqualTo("security");
        assertThat(count.getParties()).containsExactly("IL", "IN", "JP");
        assertThat(count.getCount()).isEqualTo(1);
    }

    @Test
    void keysShowTheDateForDayWindowsAndTheInstantOtherwise() {
        Instant start = Instant.parse("2024-05-01T06:00:00Z");

        assertThat(TrendKeys.key(Instant.parse("2024-05-01T00:00:00Z"), Duration.ofDays(1), "rnd|IL+IN"))
                .isEqualTo("2024-05-01|rnd|IL+IN");
        assertThat(TrendKeys.key(start, Duration.ofHours(6), "rnd|IL+IN"))
                .isEqualTo("2024-05-01T06:00:00Z|rnd|IL+IN");
        assertThat(TrendKeys.parties(List.of("IN", "IL"))).isEqualTo("IL+IN");
    }
}
