package io.wirewatch.sink.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the connection pool (HikariCP) and brings the schema up to date (Flyway, {@code db/migration}). */
public final class PostgresDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);

    /** Where the migrations live on the classpath. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private PostgresDatabase() {
    }

    /**
     * A pool of connections with batched inserts rewritten into multi-row statements, its metrics in
     * {@code metrics}.
     *
     * @throws IllegalStateException naming the URL and user when PostgreSQL cannot be reached or refuses the login
     */
    public static HikariDataSource open(PostgresSettings settings, MeterRegistry metrics) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("wirewatch-sink");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        config.setSchema(settings.schema());
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "wirewatch-sink");
        config.addDataSourceProperty("socketTimeout", String.valueOf(settings.socketTimeout().toSeconds()));
        if (metrics != null) {
            config.setMetricRegistry(metrics);
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot connect to PostgreSQL at " + settings.jdbcUrl() + " as "
                    + settings.user() + ": " + rootMessage(e) + ". Check postgres.jdbc.url, postgres.user and "
                    + "postgres.password, and that the server is up.", e);
        }
    }

    /**
     * Applies the pending migrations to the configured schema, over Flyway's own connections (it needs two at once,
     * which a small pool may not have to spare).
     */
    public static MigrateResult migrate(PostgresSettings settings) {
        String schema = settings.schema();
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .connectRetries(0)
                    .locations(MIGRATIONS)
                    .schemas(schema)
                    .createSchemas(true)
                    .load()
                    .migrate();
            LOG.info("PostgreSQL schema '{}' is at version {} ({} migration(s) applied now)", schema,
                    result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted);
            return result;
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot migrate the PostgreSQL schema '" + schema + "' at "
                    + settings.jdbcUrl() + " as " + settings.user() + ": " + rootMessage(e) + ". Check "
                    + "postgres.jdbc.url, postgres.user and postgres.password and that the user may create tables in "
                    + "the schema, or apply " + MIGRATIONS + " by hand and set postgres.migrate=false.", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
