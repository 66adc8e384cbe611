package io.wirewatch.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToAHundredIsTheRankItself() {
        List<Integer> values = IntStream.rangeClosed(1, 100).boxed().toList();

        Percentiles p = Percentiles.of(values);

        assertThat(p).isEqualTo(new Percentiles(100, 50, 90, 99, 100));
    }

    @Test
    void aSingleSlowValueIsTheP99OfFewerThanAHundred() {
        Percentiles p = Percentiles.of(List.of(10, 12, 11, 900, 13));

        assertThat(p.p50()).isEqualTo(12);
        assertThat(p.p99()).isEqualTo(900);
        assertThat(p.max()).isEqualTo(900);
    }

    @Test
    void noValuesGiveNotANumber() {
        assertThat(Percentiles.of(List.of()).p99()).isNaN();
    }
}
