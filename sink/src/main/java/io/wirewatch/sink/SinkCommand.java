package io.wirewatch.sink;

import io.wirewatch.platform.cli.ConfigOptions;
import io.wirewatch.platform.runtime.ServiceRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wirewatch sink}: runs the sink service until stopped. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = {
            "Consumes enriched stories from news.enriched and writes each exactly once to an Avro archive "
                    + "(dt=YYYY-MM-DD/ files, the input of 'replay --archive') and to PostgreSQL (stories, topics, "
                    + "countries, cooperations and evidence; full-text search). Offsets are committed only after "
                    + "every enabled sink holds the records durably; bad records go to news.deadletter.",
            "Health and metrics on http.port (default 8093): /health/live, /health/ready, /metrics."})
public final class SinkCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        SinkConfig config = new SinkConfig(options.load());
        return ServiceRunner.run("sink", new SinkService(config), config.shutdownTimeout());
    }
}
