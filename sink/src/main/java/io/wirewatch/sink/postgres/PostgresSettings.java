package io.wirewatch.sink.postgres;

import java.time.Duration;

/**
 * Where and how the PostgreSQL sink connects.
 *
 * @param schema schema the tables live in (created by the migrations when missing)
 * @param migrate run the Flyway migrations at startup
 */
public record PostgresSettings(String jdbcUrl, String user, String password, int poolSize, Duration connectTimeout,
                               Duration socketTimeout, String schema, boolean migrate) {

    @Override
    public String toString() {
        return "PostgresSettings[" + jdbcUrl + " as " + user + ", schema " + schema + ", pool " + poolSize + "]";
    }
}
