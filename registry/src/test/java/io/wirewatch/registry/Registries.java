package io.wirewatch.registry;

import io.wirewatch.testkit.TestKafka;
import java.util.HashMap;
import java.util.Map;

/** Starting registries on the shared test broker, each on its own store topic. */
final class Registries {

    private Registries() {
    }

    /** Settings of a registry on any free port with the given store topic. */
    static Map<String, Object> settings(TestKafka kafka, String topic) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", "0");
        settings.put(RegistryConfig.TOPIC, topic);
        settings.put(RegistryConfig.STORE_TIMEOUT_MS, "15000");
        return settings;
    }

    static RegistryServer start(TestKafka kafka, String topic) {
        return RegistryServer.start(new RegistryConfig(settings(kafka, topic)));
    }

    static RegistryServer start(Map<String, Object> settings) {
        return RegistryServer.start(new RegistryConfig(settings));
    }
}
