package io.wirewatch.testkit;

import java.util.function.Function;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * One schema registry per test JVM next to the shared broker: Confluent's own {@code cp-schema-registry} image when
 * the Testcontainers backend runs, else the project's registry started in-process by the given starter (kept out of
 * this module so the registry module can use the testkit for its own tests).
 *
 * <pre>{@code
 * String url = TestRegistry.url(bootstrap -> {
 *     RegistryServer server = RegistryServer.start(...bootstrap...);
 *     return new TestRegistry.Running(server.url(), server::close);
 * });
 * }</pre>
 */
public final class TestRegistry {

    static final String REGISTRY_IMAGE = "confluentinc/cp-schema-registry:7.9.1";

    /** A started registry: its URL and how to stop it. */
    public record Running(String url, AutoCloseable stopper) {
    }

    private static Running running;

    private TestRegistry() {
    }

    /** The URL of the JVM's registry, started on first call. */
    public static synchronized String url(Function<String, Running> embeddedStarter) {
        if (running == null) {
            TestcontainersBackend containers = SharedKafka.containers();
            Running started = containers != null ? startContainer(containers)
                    : embeddedStarter.apply(SharedKafka.get().bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.stopper().close();
                } catch (Exception e) {
                    // the JVM is exiting: nothing left to tell
                }
            }, "wirewatch-test-registry-shutdown"));
            running = started;
        }
        return running.url();
    }

    @SuppressWarnings("resource")
    private static Running startContainer(TestcontainersBackend kafka) {
        GenericContainer<?> registry = new GenericContainer<>(REGISTRY_IMAGE)
                .withNetwork(kafka.network())
                .withExposedPorts(8081)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS",
                        "PLAINTEXT://" + TestcontainersBackend.NETWORK_BOOTSTRAP)
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
        registry.start();
        return new Running("http://" + registry.getHost() + ":" + registry.getMappedPort(8081), registry::stop);
    }
}
