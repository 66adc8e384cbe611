package io.wirewatch.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.wirewatch.sink.pipeline.RecordSink;
import java.util.List;

/** Creates the sinks a service writes to. {@link Sinks#fromConfig} is the production one. */
@FunctionalInterface
public interface SinkFactory {

    /**
     * @throws RuntimeException naming what is misconfigured or unreachable; sinks created before the failure are
     *     closed
     */
    List<RecordSink> create(SinkConfig config, MeterRegistry metrics);
}
