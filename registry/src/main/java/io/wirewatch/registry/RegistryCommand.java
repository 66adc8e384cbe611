package io.wirewatch.registry;

import io.wirewatch.platform.cli.ConfigOptions;
import io.wirewatch.platform.runtime.ServiceRunner;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wirewatch registry}: runs the Confluent-compatible schema registry until stopped. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {
            "Runs a Confluent-compatible schema registry (REST API for Avro) that keeps its state in a compacted "
                    + "Kafka topic (registry.topic, default _schemas) in Confluent's record format.",
            "Serves the API, /health/live, /health/ready and /metrics on http.port (default 8081).",
            "Settings: defaults < --config FILE < WIREWATCH_* environment < --set KEY=VALUE and flags."})
public final class RegistryCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
        RegistryConfig config = new RegistryConfig(options.load());
        return ServiceRunner.run("wirewatch-registry", new Service(config), Duration.ofSeconds(30));
    }

    /** The registry as a service the runner starts and stops. */
    static final class Service implements ServiceRunner.Service {
        private final RegistryConfig config;
        private volatile RegistryServer server;

        Service(RegistryConfig config) {
            this.config = config;
        }

        @Override
        public void start() {
            server = RegistryServer.start(config);
        }

        @Override
        public synchronized void close(Duration timeout) {
            RegistryServer running = server;
            server = null;
            if (running != null) {
                running.close(timeout);
            }
        }
    }
}
