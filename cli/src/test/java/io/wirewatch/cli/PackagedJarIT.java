package io.wirewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirewatch.testkit.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar users run ({@code java -jar cli/target/wirewatch.jar}, what {@code ./wirewatch} and the Docker image
 * start), with only its manifest's {@code lib/} classpath: a dependency missing at runtime shows here, not in the
 * tests' own classpath.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "wirewatch.jar").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void thePackagedJarTagsAStoryOfflineWithItsOwnClasspath() throws Exception {
        Path input = Files.writeString(dir.resolve("stories.jsonl"), "{\"id\": \"s-1\", \"text\": \"Troops from "
                + "Kenya and Uganda began a joint military exercise near the border on Monday, training together in "
                + "counter-insurgency tactics.\"}\n");

        Processes.Result tagged = java("tag", "--input", input.toString());

        assertThat(tagged.exit()).as("wirewatch tag:%n%s", tagged.output()).isZero();
        assertThat(tagged.stdout()).contains("\"id\":\"s-1\"").contains("\"training\"").contains("\"KE\"")
                .contains("\"UG\"");
    }

    @Test
    void everyCommandLoadsAndExplainsItself() throws Exception {
        for (String command : Wirewatch.commandLine().getSubcommands().keySet()) {
            if (command.equals("help")) {
                continue;
            }
            Processes.Result help = java(command, "--help");
            assertThat(help.exit()).as("wirewatch %s --help:%n%s", command, help.output()).isZero();
            assertThat(help.stdout()).contains("Usage: wirewatch " + command);
        }
    }

    private Processes.Result java(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command[1] = "-jar";
        command[2] = JAR.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        return Processes.run(dir, Duration.ofSeconds(60), Map.of(), command);
    }
}
