package io.wirewatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackendsTest {

    @Test
    void uniqueNamesNeverRepeat() {
        assertThat(TestKafka.uniqueName("t")).isNotEqualTo(TestKafka.uniqueName("t")).startsWith("t-");
    }

    @Test
    void aForcedBackendIsHonoured() {
        System.setProperty("wirewatch.test.backend", "Embedded");
        try {
            assertThat(Backends.selectedName()).isEqualTo("embedded");
        } finally {
            System.clearProperty("wirewatch.test.backend");
        }
    }
}
