package io.wirewatch.bench.e2e;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** What every benchmark command sets up in its own JVM before it starts a stack and child JVMs. */
final class BenchJvm {

    private static final String BENCH_JAR = "wirewatch-bench.jar";

    private BenchJvm() {
    }

    /** Warnings from wirewatch, errors from the Kafka clients, nothing from the in-process broker. */
    static void quietLogging() {
        Configurator.setLevel("io.wirewatch", Level.WARN);
        Configurator.setLevel("org.apache.kafka", Level.ERROR);
        Configurator.setLevel("kafka", Level.FATAL);
    }

    /** This JVM's classpath with absolute entries, for child JVMs started elsewhere. */
    static String classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    }

    /** This JVM's classpath without the bench jar: wirewatch-cli and its runtime dependencies, for the services. */
    static String serviceClasspath() {
        return Arrays.stream(classpath().split(File.pathSeparator)).filter(p -> !p.endsWith(BENCH_JAR))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
