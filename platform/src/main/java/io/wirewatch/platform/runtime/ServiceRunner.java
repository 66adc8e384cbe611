package io.wirewatch.platform.runtime;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a long-lived service until the JVM is asked to stop: starts it, installs a named shutdown hook that closes it
 * within a deadline, and waits on a latch. The interrupt flag is restored if the wait is interrupted.
 */
public final class ServiceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    /** A service the runner can start and stop. */
    public interface Service extends AutoCloseable {
        /** Starts the service; returns once it runs. */
        void start();

        /** Blocks until the service stops by itself (e.g. a fatal error), or returns at once if it never does. */
        default void awaitTermination() throws InterruptedException {
            new CountDownLatch(1).await();
        }

        /** Stops the service within the timeout, flushing what it holds. */
        void close(Duration timeout);

        @Override
        default void close() {
            close(Duration.ofSeconds(30));
        }
    }

    private ServiceRunner() {
    }

    /** Starts {@code service} and blocks until shutdown. Returns the process exit code. */
    public static int run(String name, Service service, Duration shutdownTimeout) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            LOG.info("Stopping {}", name);
            try {
                service.close(shutdownTimeout);
            } finally {
                stopped.countDown();
            }
        }, name + "-shutdown-hook");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            service.start();
            LOG.info("{} started", name);
            service.awaitTermination();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (RuntimeException e) {
            LOG.error("{} failed: {}", name, e.getMessage(), e);
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                service.close(shutdownTimeout);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook closes the service
                awaitQuietly(stopped);
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
