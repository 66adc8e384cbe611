package io.wirewatch.sink;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.wirewatch.sink.archive.ArchiveSink;
import io.wirewatch.sink.pipeline.RecordSink;
import io.wirewatch.sink.postgres.PostgresDatabase;
import io.wirewatch.sink.postgres.PostgresSettings;
import io.wirewatch.sink.postgres.PostgresSink;
import java.util.ArrayList;
import java.util.List;

/** The sinks {@code sink.sinks} enables, archive first (the record of everything, which replay reads). */
public final class Sinks {

    private Sinks() {
    }

    /** Creates the enabled sinks; PostgreSQL's pool is opened and its schema migrated here (failing fast). */
    public static List<RecordSink> fromConfig(SinkConfig config, MeterRegistry metrics) {
        List<RecordSink> sinks = new ArrayList<>();
        try {
            if (config.sinks().contains(SinkConfig.SINK_ARCHIVE)) {
                sinks.add(new ArchiveSink(config.archiveSettings(), metrics, System::currentTimeMillis));
            }
            if (config.sinks().contains(SinkConfig.SINK_POSTGRES)) {
                sinks.add(postgres(config.postgresSettings(), metrics));
            }
            return sinks;
        } catch (RuntimeException e) {
            sinks.forEach(RecordSink::close);
            throw e;
        }
    }

    /** The PostgreSQL sink: a pool, migrated when {@code postgres.migrate} is set. */
    public static PostgresSink postgres(PostgresSettings settings, MeterRegistry metrics) {
        if (settings.migrate()) {
            PostgresDatabase.migrate(settings);
        }
        HikariDataSource pool = PostgresDatabase.open(settings, metrics);
        try {
            return new PostgresSink(pool, pool, metrics);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }
}
