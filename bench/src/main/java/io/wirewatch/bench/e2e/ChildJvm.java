package io.wirewatch.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A service in its own JVM ({@code java -Xmx256m -cp <classpath> <main> args...}), output to a log file. Knows its
 * HTTP base (health) when it has one, reports its CPU time, and stops with SIGTERM (the services' shutdown hooks
 * close them gracefully) before resorting to a kill.
 */
final class ChildJvm implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final String httpBase;

    private ChildJvm(String name, Process process, Path log, String httpBase) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.httpBase = httpBase;
    }

    /**
     * @param jvmOptions e.g. -Xmx256m and JFR flags
     * @param httpBase {@code http://127.0.0.1:PORT} of its health and metrics, or null
     */
    static ChildJvm start(String name, List<String> jvmOptions, String classpath, String mainClass, List<String> args,
                          Path log, String httpBase) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("WIREWATCH_"));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new ChildJvm(name, builder.start(), log, httpBase);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the " + name + " JVM (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Waits for {@code /health/ready} to answer 200. */
    void awaitReady(Duration timeout) throws InterruptedException {
        awaitCondition("answer 200 on " + httpBase + "/health/ready", timeout, () -> get("/health/ready") == 200);
    }

    /** Waits until the log contains {@code text}. */
    void awaitLogLine(String text, Duration timeout) throws InterruptedException {
        awaitCondition("log '" + text + "'", timeout, () -> {
            try {
                return Files.readString(log, StandardCharsets.UTF_8).contains(text);
            } catch (IOException e) {
                return false;
            }
        });
    }

    private void awaitCondition(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The " + name + " JVM exited with code " + process.exitValue()
                        + " before it would " + what + "; its log " + log + " ends with:\n" + tail(30));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The " + name + " JVM did not " + what + " within "
                        + timeout.toSeconds() + " s; its log " + log + " ends with:\n" + tail(30));
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private int get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(httpBase + path)).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** CPU time the JVM used so far (user + system). */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Throws, naming the JVM and showing the end of its log, when it has exited. */
    void verifyAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("The " + name + " JVM exited with code " + process.exitValue()
                    + "; its log " + log + " ends with:\n" + tail(20));
        }
    }

    /** True when the log holds the text. */
    boolean logContains(String text) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** The last lines of the log. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, up to 60 s for a graceful stop, then a kill. Returns the exit code. */
    int stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
