package io.wirewatch.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external command to completion with a timeout, capturing its output. */
public final class Processes {

    /** Exit code ({@code -1} when killed at the timeout), standard output, and stdout + stderr together. */
    public record Result(int exit, String stdout, String output) {
    }

    private Processes() {
    }

    public static Result run(Path dir, Duration timeout, Map<String, String> env, String... command)
            throws IOException {
        Path out = Files.createTempFile("wirewatch-process", ".out");
        Path err = Files.createTempFile("wirewatch-process", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            String stdout = Files.readString(out);
            String output = stdout + Files.readString(err);
            return new Result(done ? process.exitValue() : -1, stdout,
                    done ? output : output + "\n(killed after " + timeout + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** True when the command runs and exits 0 within 30 s. */
    public static boolean succeeds(String... command) {
        try {
            return run(Path.of("."), Duration.ofSeconds(30), Map.of(), command).exit() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
