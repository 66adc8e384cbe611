package io.wirewatch.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the broker backend of this test JVM: {@code WIREWATCH_TEST_BACKEND=embedded|testcontainers} when set,
 * else Testcontainers when a Docker engine answers, else the embedded KRaft broker.
 */
public final class Backends {

    /** Environment variable (or system property {@code wirewatch.test.backend}) that forces a backend. */
    public static final String BACKEND_ENV = "WIREWATCH_TEST_BACKEND";

    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);

    private Backends() {
    }

    /** The backend name this JVM will use. */
    public static String selectedName() {
        String forced = System.getProperty("wirewatch.test.backend", System.getenv(BACKEND_ENV));
        if (forced != null && !forced.isBlank()) {
            String name = forced.trim().toLowerCase(Locale.ROOT);
            if (!name.equals("embedded") && !name.equals("testcontainers")) {
                throw new IllegalArgumentException(BACKEND_ENV + "=" + forced + ": use embedded or testcontainers");
            }
            return name;
        }
        return dockerReachable() ? "testcontainers" : "embedded";
    }

    static KafkaBackend start() {
        String name = selectedName();
        LOG.info("Integration tests use the {} Kafka backend", name);
        return name.equals("testcontainers") ? new TestcontainersBackend() : new EmbeddedBackend();
    }

    /** True when a Docker engine answers; cheap when there is plainly none (no socket, no DOCKER_HOST). */
    static boolean dockerReachable() {
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
