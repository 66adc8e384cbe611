package io.wirewatch.testkit;

/**
 * One broker per test JVM, shared by every test class: started on first use, stopped when the JVM exits.
 * Tests keep apart by unique topic names and application ids ({@link TestKafka#uniqueName(String)}).
 */
public final class SharedKafka {

    private static KafkaBackend backend;

    private SharedKafka() {
    }

    /** The JVM's broker, started on first call. */
    public static synchronized KafkaBackend get() {
        if (backend == null) {
            KafkaBackend started = Backends.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "wirewatch-test-kafka-shutdown"));
            backend = started;
        }
        return backend;
    }

    /** The Testcontainers backend, when that is the one running (for containers that join its network). */
    static synchronized TestcontainersBackend containers() {
        return get() instanceof TestcontainersBackend tc ? tc : null;
    }
}
