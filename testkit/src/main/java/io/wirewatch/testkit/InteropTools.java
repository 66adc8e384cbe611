package io.wirewatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The third-party Confluent-compatible clients of {@code ../shared/tools/interop} (Confluent's JS registry client and
 * serde, {@code @kafkajs/confluent-schema-registry}, kafkajs; the Python client when installed), copied to a
 * directory of the build and installed there from npm. {@code ../shared} itself is never written.
 */
public final class InteropTools {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private final Path dir;

    private InteropTools(Path dir) {
        this.dir = dir;
    }

    /**
     * The tools, ready to run, or empty with the reason why not ({@code ../shared} or node/npm missing), for a
     * visible skip.
     *
     * @param workDir where to copy and install them, e.g. {@code target/interop}
     * @param whyNot receives the reason when the tools are unavailable
     */
    public static Optional<InteropTools> prepare(Path workDir, Consumer<String> whyNot)
            throws IOException {
        Optional<Path> shared = SharedFiles.find("tools/interop/test/e2e.sh").map(p -> p.getParent().getParent());
        if (shared.isEmpty()) {
            whyNot.accept("skipped: ../shared/tools/interop not found next to the repository");
            return Optional.empty();
        }
        if (!Processes.succeeds("node", "--version") || !Processes.succeeds("npm", "--version")) {
            whyNot.accept("skipped: node and npm are needed to run the third-party interop clients");
            return Optional.empty();
        }
        Path dir = workDir.toAbsolutePath();
        copy(shared.get(), dir);
        if (!Files.isDirectory(dir.resolve("node_modules/@confluentinc/schemaregistry"))) {
            Processes.Result install = Processes.run(dir, INSTALL_TIMEOUT, Map.of(), "bash", "install.sh");
            if (install.exit() != 0) {
                throw new IllegalStateException("npm install of the interop clients failed:\n" + install.output());
            }
        }
        return Optional.of(new InteropTools(dir));
    }

    public Path dir() {
        return dir;
    }

    /** Runs a script of the tools (e.g. {@code consume-avro}) with arguments, in the tools' directory. */
    public Processes.Result run(Duration timeout, Map<String, String> env, String... command) throws IOException {
        return Processes.run(dir, timeout, env, command);
    }

    /**
     * {@code consume-avro BOOTSTRAP REGISTRY TOPIC N}: reads N values from the beginning with Confluent's JS serde
     * (and {@code @kafkajs}'s, which must agree), one Avro-JSON line each. Exit 0 when all N decoded.
     */
    public Processes.Result consumeAvro(String bootstrap, String registryUrl, String topic, int count,
                                        Duration timeout) throws IOException {
        return run(timeout, Map.of("TIMEOUT_S", String.valueOf(timeout.toSeconds())),
                dir.resolve("consume-avro").toString(), bootstrap, registryUrl, topic, String.valueOf(count));
    }

    /** Copies the tools (not any node_modules) and makes the copy writable, keeping the executable bits. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.filter(p -> !from.relativize(p).startsWith("node_modules")).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
                Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(target));
                permissions.add(PosixFilePermission.OWNER_WRITE);
                Files.setPosixFilePermissions(target, permissions);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
