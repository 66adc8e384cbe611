package io.wirewatch.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GcLogTest {

    @Test
    void peaksComeFromTheHeapBeforeAndAfterEachCollection() {
        String log = """
                [0.012s] Using G1
                [0.881s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 13M->6M(256M) 17.801ms
                [4.824s] GC(5) Concurrent Mark Cycle
                [4.842s] GC(5) Pause Remark 13M->13M(54M) 3.534ms
                [9.1s] GC(9) Pause Young (Normal) (G1 Evacuation Pause) 224M->159M(256M) 9.2ms
                [9.9s] GC(10) Pause Full (System.gc()) 180M->98M(256M) 120.0ms
                [10.0s] GC(11) Pause Young (Normal) (G1 Evacuation Pause) 512K->256K(1G) 1.0ms
                """;

        GcLog gc = GcLog.parse(log);

        assertThat(gc.collections()).isEqualTo(5);
        assertThat(gc.fullCollections()).isEqualTo(1);
        assertThat(gc.peakBeforeBytes()).isEqualTo(224L * 1024 * 1024);
        assertThat(gc.peakAfterBytes()).isEqualTo(159L * 1024 * 1024);
        assertThat(gc.maxCommittedBytes()).isEqualTo(1024L * 1024 * 1024);
    }

    @Test
    void aLogWithoutCollectionsHasNoPeaks() {
        GcLog gc = GcLog.parse("[0.012s] Using G1\n");

        assertThat(gc.collections()).isZero();
        assertThat(gc.peakBeforeBytes()).isEqualTo(-1);
    }
}
