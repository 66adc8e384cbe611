package io.wirewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaIT {

    @Test
    void twoBrokersRunSideBySideOnFreePortsAndCleanUp() throws Exception {
        java.nio.file.Path firstDir;
        try (EmbeddedKafka first = EmbeddedKafka.builder().start();
             EmbeddedKafka second = EmbeddedKafka.builder().start()) {
            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(first.dataDir()).isNotEqualTo(second.dataDir());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    first.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("embedded-it", 2, (short) 1))).all().get();
                assertThat(admin.listTopics().names().get()).contains("embedded-it");
            }
            firstDir = first.dataDir();
        }
        assertThat(firstDir).doesNotExist();
    }

    @Test
    void aTakenFixedPortIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedKafka.builder().port(taken.getLocalPort()).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()))
                    .hasMessageContaining("already in use");
        }
    }
}
