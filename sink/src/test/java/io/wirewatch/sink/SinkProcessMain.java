package io.wirewatch.sink;

import io.wirewatch.platform.config.ConfigLoader;
import java.nio.file.Path;

/**
 * Runs the sink service in a JVM of its own until the process is killed: the subject of {@link SinkKillIT}. Prints
 * one line when it consumes; never stops by itself unless the loop dies.
 */
public final class SinkProcessMain {

    /** The line printed once the service runs. */
    static final String STARTED = "SINK PROCESS STARTED";

    private SinkProcessMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SinkService service = new SinkService(new SinkConfig(ConfigLoader.readProperties(Path.of(args[0]))));
        service.start();
        System.out.println(STARTED + " " + service.url());
        System.out.flush();
        service.awaitTermination();
        System.exit(1);
    }
}
